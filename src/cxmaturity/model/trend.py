"""One site's assessments over time (`cxmaturity trend`): the data the trend reporters
render."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from cxmaturity.model.rubric import Frozen

TREND_SCHEMA_VERSION = "1.1"
QUARTER_DAYS = 91.25


class TrendPoint(Frozen):
    """One assessment in the series."""

    date: dt.date
    file: str
    status: str
    level: int | None
    score: float | None
    levels: dict[str, int | None] = Field(description="Dimension id to level.")
    scores: dict[str, float | None] = Field(description="Dimension id to score.")


class Pace(Frozen):
    """How fast the overall score, or one dimension's, moved."""

    id: str = Field(description="`overall` or a dimension id.")
    name: str
    first_level: int | None
    last_level: int | None
    change: float | None = Field(description="Last score minus first score.")
    per_quarter: float | None = Field(description="Least-squares slope, score points/quarter.")
    next_level: int | None
    quarters_to_next: float | None = Field(
        description="At this pace, quarters until the score reaches the next whole level.")


class Trend(Frozen):
    """A site's assessments in date order, and the pace of change."""

    schema_version: str = TREND_SCHEMA_VERSION
    organization: str
    site: str | None
    rubric: str
    level_term: str = Field(description="What the rubric calls its levels (`Level`, `Stage`, ...).")
    top: int
    dimensions: tuple[tuple[str, str], ...] = Field(description="(id, name) pairs.")
    points: tuple[TrendPoint, ...]
    days: int
    overall: Pace
    paces: tuple[Pace, ...]
    notes: tuple[str, ...] = Field(
        default=(), description="Caveats: the rubric's version changed along the series, or "
        "its file differs between assessments of one version (added in schema 1.1).")
