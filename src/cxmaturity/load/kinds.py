"""What kind of cxmaturity document a file holds, told by its shape (the keys at its top),
so that a file given to the wrong command gets one message naming the command that reads
it, instead of every key reported as unknown."""

from __future__ import annotations

import json
from typing import Any, Literal

from cxmaturity.errors import InputError, Problem
from cxmaturity.load.inputs import argument_for
from cxmaturity.yaml.reader import YamlDocument, read_yaml_file

Kind = Literal["answers", "rubric", "result", "batch", "comparison", "trend", "case",
               "schema"]

#: Each kind as a message names it.
NOUNS: dict[Kind, str] = {
    "answers": "an answers file",
    "rubric": "a rubric",
    "result": "a result of `cxmaturity assess --format json`",
    "batch": "the results of several files (`cxmaturity assess` with --format json or jsonl)",
    "comparison": "a result of `cxmaturity compare --format json`",
    "trend": "a result of `cxmaturity trend --format json`",
    "case": "a rubric self-test case",
    "schema": "a JSON Schema (`cxmaturity schema`), which editors read",
}


class WrongKind(InputError):
    """A document of another kind than the command reads."""


def kind_of(value: Any) -> Kind | None:
    """The kind of document `value` is, by the keys only that kind has at its top; None
    when it looks like no kind in particular (then its own errors say what is wrong)."""
    if not isinstance(value, dict):
        return None
    keys = {str(key) for key in value}
    if "schema_version" in keys:
        if {"old", "new"} <= keys:
            return "comparison"
        if "points" in keys:
            return "trend"
        if keys & {"results", "assessment"}:  # a batch document, or one of its records
            return "batch"
        return "result" if keys & {"overall", "tool_version"} else None
    if {"levels", "dimensions"} <= keys:
        return "rubric"
    if {"expect", "assessment"} <= keys:
        return "case"
    if "answers" in keys or {"organization", "date"} <= keys:
        return "answers"
    if "$schema" in keys and keys & {"properties", "$defs", "type"}:
        return "schema"  # an editor's JSON Schema (a YAML file may name one in `$schema`)
    return None


def batch_lines(raw: bytes) -> bool:
    """Whether bytes that are not one document start with a record of a batch: JSON lines
    of `assess`, whatever the file is called, or piped in."""
    try:
        return kind_of(json.loads(raw.split(b"\n", 1)[0])) == "batch"
    except (ValueError, RecursionError):
        return False


#: Kinds that people write: no report is ever written over one.
WRITTEN_BY_PEOPLE: tuple[Kind, ...] = ("answers", "rubric", "case")


def written_by_people(path: str) -> Kind | None:
    """The kind of the file at `path` if it is one people write (an answers file, a rubric,
    a self-test case), else None: not there, not a document of ours, or not readable as
    one (larger than any input may be, not YAML)."""
    try:
        found = kind_of(read_yaml_file(path).value)
    except (InputError, OSError):
        return None
    return found if found in WRITTEN_BY_PEOPLE else None


def expect_kind(doc: YamlDocument, *wanted: Kind) -> None:
    """WrongKind, with one problem naming the command that reads it, if `doc` is plainly a
    kind other than `wanted`."""
    found = kind_of(doc.value)
    if found is None or found in wanted:
        return
    expected = " or ".join(NOUNS[kind] for kind in wanted)
    raise WrongKind([Problem(doc.file, f"this looks like {NOUNS[found]}, not {expected}",
                              hint=what_reads(found, argument_for(doc.file)))])


def what_reads(kind: Kind, file: str) -> str:
    """The command that reads a document of `kind`, as advice."""
    if kind == "rubric":
        return f"did you mean `cxmaturity rubric validate {file}`?"
    if kind == "answers":
        return f"did you mean `cxmaturity validate {file}`?"
    if kind == "case":
        return "did you mean `cxmaturity rubric test RUBRIC`? (it runs the cases next to " \
            "the rubric)"
    if kind == "result":
        return "`cxmaturity compare` and `cxmaturity trend` read results; to score again, " \
            "give the answers file it came from"
    if kind == "batch":
        return "`compare` and `trend` read one assessment a file: give the answers files, or " \
            "save each one's result (`cxmaturity assess FILE --format json -o FILE.json`); " \
            "a batch's results are what `assess --baseline` reads"
    if kind == "schema":
        return "leave it out of the files given (`trend` leaves `*.schema.json` out of folders)"
    return "give the answers files or results it was made from"
