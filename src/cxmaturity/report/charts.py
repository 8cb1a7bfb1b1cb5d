"""Geometry of the reports' charts: the HTML report's radar of dimension levels against the
target level, and a metric's bands with its value (the scale, `band_scale`, shared with the
terminal's band chart). Only coordinates; the templates and the terminal draw them."""

from __future__ import annotations

import math
from dataclasses import dataclass

from cxmaturity.model.result import Assessment, MetricPlacement
from cxmaturity.report.palette import level_rank

#: One colour per level band of the palette, lowest first (the terminal's red→green order).
LEVEL_COLOURS = ("#c0392b", "#d68910", "#1f8a9e", "#1e8449")


def level_colour(level: int | None, top: int) -> str:
    """The colour of a level, spread over the palette like the terminal report's styles."""
    return "#8a8f98" if level is None else LEVEL_COLOURS[level_rank(level, top)]


@dataclass(frozen=True)
class Spoke:
    """One dimension's axis: its end, its label's anchor and lines, and its plotted level."""

    x: float
    y: float
    label_x: float
    label_y: float
    anchor: str
    lines: tuple[str, ...]
    level: int | None
    dot_x: float
    dot_y: float


@dataclass(frozen=True)
class Radar:
    """A radar chart in a square SVG of side `size`, centred at (`centre`, `centre`)."""

    size: float
    centre: float
    top_edge: float
    """The drawing is cropped to [top_edge, size - top_edge] vertically (labels need less room
    above and below than beside)."""
    rings: tuple[tuple[int, str, float, float], ...]
    """(level, polygon points, x and y of the ring's label, between the first two spokes)."""
    spokes: tuple[Spoke, ...]
    current: str
    target: str | None
    target_level: int | None


RADIUS = 120.0
PAD = 105.0


def _point(index: float, count: int, share: float) -> tuple[float, float]:
    angle = -math.pi / 2 + 2 * math.pi * index / count
    centre = RADIUS + PAD
    return (round(centre + RADIUS * share * math.cos(angle), 1),
            round(centre + RADIUS * share * math.sin(angle), 1))


def _polygon(shares: list[float]) -> str:
    return " ".join(f"{x},{y}" for x, y in (_point(i, len(shares), s)
                                            for i, s in enumerate(shares)))


def _wrap(text: str, width: int = 13, most: int = 4) -> tuple[str, ...]:
    """A label in lines of about `width` characters, at most `most` of them and none longer
    than twice `width`, cut with `…`: the drawing leaves room for no more above the top
    spoke (the dimensions table beside it gives every name whole)."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    cut = len(lines) > most
    lines = [line if len(line) <= 2 * width else line[:2 * width - 1] + "…"
             for line in lines[:most]]
    if cut and not lines[-1].endswith("…"):
        lines[-1] = lines[-1][:2 * width - 1] + "…"
    return tuple(lines)


def radar(result: Assessment) -> Radar:
    """Dimension levels (0 where not assessed) against the target level, on rings 1..top."""
    top = len(result.ladder)
    count = len(result.dimensions)
    target = result.next.number if result.next else None
    spokes = []
    for i, dim in enumerate(result.dimensions):
        x, y = _point(i, count, 1.0)
        lx, ly = _point(i, count, 1.12)
        dx, dy = _point(i, count, (dim.level or 0) / top)
        anchor = "middle" if abs(lx - (RADIUS + PAD)) < 8 else (
            "start" if lx > RADIUS + PAD else "end")
        name = dim.name if dim.level is not None else f"{dim.name} (not assessed)"
        spokes.append(Spoke(x, y, lx, ly, anchor, _wrap(name), dim.level, dx, dy))
    rings = tuple((n, _polygon([n / top] * count), *_point(0.5, count, n / top * 0.85))
                  for n in range(1, top + 1))
    return Radar(size=2 * (RADIUS + PAD), centre=RADIUS + PAD, top_edge=PAD - 45, rings=rings,
                 spokes=tuple(spokes),
                 current=_polygon([(d.level or 0) / top for d in result.dimensions]),
                 target=_polygon([target / top] * count) if target else None,
                 target_level=target)


@dataclass(frozen=True)
class Segment:
    """A band drawn on a 0-100 wide strip."""

    x: float
    width: float
    level: int
    basis: str
    colour: str


@dataclass(frozen=True)
class BandStrip:
    """A metric's bands to scale, the value's marker, and the end labels."""

    segments: tuple[Segment, ...]
    marker: float | None
    start: str
    end: str


def band_scale(metric: MetricPlacement) -> tuple[float, float]:
    """The stretch of values a band chart of `metric` shows, from `start` to `end`: every
    edge between its bands, with room for each open-ended band (half the stretch between the
    edges; with one edge, as far again as the edge is from 0, at least 1), and the value when
    it lies within one more such stretch (a value further out is marked at the end, so that
    a typo does not squeeze the bands away). It stops at 0 when no edge or value is
    negative and the bands reach above 0, and at 100 for a percentage with every edge and
    value below 100. The text report's band bar and the HTML report's strip share it."""
    edges = [e for b in metric.bands for e in (b.min, b.max) if e is not None]
    start, end = min(edges, default=0.0), max(edges, default=1.0)
    pad = (end - start) / 2 or max(abs(start), 1.0)
    values = [*edges, *([] if metric.value is None else [metric.value])]
    if any(b.min is None for b in metric.bands):
        start = start - pad if start <= 0 or any(v < 0 for v in values) else max(start - pad, 0)
    if any(b.max is None for b in metric.bands):
        percent = metric.unit == "percent" and all(v < 100 for v in values)
        end = min(end + pad, 100.0) if percent else end + pad
    if metric.value is not None:
        reach = max(end - start, 1.0)
        start = min(start, max(metric.value, start - reach))
        end = max(end, min(metric.value, end + reach))
    return start, end if end > start else start + 1.0


def band_strip(metric: MetricPlacement, top: int) -> BandStrip:
    """The bands of `metric` laid out on a 0-100 strip (:func:`band_scale`); gaps are left
    blank."""
    start, end = band_scale(metric)
    span = end - start

    def at(value: float) -> float:
        return round(min(100.0, max(0.0, (value - start) / span * 100)), 2)

    segments = tuple(
        Segment(x=at(start if b.min is None else b.min),
                width=at(end if b.max is None else b.max) - at(start if b.min is None else b.min),
                level=b.level, basis=b.basis, colour=level_colour(b.level, top))
        for b in metric.bands)
    unit = "%" if metric.unit == "percent" else ""
    return BandStrip(segments=segments,
                     marker=None if metric.value is None else at(metric.value),
                     start=f"{start:g}{unit}", end=f"{end:g}{unit}")
