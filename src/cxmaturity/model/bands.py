"""Placing a metric value in the rubric's bands, by the metric's declared edge and gap rules.

A metric with a `target` instead of bands gets two bands derived from the target: the side
that meets it and the side that misses it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from cxmaturity.model.rubric import Band, Metric

Edges = Literal["lower-inclusive", "upper-inclusive"]


class MissingTarget(ValueError):
    """A target metric's value with no target to compare it with."""


class InGap(ValueError):
    """A value between two bands of a rubric that declares no rule for such gaps: the
    rubric's to fix, not the answer's."""


def target_of(metric: Metric, given: float | None = None) -> float | None:
    """The target a value is compared with: the answers file's, else the rubric's default."""
    if metric.target is None:
        return None
    return given if given is not None else metric.target.value


def _edges(metric: Metric) -> Edges:
    """A value equal to the target meets it, whichever way is better."""
    if metric.target is not None:
        return "upper-inclusive" if metric.better == "lower" else "lower-inclusive"
    return metric.edges


def ordered(metric: Metric, target: float | None = None) -> Sequence[Band]:
    """The metric's bands from lowest to highest values (derived from the target if it has one).

    ValueError if the metric has a target but neither the rubric nor the answers give its value.
    """
    if metric.target is None:
        return metric.sorted_bands
    goal = target_of(metric, target)
    key = (id(metric), goal)
    known = _DERIVED.get(key)
    if known is not None and known[0] is metric:
        return known[1]
    derived = _derived(metric, goal)
    if len(_DERIVED) >= _DERIVED_MAX:
        _DERIVED.clear()
    _DERIVED[key] = (metric, derived)
    return derived


#: Bands derived from a target, by metric and target value: every file of a batch that keeps
#: the rubric's target shares them. Each entry holds its metric, so an id is never reused
#: while it is a key; the size is bounded, so a batch in which every file sets its own
#: target does not grow it.
_DERIVED: dict[tuple[int, float | None], tuple[Metric, tuple[Band, ...]]] = {}
_DERIVED_MAX = 1024


def _derived(metric: Metric, goal: float | None) -> tuple[Band, ...]:
    assert metric.target is not None
    if goal is None and metric.target.unset is not None:
        unset = metric.target.unset
        return (Band(level=unset[0], supports=unset, basis=metric.target.basis,
                     note="no target set"),)
    if goal is None:
        raise MissingTarget(f"{metric.name} has no target: write `target:` next to its value")
    met, missed = metric.target.met, metric.target.missed
    basis = metric.target.basis
    below, above = (missed, met) if metric.better != "lower" else (met, missed)
    return (Band(level=below, max=goal, basis=basis), Band(level=above, min=goal, basis=basis))


def contains(band: Band, value: float, edges: Edges, *, first: bool, last: bool) -> bool:
    """Whether `value` lies in `band` under the edge rule."""
    low, high = band.low, band.high
    if edges == "lower-inclusive":
        return low <= value < high or (last and value == high)
    return low < value <= high or (first and value == low)


def place(metric: Metric, value: float, target: float | None = None) -> Band:
    """The band a value belongs to; ValueError if it falls in a gap the rubric leaves open."""
    bands = ordered(metric, target)
    edges = _edges(metric)
    for i, band in enumerate(bands):
        if contains(band, value, edges, first=i == 0, last=i == len(bands) - 1):
            return band
    below = [b for b in bands if b.high <= value]
    above = [b for b in bands if b.low >= value]
    if not above or (metric.gaps == "lower" and below):
        return below[-1]
    if not below or metric.gaps == "higher":
        return above[0]
    raise InGap(f"{format_value(metric, value)} falls between two bands of {metric.name} "
                f"(level {below[-1].level} up to {format_value(metric, below[-1].high)}, "
                f"level {above[0].level} from {format_value(metric, above[0].low)}) and the "
                "rubric gives no rule for gaps")


def format_value(metric: Metric, value: float | None) -> str:
    """A value with its unit, e.g. `22%` or `340 s`."""
    if value is None:
        return "unknown"
    if metric.unit == "percent":
        return f"{value:g}%"
    return f"{value:g} {metric.unit_label}" if metric.unit_label else f"{value:g}"


def unit_phrase(metric: Metric) -> str:
    """How a value of `metric` is written, for prompts, templates, schemas and hints: `a
    percentage, 0-100 (12 or 12%)` or `a number (seconds) from 0 to 600`."""
    if metric.unit == "percent":
        return "a percentage, 0-100 (12 or 12%)"
    low = "" if metric.minimum is None else f" from {metric.minimum:g}"
    high = "" if metric.maximum is None else f" to {metric.maximum:g}"
    label = f" ({metric.unit_label})" if metric.unit_label else ""
    return f"a number{label}{low}{high}"


def target_phrase(metric: Metric, target: float) -> str:
    """A target as a reader says it, e.g. `75% or more`."""
    way = "or less" if metric.better == "lower" else "or more"
    return f"{format_value(metric, target)} {way}"


def reach_phrase(metric: Metric, band: Band) -> str:
    """The least change of value that lands in `band`, e.g. `30% or more` or `15% or less`."""
    if metric.better == "lower":
        return "unknown" if band.max is None else target_phrase(metric, band.max)
    if band.min is None:
        return "unknown" if band.max is None else f"under {format_value(metric, band.max)}"
    return target_phrase(metric, band.min)


def shortfall(metric: Metric, value: float, target_level: int,
              target: float | None = None, level_term: str = "Level") -> str:
    """What keeps `value` out of the bands at or above `target_level`, e.g. `22% < 30%`."""
    shown = format_value(metric, value)
    goal = target_of(metric, target)
    if goal is not None:
        return f"{metric.name} {shown} misses its target of {target_phrase(metric, goal)}"
    reaching = [b for b in ordered(metric) if b.range[1] >= target_level]
    if not reaching:
        return f"{metric.name} {shown}: no band reaches {level_term} {target_level}"
    nearest = min(reaching, key=lambda b: min(abs(b.low - value), abs(b.high - value)))
    if value < nearest.low:
        return f"{metric.name} {shown} < {format_value(metric, nearest.low)}"
    return f"{metric.name} {shown} > {format_value(metric, nearest.high)}"
