"""The result of scoring one answers file: immutable data that every reporter renders.

`SCHEMA_VERSION` versions the JSON form; docs/reports.md and docs/ci.md describe it.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from cxmaturity.model.rubric import Frozen

SCHEMA_VERSION = "2.0"


class RubricStamp(Frozen):
    """Which rubric produced the result, exactly."""

    id: str
    version: str
    title: str
    sha256: str = Field(description="SHA-256 of the rubric file's bytes.")
    source: str = Field(description="The source model, its publisher and year.")


class Trait(Frozen):
    """A trait of a level as the rubric states it, and whether the source does."""

    text: str
    basis: str = Field(description="`source`, or `interpretation` where the rubric places it.")


class Fact(Frozen):
    """A finding or figure of the source, shown beside the level."""

    text: str
    level: int | None = Field(description="The level it describes, if one.")
    dimension: str | None = Field(description="The dimension it bears on, if one.")
    basis: str


class LevelView(Frozen):
    """A rung of the ladder as the report shows it."""

    number: int
    id: str
    name: str
    summary: str


Fit = Literal["yes", "lower", "higher"]


class EvidenceItem(Frozen):
    """One answer or metric, the levels it is consistent with, and how it sits with the
    level of its dimension."""

    kind: Literal["answer", "metric"]
    id: str
    dimension: str
    label: str = Field(description="The question text or the metric name.")
    given: str = Field(description="The answer's label or the metric's value, as shown.")
    supports: tuple[int, int] = Field(
        description="The lowest and highest level this evidence is consistent with.")
    fits: Fit = Field(description="Against its dimension's level: `yes` if consistent, "
                      "`lower` if it says the level is not reached, `higher` if it says the "
                      "dimension is beyond it.")
    weight: float
    note: str | None = Field(default=None, description="The evidence note from the answers file.")


class Blocker(Frozen):
    """Evidence that rules the target level out for a dimension."""

    dimension: str
    item: str = Field(description="Question or metric id.")
    text: str = Field(description="What exactly falls short, e.g. `coverage 22% < 30%`.")
    supports: tuple[int, int] = Field(description="The levels the evidence is consistent "
                                      "with; all below the target.")
    target: int
    toward: str | None = Field(
        default=None, description="What good looks like (the question's mature pole), if given."
    )


class Move(Frozen):
    """One answer or metric that, changed, would move a level up."""

    kind: Literal["answer", "metric"]
    item: str = Field(description="Question or metric id.")
    dimension: str
    label: str = Field(description="The question text or the metric name.")
    given: str = Field(description="The answer or value now (`unknown` if not given).")
    to: str = Field(description="The least change that counts, e.g. `4 - Mostly` or "
                    "`30% or more`.")


class Flag(Frozen):
    """Evidence that disagrees with the level it belongs to, or with other dimensions."""

    kind: Literal["conflict", "inconsistency"] = Field(
        description="`conflict`: evidence against a dimension's level weighs enough to "
        "doubt it; `inconsistency`: a metric's band is far from another dimension's level.")
    dimension: str | None
    message: str
    items: tuple[str, ...]


class Disagreement(Frozen):
    """Respondents whose answers to one question are more than one step apart."""

    item: str = Field(description="Question or metric id.")
    dimension: str
    label: str = Field(description="The question text or the metric name.")
    answers: tuple[tuple[str, str], ...] = Field(description="(respondent, answer) pairs.")
    consensus: str = Field(description="The answer the consensus rule kept.")
    spread: int = Field(description="Steps between the lowest and highest answer.")


class BandView(Frozen):
    """A metric band as shown on the band chart."""

    level: int
    supports: tuple[int, int] = Field(description="The levels a value in the band supports.")
    min: float | None
    max: float | None
    basis: str


class MetricPlacement(Frozen):
    """A metric's value placed in its bands."""

    id: str
    name: str
    dimension: str
    unit: str
    value: float | None
    shown: str = Field(description="The value with its unit, or `unknown`.")
    level: int | None
    bands: tuple[BandView, ...]
    better: str | None = Field(default=None, description="`higher` or `lower`, if declared.")
    target: float | None = Field(
        default=None, description="The target the value was compared with (target metrics)."
    )
    target_shown: str | None = Field(default=None, description="The target as read, e.g. "
                                     "`75% or more`.")


class DimensionResult(Frozen):
    """Where the operation stands along one dimension, and why."""

    id: str
    name: str
    weight: float
    status: Literal["assessed", "not-assessed"]
    score: float | None = Field(description="The level plus the share of the evidence "
                                "deciding the next level that supports it (docs/scoring.md).")
    level: int | None
    level_name: str | None
    span: tuple[int, int] | None = Field(
        default=None, description="The levels the evidence cannot tell apart: from the highest "
        "it shows reached to the highest it does not rule out. The dimension's level is the "
        "one of these nearest the overall level (docs/scoring.md).")
    coverage: float = Field(description="Share of the dimension's applicable weight answered.")
    evidence: tuple[EvidenceItem, ...]
    unanswered: tuple[str, ...] = Field(description="Question and metric ids left unknown.")
    not_applicable: tuple[str, ...] = Field(
        default=(), description="Question ids answered `n/a`: they do not apply here, so they "
        "count toward neither the level nor the share answered.")
    looks_like: tuple[Trait, ...] = Field(description="The rubric's traits of this level here.")
    counted: bool = Field(default=True, description="Whether the dimension counts toward the "
                          "overall level (`false`: context, shown only).")
    conflicts: tuple[str, ...] = Field(
        default=(), description="Ids of the evidence that does not fit the dimension's level.")
    raise_by_one: tuple[Move, ...] = Field(
        default=(), description="The fewest changes that would raise this dimension one level.")
    blockers: tuple[Blocker, ...]
    advice: str | None = Field(description="The rubric's guidance for this dimension's next level.")


class Overall(Frozen):
    """The overall level, the rule that produced it, and where the dimensions sit around it."""

    level: int | None
    name: str | None
    score: float | None
    mean_score: float | None = Field(description="Weighted mean of dimension scores.")
    method: str
    rationale: str | None
    limited_by: tuple[str, ...] = Field(description="Dimensions at the overall level.")
    above: tuple[str, ...] = Field(
        default=(), description="Dimensions above the overall level: traits of higher levels.")
    below: tuple[str, ...] = Field(default=(), description="Dimensions below the overall level.")
    capped_by: tuple[str, ...] = Field(
        default=(), description="Metrics whose band held the overall level below what the "
        "dimensions reach (`caps_overall` in the rubric).")
    held_back_by: tuple[str, ...] = Field(
        default=(), description="Dimensions whose evidence allows so little that the overall "
        "level was held down to at most `max_gap` above them.")
    not_assessed: tuple[str, ...]
    raise_by_one: tuple[Move, ...] = Field(
        default=(), description="The fewest changes found that raise the overall level by "
        "one: the cheapest dimensions first (docs/scoring.md).")


class RoadmapStep(Frozen):
    """One dimension's move to the target level: why it ranks where it does, and how."""

    dimension: str
    name: str
    level: int = Field(description="The dimension's level now.")
    score: float
    target: int
    gap: float = Field(description="Target level minus the dimension's score.")
    weight: float = Field(description="The dimension's weight in the rubric.")
    priority: float = Field(description="gap x weight: the larger, the sooner (docs/scoring.md).")
    blockers: tuple[Blocker, ...] = Field(description="This dimension's blockers, rubric order.")
    guidance: tuple[tuple[int, str], ...] = Field(
        description="(level, the rubric's advice to reach it) for each level up to the target.")


class Outlook(Frozen):
    """The next level: what it brings, and what stands in the way."""

    number: int
    name: str
    summary: str
    outcomes: tuple[tuple[str, str], ...] = Field(description="(aspect, what to expect) pairs.")
    measures: tuple[str, ...] = Field(
        default=(), description="What operations at the next level measure (the source's).")
    shift_headline: str | None
    shift_steps: tuple[str, ...]
    blockers: tuple[Blocker, ...]
    roadmap: tuple[RoadmapStep, ...] = Field(
        default=(), description="Dimensions below the target, highest priority first.")


class Assessment(Frozen):
    """Everything known about one scored answers file."""

    schema_version: str = SCHEMA_VERSION
    tool_version: str
    file: str
    rubric: RubricStamp
    organization: str
    site: str | None
    date: dt.date
    assessor: str | None
    respondents: tuple[str, ...]
    status: Literal["scored", "insufficient-evidence"]
    confidence: float
    min_confidence: float
    level_term: str = Field(default="Level", description="What the rubric calls its levels.")
    overall: Overall
    ladder: tuple[LevelView, ...]
    dimensions: tuple[DimensionResult, ...]
    metrics: tuple[MetricPlacement, ...]
    flags: tuple[Flag, ...]
    next: Outlook | None
    merged_from: tuple[str, ...] = Field(
        default=(), description="The answers files combined into this one (`assess --merge`).")
    disagreements: tuple[Disagreement, ...] = Field(
        default=(), description="Questions where merged respondents differ by more than a step.")
    facts: tuple[Fact, ...] = Field(
        default=(), description="The rubric's findings and figures from the source.")
