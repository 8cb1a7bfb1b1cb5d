"""Past assessments as files: an answers file (scored now) or a saved JSON result of
`cxmaturity assess --format json`. Both give an :class:`~cxmaturity.result.Assessment`."""

from __future__ import annotations

import os
from collections.abc import Iterable

from cxmaturity.batch import collect_inputs
from cxmaturity.errors import InputError, Problem
from cxmaturity.inputs import base_folder, read_document
from cxmaturity.kinds import expect_kind
from cxmaturity.result import SCHEMA_VERSION, Assessment
from cxmaturity.scoring import score
from cxmaturity.submission import check_submission
from cxmaturity.validation import located, validate

#: File endings read when a folder is given.
SUFFIXES = (".yaml", ".yml", ".json")


def load_assessment(path: str, *, target: int | None = None,
                    stdin: bytes | None = None) -> Assessment:
    """Score an answers file, or read a JSON result (JSON is read by the same strict reader,
    so a bad result is reported at its line and column); `-` reads `stdin`. `target` applies
    to answers files."""
    doc = read_document(path, stdin)
    expect_kind(doc, "answers", "result")
    if isinstance(doc.value, dict) and "schema_version" in doc.value:
        version = str(doc.value["schema_version"])
        if version.split(".")[0] != SCHEMA_VERSION.split(".")[0]:
            raise InputError([located(doc, ("schema_version",), f"result schema {version} is "
                                      f"not supported (this cxmaturity reads {SCHEMA_VERSION})",
                                      "re-run `cxmaturity assess --format json` on the "
                                      "answers file")])
        return validate(doc, Assessment)
    return score(check_submission(doc, base_folder(path)), target=target)


def expand(paths: Iterable[str]) -> list[str]:
    """The files given, with each folder replaced by the answers and result files under it
    (found as `assess` finds files: recursively, hidden names skipped, sorted)."""
    found: list[str] = []
    for path in paths:
        inside = collect_inputs([path], SUFFIXES)
        if not inside and os.path.isdir(path):
            raise InputError([Problem(path, "no .yaml, .yml or .json files in this folder")])
        found += inside
    return found
