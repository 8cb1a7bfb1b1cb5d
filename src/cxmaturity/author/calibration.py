"""A rubric's calibration set: operations described in plain language, each with the level a
careful assessor expects, and an answers file filled by someone who saw only the description.
Scoring every case and counting agreement tells how far the rubric's levels can be trusted.

For `x/foo.yaml` the cases live in `x/calibration/foo/<case>/` (for a bundled rubric,
`rubrics/calibration/<id>/<case>/`): `profile.md`, with a line `Expected: 2` (or `2 or 3`, a
level's number, id or name), and `answers.yaml`, or an `interviews/` folder of answers files
that are merged as `assess --merge` merges them (rubrics/calibration/README.md).
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from cxmaturity.errors import CxError, Problem
from cxmaturity.load.catalog import find_rubric, load_rubric
from cxmaturity.model.ladder import resolve_level
from cxmaturity.model.result import Assessment
from cxmaturity.model.rubric import Rubric
from cxmaturity.run.batch import Settings, assess_merged, assess_one
from cxmaturity.yaml.reader import read_limited, text_of

#: The lines of a profile read as fields (`Kind: typical`); the first `Expected:` counts, and
#: the last of the others.
_FIELDS = ("Expected", "Kind", "Set", "Reason")


@dataclass(frozen=True)
class CalibrationCase:
    """One case: what the profile expects and what the rubric scored."""

    name: str
    folder: str
    expected: tuple[int, ...]
    kind: str | None = None
    set: str | None = None
    reason: str | None = None
    scored: int | None = None
    result: Assessment | None = None
    problems: tuple[Problem, ...] = ()

    @property
    def exact(self) -> bool:
        return self.scored is not None and self.scored in self.expected

    @property
    def within_one(self) -> bool:
        return self.scored is not None and min(abs(self.scored - e) for e in self.expected) <= 1


@dataclass(frozen=True)
class Calibration:
    """Every case of one rubric's calibration set, and the agreement they show."""

    rubric: Rubric
    folder: str
    cases: tuple[CalibrationCase, ...]

    @property
    def scored(self) -> tuple[CalibrationCase, ...]:
        return tuple(c for c in self.cases if not c.problems)

    def share(self, exact: bool) -> float:
        """The share of scored cases that agree exactly, or within one level."""
        scored = self.scored
        agreeing = sum(c.exact if exact else c.within_one for c in scored)
        return agreeing / len(scored) if scored else 0.0

    @property
    def exact(self) -> int:
        """Scored cases that agree exactly."""
        return sum(c.exact for c in self.scored)

    @property
    def far(self) -> int:
        """Scored cases more than one level off."""
        return sum(not c.within_one for c in self.scored)

    def below(self, min_exact: float) -> bool:
        """Whether fewer than `min_exact` percent of the scored cases agree exactly."""
        return self.exact * 100 + 1e-9 < min_exact * len(self.scored)

    def confusion(self) -> list[tuple[tuple[int, ...], list[int]]]:
        """Rows of (expected levels, count of cases scored at each level 1..N)."""
        rows: dict[tuple[int, ...], list[int]] = {}
        for case in self.scored:
            row = rows.setdefault(case.expected, [0] * self.rubric.top)
            if case.scored is not None:
                row[case.scored - 1] += 1
        return sorted(rows.items())


def calibration_dir(reference: str) -> Path:
    """The calibration folder of the rubric `reference` (a bundled id or a path)."""
    return _folder(find_rubric(reference)[0])


def _folder(rubric_path: Path) -> Path:
    return rubric_path.parent / "calibration" / rubric_path.stem


def run_calibration(reference: str) -> Calibration | None:
    """Score every case of the rubric's calibration set; None if it has none."""
    rubric_path = find_rubric(reference)[0]
    folder = _folder(rubric_path)
    cases = [d for d in sorted(folder.iterdir()) if d.is_dir()
             and os.path.lexists(d / "profile.md")] if folder.is_dir() else []
    if not cases:
        return None
    rubric = load_rubric(reference).rubric
    # The cases lie next to the rubric under test and may name it by path from there.
    settings = Settings(keep=True, rubric_root=rubric_path.parent.resolve())
    return Calibration(rubric, str(folder), tuple(_case(case, rubric, settings)
                                                  for case in cases))


def _case(folder: Path, rubric: Rubric, settings: Settings) -> CalibrationCase:
    profile = folder / "profile.md"
    case = CalibrationCase(folder.name, str(folder), ())
    try:
        fields = _fields(profile)
    except CxError as error:
        return replace(case, problems=error.problems)
    case = replace(case, kind=fields.get("Kind"), set=fields.get("Set"),
                   reason=fields.get("Reason"))
    if "Expected" not in fields:
        return replace(case, problems=(Problem(str(profile), "no `Expected:` line",
                                               hint="add `Expected: <level>` (or two adjacent "
                                               "levels, `2 or 3`)"),))
    try:
        case = replace(case, expected=tuple(
            resolve_level(rubric.levels, part, str(profile), rubric.level_term, rubric.id)
            for part in re.split(r"\s+or\s+", fields["Expected"])))
        interviews = sorted(str(p) for p in (folder / "interviews").glob("*.y*ml"))
        outcome = assess_merged(interviews, settings) if interviews else \
            assess_one(str(folder / "answers.yaml"), settings)
    except CxError as error:
        return replace(case, problems=error.problems)
    if outcome.broken:
        return replace(case, problems=outcome.problems)
    result = outcome.assessment()
    return replace(case, scored=result.overall.level, result=result)


def _fields(profile: Path) -> dict[str, str]:
    """The profile's field lines, read line by line (no pattern: a long line costs no more
    than its length); InputError if it cannot be read, is too large or is not UTF-8."""
    text = text_of(read_limited(str(profile), str(profile)), str(profile))
    fields: dict[str, str] = {}
    for line in text.splitlines():
        name, colon, value = line.partition(":")
        if colon and name in _FIELDS and value.strip() and not (
                name == "Expected" and name in fields):
            fields[name] = value.strip()
    return fields


def expected_text(levels: Sequence[int]) -> str:
    """`2`, or `2 or 3`."""
    return " or ".join(str(level) for level in levels)
