"""The rubric format: a maturity model (levels, dimensions, scales, questions, metrics) as data.

Nothing here knows about any particular model; a rubric YAML file fills these
shapes in, and :mod:`cxmaturity.scoring` reads them.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

#: Answer ids every question accepts on top of its scale.
UNKNOWN = "unknown"
NOT_APPLICABLE = "n/a"

#: Most questions one rubric may ask (documented in docs/limits.md).
MAX_QUESTIONS = 2_000

Id = str


def level_of(score: float, tolerance: float, top: int) -> int:
    """The highest level L with `score >= L - tolerance` (at least 1)."""
    level = 1
    for candidate in range(2, top + 1):
        if score + 1e-9 >= candidate - tolerance:
            level = candidate
    return level


class Frozen(BaseModel):
    """Base for every rubric and answers model: immutable, unknown keys rejected."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Source(Frozen):
    """Where the model comes from."""

    model: str = Field(description="Name of the published maturity model.")
    publisher: str = Field(description="Who published it.")
    year: int = Field(description="Year of publication.")
    document: str | None = Field(default=None, description="Title of the document it is in.")
    notes: str | None = Field(default=None, description="How this rubric relates to the source.")


class Outcome(Frozen):
    """What the source says to expect, for one outcome aspect, at one level."""

    aspect: Id = Field(description="Id of an entry of the rubric's `outcome_aspects`.")
    expect: str = Field(description="What to expect at this level.")


class Characteristic(Frozen):
    """One "what it looks like" trait of a level, optionally tied to a dimension."""

    text: str
    dimension: Id | None = Field(default=None, description="Dimension the trait describes.")


class ShiftForward(Frozen):
    """Guidance for leaving a level for the next one."""

    headline: str
    steps: tuple[str, ...] = ()


class Level(Frozen):
    """One rung of the maturity ladder. Levels are numbered 1..N, lowest first."""

    number: int = Field(ge=1, description="Position on the ladder, 1 is the least mature.")
    id: Id = Field(description="Short stable id, e.g. `workflow`.")
    name: str = Field(description="Display name, e.g. `Workflow`.")
    summary: str
    characteristics: tuple[Characteristic, ...] = ()
    metrics_that_matter: tuple[str, ...] = Field(
        default=(), description="What operations at this level measure."
    )
    outcomes: tuple[Outcome, ...] = ()
    shift_forward: ShiftForward | None = Field(
        default=None, description="How to move on from this level (absent on the top level)."
    )


class OutcomeAspect(Frozen):
    """A column of the outcomes table (e.g. cost change)."""

    id: Id
    name: str


class Dimension(Frozen):
    """An axis along which the levels' characteristics vary."""

    id: Id
    name: str
    description: str
    weight: float = Field(default=1.0, gt=0, description="Weight in the overall score.")
    advance: dict[int, str] = Field(
        default_factory=dict,
        description="Guidance to reach level N in this dimension, keyed by N.",
    )


class ScaleOption(Frozen):
    """One allowed answer of a scale."""

    id: Id = Field(description="What an answers file writes, e.g. `yes` or `3`.")
    label: str
    description: str | None = None


class Scale(Frozen):
    """A reusable answer scale. `unknown` and `n/a` are always allowed in addition."""

    id: Id
    name: str
    options: tuple[ScaleOption, ...] = Field(min_length=2)
    aliases: dict[str, Id] = Field(
        default_factory=dict,
        description="Other spellings accepted for an option, e.g. `true: yes`.",
    )


class Contrast(Frozen):
    """A question framed as two opposite descriptions, e.g. a failing and a strong pattern."""

    low: str = Field(description="The immature pole; the default shortfall phrase.")
    high: str = Field(description="The mature pole; shown as what to aim for.")


class Question(Frozen):
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
    indicates: dict[Id, float] = Field(
        description="For each scale option, the level this answer points to (may be fractional)."
    )
    shortfall: str | None = Field(
        default=None,
        description="Short phrase naming the gap when an answer points below the next level.",
    )
    contrast: Contrast | None = Field(
        default=None,
        description="The two poles the question sets against each other (polarity rubrics).",
    )


class Band(Frozen):
    """A range of a metric's values that points to one level."""

    level: int
    min: float | None = Field(default=None, description="Lower edge; absent means unbounded.")
    max: float | None = Field(default=None, description="Upper edge; absent means unbounded.")
    basis: Literal["source", "interpretation"] = Field(
        description="`source` if the figures are the model's, `interpretation` if this rubric's."
    )
    note: str | None = None


class Target(Frozen):
    """A KPI target: meeting it points to one level, missing it to another."""

    value: float | None = Field(
        default=None,
        description="The rubric's default target; an answers file may set its own. "
        "Without one here, every answers file that gives a value must give a target.",
    )
    basis: Literal["source", "interpretation"] = Field(
        default="interpretation",
        description="`source` if the default target is the model's, `interpretation` if this "
        "rubric's.",
    )
    met: int = Field(description="Level the metric points to when the target is met.")
    missed: int = Field(default=1, description="Level it points to when the target is missed.")
    note: str | None = None


class Metric(Frozen):
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
    shortfall: str | None = None

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


class DimensionRule(Frozen):
    """How a dimension's evidence becomes a score and a level."""

    method: Literal["weighted-mean"] = "weighted-mean"
    tolerance: float = Field(
        default=0.0,
        ge=0,
        lt=1,
        description="A dimension reaches level L when its score is at least L minus this.",
    )


class OverallRule(Frozen):
    """How dimension results become the overall level."""

    method: Literal["weakest-link", "weighted-mean"] = "weakest-link"
    tolerance: float = Field(default=0.0, ge=0, lt=1)
    rationale: str | None = Field(default=None, description="Why this rule fits the model.")


class Scoring(Frozen):
    """The rubric's declared scoring rules."""

    dimension: DimensionRule = DimensionRule()
    overall: OverallRule = OverallRule()
    min_confidence: float = Field(
        default=0.6, ge=0, le=1, description="Below this share of answered weight: "
        "insufficient evidence."
    )
    inconsistency_spread: float = Field(
        default=2.0, gt=0, description="Evidence this many levels apart is flagged."
    )


class Rubric(Frozen):
    """A whole maturity model."""

    format: Literal[1] = Field(default=1, description="Version of the rubric file format.")
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
    scoring: Scoring = Scoring()

    def level(self, number: int) -> Level:
        """The level with this number."""
        return self.levels[number - 1]

    @property
    def top(self) -> int:
        """Number of the highest level."""
        return len(self.levels)
