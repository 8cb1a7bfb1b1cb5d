"""Machine formats of a batch: `json` (one document), `jsonl` (one record per line) and
`csv` (one row per file). Every record carries the schema and tool versions and the rubric.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from cxmaturity import __version__
from cxmaturity.escape.jsondoc import document
from cxmaturity.escape.spreadsheet import cell
from cxmaturity.model.records import Outcome, Tally
from cxmaturity.model.result import SCHEMA_VERSION
from cxmaturity.report.formats import Context, Reporter
from cxmaturity.report.json_report import render_json

_HEAD = f'{{"schema_version":"{SCHEMA_VERSION}","tool_version":"{__version__}",'


def problem_fields(outcome: Outcome) -> list[dict[str, Any]]:
    """The problems of a broken input as plain data."""
    return [{"file": p.file, "line": p.line, "column": p.column, "path": p.path,
             "message": p.message, "hint": p.hint} for p in outcome.problems]


def record(outcome: Outcome) -> str:
    """One outcome as a compact JSON object: status, failed gates, problems, assessment."""
    status = "error" if outcome.digest is None else outcome.digest.status
    gates = [{"gate": g.rule, "message": g.message, "line": g.line, "column": g.column}
             for g in outcome.gates]
    return document(f'{_HEAD}"file":{_compact(outcome.file)},"status":"{status}",'
                    f'"gates_failed":{_compact(gates)},"problems":'
                    f'{_compact(problem_fields(outcome))},"assessment":'
                    f'{outcome.document or "null"}}}')


def _compact(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def _summary(tally: Tally) -> str:
    return json.dumps({"files": tally.files, "broken": tally.broken, "gated": tally.gated,
                       "exit_code": tally.exit_code})


class JsonLinesReporter(Reporter):
    """One JSON record per line, written as each file is scored."""

    def add(self, outcome: Outcome) -> str:
        return record(outcome) + "\n"


class JsonReporter(Reporter):
    """One JSON document: the assessment itself for a single file, else every record in
    `results` and the counts in `summary`."""

    def __init__(self, context: Context) -> None:
        super().__init__(context)
        self.first = True

    def begin(self) -> str:
        return "" if self.context.single else f'{_HEAD}"results":[\n'

    def add(self, outcome: Outcome) -> str:
        if self.context.single:
            if outcome.broken:
                return ""
            return render_json(outcome.assessment())
        text = ("" if self.first else ",\n") + record(outcome)
        self.first = False
        return text

    def finish(self, tally: Tally) -> str:
        return "" if self.context.single else f'\n],"summary":{_summary(tally)}}}\n'


class CsvReporter(Reporter):
    """One row per file; one column per dimension of the first scored file's rubric (files
    of another rubric list theirs in `other_dimensions`)."""

    FIXED = ("schema_version", "tool_version", "file", "status", "organization", "site", "date",
             "rubric", "rubric_version", "rubric_sha256", "overall_level", "overall_name",
             "overall_score", "confidence", "gates_failed", "error")

    def __init__(self, context: Context) -> None:
        super().__init__(context)
        self.dimensions: tuple[str, ...] | None = None
        self.waiting: list[Outcome] = []

    def add(self, outcome: Outcome) -> str:
        if self.dimensions is None:
            if outcome.digest is None:
                self.waiting.append(outcome)
                return ""
            self.dimensions = tuple(dim for dim, _ in outcome.digest.dimensions)
            rows = [*self.waiting, outcome]
            self.waiting = []
            return self._rows([(*self.FIXED, *map(cell, self.dimensions), "other_dimensions")],
                              rows)
        return self._rows([], [outcome])

    def finish(self, tally: Tally) -> str:
        if self.dimensions is None:
            self.dimensions = ()
            return self._rows([(*self.FIXED, "other_dimensions")], self.waiting)
        return ""

    def _rows(self, head: list[tuple[str, ...]], outcomes: list[Outcome]) -> str:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerows(head)
        writer.writerows(self._row(o) for o in outcomes)
        return buffer.getvalue()

    def _row(self, outcome: Outcome) -> list[object]:
        d = outcome.digest
        gates = "; ".join(g.message for g in outcome.gates)
        if d is None:
            error = str(outcome.problems[0]) if outcome.problems else "error"
            return [SCHEMA_VERSION, __version__, cell(outcome.file), "error", *[""] * 11,
                    cell(error), *[""] * len(self.dimensions or ()), ""]
        levels = dict(d.dimensions)
        columns = self.dimensions or ()
        other = "; ".join(f"{k}={_number(v)}" for k, v in d.dimensions if k not in columns)
        return [SCHEMA_VERSION, __version__, cell(outcome.file), d.status, cell(d.organization),
                cell(d.site or ""), d.date, cell(d.rubric_id), cell(d.rubric_version),
                d.rubric_sha256, _number(d.level), cell(d.level_name or ""), _number(d.score),
                f"{d.confidence:.4g}", cell(gates), "",
                *[_number(levels.get(c)) for c in columns], cell(other)]


def _number(value: int | float | None) -> str:
    if value is None:
        return ""
    return str(value) if isinstance(value, int) else f"{value:.4g}"
