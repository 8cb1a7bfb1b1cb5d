"""Naming a level: by its number, id or name (or `Level 2`, as reports write it), as options
and policy files do."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Protocol

from cxmaturity.errors import Problem, UsageError
from cxmaturity.messages import did_you_mean


class Rung(Protocol):
    """A level as both a rubric (:class:`~cxmaturity.model.rubric.Level`) and a result
    (:class:`~cxmaturity.model.result.LevelView`) describe it."""

    @property
    def number(self) -> int: ...
    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...


#: What follows the rubric's word for its levels when the reports write a level: the number,
#: and perhaps the level's name (`Level 2`, `Stage 3`, `Level 2 AI Bolt-On`).
_NUMBERED = re.compile(r"(\d+)(?: (.+))?")


def find_level(levels: Iterable[Rung], text: str, term: str) -> int | None:
    """The number of the level of `levels` given by number, id or name (case-insensitive),
    or as the reports write it with the rubric's `term` for its levels (`Level 2`, `Level 2
    AI Bolt-On`: the name, if given, must be that level's; another word is no level)."""
    ladder = list(levels)
    wanted = " ".join(text.split()).lower()
    for level in ladder:
        if wanted in (str(level.number), level.id.lower(), level.name.lower()):
            return level.number
    prefix = f"{' '.join(term.split()).lower()} "
    numbered = _NUMBERED.fullmatch(wanted[len(prefix):]) if wanted.startswith(prefix) else None
    if numbered is None:
        return None
    number, name = numbered.groups()
    named = next((lv for lv in ladder if str(lv.number) == number), None)
    if named is None or (name is not None and name != named.name.lower()):
        return None
    return named.number


def not_a_level(levels: Iterable[Rung], text: str, rubric_id: str | None) -> tuple[str, str]:
    """Why `text` names no level, and a did-you-mean or the levels there are."""
    ladder = list(levels)
    choices = [str(lv.number) for lv in ladder] + [lv.id for lv in ladder]
    hint = did_you_mean(text.strip().lower(), choices) or f"use one of: {', '.join(choices)}"
    return f'"{text}" is not a level of {rubric_id or "this rubric"}', hint


def resolve_level(levels: Iterable[Rung], text: str, option: str, term: str,
                  rubric_id: str | None = None) -> int:
    """A level of the ladder `levels` as :func:`find_level` reads it (number, id, name, or
    `term` and number); UsageError naming `option` (and `rubric_id`, else "this rubric")
    with a did-you-mean."""
    ladder = list(levels)
    found = find_level(ladder, text, term)
    if found is None:
        message, hint = not_a_level(ladder, text, rubric_id)
        raise UsageError([Problem(option, message, hint=hint)])
    return found
