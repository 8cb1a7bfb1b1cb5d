"""Lint rules for questions: answers that cannot change the result, ranges that go up and
down along the scale, and a question that says nothing about the level it comes from."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from cxmaturity.lint.rule import Found, Rule
from cxmaturity.model.rubric import Question, Rubric
from cxmaturity.yaml.scalars import Path

FLAT_QUESTION = Rule("flat-question", "warning",
                     "a question whose answers all support the same levels")
NON_MONOTONIC_QUESTION = Rule("non-monotonic-question", "warning",
                              "a question whose ranges go up and down along its scale")
SIGNAL_RANGE = Rule("signal-range", "warning", "a question tagged `signal_of`/`trait_of` no "
                    "answer of which fits its level, or says anything about it")
RULES = (FLAT_QUESTION, NON_MONOTONIC_QUESTION, SIGNAL_RANGE)


def question_problems(rubric: Rubric) -> Iterator[Found]:
    for i, question in enumerate(rubric.questions):
        scale = rubric.scale_of(question)
        ranges = [question.supports[o.id] for o in scale.options if o.id in question.supports]
        where = ("questions", i, "supports")
        if len(set(ranges)) == 1:
            yield FLAT_QUESTION(where,
                              f"every answer supports {_levels(ranges[0])}, so the answer "
                              "cannot change the result",
                              "give the answers different ranges")
            continue
        if not (_monotonic(ranges) or _monotonic(ranges[::-1])):
            yield NON_MONOTONIC_QUESTION(where,
                              "the ranges go up and down along the scale's options "
                              f"({', '.join(_span(r) for r in ranges)})",
                              "order them from the least to the most mature answer, or "
                              "the reverse, with both ends rising")
        yield from _signal_range(question, ranges, ("questions", i))


def _monotonic(ranges: list[tuple[int, int]]) -> bool:
    return all(a[0] <= b[0] and a[1] <= b[1] for a, b in itertools.pairwise(ranges))


def _span(supported: tuple[int, int]) -> str:
    low, high = supported
    return f"{low}" if low == high else f"{low}-{high}"


def _levels(supported: tuple[int, int]) -> str:
    """`level 2` or `levels 1-2`."""
    return f"level {supported[0]}" if supported[0] == supported[1] else \
        f"levels {_span(supported)}"


def _signal_range(question: Question, ranges: list[tuple[int, int]],
                  where: Path) -> Iterator[Found]:
    """A question drawn from level L's signals or traits must have an answer that fits
    level L, and an answer that says something about it: that L is reached or is not (for
    a Level 1 question, that the operation is past Level 1)."""
    own = question.signal_of or question.trait_of
    if own is None:
        return
    key = "signal_of" if question.signal_of else "trait_of"
    decides = max(own, 2)
    if not any(low <= own <= high for low, high in ranges):
        yield SIGNAL_RANGE((*where, key),
                          f"no answer to this level {own} question supports level {own}",
                          "let its answer that shows the level's trait include the level")
    elif not any(low >= decides or high < decides for low, high in ranges):
        yield SIGNAL_RANGE((*where, key),
                          f"no answer to this level {own} question shows level {decides} "
                          "reached or rules it out, so it cannot move a level",
                          f"let its most mature answer start at level {decides}, or its "
                          "least mature end below it")
