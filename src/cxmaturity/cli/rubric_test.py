"""`cxmaturity rubric test`: run a rubric's golden cases and calibration set."""

from __future__ import annotations

import typer

from cxmaturity.cli.errors import handled

EPILOG = """[bold]Examples[/]\n\n
  cxmaturity rubric test contact-center-ai-maturity\n
  cxmaturity rubric test models/mine.yaml    [dim](cases in models/cases/mine/)[/]\n\n
A case file holds description, expect (overall, status, dimensions) and assessment\n
(an answers file; its rubric key may be left out). A calibration case is a folder in\n
calibration/<rubric>/ with profile.md and answers.yaml. See the README.\n
Exit codes: 0 all pass; 1 a case fails, or calibration agreement is below --min-exact\n
or a case is more than one level off; 2 bad input (nothing to run, an invalid case).
"""


@handled
def rubric_test(
    rubrics: list[str] = typer.Argument(..., metavar="ID|PATH...",
                                        help="Bundled rubric ids or rubric files."),
    min_exact: int = typer.Option(
        90, "--min-exact", metavar="PCT", min=0, max=100,
        help="Fail when fewer calibration cases than this (in percent) score the level their "
        "profile expects."),
) -> int:
    """Run a rubric's golden cases and its calibration set.

    Each golden case's assessment is scored and the overall level, status and dimension
    levels compared with what the case expects. Each calibration case (a plain-language
    profile with the level a careful assessor expects, and an answers file filled from it)
    is scored and the agreement reported: exact, within one level, and a confusion matrix.
    """
    from cxmaturity.calibration import run_calibration
    from cxmaturity.errors import EXIT_BAD_INPUT, EXIT_GATE_FAILED, EXIT_OK, InputError, Problem
    from cxmaturity.report.calibration_view import calibration_lines
    from cxmaturity.selftest import find_suite

    failed = broken = total = weak_calibration = broken_calibration = 0
    for rubric in rubrics:
        suite = find_suite(rubric)
        calibration = run_calibration(rubric)
        if suite is None and calibration is None:
            raise InputError([Problem(rubric, "no golden cases and no calibration set",
                                      hint="add cases as described in the README "
                                      "(Rubric self-tests)")])
        if suite is not None:
            print(f"{suite.rubric} ({len(suite.cases)} cases in {suite.cases_dir})")
            for case in suite.cases:
                total += 1
                if case.problems:
                    broken += 1
                    print(f"  ERROR {case.name}")
                    for problem in case.problems:
                        print(f"    {problem}")
                elif case.differences:
                    failed += 1
                    print(f"  FAIL  {case.name}: {case.description}")
                    for difference in case.differences:
                        print(f"    {difference}")
                else:
                    print(f"  pass  {case.name}")
        if calibration is not None:
            for line in calibration_lines(calibration):
                print(line)
            broken_calibration += sum(1 for c in calibration.cases if c.problems)
            if calibration.share(True) * 100 + 1e-9 < min_exact \
                    or calibration.share(False) < 1:
                weak_calibration += 1
                print(f"  FAIL  calibration: below {min_exact}% exact, or a case more than "
                      f"one level off")
    if total:
        print(f"{total} cases: {total - failed - broken} passed, {failed} failed, "
              f"{broken} invalid")
    if broken or broken_calibration:
        return EXIT_BAD_INPUT
    return EXIT_GATE_FAILED if failed or weak_calibration else EXIT_OK
