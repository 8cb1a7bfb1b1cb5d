"""Past assessments as files: an answers file (scored now) or a saved JSON result of
`cxmaturity assess --format json`. Both give an :class:`~cxmaturity.model.result.Assessment`."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from cxmaturity.errors import EmptyFile, InputError, Problem
from cxmaturity.escape.controls import without_surrogates
from cxmaturity.load.inputs import (
    SCHEMA_SUFFIX,
    STDIN,
    STDIN_NAME,
    base_folder,
    collect_inputs,
)
from cxmaturity.load.kinds import NOUNS, WrongKind, batch_lines, expect_kind, what_reads
from cxmaturity.load.submission import check_submission
from cxmaturity.load.validation import located, validate
from cxmaturity.model.result import SCHEMA_VERSION, Assessment
from cxmaturity.scoring.engine import score
from cxmaturity.yaml.reader import YamlDocument, parse_bytes, read_limited

#: File endings read when a folder is given.
SUFFIXES = (".yaml", ".yml", ".json")


def load_assessment(path: str, *, target: int | None = None,
                    stdin: bytes | None = None,
                    rubric_root: Path | None = None) -> Assessment:
    """Score an answers file, or read a JSON result (JSON is read by the same strict reader,
    so a bad result is reported at its line and column); `-` reads `stdin`. `target` applies
    to answers files."""
    shown = STDIN_NAME if path == STDIN else without_surrogates(path)
    raw = (stdin or b"") if path == STDIN else read_limited(path, shown)  # read once: a pipe
    try:
        doc = parse_bytes(raw, shown)
    except EmptyFile as empty:
        raise empty.hinted("give an answers file (`cxmaturity template` writes one) or a "
                           "result of `cxmaturity assess --format json`") from None
    except InputError:
        if batch_lines(raw):  # records of a batch: not one document
            raise WrongKind([Problem(shown, f"this looks like {NOUNS['batch']}, not an answers "
                                     "file or a result", hint=what_reads("batch", path))]
                            ) from None
        raise
    expect_kind(doc, "answers", "result")
    if isinstance(doc.value, dict) and "schema_version" in doc.value:
        version = str(doc.value["schema_version"])
        if version.split(".")[0] != SCHEMA_VERSION.split(".")[0]:
            raise InputError([located(doc, ("schema_version",), f"result schema {version} is "
                                      f"not supported (this cxmaturity reads {SCHEMA_VERSION})",
                                      "re-run `cxmaturity assess --format json` on the "
                                      "answers file")])
        result = validate(doc, Assessment)
        _check_ladder(doc, result)
        return result
    sub = check_submission(doc, base_folder(path), rubric_root=rubric_root)
    return score(sub, target=target)


def _check_ladder(doc: YamlDocument, result: Assessment) -> None:
    """InputError, located, unless the saved result's ladder is numbered 1..N (N >= 2) and
    every level in it is on that ladder (a result from elsewhere may claim anything)."""
    top = len(result.ladder)
    problems = []
    if top < 2 or [lv.number for lv in result.ladder] != list(range(1, top + 1)):
        problems.append(located(doc, ("ladder",), "the ladder must number its levels 1, 2, "
                                "... (at least two)"))
    levels: list[tuple[tuple[str | int, ...], int | None]] = [
        (("overall", "level"), result.overall.level),
        *((("dimensions", i, "level"), d.level) for i, d in enumerate(result.dimensions)),
        *((("metrics", i, "level"), m.level) for i, m in enumerate(result.metrics))]
    for path, level in levels:
        if level is not None and not 1 <= level <= top:
            problems.append(located(doc, path, f"level {level} is not on the result's ladder "
                                    f"(1-{top})", "re-run `cxmaturity assess --format json` on "
                                    "the answers file"))
    if problems:
        raise InputError(problems)


def expand(paths: Sequence[str]) -> list[str]:
    """The files given, with each folder replaced by the answers and result files under it,
    found as `assess` finds files (recursively, hidden names skipped, in path order, a file
    found twice kept once), JSON Schemas (`*.schema.json`) left out unless named."""
    found = [file for file in collect_inputs(paths, SUFFIXES)
             if file in paths or not file.endswith(SCHEMA_SUFFIX)]
    for path in paths:
        if os.path.isdir(path) and not any(_inside(file, path) for file in found):
            raise InputError([Problem(path, "no .yaml, .yml or .json files in this folder")])
    return found


def _inside(file: str, folder: str) -> bool:
    parts = Path(folder).parts
    return Path(file).parts[:len(parts)] == parts
