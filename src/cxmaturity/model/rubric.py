"""The rubric format: a maturity model (levels, dimensions, scales, questions, metrics) as data.

Nothing here knows about any particular model; a rubric YAML file fills these
shapes in, and :mod:`cxmaturity.scoring.engine` reads them.
"""

from __future__ import annotations

import functools
import math
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    WithJsonSchema,
    model_validator,
)

from cxmaturity.model.format1 import as_format_2

#: Answer ids every question accepts on top of its scale.
UNKNOWN = "unknown"
NOT_APPLICABLE = "n/a"

#: Most questions one rubric may ask (documented in docs/limits.md).
MAX_QUESTIONS = 2_000

#: An id: ASCII letters, digits, `_`, `.` and `-`, starting with a letter, a digit or `_`
#: (`workflow`, `ai-in-the-work`, `3`). Answers files write ids as keys and values, and
#: `template` and every report print them, so an id holds nothing that could steer a
#: terminal or a CI log, or break a YAML line (one that YAML would read as another type,
#: such as `yes` or `1.0`, is still quoted where it is written) (docs/rubric-format.md).
Id = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_][A-Za-z0-9_.-]*$")]


def _as_range(value: Any) -> Any:
    """One level `3` is the range `[3, 3]`; a pair is read as it is."""
    if isinstance(value, int) and not isinstance(value, bool):
        return (value, value)
    return value


#: Levels evidence is consistent with, lowest and highest: `[1, 2]`, or one level `3`.
LevelRange = Annotated[
    tuple[int, int],
    BeforeValidator(_as_range),
    WithJsonSchema({"oneOf": [
        {"type": "integer", "minimum": 1, "description": "One level."},
        {"type": "array", "items": {"type": "integer", "minimum": 1}, "minItems": 2,
         "maxItems": 2, "description": "The lowest and the highest level, e.g. [1, 2]."}]}),
]


class Frozen(BaseModel):
    """Base for every rubric and answers model: immutable, unknown keys rejected, numbers
    finite (`.inf` or `.nan` as a weight or a band edge would poison every score)."""

    model_config = ConfigDict(frozen=True, extra="forbid", allow_inf_nan=False)


class RubricPart(Frozen):
    """Base of every part of a rubric. Their validators are built on first use
    (`defer_build`): a bundled rubric read back from the cache (:mod:`cxmaturity.load.cache`)
    is not validated again, so a run that scores against one builds none of them, but for
    the band validator when a metric scored by target derives its bands
    (:mod:`cxmaturity.model.bands`)."""

    model_config = ConfigDict(defer_build=True)


Basis = Literal["source", "interpretation"]


class Source(RubricPart):
    """Where the model comes from. Leave out what the source itself does not say."""

    model: str = Field(description="Name of the published maturity model.")
    publisher: str | None = Field(default=None, description="Who published it, as the "
                                  "source names itself; absent if it does not.")
    year: int | None = Field(default=None, description="Year of publication, if the source "
                             "gives one.")
    document: str | None = Field(default=None, description="Title of the document it is in.")
    notes: str | None = Field(default=None, description="How this rubric relates to the source.")

    @property
    def cited(self) -> str:
        """`Model, Publisher (2026)`, with what is known."""
        text = self.model + (f", {self.publisher}" if self.publisher else "")
        return text + (f" ({self.year})" if self.year else "")


class SourceFact(RubricPart):
    """A finding or figure of the source that users want to compare themselves with."""

    text: str = Field(description="The fact, in the rubric's own words, with its figure.")
    level: int | None = Field(default=None, description="The level it describes, if one.")
    dimension: Id | None = Field(default=None, description="The dimension it bears on, if one.")
    basis: Basis = Field(default="source", description="`source` if the source states it, "
                         "`interpretation` if this rubric's reading of it.")


class LevelOutcome(RubricPart):
    """What the source says to expect, for one outcome aspect, at one level."""

    aspect: Id = Field(description="Id of an entry of the rubric's `outcome_aspects`.")
    expect: str = Field(description="What to expect at this level.")


class Characteristic(RubricPart):
    """One "what it looks like" trait of a level, optionally tied to a dimension."""

    text: str
    dimension: Id | None = Field(default=None, description="Dimension the trait describes.")
    basis: Basis = Field(default="source", description="`source` if the source describes "
                         "this trait at this level, `interpretation` if this rubric places it.")


class ShiftForward(RubricPart):
    """Guidance for leaving a level for the next one."""

    headline: str
    steps: tuple[str, ...] = ()


class Level(RubricPart):
    """One rung of the maturity ladder. Levels are numbered 1..N, lowest first."""

    number: int = Field(ge=1, description="Position on the ladder, 1 is the least mature.")
    id: Id = Field(description="Short stable id, e.g. `workflow`.")
    name: str = Field(description="Display name, e.g. `Workflow`.")
    summary: str
    characteristics: tuple[Characteristic, ...] = ()
    metrics_that_matter: tuple[str, ...] = Field(
        default=(), description="What operations at this level measure."
    )
    outcomes: tuple[LevelOutcome, ...] = ()
    shift_forward: ShiftForward | None = Field(
        default=None, description="How to move on from this level (absent on the top level)."
    )


class OutcomeAspect(RubricPart):
    """A column of the outcomes table (e.g. cost change)."""

    id: Id
    name: str


class Dimension(RubricPart):
    """An axis along which the levels' characteristics vary."""

    id: Id
    name: str
    description: str
    weight: float = Field(default=1.0, gt=0, description="Weight in the overall score.")
    in_overall: bool = Field(
        default=True, description="Whether the dimension counts toward the overall level; "
        "`false` for context the source does not use to tell its levels apart (it is still "
        "scored and shown).")
    advance: dict[int, str] = Field(
        default_factory=dict,
        description="Guidance to reach level N in this dimension, keyed by N.",
    )


class ScaleOption(RubricPart):
    """One allowed answer of a scale."""

    id: Id = Field(description="What an answers file writes, e.g. `yes` or `3`.")
    label: str
    description: str | None = Field(
        default=None,
        description="What the option means, shown with its label wherever someone answers: "
        "e.g. `under 10%` for `Almost none`.",
    )

    @property
    def described(self) -> str:
        """The option as someone choosing it reads it: its label, and what it means if the
        rubric says (`Almost none - under 10%`)."""
        return self.label if self.description is None else f"{self.label} - {self.description}"


class Scale(RubricPart):
    """A reusable answer scale. `unknown` and `n/a` are always allowed in addition."""

    id: Id
    name: str
    options: tuple[ScaleOption, ...] = Field(min_length=2)
    aliases: dict[str, Id] = Field(
        default_factory=dict,
        description="Other spellings accepted for an option, e.g. `true: yes`.",
    )


class Contrast(RubricPart):
    """A question framed as two opposite descriptions, e.g. a failing and a strong pattern."""

    low: str = Field(description="The immature pole; the default shortfall phrase.")
    high: str = Field(description="The mature pole; shown as what to aim for.")


class Question(RubricPart):
    """A "check your signals" question, tied to a dimension."""

    id: Id
    dimension: Id
    signal_of: int | None = Field(
        default=None, description="Level whose \"check your signals\" list in the source "
        "this question comes from."
    )
    trait_of: int | None = Field(
        default=None, description="Level whose described traits this question was derived "
        "from (the rubric's own question, not one of the source's signals)."
    )
    text: str
    help: str | None = Field(default=None, description="What the question means; how to answer.")
    scale: Id
    weight: float = Field(default=1.0, gt=0)
    supports: dict[Id, LevelRange] = Field(
        description="For each scale option, the levels an operation giving this answer can be "
        "at: `[1, 2]` (\"not yet Level 3\"), or one level such as `2`."
    )
    shortfall: str | None = Field(
        default=None,
        description="Short phrase naming the gap when an answer points below the next level.",
    )
    contrast: Contrast | None = Field(
        default=None,
        description="The two poles the question sets against each other (polarity rubrics).",
    )


class Band(RubricPart):
    """A range of a metric's values: the level it belongs to and the levels it supports."""

    level: int = Field(description="The level whose band this is (shown on the band chart).")
    supports: LevelRange | None = Field(
        default=None, description="The levels a value in this band is consistent with, if "
        "more than `level`, e.g. `[3, 4]` where the source gives the next level no figure.")
    min: float | None = Field(default=None, description="Lower edge; absent means unbounded.")
    max: float | None = Field(default=None, description="Upper edge; absent means unbounded.")
    basis: Basis = Field(
        description="`source` if the figures are the model's, `interpretation` if this rubric's."
    )
    note: str | None = None

    @property
    def range(self) -> tuple[int, int]:
        """The levels a value in this band is consistent with."""
        return self.supports or (self.level, self.level)

    @property
    def low(self) -> float:
        """The lower edge; -inf if unbounded."""
        return -math.inf if self.min is None else self.min

    @property
    def high(self) -> float:
        """The upper edge; inf if unbounded."""
        return math.inf if self.max is None else self.max


class Target(RubricPart):
    """A KPI target: meeting it points to one level, missing it to another."""

    value: float | None = Field(
        default=None,
        description="The rubric's default target; an answers file may set its own. "
        "Without one here, every answers file that gives a value must give a target.",
    )
    basis: Basis = Field(
        default="interpretation",
        description="`source` if the default target is the model's, `interpretation` if this "
        "rubric's.",
    )
    met: int = Field(description="Level the metric points to when the target is met.")
    missed: int = Field(default=1, description="Level it points to when the target is missed.")
    unset: LevelRange | None = Field(
        default=None, description="The levels a value supports when no target is set, neither "
        "here nor in the answers file; without it, such a value is an error.")
    note: str | None = None


class Metric(RubricPart):
    """A numeric measure, placed in level bands or compared with a target."""

    id: Id
    name: str
    dimension: Id
    description: str
    unit: Literal["percent", "number"] = "percent"
    unit_label: str | None = Field(default=None, description="Shown after values, e.g. `s`.")
    minimum: float | None = Field(default=None, description="Smallest valid value.")
    maximum: float | None = Field(default=None, description="Largest valid value.")
    weight: float = Field(default=1.0, gt=0)
    edges: Literal["lower-inclusive", "upper-inclusive"] = Field(
        default="lower-inclusive",
        description="Which band owns a value on a shared edge: the band it starts "
        "(`lower-inclusive`) or the band it ends (`upper-inclusive`).",
    )
    gaps: Literal["lower", "higher", "error"] = Field(
        default="error",
        description="What a value between two bands points to: the lower band's level, "
        "the higher band's, or an error.",
    )
    better: Literal["higher", "lower"] | None = Field(
        default=None,
        description="Which way is more mature. Required with `target`; with `bands`, the "
        "band levels must rise in this direction.",
    )
    bands: tuple[Band, ...] = Field(
        default=(), description="Level bands; give either `bands` or `target`."
    )
    target: Target | None = Field(default=None, description="A target instead of bands.")
    caps_overall: bool = Field(
        default=False, description="The overall level cannot be above the highest level the "
        "value's band supports: for a figure the source uses to define its levels.")

    @functools.cached_property
    def sorted_bands(self) -> tuple[Band, ...]:
        """The bands from lowest to highest values (worked out once per rubric)."""
        return tuple(sorted(self.bands, key=lambda b: (b.low, b.high)))

    @property
    def limits(self) -> tuple[float | None, float | None]:
        """The smallest and largest valid value (None: unbounded); a percentage is always
        within 0-100, narrowed by `minimum` and `maximum`."""
        low, high = (0.0, 100.0) if self.unit == "percent" else (None, None)
        if self.minimum is not None:
            low = self.minimum if low is None else max(low, self.minimum)
        if self.maximum is not None:
            high = self.maximum if high is None else min(high, self.maximum)
        return low, high


class OverallRule(RubricPart):
    """How dimension levels become the overall level."""

    method: Literal["median", "weakest-link"] = Field(
        default="median",
        description="`median`: the highest level that more of the dimensions' weight reaches "
        "than falls short of; `weakest-link`: the highest level every dimension's evidence "
        "shows reached.")
    max_gap: int | None = Field(
        default=None, ge=0, description="The overall level is at most this many levels above "
        "the highest level that any counted dimension's evidence allows (none: no limit).")
    rationale: str | None = Field(default=None, description="Why this rule fits the model.")


class Scoring(RubricPart):
    """The rubric's declared scoring rules."""

    # The defaults, made without validation (they are the class's own) so that defining
    # the class builds no validator.
    overall: OverallRule = OverallRule.model_construct()
    min_confidence: float = Field(
        default=0.6, ge=0, le=1, description="Below this share of answered weight: "
        "insufficient evidence."
    )
    conflict_share: float = Field(
        default=0.34, gt=0, le=1, description="A dimension whose evidence against its level "
        "weighs at least this share of its answered weight is flagged.")
    inconsistency_spread: float = Field(
        default=2.0, gt=0, description="A metric whose band is this many levels from another "
        "dimension's level is flagged.")


class Rubric(RubricPart):
    """A whole maturity model."""

    format: Literal[1, 2] = Field(
        default=2, description="Version of the rubric file format: 2, where answers give "
        "`supports` ranges. Format 1 (`indicates`, one level per answer) is read by "
        "converting it (docs/rubric-format.md).")
    id: Id
    version: str
    title: str
    level_term: str = Field(
        default="Level",
        description="What the model calls its levels in reports, e.g. `Stage` or `Cohort`.",
    )
    description: str | None = None
    source: Source
    levels: tuple[Level, ...] = Field(min_length=2)
    outcome_aspects: tuple[OutcomeAspect, ...] = ()
    dimensions: tuple[Dimension, ...] = Field(min_length=1)
    scales: tuple[Scale, ...] = ()
    questions: tuple[Question, ...] = Field(default=(), max_length=MAX_QUESTIONS)
    metrics: tuple[Metric, ...] = ()
    facts: tuple[SourceFact, ...] = Field(
        default=(), description="Findings and figures of the source that reports show beside "
        "the level, e.g. how the surveyed organizations split across the levels.")
    scoring: Scoring = Scoring.model_construct()  # the defaults, as above

    @model_validator(mode="before")
    @classmethod
    def _from_format_1(cls, data: Any) -> Any:
        """Read a format 1 rubric as format 2 (:mod:`cxmaturity.model.format1`)."""
        return as_format_2(data)

    @functools.cached_property
    def scales_by_id(self) -> dict[str, Scale]:
        """Scale id to scale, built once per rubric."""
        return {s.id: s for s in self.scales}

    def scale_of(self, question: Question) -> Scale:
        """The scale a question is answered on."""
        return self.scales_by_id[question.scale]

    def level(self, number: int) -> Level:
        """The level with this number."""
        return self.levels[number - 1]

    @property
    def top(self) -> int:
        """Number of the highest level."""
        return len(self.levels)

