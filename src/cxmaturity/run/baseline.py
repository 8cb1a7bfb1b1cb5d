"""Earlier results to compare against: what `--baseline` reads for `--fail-on-regression`.

A baseline is any JSON that `assess` wrote: a single assessment (`--format json` of one file),
a batch document (`--format json`), JSON lines (`--format jsonl`, `.jsonl` or `.ndjson`),
or a folder of those. A
baseline may come from anywhere (an artifact, another branch), so every record is checked
against the shape `assess` writes (:class:`SavedRecord`); anything else is a located error,
exit 2. A baseline without a single scored result is an error too: the gate would compare
nothing. Limits: a `.json` file of at most :data:`MAX_DOCUMENT_BYTES`, a JSON line of at
most :data:`~cxmaturity.yaml.scalars.MAX_LINE_BYTES` (docs/limits.md).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from cxmaturity.errors import CxError, InputError, Problem, capped
from cxmaturity.escape.controls import without_surrogates
from cxmaturity.files import entry_kind
from cxmaturity.load.inputs import collect_inputs
from cxmaturity.load.kinds import NOUNS, WrongKind, expect_kind, kind_of
from cxmaturity.model.result import SCHEMA_VERSION
from cxmaturity.run.gates import Standing
from cxmaturity.yaml.reader import bad_byte, parse_yaml
from cxmaturity.yaml.scalars import MAX_LINE_BYTES, dotted

#: Largest `.json` baseline read (a batch document of about 10,000 files); JSON lines are
#: read a line at a time, so a `.jsonl` baseline has no overall limit.
MAX_DOCUMENT_BYTES = 256_000_000
#: JSON lines, as `assess` writes them for these extensions (any case).
LINES_SUFFIXES = (".jsonl", ".ndjson")
_HINT = "a baseline is the JSON or JSONL output of `cxmaturity assess`"
#: JSON breaks a line only at a line feed (a U+2028 in a string is text).
_JSON_BREAK = re.compile("\n")


class _Saved(BaseModel):
    """Strict about what is read, silent about the rest of what `assess` writes. Validators
    are built when a baseline is first read (`defer_build`), so runs without one never
    build them."""

    model_config = ConfigDict(strict=True, extra="ignore", frozen=True, defer_build=True)


class SavedLevel(_Saved):
    level: int | None = Field(ge=1)


class SavedDimension(_Saved):
    id: str
    level: int | None = Field(ge=1)


class SavedRubric(_Saved):
    id: str


class SavedAssessment(_Saved):
    """The part of a saved assessment a regression gate reads."""

    schema_version: str
    file: str
    rubric: SavedRubric | None = None
    overall: SavedLevel
    dimensions: list[SavedDimension]


class SavedRecord(_Saved):
    """One record of a batch (`--format jsonl`, or an entry of `results`)."""

    schema_version: str
    file: str
    status: Literal["scored", "insufficient-evidence", "error"]
    assessment: SavedAssessment | None

    @model_validator(mode="after")
    def _assessed_unless_error(self) -> SavedRecord:
        if (self.status == "error") != (self.assessment is None):
            raise ValueError("a record has an assessment exactly when its status is not error")
        return self

    @property
    def versions(self) -> set[str]:
        """The result schema versions the record says it follows."""
        inner = {self.assessment.schema_version} if self.assessment is not None else set()
        return {self.schema_version, *inner}


class SavedBatch(_Saved):
    """A batch document (`--format json` of several files)."""

    schema_version: str
    results: list[SavedRecord]


def _files(path: Path) -> list[Path]:
    """The files a baseline at `path` is read from: itself, or the JSON and JSON lines files
    of a folder; InputError, located, if there is neither."""
    entry = entry_kind(path)
    if entry == "folder":
        every = collect_inputs([str(path)], ("",))  # every file; its suffix in any case
        found = [Path(p) for p in every if Path(p).suffix.lower() in (".json", *LINES_SUFFIXES)]
        if not found:
            raise InputError([Problem(without_surrogates(str(path)), "the baseline folder "
                                      "holds no .json, .jsonl or .ndjson file", hint=_HINT)])
        return found
    if entry == "file":
        return [path]
    reason = {"missing": "baseline not found", "other": "the baseline is not a regular "
              "file"}.get(entry, f"cannot read baseline: {entry}")
    raise InputError([Problem(without_surrogates(str(path)), reason, hint="pass a JSON or "
                              "JSONL file written by `assess`, or a folder of them")])


@dataclass(frozen=True)
class Baseline:
    """A baseline as read: the files it came from, and the standing of every scored file in
    it, by normalized path."""

    files: tuple[Path, ...]
    standings: dict[str, Standing]


def load_baseline(path: Path) -> Baseline:
    """The baseline at `path` (a file, or a folder of them); InputError, located, if it is
    not what `assess` writes or holds no scored result."""
    shown = without_surrogates(str(path))
    standings: dict[str, Standing] = {}
    files = _files(path)
    for file in files:
        for record in _records(file):
            if record.assessment is not None:
                standings[os.path.normpath(record.file)] = _standing(record.assessment)
    if not standings:
        raise InputError([Problem(shown, "the baseline holds no scored result, so a regression "
                                  "gate would compare nothing", hint=_HINT + " on files that "
                                  "were scored")])
    return Baseline(tuple(files), standings)


def _records(file: Path) -> Iterator[SavedRecord]:
    shown = without_surrogates(str(file))
    if file.suffix.lower() in LINES_SUFFIXES:
        for number, line in _lines(file, shown):
            if line.strip():
                yield _record(_parse(line, shown, number), shown, number)
        return
    text = _whole(file, shown)
    try:
        document = _parse(text, shown, None)
    except InputError:
        _other_kind(text, shown)
        raise
    kind = kind_of(document)
    if kind not in (None, "result", "batch"):  # a comparison or a trend: named, not picked apart
        raise WrongKind([Problem(shown, f"this looks like {NOUNS[kind]}, not results of "
                                 "`cxmaturity assess`", hint=_HINT)])
    if isinstance(document, dict) and "results" in document:
        records = _check(SavedBatch, document, shown, None).results
    elif isinstance(document, dict) and "overall" in document:
        saved = _check(SavedAssessment, document, shown, None)
        records = [SavedRecord(schema_version=saved.schema_version, file=saved.file,
                               status="scored", assessment=saved)]
    else:
        records = [_record(document, shown, None)]
    for record in records:
        _supported(record.versions, shown, None)
        yield record


def _other_kind(text: str, shown: str) -> None:
    """WrongKind naming what a file that is not JSON is, if it is a YAML file of ours (an
    answers file given as the baseline is the likely slip: it says how to make one)."""
    try:
        doc = parse_yaml(text, shown)
    except CxError:
        return
    try:
        expect_kind(doc, "result", "batch")
    except WrongKind as wrong:
        if kind_of(doc.value) != "answers":
            raise
        raise WrongKind([replace(wrong.problems[0], hint=f"{_HINT}: score the answers "
                                 "first, e.g. `cxmaturity assess FILES --format jsonl -o "
                                 "baseline.jsonl`")]) from None


def _record(value: Any, shown: str, line: int | None) -> SavedRecord:
    record: SavedRecord = _check(SavedRecord, value, shown, line)
    _supported(record.versions, shown, line)
    return record


def _check(model: type[_Saved], value: Any, shown: str, line: int | None) -> Any:
    """`value` validated as `model`; InputError with every problem, located by key path."""
    if not isinstance(value, dict):
        raise InputError([Problem(shown, "expected a JSON object written by `assess`", line,
                                  hint=_HINT)])
    try:
        return model.model_validate(value)
    except ValidationError as exc:
        raise InputError(capped((Problem(shown, _message(err), line,
                                         path=dotted(tuple(err["loc"])) or None, hint=_HINT)
                                 for err in exc.errors(include_url=False)), shown)) from None


def _message(err: Any) -> str:
    message = str(err["msg"]).removeprefix("Value error, ")
    return message.split(" or instance of ")[0]  # our model's name means nothing to a reader


def _supported(versions: set[str], shown: str, line: int | None) -> None:
    """InputError unless every version is of this tool's result schema (major version)."""
    major = SCHEMA_VERSION.split(".")[0]
    for version in sorted(versions):
        if version.split(".")[0] != major:
            raise InputError([Problem(shown, f"result schema {version} is not supported (this "
                                      f"cxmaturity reads {SCHEMA_VERSION})", line,
                                      path="schema_version", hint="score the baseline again "
                                      "with this version of cxmaturity")])


def _parse(text: str, shown: str, line: int | None) -> Any:
    """JSON text as Python values; InputError located at the fault (or at `line`)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        at = exc.lineno + (line - 1 if line else 0)
        raise InputError([Problem(shown, f"invalid JSON: {exc.msg}", at, exc.colno,
                                  hint=_HINT)]) from None
    except RecursionError:
        raise InputError([Problem(shown, "invalid JSON: nested too deeply", line,
                                  hint=_HINT)]) from None
    except ValueError:  # e.g. an integer longer than Python converts (4,300 digits)
        raise InputError([Problem(shown, "invalid JSON: a number is too long", line,
                                  hint=_HINT)]) from None


def _whole(file: Path, shown: str) -> str:
    try:
        with open(file, "rb") as handle:
            raw = handle.read(MAX_DOCUMENT_BYTES + 1)
    except OSError as exc:
        raise InputError([Problem(shown, f"cannot read baseline: {exc.strerror}")]) from None
    if len(raw) > MAX_DOCUMENT_BYTES:
        raise InputError([Problem(shown, f"a .json baseline is larger than {MAX_DOCUMENT_BYTES}"
                                  " bytes", hint="write large baselines as JSON lines "
                                  "(--format jsonl)")])
    return _decoded(raw, shown, None)


def _lines(file: Path, shown: str) -> Iterator[tuple[int, str]]:
    try:
        with open(file, "rb") as handle:
            for number, raw in enumerate(iter(lambda: handle.readline(MAX_LINE_BYTES + 1),
                                              b""), 1):
                if len(raw) > MAX_LINE_BYTES:
                    raise InputError([Problem(shown, f"a line is longer than {MAX_LINE_BYTES} "
                                              "bytes", number, hint=_HINT)])
                yield number, _decoded(raw, shown, number)
    except OSError as exc:
        raise InputError([Problem(shown, f"cannot read baseline: {exc.strerror}")]) from None


def _decoded(raw: bytes, shown: str, line: int | None) -> str:
    """The text of a baseline, or of its JSON line number `line`; InputError at the bad
    byte's line and column as JSON counts them (only `\\n` breaks a line)."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad = bad_byte(raw, exc, _JSON_BREAK)
        raise InputError([Problem(shown, f"not UTF-8 text (byte 0x{bad.value:02X})",
                                  bad.line if line is None else line, bad.column,
                                  hint=_HINT)]) from None


def _standing(assessment: SavedAssessment) -> Standing:
    return Standing(assessment.overall.level,
                    {d.id: d.level for d in assessment.dimensions},
                    assessment.rubric.id if assessment.rubric else None)
