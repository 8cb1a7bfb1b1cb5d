"""Earlier results to compare against: what `--baseline` reads for `--fail-on-regression`.

A baseline is any JSON that `assess` wrote: a single assessment (`--format json` of one file),
a batch document (`--format json`), JSON lines (`--format jsonl`), or a folder of those.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from cxmaturity.errors import InputError, Problem
from cxmaturity.gates import Standing


def load_baseline(path: Path) -> dict[str, Standing]:
    """The standing of every file in the baseline, by normalized path."""
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.suffix in (".json", ".jsonl"))
    elif path.is_file():
        files = [path]
    else:
        raise InputError([Problem(str(path), "baseline not found",
                                  hint="pass a JSON or JSONL file written by `assess`, or a "
                                  "folder of them")])
    standings: dict[str, Standing] = {}
    for file in files:
        for record in _records(file):
            assessment = record.get("assessment", record)
            if isinstance(assessment, dict) and "overall" in assessment:
                standings[os.path.normpath(str(record.get("file") or assessment["file"]))] = \
                    _standing(assessment)
    return standings


def _records(file: Path) -> Iterator[dict[str, Any]]:
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError([Problem(str(file), f"cannot read baseline: {exc}")]) from None
    lines = text.splitlines() if file.suffix == ".jsonl" else [text]
    for number, line in enumerate(lines, start=1):
        offset = number - 1 if file.suffix == ".jsonl" else 0
        if not line.strip():
            continue
        try:
            document = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError([Problem(str(file), f"invalid JSON: {exc.msg}",
                                      exc.lineno + offset, exc.colno,
                                      hint="a baseline is the JSON output of `assess`")]
                             ) from None
        if isinstance(document, dict):
            results = document.get("results")
            yield from (r for r in results if isinstance(r, dict)) if isinstance(
                results, list) else [document]


def _standing(assessment: dict[str, Any]) -> Standing:
    dimensions = {str(d["id"]): d.get("level") for d in assessment.get("dimensions", [])
                  if isinstance(d, dict) and "id" in d}
    return Standing(assessment["overall"].get("level"), dimensions)
