"""Placing a metric value in the rubric's bands, by the metric's declared edge and gap rules."""

from __future__ import annotations

import math

from cxmaturity.rubric import Band, Metric


def _low(band: Band) -> float:
    return -math.inf if band.min is None else band.min


def _high(band: Band) -> float:
    return math.inf if band.max is None else band.max


def ordered(metric: Metric) -> list[Band]:
    """The metric's bands from lowest to highest values."""
    return sorted(metric.bands, key=lambda b: (_low(b), _high(b)))


def contains(band: Band, value: float, metric: Metric, *, first: bool, last: bool) -> bool:
    """Whether `value` lies in `band` under the metric's edge rule."""
    low, high = _low(band), _high(band)
    if metric.edges == "lower-inclusive":
        return low <= value < high or (last and value == high)
    return low < value <= high or (first and value == low)


def place(metric: Metric, value: float) -> Band:
    """The band a value belongs to; ValueError if it falls in a gap the rubric leaves open."""
    bands = ordered(metric)
    for i, band in enumerate(bands):
        if contains(band, value, metric, first=i == 0, last=i == len(bands) - 1):
            return band
    below = [b for b in bands if _high(b) <= value]
    above = [b for b in bands if _low(b) >= value]
    if not above or (metric.gaps == "lower" and below):
        return below[-1]
    if not below or metric.gaps == "higher":
        return above[0]
    raise ValueError(f"{format_value(metric, value)} falls between two bands of {metric.name} "
                     f"and the rubric gives no rule for gaps")


def format_value(metric: Metric, value: float | None) -> str:
    """A value with its unit, e.g. `22%` or `340 s`."""
    if value is None:
        return "unknown"
    if metric.unit == "percent":
        return f"{value:g}%"
    return f"{value:g} {metric.unit_label}" if metric.unit_label else f"{value:g}"


def shortfall(metric: Metric, value: float, target: int) -> str:
    """What keeps `value` out of the bands at or above `target`, e.g. `22% < 30%`."""
    reaching = [b for b in ordered(metric) if b.level >= target]
    shown = format_value(metric, value)
    if not reaching:
        return f"{metric.name} {shown}: no band reaches Level {target}"
    nearest = min(reaching, key=lambda b: min(abs(_low(b) - value), abs(_high(b) - value)))
    if value < _low(nearest):
        return f"{metric.name} {shown} < {format_value(metric, _low(nearest))}"
    return f"{metric.name} {shown} > {format_value(metric, _high(nearest))}"
