"""What changed between two assessments of one site (`cxmaturity compare`): the data the
comparison reporters render."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from cxmaturity.model.result import Blocker
from cxmaturity.model.rubric import Frozen

COMPARE_SCHEMA_VERSION = "2.0"

#: How a level moved (the score's movement is in `score_delta`).
Direction = Literal["up", "down", "same", "newly-assessed", "no-longer-assessed", "not-assessed"]


class Snapshot(Frozen):
    """Which assessment a side of the comparison is."""

    file: str
    organization: str
    site: str | None
    date: dt.date
    rubric: str = Field(description="Rubric id and version.")
    level: int | None
    level_name: str | None
    score: float | None
    status: str


class LevelChange(Frozen):
    """A level and score before and after, overall or for one dimension."""

    id: str = Field(description="`overall` or the dimension id.")
    name: str
    before_level: int | None
    after_level: int | None
    before_score: float | None
    after_score: float | None
    score_delta: float | None
    direction: Direction


class AnswerChange(Frozen):
    """One question or metric whose answer differs."""

    id: str
    dimension: str
    label: str
    before: str = Field(description="The answer's label or value, `unknown` or `n/a`.")
    after: str
    before_supports: tuple[int, int] | None = Field(
        description="The levels the old answer supported (None: unknown or n/a).")
    after_supports: tuple[int, int] | None


class Comparison(Frozen):
    """Everything that changed between two assessments."""

    schema_version: str = COMPARE_SCHEMA_VERSION
    level_term: str = Field(description="What the rubric calls its levels (`Level`, `Stage`, ...).")
    old: Snapshot
    new: Snapshot
    days: int = Field(description="Days from the old assessment to the new one.")
    overall: LevelChange
    dimensions: tuple[LevelChange, ...]
    answers: tuple[AnswerChange, ...]
    new_blockers: tuple[Blocker, ...]
    resolved_blockers: tuple[Blocker, ...]
    notes: tuple[str, ...] = Field(description="Caveats: other rubric version, site, target.")
