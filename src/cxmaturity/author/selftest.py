"""Rubric self-tests: golden cases (an assessment and its expected levels) run against a rubric.

Cases for `x/foo.yaml` live in `x/cases/foo/*.yaml`; for a bundled id, in the bundled
`cases/<id>/` folder. Each case file holds `description`, `expect` (`overall`, optional
`status`, optional per-dimension `dimensions`) and `assessment`, a whole answers file
whose `rubric` key may be left out to mean the rubric under test.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from pydantic import Field

from cxmaturity.errors import EmptyFile, InputError, Problem, UsageError
from cxmaturity.load.catalog import find_rubric, load_rubric
from cxmaturity.load.inputs import STDIN
from cxmaturity.load.submission import check_submission
from cxmaturity.load.validation import did_you_mean, located, validate
from cxmaturity.model.result import Assessment
from cxmaturity.model.rubric import Frozen
from cxmaturity.scoring.engine import score
from cxmaturity.yaml.reader import YamlDocument, read_yaml_file


class Expectation(Frozen):
    """What scoring a case must give."""

    overall: int | None = Field(description="The overall level, or null if none is given.")
    status: Literal["scored", "insufficient-evidence"] | None = None
    dimensions: dict[str, int | None] = Field(
        default_factory=dict, description="Dimension id to level, or null for not assessed.")


class Case(Frozen):
    """One golden case of a rubric."""

    description: str
    expect: Expectation
    assessment: dict[str, Any] = Field(description="An answers file; `rubric` may be omitted.")


@dataclass(frozen=True)
class CaseOutcome:
    """What running one case gave: differences from the expectation, or input problems."""

    name: str
    file: str
    description: str
    differences: tuple[str, ...] = ()
    problems: tuple[Problem, ...] = ()
    result: Assessment | None = field(default=None, compare=False, repr=False)
    """The case's assessment as scored (None when it could not be scored)."""

    @property
    def passed(self) -> bool:
        return not self.differences and not self.problems


@dataclass(frozen=True)
class SuiteOutcome:
    """Every case of one rubric."""

    rubric: str
    cases_dir: str
    cases: tuple[CaseOutcome, ...]


def cases_dir(reference: str) -> tuple[Path, Path]:
    """The rubric file a reference names and the folder of its cases."""
    if reference == STDIN:
        raise UsageError([Problem(STDIN, "a rubric's cases are found next to its file, so "
                                  "`rubric test` cannot read the rubric from standard input",
                                  hint="name the rubric's file or bundled id")])
    path, _ = find_rubric(reference)
    return path, path.parent / "cases" / path.stem


def run_suite(reference: str) -> SuiteOutcome:
    """Run every case next to the rubric `reference` (a bundled id or a path); a rubric
    without cases has an empty suite. InputError if the rubric itself is not valid (no case
    could run, and it is reported once rather than in every case)."""
    rubric_path, folder = cases_dir(reference)
    load_rubric(reference)
    files = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
    return SuiteOutcome(str(rubric_path), str(folder),
                        tuple(run_case(f, rubric_path) for f in files))


def run_case(path: Path, rubric_path: Path) -> CaseOutcome:
    """Score one case file against the rubric and compare with its expectation."""
    try:
        doc = read_yaml_file(str(path))
        case = validate(doc, Case)
    except EmptyFile as empty:
        problems = empty.hinted("a case holds `expect:` and `assessment:` "
                                "(docs/rubric-format.md)").problems
        return CaseOutcome(path.stem, str(path), "", problems=problems)
    except InputError as exc:
        return CaseOutcome(path.stem, str(path), "", problems=exc.problems)
    try:
        sub = check_submission(_assessment(doc, case, rubric_path), path.parent,
                               rubric_root=rubric_path.parent.resolve())
    except InputError as exc:
        return CaseOutcome(path.stem, str(path), case.description,
                           problems=tuple(_in_assessment(p, doc.file) for p in exc.problems))
    if os.path.realpath(sub.loaded.path) != os.path.realpath(rubric_path):
        return CaseOutcome(path.stem, str(path), case.description, problems=(located(
            doc, ("assessment", "rubric"), f'the case names rubric "{sub.rubric.id}" '
            f"({sub.loaded.path}), not the rubric under test ({rubric_path})",
            "leave `rubric:` out of the assessment"),))
    result = score(sub)
    levels = {d.id: d.level for d in result.dimensions}
    unknown = [located(doc, ("expect", "dimensions", dim), f'unknown dimension "{dim}"',
                       did_you_mean(dim, levels), prefer_key=True)
               for dim in case.expect.dimensions if dim not in levels]
    differences = []
    if result.overall.level != case.expect.overall:
        differences.append(_difference("overall", case.expect.overall, result.overall.level))
    if case.expect.status is not None and result.status != case.expect.status:
        differences.append(_difference("status", case.expect.status, result.status))
    for dim, level in case.expect.dimensions.items():
        if dim in levels and levels[dim] != level:
            differences.append(_difference(f"dimensions.{dim}", level, levels[dim]))
    return CaseOutcome(path.stem, str(path), case.description, tuple(differences),
                       tuple(unknown), result)


def _difference(what: str, expected: object, got: object) -> str:
    def show(value: object) -> str:
        return "null" if value is None else str(value)

    return f"{what}: expected {show(expected)}, got {show(got)}"


def _assessment(doc: YamlDocument, case: Case, rubric_path: Path) -> YamlDocument:
    """The case's `assessment` as an answers document located in the case file."""
    return doc.sub(("assessment",), {"rubric": str(rubric_path.resolve()), **case.assessment})


def _in_assessment(problem: Problem, file: str) -> Problem:
    """A problem inside `assessment`, with its key path as written in the case file."""
    if problem.file != file:
        return problem
    path = f"assessment.{problem.path}" if problem.path else "assessment"
    return replace(problem, path=path)
