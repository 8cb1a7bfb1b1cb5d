"""The level rules: where weighted evidence places a dimension, and where dimensions place
the whole operation. Pure arithmetic over level ranges, shared by the scorer and the
linter; docs/scoring.md states the rules and why.

Each piece of evidence says which levels the operation can be at: a range from `low` to
`high`. For a level L it says L is reached (`low >= L`), says it is not (`high < L`), or
leaves L open. One rule decides, for a dimension's answers and for the dimensions of an
operation alike: **a level is reached when the weight saying so outweighs the weight saying
not**. Evidence that leaves two levels open cannot tell them apart, so a dimension has a
*span*: from the highest level its evidence shows reached to the highest level its evidence
does not rule out. The operation's level comes from the spans; each dimension is then placed
at the level of its span nearest the operation's.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

#: Weights are sums of user-given floats; this keeps 0.1 + 0.2 from deciding a tie.
_EPSILON = 1e-9

Span = tuple[int, int]


@dataclass(frozen=True)
class Weighed:
    """One piece of evidence as the rule reads it: the levels it allows, and its weight."""

    low: int
    high: int
    weight: float


def balance(items: Iterable[Weighed], level: int) -> tuple[float, float]:
    """(weight saying `level` is reached, weight saying it is not)."""
    up = down = 0.0
    for item in items:
        if item.low >= level:
            up += item.weight
        elif item.high < level:
            down += item.weight
    return up, down


def span_of(items: Sequence[Weighed], top: int) -> Span | None:
    """The levels the evidence cannot tell apart: from the highest level reached (more weight
    says so than says not) to the highest level not ruled out (no more weight says not than
    says so). None without evidence. The balance only falls as the level rises, so the
    levels reached are 1 up to some level, and so are the levels not ruled out."""
    if not items:
        return None
    reached = allowed = 1
    for level in range(2, top + 1):
        up, down = balance(items, level)
        if up > down + _EPSILON and reached == level - 1:
            reached = level
        if up + _EPSILON >= down and allowed == level - 1:
            allowed = level
    return reached, allowed


def place(span: Span, level: int) -> int:
    """The level of `span` nearest `level`."""
    return min(max(level, span[0]), span[1])


def position(items: Sequence[Weighed], level: int, top: int) -> float:
    """`level` plus the share of the evidence deciding the next level that says it is
    reached (at most one half when the next level is not reached): 2.25 is Level 2 with a
    quarter of the deciding evidence for Level 3."""
    if level >= top:
        return float(level)
    up, down = balance(items, level + 1)
    return level + (up / (up + down) if up + down > _EPSILON else 0.0)


def overall(method: str, spans: Sequence[Weighed], top: int,
            max_gap: int | None = None, *,
            positions: Sequence[float] | None = None) -> tuple[int, float]:
    """The operation's level and score from each assessed dimension's span and weight (one
    :class:`Weighed` a dimension: its span's lowest and highest level, and its weight).

    `median`: each dimension's span is evidence of its weight, under the same rule as
    answers within a dimension (the highest level more dimension weight reaches than falls
    short of); `weakest-link`: the highest level every dimension's evidence shows reached,
    scored as the lowest :func:`position` (given in `positions`, one per span, at the
    span's lowest level) of the dimensions that hold it there.
    With `max_gap`, the level is at most that many levels above the lowest level some
    dimension's evidence still allows; a level held down so scores its level plus one half.
    """
    if method == "weakest-link":
        level = min(span.low for span in spans)
        score = float(level) if positions is None else min(
            at for span, at in zip(spans, positions, strict=True) if span.low == level)
    else:
        level = (span_of(spans, top) or (1, 1))[0]
        score = position(spans, level, top)
    if max_gap is not None:
        ceiling = min(span.high for span in spans) + max_gap
        if ceiling < level:
            return ceiling, ceiling + 0.5
    return level, score


def gain(current: Span | None, new: Span, level: int, weight: float) -> float:
    """How much closer to reaching `level` an answer with range `new` brings a dimension than
    its `current` one (None: no answer yet)."""
    def net(rng: Span | None) -> float:
        if rng is None:
            return 0.0
        return weight if rng[0] >= level else (-weight if rng[1] < level else 0.0)
    return net(new) - net(current)


def shortfall(items: Sequence[Weighed], level: int) -> float:
    """How much net weight `level` still needs to be reached (0 once it is)."""
    up, down = balance(items, level)
    return 0.0 if up > down + _EPSILON else down - up


def fits(item: Weighed, level: int) -> Literal["yes", "lower", "higher"]:
    """`yes` if the evidence allows `level`; `lower` or `higher` if it says the operation is
    below or above it."""
    if item.high < level:
        return "lower"
    return "higher" if item.low > level else "yes"
