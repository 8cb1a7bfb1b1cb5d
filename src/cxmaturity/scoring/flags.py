"""Flags for the assessor: a dimension whose evidence against its level weighs enough to
doubt it, and a metric far from another dimension's level."""

from __future__ import annotations

from collections.abc import Iterable

from cxmaturity.model.result import (
    DimensionResult,
    Flag,
)
from cxmaturity.model.rubric import Rubric
from cxmaturity.scoring.evidence import DimensionEvidence


def flags(rubric: Rubric, dims: list[DimensionResult],
           tallies: dict[str, DimensionEvidence]) -> Iterable[Flag]:
    term = rubric.level_term
    share = rubric.scoring.conflict_share
    for dim in dims:
        answered = tallies[dim.id].answered
        against = [e for e in dim.evidence if e.fits != "yes"]
        weight = sum(e.weight for e in against)
        if dim.level is None or not against or weight + 1e-9 < share * answered:
            continue
        said = "; ".join(f"{e.id}: {e.given}" for e in against)
        yield Flag(kind="conflict", dimension=dim.id, items=tuple(e.id for e in against),
                   message=f"{dim.name}: evidence weighing {weight:g} of {answered:g} does not "
                   f"fit {term} {dim.level} ({said})")
    spread = rubric.scoring.inconsistency_spread
    for item in (e for d in dims for e in d.evidence if e.kind == "metric"):
        apart = [d for d in dims if d.id != item.dimension and d.level is not None
                 and _distance(item.supports, d.level) >= spread]
        if apart:
            names = ", ".join(f"{d.name} at {term} {d.level}" for d in apart)
            yield Flag(kind="inconsistency", dimension=None,
                       items=(item.id, *(d.id for d in apart)),
                       message=f"{item.label} {item.given} points to {term} "
                       f"{_span(item.supports)}, but {names}")


def _distance(supports: tuple[int, int], level: int) -> int:
    """How many levels `level` lies outside a range (0 inside it)."""
    low, high = supports
    return low - level if level < low else (level - high if level > high else 0)


def _span(supports: tuple[int, int]) -> str:
    low, high = supports
    return f"{low}" if low == high else f"{low}-{high}"
