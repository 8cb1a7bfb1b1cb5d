"""Checking rubric and answers files without scoring: every finding, located, as data.

A :class:`Finding` is a located :class:`~cxmaturity.errors.Problem` plus the rule that
found it, so YAML errors, schema errors, broken references and lint share one shape
and one output format (`file:line:col: severity: message (key.path)`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from cxmaturity.answers import Answers
from cxmaturity.catalog import find_rubric
from cxmaturity.errors import InputError, Problem
from cxmaturity.integrity import integrity_problems
from cxmaturity.lint import lint
from cxmaturity.rubric import Rubric
from cxmaturity.submission import check_submission
from cxmaturity.validation import located, validate
from cxmaturity.yamlsafe import YamlDocument, read_yaml_file


@dataclass(frozen=True)
class Finding:
    """One problem and the rule (or stage: `yaml`, `schema`, `reference`) that found it."""

    problem: Problem
    rule: str

    @property
    def severity(self) -> str:
        return self.problem.severity

    def __str__(self) -> str:
        p = self.problem
        where = p.file + "".join(f":{n}" for n in (p.line, p.column) if n is not None)
        text = f"{where}: {p.severity}: {p.message}"
        if p.path:
            text += f" ({p.path})"
        text += f" [{self.rule}]"
        return text + (f"; {p.hint}" if p.hint else "")


def _stage(error: InputError, rule: str) -> list[Finding]:
    return [Finding(p, rule) for p in error.problems]


def _read(path: str) -> tuple[YamlDocument | None, list[Finding]]:
    try:
        return read_yaml_file(path), []
    except InputError as exc:
        return None, _stage(exc, "yaml")


def check_rubric(reference: str) -> list[Finding]:
    """Every YAML, schema, reference and lint finding for a rubric id or path."""
    try:
        path, _ = find_rubric(reference)
    except InputError as exc:
        return _stage(exc, "yaml")
    doc, found = _read(str(path))
    if doc is None:
        return found
    try:
        rubric = validate(doc, Rubric)
    except InputError as exc:
        return _stage(exc, "schema")
    broken = [Finding(p, "reference") for p in integrity_problems(doc, rubric)]
    if broken:
        return broken
    return [
        Finding(replace(located(doc, item.path, item.message, item.hint),
                        severity=item.severity), item.rule)
        for item in lint(rubric, doc)
    ]


def check_answers(path: str, rubric_root: Path | None = None) -> list[Finding]:
    """Every finding for an answers file checked against its rubric, without scoring.

    Errors: YAML, schema, unknown ids, out-of-scale answers, invalid metrics.
    Warnings: questions and metrics of the rubric that the file does not mention.
    """
    doc, found = _read(path)
    if doc is None:
        return found
    try:
        answers = validate(doc, Answers)
    except InputError as exc:
        return _stage(exc, "schema")
    try:
        sub = check_submission(doc, Path(path).parent, answers, rubric_root=rubric_root)
    except InputError as exc:
        return _stage(exc, "rubric" if _is_rubric_problem(exc, doc.file) else "answers")
    where = located(doc, ("answers",), "", prefer_key=True)
    missing = [q.id for q in sub.rubric.questions if q.id not in sub.answers.answers]
    missing_metrics = [m.id for m in sub.rubric.metrics if m.id not in sub.answers.metrics]
    found = []
    if missing:
        found.append(Finding(replace(
            where, severity="warning", message=f"{len(missing)} question(s) not answered: "
            f"{', '.join(missing)}", hint="answer them, or write `unknown` to say so"),
            "missing-answer"))
    if missing_metrics:
        where = located(doc, ("metrics",), "", prefer_key=True)
        found.append(Finding(replace(
            where, severity="warning", message=f"metric(s) not given: "
            f"{', '.join(missing_metrics)}", hint="give a value, or write `unknown`"),
            "missing-answer"))
    return found


def _is_rubric_problem(error: InputError, file: str) -> bool:
    return any(p.file != file for p in error.problems)
