"""Gates: conditions on a result that make the command exit 1."""

from __future__ import annotations

from cxmaturity.errors import Problem, UsageError
from cxmaturity.result import Assessment
from cxmaturity.rubric import Rubric
from cxmaturity.validation import did_you_mean


def resolve_level(rubric: Rubric, text: str, option: str) -> int:
    """A level given by number, id or name (case-insensitive) in `rubric`."""
    wanted = text.strip().lower()
    for level in rubric.levels:
        if wanted in (str(level.number), level.id.lower(), level.name.lower()):
            return level.number
    choices = [str(lv.number) for lv in rubric.levels] + [lv.id for lv in rubric.levels]
    raise UsageError([Problem(option, f'"{text}" is not a level of {rubric.id}',
                              hint=did_you_mean(wanted, choices) or
                              f"use one of: {', '.join(choices)}")])


def under(result: Assessment, level: int) -> bool:
    """Whether the result fails a "fail under `level`" gate (insufficient evidence fails)."""
    overall = result.overall.level
    return overall is None or overall < level or result.status != "scored"
