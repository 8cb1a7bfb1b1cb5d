"""Lint rules for metrics: band gaps, overlaps and shared edges, and units that do not fit."""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterator

from cxmaturity.lint.rule import Found, Rule
from cxmaturity.model.bands import ordered
from cxmaturity.model.rubric import Metric
from cxmaturity.yaml.scalars import Path

BAND_OVERLAP = Rule("band-overlap", "error",
                    "two bands of a metric share values beyond a common edge")
BAND_GAP = Rule("band-gap", "warning", "values between, below or above the bands, with no "
                "declared `gaps:` rule")
AMBIGUOUS_EDGE = Rule("ambiguous-edge", "warning",
                      "bands share an edge and the metric does not declare `edges:`")
UNIT_MISMATCH = Rule("unit-mismatch", "error",
                     "a band edge or limit of a percent metric outside 0-100")
SUSPECT_UNIT = Rule("suspect-unit", "warning", "band edges that look like fractions, a `%` "
                    "label on a number, band edges outside `minimum`/`maximum`")
RULES = (BAND_OVERLAP, BAND_GAP, AMBIGUOUS_EDGE, UNIT_MISMATCH, SUSPECT_UNIT)


Declared = Callable[[Path], bool]


def metric_problems(metric: Metric, where: Path, is_declared: Declared) -> Iterator[Found]:
    """Every band and unit finding for one metric at key path `where` (a metric scored by a
    target has no bands of its own to check)."""
    if metric.bands:
        yield from _bands(metric, where, is_declared)
    yield from _units(metric, where)


def _edge(value: float | None, default: float) -> float:
    return default if value is None else value


def _bands(metric: Metric, where: Path, is_declared: Declared) -> Iterator[Found]:
    bands = ordered(metric)
    index = {id(b): j for j, b in enumerate(metric.bands)}
    shared_edges: list[float] = []
    for low, high in itertools.pairwise(bands):
        low_end = _edge(low.max, math.inf)
        high_start = _edge(high.min, -math.inf)
        path = (*where, "bands", index[id(high)])
        if high_start < low_end:
            yield BAND_OVERLAP(path,
                              f"band for level {high.level} starts at {high_start:g}, inside "
                              f"the band for level {low.level} (up to {low_end:g})",
                              "make each band start where the previous one ends")
        elif high_start > low_end and not is_declared((*where, "gaps")):
            yield BAND_GAP((*where, "bands"),
                              f"values from {low_end:g} to {high_start:g} fall in no band, "
                              f"so they are rejected", "add a band, or declare `gaps: lower` "
                              "or `gaps: higher` (or `gaps: error` to keep rejecting them)")
        elif high_start == low_end:
            shared_edges.append(low_end)
    if shared_edges and not is_declared((*where, "edges")):
        shown = ", ".join(f"{e:g}" for e in shared_edges)
        yield AMBIGUOUS_EDGE((*where, "bands"),
                          f"bands share the edge(s) {shown}; by default a value on an edge "
                          f"belongs to the band it starts", "declare `edges: lower-inclusive` "
                          "or `edges: upper-inclusive`")
    yield from _outside(metric, where, is_declared)


def _outside(metric: Metric, where: Path, is_declared: Declared) -> Iterator[Found]:
    low, high = metric.limits
    bands = ordered(metric)
    first, last = bands[0], bands[-1]
    gaps_declared = is_declared((*where, "gaps"))
    if low is not None and first.min is not None and first.min > low and not gaps_declared:
        yield BAND_GAP((*where, "bands"),
                          f"values from {low:g} to {first.min:g} are below every band",
                          "start the lowest band at the metric's minimum, or leave its "
                          "`min` out")
    if high is not None and last.max is not None and last.max < high and not gaps_declared:
        yield BAND_GAP((*where, "bands"),
                          f"values from {last.max:g} to {high:g} are above every band",
                          "end the highest band at the metric's maximum, or leave its "
                          "`max` out")


def _units(metric: Metric, where: Path) -> Iterator[Found]:
    edges = [(("bands", j, key), value) for j, band in enumerate(metric.bands)
             for key, value in (("min", band.min), ("max", band.max)) if value is not None]
    if metric.unit == "percent":
        limits = [(("minimum",), metric.minimum), (("maximum",), metric.maximum)]
        for sub, value in [*edges, *((p, v) for p, v in limits if v is not None)]:
            assert value is not None
            if not 0 <= value <= 100:
                yield UNIT_MISMATCH((*where, *sub),
                                  f"{value:g} is not a percentage (0-100)",
                                  "percent metrics are written 0-100, or use `unit: number`")
        if edges and all(abs(v) <= 1 for _, v in edges) and any(v for _, v in edges):
            yield SUSPECT_UNIT((*where, "bands"),
                              "every band edge is between 0 and 1, as if percentages were "
                              "written as fractions", "write 10% as 10, not 0.1")
        if metric.unit_label not in (None, "%"):
            yield SUSPECT_UNIT((*where, "unit_label"),
                              f'unit label "{metric.unit_label}" on a percent metric',
                              "remove `unit_label`, or use `unit: number`")
    elif metric.unit_label and metric.unit_label.strip() == "%":
        yield SUSPECT_UNIT((*where, "unit_label"),
                          "a % label on a metric whose unit is `number`",
                          "use `unit: percent`, which also checks values are 0-100")
    for sub, value in edges:
        outside = (metric.minimum is not None and value < metric.minimum) or (
            metric.maximum is not None and value > metric.maximum)
        if outside:
            yield SUSPECT_UNIT((*where, *sub),
                              f"band edge {value:g} lies outside the metric's limits",
                              "keep band edges within `minimum` and `maximum`")
