"""Gates: conditions on a result that make the command exit 1.

Level gates (`fail-under`, `fail-under-dimension`) may be given for every rubric or for one
rubric by id (`--fail-under 3`, `--fail-under ai-readiness-cohorts=2`); a gate for a file's
own rubric replaces the one for every rubric. A gate that cannot be checked on a file, such
as a level its rubric does not have, fails that file, with a message saying how to gate it:
a gate never passes a file it could not check (docs/ci.md).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from cxmaturity.errors import Problem, UsageError

if TYPE_CHECKING:  # imported lazily: `--help` and batch set-up need none of them
    from cxmaturity.model.result import Assessment
    from cxmaturity.model.rubric import Rubric
    from cxmaturity.yaml.reader import YamlDocument


class Rung(Protocol):
    """A level as both a rubric (:class:`~cxmaturity.model.rubric.Level`) and a result
    (:class:`~cxmaturity.model.result.LevelView`) describe it."""

    @property
    def number(self) -> int: ...
    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...


def find_level(levels: Iterable[Rung], text: str) -> int | None:
    """The number of the level of `levels` given by number, id or name (case-insensitive)."""
    wanted = text.strip().lower()
    for level in levels:
        if wanted in (str(level.number), level.id.lower(), level.name.lower()):
            return level.number
    return None


def _not_a_level(levels: Iterable[Rung], text: str, rubric_id: str | None) -> tuple[str, str]:
    """Why `text` names no level, and a did-you-mean or the levels there are."""
    from cxmaturity.messages import did_you_mean

    ladder = list(levels)
    choices = [str(lv.number) for lv in ladder] + [lv.id for lv in ladder]
    hint = did_you_mean(text.strip().lower(), choices) or f"use one of: {', '.join(choices)}"
    return f'"{text}" is not a level of {rubric_id or "this rubric"}', hint


def resolve_level(levels: Iterable[Rung], text: str, option: str,
                  rubric_id: str | None = None) -> int:
    """A level of the ladder `levels` given by number, id or name (case-insensitive);
    UsageError naming `option` (and `rubric_id`, else "this rubric") with a did-you-mean."""
    ladder = list(levels)
    found = find_level(ladder, text)
    if found is None:
        message, hint = _not_a_level(ladder, text, rubric_id)
        raise UsageError([Problem(option, message, hint=hint)])
    return found


def under(result: Assessment, level: int) -> bool:
    """Whether the result fails a "fail under `level`" gate (insufficient evidence fails)."""
    overall = result.overall.level
    return overall is None or overall < level or result.status != "scored"


@dataclass(frozen=True)
class Standing:
    """The levels of one earlier result, to compare against (a baseline entry)."""

    overall: int | None
    dimensions: Mapping[str, int | None]


#: Gate names, as failures and per-gate reports (e.g. JUnit test cases) show them.
FAIL_UNDER = "fail-under"
FAIL_UNDER_DIMENSION = "fail-under-dimension"
MIN_CONFIDENCE = "min-confidence"
MAX_AGE = "max-age"
REGRESSION = "regression"

#: Days an assessment may be dated after today (time zones) before `max-age` fails it.
FUTURE_DAYS = 1


@dataclass(frozen=True)
class LevelGate:
    """`fail-under LEVEL`, for one rubric (by id) or, with `rubric` None, for every rubric."""

    level: str
    rubric: str | None = None


@dataclass(frozen=True)
class DimensionGate:
    """`fail-under-dimension ID=LEVEL`, for one rubric or, with `rubric` None, every one."""

    dimension: str
    level: str
    rubric: str | None = None


def level_gate(text: str) -> LevelGate:
    """`LEVEL` or `RUBRIC=LEVEL` of `--fail-under`."""
    rubric, sep, level = text.rpartition("=")
    if not level.strip() or (sep and not rubric.strip()):
        raise UsageError([Problem("--fail-under", f'"{text}" is not LEVEL or RUBRIC=LEVEL',
                                  hint="for example --fail-under 2 or --fail-under "
                                  "ai-readiness-cohorts=2")])
    return LevelGate(level.strip(), rubric.strip() or None)


def dimension_gate(text: str) -> DimensionGate:
    """`ID=LEVEL` or `RUBRIC:ID=LEVEL` of `--fail-under-dimension`."""
    dimension, sep, level = text.partition("=")
    rubric, colon, dimension = dimension.rpartition(":")
    if not sep or not dimension.strip() or not level.strip() or (colon and not rubric.strip()):
        raise UsageError([Problem("--fail-under-dimension", f'"{text}" is not ID=LEVEL or '
                                  "RUBRIC:ID=LEVEL", hint="for example --fail-under-dimension "
                                  "data=2")])
    return DimensionGate(dimension.strip(), level.strip(), rubric.strip() or None)


@dataclass(frozen=True)
class Gates:
    """Every gate requested for a file; levels are resolved against the file's rubric."""

    fail_under: tuple[LevelGate, ...] = ()
    fail_under_dimension: tuple[DimensionGate, ...] = ()
    min_confidence: float | None = None
    """A share from 0 to 1."""
    max_age: int | None = None
    """Days; older assessments fail, and so do those dated in the future."""
    baseline: Mapping[str, Standing] = field(default_factory=dict)
    """Earlier results by file, for `fail_on_regression`."""
    fail_on_regression: bool = False
    today: dt.date | None = None
    """The day ages are measured from (default: today)."""

    @property
    def active(self) -> tuple[str, ...]:
        """The names of the gates in force, in a fixed order."""
        names = [(FAIL_UNDER, bool(self.fail_under)),
                 (FAIL_UNDER_DIMENSION, bool(self.fail_under_dimension)),
                 (MIN_CONFIDENCE, self.min_confidence is not None),
                 (MAX_AGE, self.max_age is not None),
                 (REGRESSION, self.fail_on_regression)]
        return tuple(name for name, active in names if active)

    def level_for(self, rubric_id: str) -> str | None:
        """The `fail-under` level for files of `rubric_id` (its own gate, else the one for
        every rubric; the last given wins)."""
        own = [g.level for g in self.fail_under if g.rubric == rubric_id]
        every = [g.level for g in self.fail_under if g.rubric is None]
        chosen = own or every
        return chosen[-1] if chosen else None

    def dimensions_for(self, rubric_id: str) -> list[DimensionGate]:
        """The dimension gates for files of `rubric_id`: its own, else those for every rubric."""
        own = [g for g in self.fail_under_dimension if g.rubric == rubric_id]
        return own or [g for g in self.fail_under_dimension if g.rubric is None]

    def compares(self, result: Assessment) -> bool:
        """Whether the regression gate has an earlier result of this file to compare with."""
        return self.fail_on_regression and os.path.normpath(result.file) in self.baseline


@dataclass(frozen=True)
class GateFailure:
    """One gate a result did not pass, located where it can be."""

    gate: str
    message: str
    line: int | None = None
    column: int | None = None


def failed_gates(result: Assessment, rubric: Rubric, gates: Gates,
                 doc: YamlDocument | None = None) -> list[GateFailure]:
    """The gates `result` fails (a gate that cannot be checked on it fails too)."""
    failures = _level_gate(result, rubric, gates.level_for(rubric.id))
    failures += _dimension_gates(result, rubric, gates.dimensions_for(rubric.id))
    if gates.min_confidence is not None and result.confidence + 1e-9 < gates.min_confidence:
        failures.append(GateFailure(MIN_CONFIDENCE, f"confidence {result.confidence:.0%} is "
                                    f"below {gates.min_confidence:.0%}"))
    if gates.max_age is not None:
        failures += _age_gate(result, gates.max_age, gates.today or dt.date.today(), doc)
    before = gates.baseline.get(os.path.normpath(result.file))
    if gates.fail_on_regression and before is not None:
        failures += _regressions(result, before)
    return failures


def _shown(level: int | None) -> str:
    return "not assessed" if level is None else str(level)


def _level_gate(result: Assessment, rubric: Rubric, text: str | None) -> list[GateFailure]:
    if text is None:
        return []
    level = find_level(rubric.levels, text)
    if level is None:
        message, hint = _not_a_level(rubric.levels, text, rubric.id)
        return [GateFailure(FAIL_UNDER, f"{message}; {hint}, or gate this rubric with "
                            f"--fail-under {rubric.id}=LEVEL")]
    if not under(result, level):
        return []
    why = " (insufficient evidence)" if result.status != "scored" else ""
    return [GateFailure(FAIL_UNDER, f"overall level {_shown(result.overall.level)} is below "
                        f"{text}{why}")]


def _dimension_gates(result: Assessment, rubric: Rubric,
                     wanted: list[DimensionGate]) -> list[GateFailure]:
    from cxmaturity.messages import did_you_mean

    levels = {dim.id: dim.level for dim in result.dimensions}
    failures = []
    for gate in wanted:
        if gate.dimension not in levels:
            hint = did_you_mean(gate.dimension, levels) or f"dimensions: {', '.join(levels)}"
            failures.append(GateFailure(FAIL_UNDER_DIMENSION, f'"{gate.dimension}" is not a '
                                        f"dimension of {rubric.id}; {hint}"))
            continue
        floor = find_level(rubric.levels, gate.level)
        if floor is None:
            failures.append(GateFailure(FAIL_UNDER_DIMENSION, "; ".join(
                _not_a_level(rubric.levels, gate.level, rubric.id))))
            continue
        got = levels[gate.dimension]
        if got is None or got < floor:
            failures.append(GateFailure(FAIL_UNDER_DIMENSION, f"dimension {gate.dimension} is "
                                        f"at level {_shown(got)}, below {gate.level}"))
    return failures


def _age_gate(result: Assessment, max_age: int, today: dt.date,
              doc: YamlDocument | None) -> list[GateFailure]:
    age = (today - result.date).days
    if -FUTURE_DAYS <= age <= max_age:
        return []
    mark = doc.locate(("date",)) if doc is not None else None
    if age < 0:
        message = (f"assessment dated {result.date.isoformat()} is {-age} days in the "
                   "future, so its age cannot be checked; correct the date")
    else:
        message = (f"assessment dated {result.date.isoformat()} is {age} days old (more than "
                   f"{max_age})")
    return [GateFailure(MAX_AGE, message, mark.line if mark else None,
                        mark.column if mark else None)]


def _regressions(result: Assessment, before: Standing) -> list[GateFailure]:
    failures = []
    if _dropped(before.overall, result.overall.level):
        failures.append(GateFailure(REGRESSION, f"overall level dropped from {before.overall}"
                                    f" to {_shown(result.overall.level)}"))
    for dim in result.dimensions:
        was = before.dimensions.get(dim.id)
        if _dropped(was, dim.level):
            failures.append(GateFailure(REGRESSION, f"dimension {dim.id} dropped from level "
                                        f"{was} to {_shown(dim.level)}"))
    return failures


def _dropped(before: int | None, now: int | None) -> bool:
    return before is not None and (now is None or now < before)
