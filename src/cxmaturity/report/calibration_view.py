"""How `rubric test` shows a calibration set: the agreement line, the confusion matrix, and
each disagreeing case with its profile's expectation and the evidence that decided (which
a failing golden case shows too)."""

from __future__ import annotations

from collections.abc import Iterator

from cxmaturity.author.calibration import Calibration, CalibrationCase, expected_text
from cxmaturity.model.result import Assessment
from cxmaturity.report.explain import between_levels, move_text, percent_text, rule_line, span_text


def calibration_lines(calibration: Calibration) -> Iterator[str]:
    """The whole calibration report, line by line."""
    scored = calibration.scored
    yield (f"calibration: {len(scored)} cases, exact {percent_text(calibration.share(True))}, "
           f"within one level {percent_text(calibration.share(False))}")
    top = calibration.rubric.top
    rows = calibration.confusion()
    width = max([len("expected"), *(len(expected_text(e)) for e, _ in rows)])
    term = calibration.rubric.level_term.lower()
    heading = f"scored {term}:"
    yield f"  {'expected':<{width}}  {heading}" + "".join(f"{n:>4}" for n in range(1, top + 1))
    for expected, counts in rows:
        yield f"  {expected_text(expected):<{width}}  {'':<{len(heading)}}" + "".join(
            f"{count or '.':>4}" for count in counts)
    for case in calibration.cases:
        if case.problems:
            yield f"  ERROR {case.name}"
            yield from (f"    {problem}" for problem in case.problems)
        elif not case.exact:
            yield from _disagreement(case)


def _disagreement(case: CalibrationCase) -> Iterator[str]:
    result = case.result
    assert result is not None
    kind = f" ({case.kind})" if case.kind else ""
    yield (f"  DISAGREE {case.name}{kind}: the profile expects {expected_text(case.expected)}, "
           f"scored {case.scored}")
    if case.reason:
        yield f"    profile: {case.reason}"
    yield from decided_by(result, "    ")


def decided_by(result: Assessment, indent: str) -> Iterator[str]:
    """What decided a result's level, for a case that did not score what it expected: the
    rule, the report's sentences around the level, the fewest changes that would raise it,
    and where each dimension sits."""
    yield f"{indent}rule: {rule_line(result)}"
    yield from (f"{indent}{line}" for line in between_levels(result))
    if result.overall.raise_by_one:
        yield f"{indent}fewest changes: " + "; ".join(
            move_text(m) for m in result.overall.raise_by_one)
    dims = ", ".join(f"{d.name} {d.level} (allows {span_text(d.span)})"
                     for d in result.dimensions if d.level is not None and d.span is not None)
    yield f"{indent}dimensions: {dims}"
