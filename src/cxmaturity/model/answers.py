"""The answers file: one assessment of one site, as a consultant writes it after interviews."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import ConfigDict, Field, field_validator, model_validator

from cxmaturity import DEFAULT_RUBRIC
from cxmaturity.model.rubric import NOT_APPLICABLE, UNKNOWN, Frozen

#: Spellings of "not applicable" accepted in answers files.
NOT_APPLICABLE_SPELLINGS = frozenset({"n/a", "na", "not-applicable", "not applicable"})


def normalize_answer(raw: Any) -> str:
    """Turn what YAML gave for an answer into the option id it names (lower case)."""
    if raw is None:
        return UNKNOWN
    if isinstance(raw, bool):
        return "true" if raw else "false"
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    text = str(raw).strip().lower()
    if text in NOT_APPLICABLE_SPELLINGS:
        return NOT_APPLICABLE
    return text or UNKNOWN


class Respondent(Frozen):
    """A person interviewed for the assessment."""

    name: str
    role: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        return {"name": value} if isinstance(value, str) else value


# Written as the answer alone (`yes`) or as a mapping: `Answers` reads both (`_entry`).
class AnswerEntry(Frozen):
    """The answer to one question, with the evidence behind it."""

    answer: str = Field(description="An option id of the question's scale, `unknown` or `n/a`.")
    evidence: str | None = Field(default=None, description="What the answer rests on.")


def _entry(value: Any) -> Any:
    """An answer as written, as the mapping :class:`AnswerEntry` reads, its answer named as
    :func:`normalize_answer` names it."""
    if isinstance(value, dict):
        return {**value, "answer": normalize_answer(value.get("answer"))}
    return {"answer": normalize_answer(value)}


class MetricEntry(Frozen):
    """A measured value, as written (`12`, `12%`), with its evidence."""

    #: A value or target that is not finite is rejected when it is read against its metric
    #: (:func:`cxmaturity.load.submission.parse_number`), with advice.
    model_config = ConfigDict(allow_inf_nan=True)

    value: float | str | None = Field(
        description="A number; percentages as `12` or `12%` (not `0.12`); `unknown` if not known."
    )
    evidence: str | None = None
    period: str | None = Field(default=None, description="When it was measured, e.g. `2026-Q1`.")
    target: float | str | None = Field(
        default=None,
        description="The operation's own target, for a metric the rubric scores by target.",
    )

    @model_validator(mode="before")
    @classmethod
    def _from_scalar(cls, value: Any) -> Any:
        if isinstance(value, dict):
            return value
        return {"value": value}

    @field_validator("value", "target", mode="before")
    @classmethod
    def _no_bool(cls, value: Any) -> Any:
        if isinstance(value, bool):
            raise ValueError("a metric must be a number such as 12 or 12%, not true/false")
        return value


class Answers(Frozen):
    """One assessment: who, where, when, the metrics and the answers."""

    rubric: str = Field(
        default=DEFAULT_RUBRIC,
        description="A bundled rubric id, or a path to a rubric file relative to this file.",
    )
    organization: str
    site: str | None = None
    date: dt.date
    assessor: str | None = None
    respondents: tuple[Respondent, ...] = ()
    metrics: dict[str, MetricEntry] = Field(default_factory=dict)
    answers: dict[str, AnswerEntry] = Field(default_factory=dict)
    notes: str | None = None

    @field_validator("metrics", mode="before")
    @classmethod
    def _empty_mapping(cls, value: Any) -> Any:
        return {} if value is None else value

    @field_validator("answers", mode="before")
    @classmethod
    def _answer_entries(cls, value: Any) -> Any:
        """Every answer as a mapping, in one pass (one call per file, not per answer)."""
        if value is None:
            return {}
        if isinstance(value, dict):
            return {key: _entry(entry) for key, entry in value.items()}
        return value
