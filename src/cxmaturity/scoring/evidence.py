"""The evidence of a submission, dimension by dimension: each answer and metric as the
levels it supports and its weight, what is unanswered, and what caps the overall level."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from cxmaturity.load.index import RubricIndex
from cxmaturity.load.submission import Submission
from cxmaturity.model import bands
from cxmaturity.model.rubric import NOT_APPLICABLE, UNKNOWN, Question
from cxmaturity.scoring.levels import Weighed

if TYPE_CHECKING:
    from cxmaturity.scoring.changes import Option


@dataclass(slots=True)
class Evidence:
    """One answer or metric while scoring: what the rule reads and what the report shows.
    An answer without a note is the same in every file that gives it, so it is built once
    per rubric and shared: never changed once built (not frozen only because a frozen
    dataclass takes four times as long to build, and most evidence is built per file)."""

    kind: str
    id: str
    label: str
    given: str
    weighed: Weighed
    """The levels it supports and its weight, as the level rules read them."""
    note: str | None
    option: str | None = None
    """The option id answered (answers only)."""

    @property
    def low(self) -> int:
        return self.weighed.low

    @property
    def high(self) -> int:
        return self.weighed.high

    @property
    def weight(self) -> float:
        return self.weighed.weight


@dataclass
class DimensionEvidence:
    """Evidence gathered for one dimension while scoring."""

    found: list[Evidence] = field(default_factory=list)
    weighed: list[Weighed] = field(default_factory=list)
    """The evidence found, as the level rules read it."""
    answered: float = 0.0
    """The weight of the evidence found."""
    unanswered: list[str] = field(default_factory=list)
    not_applicable: list[str] = field(default_factory=list)
    """Questions answered `n/a`: neither evidence nor applicable weight."""
    applicable: float = 0.0
    changes: dict[int, list[Option]] = field(default_factory=dict)
    """Level to the fewest changes that reach it (:mod:`cxmaturity.scoring.changes`),
    kept because the dimension and the overall rule both ask."""

    def add(self, item: Evidence) -> None:
        self.found.append(item)
        self.weighed.append(item.weighed)
        self.answered += item.weighed.weight


def gather(sub: Submission) -> dict[str, DimensionEvidence]:
    rubric = sub.rubric
    index = sub.loaded.index
    tallies = {dim.id: DimensionEvidence() for dim in rubric.dimensions}
    for question in rubric.questions:
        tally = tallies[question.dimension]
        option = sub.responses[question.id]
        if option == NOT_APPLICABLE:
            tally.not_applicable.append(question.id)
            continue
        tally.applicable += question.weight
        if option == UNKNOWN:
            tally.unanswered.append(question.id)
            continue
        entry = sub.answers.answers.get(question.id)
        note = entry.evidence if entry else None
        tally.add(_answer(index, question, option, note) if note is not None else
                  index.shared(("answer", question.id, option), _answer, index, question,
                               option, None))
    for metric in rubric.metrics:
        tally = tallies[metric.dimension]
        tally.applicable += metric.weight
        value = sub.metric_values[metric.id]
        if value is None:
            tally.unanswered.append(metric.id)
            continue
        measured = sub.answers.metrics.get(metric.id)
        low, high = bands.place(metric, value, sub.target(metric.id)).range
        tally.add(Evidence("metric", metric.id, metric.name, bands.format_value(metric, value),
                           Weighed(low, high, metric.weight),
                           measured.evidence if measured else None))
    return tallies


def _answer(index: RubricIndex, question: Question, option: str,
            note: str | None) -> Evidence:
    low, high = question.supports[option]
    return Evidence("answer", question.id, question.text, index.labels[question.scale][option],
                    Weighed(low, high, question.weight), note, option)


def overall_caps(sub: Submission, tallies: dict[str, DimensionEvidence]) -> dict[str, int]:
    """Metric id to the highest level its value allows, for metrics that cap the overall."""
    return {item.id: item.high for tally in tallies.values() for item in tally.found
            if item.kind == "metric" and sub.loaded.index.metrics[item.id].caps_overall}
