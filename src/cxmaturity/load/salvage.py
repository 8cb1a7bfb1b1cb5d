"""Reading an answers document so that one mistake never hides another: when parts of it do
not fit the schema (a bad date, an unknown key), those parts are set aside and the rest is
still checked against its rubric, so every class of mistake is reported at once."""

from __future__ import annotations

from typing import Any

from cxmaturity.errors import MAX_PROBLEMS, InputError, Problem
from cxmaturity.load.kinds import expect_kind
from cxmaturity.load.validation import SchemaError, validate
from cxmaturity.model.answers import Answers
from cxmaturity.yaml.reader import YamlDocument
from cxmaturity.yaml.scalars import Path

#: Sections whose entries are checked one by one against the rubric.
SECTIONS = ("answers", "metrics")
#: Values that stand in for a required header key in error, so the rest can be checked.
STAND_INS: dict[str, Any] = {"organization": "", "date": "2000-01-01"}


def read_answers(doc: YamlDocument) -> tuple[Answers | None, tuple[Problem, ...]]:
    """The answers a document holds, and its schema problems. With problems, the answers
    are what is left once the parts in error are set aside; None when nothing more can be
    checked (the rubric key itself is wrong, or there are too many problems already)."""
    expect_kind(doc, "answers")
    try:
        return validate(doc, Answers), ()
    except SchemaError as exc:
        if len(exc.problems) > MAX_PROBLEMS:
            return None, exc.problems
        return _rest(doc.value, exc.paths), exc.problems
    except InputError as exc:  # not a mapping of keys at all
        return None, exc.problems


def _rest(value: Any, paths: tuple[Path, ...]) -> Answers | None:
    """The answers without the parts at `paths`, if they then fit the schema."""
    kept = dict(value)
    for path in paths:
        if not path or path[0] == "rubric":
            return None
        _set_aside(kept, path)
    try:
        return Answers.model_validate(kept)
    except ValueError:
        return None


def _set_aside(kept: dict[Any, Any], path: Path) -> None:
    top = path[0]
    if top in SECTIONS and len(path) > 1 and isinstance(kept.get(top), dict):
        kept[top] = {key: entry for key, entry in kept[top].items() if key != path[1]}
    elif top in SECTIONS:
        kept[top] = {}
    elif top in STAND_INS:
        kept[top] = STAND_INS[top]
    else:
        kept.pop(top, None)
