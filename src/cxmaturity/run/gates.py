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

from cxmaturity.errors import OptionError, Problem
from cxmaturity.load.percentages import percentage_option
from cxmaturity.messages import did_you_mean
from cxmaturity.model.ladder import find_level, not_a_level
from cxmaturity.model.result import Assessment
from cxmaturity.model.rubric import Rubric
from cxmaturity.yaml.reader import YamlDocument


def under(result: Assessment, level: int) -> bool:
    """Whether the result fails a "fail under `level`" gate (insufficient evidence fails)."""
    overall = result.overall.level
    return overall is None or overall < level or result.status != "scored"


@dataclass(frozen=True)
class Standing:
    """The levels of one earlier result, to compare against (a baseline entry)."""

    overall: int | None
    dimensions: Mapping[str, int | None]
    rubric: str | None = None
    """The id of the rubric it was scored with (None: not saved)."""


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
        raise OptionError([Problem("--fail-under", f'"{text}" is not LEVEL or RUBRIC=LEVEL',
                                  hint="for example --fail-under 2 or --fail-under "
                                  "ai-readiness-cohorts=2")])
    return LevelGate(level.strip(), rubric.strip() or None)


def dimension_gate(text: str) -> DimensionGate:
    """`ID=LEVEL` or `RUBRIC:ID=LEVEL` of `--fail-under-dimension`."""
    dimension, sep, level = text.partition("=")
    rubric, colon, dimension = dimension.rpartition(":")
    if not sep or not dimension.strip() or not level.strip() or (colon and not rubric.strip()):
        raise OptionError([Problem("--fail-under-dimension", f'"{text}" is not ID=LEVEL or '
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

    def earlier(self, result: Assessment) -> Standing | None:
        """The baseline's result of this file, if the regression gate is on and has one."""
        if not self.fail_on_regression:
            return None
        return self.baseline.get(os.path.normpath(result.file))

    @classmethod
    def from_options(cls, fail_under: list[str], dimensions: list[str],
                     min_confidence: str | None, max_age: int | None,
                     fail_on_regression: bool) -> Gates:
        """The gates as `assess` options give them (each wins over the policy files' own,
        :mod:`cxmaturity.run.policy`); OptionError names a malformed one."""
        share = None
        if min_confidence is not None:
            share = percentage_option(min_confidence, "--min-confidence") / 100
        return cls(fail_under=tuple(level_gate(text) for text in fail_under),
                   fail_under_dimension=tuple(dimension_gate(text) for text in dimensions),
                   min_confidence=share, max_age=max_age,
                   fail_on_regression=fail_on_regression)


def _gate(result: Assessment, gate: str, message: str, line: int | None = None,
          column: int | None = None) -> Problem:
    """A gate `result` failed, as a problem whose rule names the gate."""
    return Problem(result.file, message, line, column, rule=gate)


def moved(before: Standing | None, result: Assessment) -> str | None:
    """Why the regression gate leaves a file of its baseline uncompared (it was scored with
    another rubric then: the levels of two rubrics are not comparable), or None."""
    if before is None or before.rubric in (None, result.rubric.id):
        return None
    return (f"{result.file}: not compared with the baseline: scored with rubric "
            f"{result.rubric.id}, the baseline with {before.rubric}, and the levels of two "
            "rubrics are not comparable (it is checked again once the baseline has it)")


def failed_gates(result: Assessment, rubric: Rubric, gates: Gates,
                 doc: YamlDocument | None = None, before: Standing | None = None
                 ) -> list[Problem]:
    """The gates `result` fails (a gate that cannot be checked on it fails too); `before`,
    its baseline's standing to compare with (:meth:`Gates.earlier`, unless :func:`moved`)."""
    failures = _level_gate(result, rubric, gates.level_for(rubric.id))
    failures += _dimension_gates(result, rubric, gates.dimensions_for(rubric.id))
    if gates.min_confidence is not None and result.confidence + 1e-9 < gates.min_confidence:
        failures.append(_gate(result, MIN_CONFIDENCE, f"confidence {result.confidence:.0%} is "
                                    f"below {gates.min_confidence:.0%}"))
    if gates.max_age is not None:
        failures += _age_gate(result, gates.max_age, gates.today or dt.date.today(), doc)
    if before is not None:
        failures += _regressions(result, before)
    return failures


def _shown(level: int | None) -> str:
    return "not assessed" if level is None else str(level)


def _level_gate(result: Assessment, rubric: Rubric, text: str | None) -> list[Problem]:
    if text is None:
        return []
    level = find_level(rubric.levels, text, rubric.level_term)
    if level is None:
        message, hint = not_a_level(rubric.levels, text, rubric.id)
        return [_gate(result, FAIL_UNDER, f"{message}; {hint}, or gate this rubric with "
                            f"--fail-under {rubric.id}=LEVEL")]
    if not under(result, level):
        return []
    if result.status != "scored":
        return [_gate(result, FAIL_UNDER, f"evidence is insufficient for --fail-under {text}: "
                      f"{result.confidence:.0%} of the rubric answered, "
                      f"{result.min_confidence:.0%} needed (provisional level "
                      f"{_shown(result.overall.level)})")]
    return [_gate(result, FAIL_UNDER, f"overall level {_shown(result.overall.level)} is below "
                        f"{text}")]


def _dimension_gates(result: Assessment, rubric: Rubric,
                     wanted: list[DimensionGate]) -> list[Problem]:

    levels = {dim.id: dim.level for dim in result.dimensions}
    failures = []
    for gate in wanted:
        if gate.dimension not in levels:
            hint = did_you_mean(gate.dimension, levels) or f"dimensions: {', '.join(levels)}"
            failures.append(_gate(result, FAIL_UNDER_DIMENSION, f'"{gate.dimension}" is not a '
                                        f"dimension of {rubric.id}; {hint}"))
            continue
        floor = find_level(rubric.levels, gate.level, rubric.level_term)
        if floor is None:
            failures.append(_gate(result, FAIL_UNDER_DIMENSION, "; ".join(
                not_a_level(rubric.levels, gate.level, rubric.id))))
            continue
        got = levels[gate.dimension]
        if got is None or got < floor:
            failures.append(_gate(result, FAIL_UNDER_DIMENSION, f"dimension {gate.dimension} is "
                                        f"at level {_shown(got)}, below {gate.level}"))
    return failures


def days_ahead(date: dt.date, today: dt.date) -> int | None:
    """How many days ahead of `today` an assessment is dated, when that is more than
    :data:`FUTURE_DAYS` (time zones): a date that cannot be right; else None."""
    ahead = (date - today).days
    return ahead if ahead > FUTURE_DAYS else None


def _age_gate(result: Assessment, max_age: int, today: dt.date,
              doc: YamlDocument | None) -> list[Problem]:
    age = (today - result.date).days
    future = days_ahead(result.date, today) is not None
    if not future and age <= max_age:
        return []
    mark = doc.locate(("date",)) if doc is not None else None
    if future:
        message = (f"assessment dated {result.date.isoformat()} is {-age} days in the "
                   "future, so its age cannot be checked; correct the date")
    else:
        message = (f"assessment dated {result.date.isoformat()} is {age} days old (more than "
                   f"{max_age})")
    return [_gate(result, MAX_AGE, message, mark.line if mark else None,
                        mark.column if mark else None)]


def _regressions(result: Assessment, before: Standing) -> list[Problem]:
    failures = []
    if _dropped(before.overall, result.overall.level):
        failures.append(_gate(result, REGRESSION, f"overall level dropped from {before.overall}"
                                    f" to {_shown(result.overall.level)}"))
    for dim in result.dimensions:
        was = before.dimensions.get(dim.id)
        if _dropped(was, dim.level):
            failures.append(_gate(result, REGRESSION, f"dimension {dim.id} dropped from level "
                                        f"{was} to {_shown(dim.level)}"))
    return failures


def _dropped(before: int | None, now: int | None) -> bool:
    return before is not None and (now is None or now < before)


def gated_rubrics(every: Iterable[Gates]) -> set[str]:
    """The rubric ids that gates are kept for (`--fail-under RUBRIC=`, a policy's
    `rubrics:`)."""
    named: set[str] = set()
    for gates in every:
        named |= {gate.rubric for gate in gates.fail_under if gate.rubric}
        named |= {gate.rubric for gate in gates.fail_under_dimension if gate.rubric}
    return named


class BaselineCoverage:
    """The files the regression gates' baselines hold, and which of them a run met (a set
    as large as the baselines, however many files the run scores)."""

    def __init__(self, every: Iterable[Gates]) -> None:
        self.held = {file for gates in every if gates.fail_on_regression
                     for file in gates.baseline}
        self.met: set[str] = set()

    def saw(self, file: str) -> None:
        """Count `file` (as an outcome names it) as in the run."""
        if self.held and (name := os.path.normpath(file)) in self.held:
            self.met.add(name)

    @property
    def missing(self) -> list[str]:
        """The baseline's files the run did not meet, sorted: nothing compared them."""
        return sorted(self.held - self.met)
