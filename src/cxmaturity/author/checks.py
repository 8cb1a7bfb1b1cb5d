"""Checking rubric and answers files without scoring: every finding, located, as data.

Each finding is a located :class:`~cxmaturity.errors.Problem` whose `rule` names the rule or
stage that found it (`yaml`, `kind`, `schema`, `reference`, a lint rule...), so YAML errors,
schema errors, broken references and lint share one shape and one output format
(:attr:`~cxmaturity.errors.Problem.finding`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from cxmaturity.errors import MAX_PROBLEMS, EmptyFile, InputError, Problem
from cxmaturity.lint import lint
from cxmaturity.load.catalog import EMPTY_RUBRIC, find_rubric, rubric_problems
from cxmaturity.load.inputs import STDIN, base_folder, read_document
from cxmaturity.load.kinds import WrongKind, expect_kind
from cxmaturity.load.salvage import read_answers
from cxmaturity.load.submission import Submission, check_submission, in_file_order
from cxmaturity.load.validation import located, validate
from cxmaturity.model.rubric import UNKNOWN, Rubric
from cxmaturity.run.gates import days_ahead
from cxmaturity.yaml.reader import YamlDocument


def _stage(error: InputError, rule: str) -> list[Problem]:
    return [replace(p, rule=rule) for p in error.problems]


def _unread(error: InputError) -> list[Problem]:
    """A file that could not be read (`file`: not there, unreadable, too large) or parsed
    (`yaml`, at a line)."""
    return [replace(p, rule="yaml" if p.line is not None else "file") for p in error.problems]


def _read(argument: str, stdin: bytes | None, empty: str | None = None
          ) -> tuple[YamlDocument | None, list[Problem]]:
    """The document, or its YAML problems; `empty` is the advice for an empty file (default:
    an answers file's)."""
    try:
        return read_document(argument, stdin), []
    except EmptyFile as exc:
        return None, _stage(exc.hinted(empty) if empty else exc, "yaml")
    except InputError as exc:
        return None, _unread(exc)


def check_rubric(reference: str, stdin: bytes | None = None) -> list[Problem]:
    """Every YAML, schema, reference and lint finding for a rubric id or path (or `-`, the
    rubric in `stdin`)."""
    try:
        path = reference if reference == STDIN else str(find_rubric(reference)[0])
    except InputError as exc:
        return _stage(exc, "file")
    doc, found = _read(path, stdin, EMPTY_RUBRIC)
    if doc is None:
        return found
    try:
        expect_kind(doc, "rubric")
        rubric = validate(doc, Rubric)
    except WrongKind as exc:
        return _stage(exc, "kind")
    except InputError as exc:
        return _stage(exc, "schema")
    broken = [replace(p, rule="reference") for p in rubric_problems(doc, rubric)]
    return broken or lint(rubric, doc)


def check_answers(argument: str, stdin: bytes | None = None, *,
                  rubric_root: Path | None = None) -> list[Problem]:
    """Every finding for an answers file (or `-`, the file in `stdin`) checked against its
    rubric, without scoring. A mistake of one kind never hides those of another. A rubric
    named by path must lie inside `rubric_root` (default: the file's repository).

    Errors: YAML, schema, unknown ids, out-of-scale answers, invalid metrics.
    Warnings: questions and metrics the file does not mention, and a file left as the
    template wrote it (no organization, every answer `unknown`).
    """
    doc, found = _read(argument, stdin)
    if doc is None:
        return found
    try:
        answers, schema = read_answers(doc)
    except WrongKind as exc:
        return _stage(exc, "kind")
    found = [replace(p, rule="schema") for p in schema]  # in file order, capped
    if answers is None:
        return found
    try:
        sub = check_submission(doc, base_folder(argument), answers, rubric_root=rubric_root)
    except InputError as exc:
        stage = "rubric" if _is_rubric_problem(exc, doc.file) else "answers"
        later = _stage(exc, stage)
        if len(later) > MAX_PROBLEMS:  # capped: its count of the rest stays last
            return found + later
        return in_file_order(found + later)
    return found or _warnings(doc, sub)


def _warnings(doc: YamlDocument, sub: Submission) -> list[Problem]:
    """What a valid file still leaves open: questions and metrics it does not mention, and
    what a template leaves until it is filled in (the organization, every answer)."""
    found = []
    if not sub.answers.organization.strip():
        found.append(_warning(doc, ("organization",), "the organization is empty",
                              "name the organization assessed", "empty-organization"))
    if (ahead := days_ahead(sub.answers.date, dt.date.today())) is not None:
        found.append(_warning(doc, ("date",), f"the assessment is dated {ahead} days ahead "
                              f"({sub.answers.date.isoformat()})", "write the day the "
                              "assessment was made (a `--max-age` gate fails a future date)",
                              "future-date"))
    by_dimension = sub.loaded.index.by_dimension_questions  # the template's order
    missing = [q.id for dim in sub.rubric.dimensions for q in by_dimension[dim.id]
               if q.id not in sub.answers.answers]
    if missing:
        found.append(_warning(doc, ("answers",), f"{len(missing)} question(s) not answered: "
                              f"{', '.join(missing)}", "answer them, or write `unknown` to say "
                              "so", "missing-answer"))
    elif sub.answers.answers and all(r == UNKNOWN for r in sub.responses.values()) and \
            all(v is None for v in sub.metric_values.values()):
        found.append(_warning(doc, ("answers",), "every answer is `unknown`: nothing has been "
                              "answered yet", "replace each `unknown` with one of the answers "
                              "listed above it, or `n/a`", "nothing-answered"))
    missing_metrics = [m.id for m in sub.rubric.metrics if m.id not in sub.answers.metrics]
    if missing_metrics:
        found.append(_warning(doc, ("metrics",), f"metric(s) not given: "
                              f"{', '.join(missing_metrics)}", "give a value, or write "
                              "`unknown`", "missing-answer"))
    return found


def _warning(doc: YamlDocument, path: tuple[str, ...], message: str, hint: str,
             rule: str) -> Problem:
    return replace(located(doc, path, message, hint, prefer_key=True), severity="warning",
                   rule=rule)


def _is_rubric_problem(error: InputError, file: str) -> bool:
    return any(p.file != file for p in error.problems)
