"""Gates: conditions on a result that make the command exit 1."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from cxmaturity.errors import Problem, UsageError

if TYPE_CHECKING:  # imported lazily: `--help` and batch set-up need none of them
    from cxmaturity.result import Assessment
    from cxmaturity.rubric import Rubric
    from cxmaturity.yamlsafe import YamlDocument


class Rung(Protocol):
    """A level as both a rubric (:class:`~cxmaturity.rubric.Level`) and a result
    (:class:`~cxmaturity.result.LevelView`) describe it."""

    @property
    def number(self) -> int: ...
    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...


def resolve_level(levels: Iterable[Rung], text: str, option: str,
                  rubric_id: str | None = None) -> int:
    """A level of the ladder `levels` given by number, id or name (case-insensitive);
    UsageError naming `option` (and `rubric_id`, else "this rubric") with a did-you-mean."""
    from cxmaturity.validation import did_you_mean

    ladder = list(levels)
    wanted = text.strip().lower()
    for level in ladder:
        if wanted in (str(level.number), level.id.lower(), level.name.lower()):
            return level.number
    choices = [str(lv.number) for lv in ladder] + [lv.id for lv in ladder]
    raise UsageError([Problem(option, f'"{text}" is not a level of {rubric_id or "this rubric"}',
                              hint=did_you_mean(wanted, choices) or
                              f"use one of: {', '.join(choices)}")])


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


@dataclass(frozen=True)
class Gates:
    """Every gate requested for a batch; levels are resolved against each file's rubric."""

    fail_under: str | None = None
    fail_under_dimension: tuple[tuple[str, str], ...] = ()
    min_confidence: float | None = None
    """A share from 0 to 1."""
    max_age: int | None = None
    """Days; older assessments fail."""
    baseline: Mapping[str, Standing] = field(default_factory=dict)
    """Earlier results by file, for `fail_on_regression`."""
    fail_on_regression: bool = False
    today: dt.date | None = None
    """The day ages are measured from (default: today)."""

    @property
    def active(self) -> tuple[str, ...]:
        """The names of the gates in force, in a fixed order."""
        names = [(FAIL_UNDER, self.fail_under is not None),
                 (FAIL_UNDER_DIMENSION, bool(self.fail_under_dimension)),
                 (MIN_CONFIDENCE, self.min_confidence is not None),
                 (MAX_AGE, self.max_age is not None),
                 (REGRESSION, self.fail_on_regression)]
        return tuple(name for name, active in names if active)


@dataclass(frozen=True)
class GateFailure:
    """One gate a result did not pass, located where it can be."""

    gate: str
    message: str
    line: int | None = None
    column: int | None = None


def failed_gates(result: Assessment, rubric: Rubric, gates: Gates,
                 doc: YamlDocument | None = None) -> list[GateFailure]:
    """The gates `result` fails; UsageError if a gate names a level or dimension `rubric` lacks."""
    failures: list[GateFailure] = []
    if gates.fail_under is not None:
        level = resolve_level(rubric.levels, gates.fail_under, "--fail-under", rubric.id)
        if under(result, level):
            why = " (insufficient evidence)" if result.status != "scored" else ""
            shown = _shown(result.overall.level)
            failures.append(GateFailure(FAIL_UNDER, f"overall level {shown} is below "
                                        f"{gates.fail_under}{why}"))
    failures += _dimension_gates(result, rubric, gates.fail_under_dimension)
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


def _dimension_gates(result: Assessment, rubric: Rubric,
                     wanted: tuple[tuple[str, str], ...]) -> list[GateFailure]:
    from cxmaturity.validation import did_you_mean

    levels = {dim.id: dim.level for dim in result.dimensions}
    failures = []
    for dimension, text in wanted:
        if dimension not in levels:
            raise UsageError([Problem("--fail-under-dimension", f'"{dimension}" is not a '
                                      f"dimension of {rubric.id}",
                                      hint=did_you_mean(dimension, levels) or
                                      f"dimensions: {', '.join(levels)}")])
        floor = resolve_level(rubric.levels, text, "--fail-under-dimension", rubric.id)
        got = levels[dimension]
        if got is None or got < floor:
            failures.append(GateFailure(FAIL_UNDER_DIMENSION, f"dimension {dimension} is at "
                                        f"level {_shown(got)}, below {text}"))
    return failures


def _age_gate(result: Assessment, max_age: int, today: dt.date,
              doc: YamlDocument | None) -> list[GateFailure]:
    age = (today - result.date).days
    if age <= max_age:
        return []
    mark = doc.locate(("date",)) if doc is not None else None
    return [GateFailure(MAX_AGE, f"assessment dated {result.date.isoformat()} is {age} days "
                        f"old (more than {max_age})", mark.line if mark else None,
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
