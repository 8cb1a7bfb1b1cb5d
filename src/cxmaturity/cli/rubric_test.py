"""`cxmaturity rubric test`: run a rubric's golden cases and calibration set."""

from __future__ import annotations

import typer

from cxmaturity.cli.errors import handled

EPILOG = """Examples:
  cxmaturity rubric test contact-center-ai-maturity
  cxmaturity rubric test models/mine.yaml    (cases in models/cases/mine/)

A case file holds description, expect (overall, status, dimensions) and assessment (an
answers file; its rubric key may be left out). A calibration case is a folder in
calibration/<rubric>/ with profile.md and answers.yaml. See docs/rubric-format.md. A rubric
with neither passes, with a warning.

Exit codes: 0 all pass; 1 a case fails, or calibration agreement is below --min-exact or a
case is more than one level off; 2 bad input (a rubric that is not valid or not found, or an
invalid case file).
"""


@handled
def rubric_test(
    rubrics: list[str] = typer.Argument(..., metavar="ID|PATH",
                                        help="Bundled rubric ids or rubric files."),
    min_exact: str = typer.Option(
        "90", "--min-exact", metavar="PERCENT",
        help="Fail when fewer calibration cases than PERCENT (90 or 90%) score the level "
        "their profile expects."),
) -> int:
    """Run a rubric's golden cases and its calibration set.

    Each golden case's assessment is scored and the overall level, status and dimension
    levels compared with what the case expects. Each calibration case (a plain-language
    profile with the level a careful assessor expects, and an answers file filled from it)
    is scored and the agreement reported: exact, within one level, and a confusion matrix.
    """
    from cxmaturity.author.calibration import run_calibration
    from cxmaturity.author.selftest import run_suite
    from cxmaturity.cli.errors import check_signals, report_problems, say
    from cxmaturity.cli.output import echo
    from cxmaturity.errors import (
        EXIT_BAD_INPUT,
        EXIT_GATE_FAILED,
        EXIT_OK,
        CxError,
    )
    from cxmaturity.load.percentages import percentage_option
    from cxmaturity.report.calibration_view import calibration_lines, decided_by

    least = percentage_option(min_exact, "--min-exact")
    failed = broken = total = weak_calibration = broken_calibration = calibrated = 0
    invalid = 0
    for rubric in rubrics:
        try:
            suite = run_suite(rubric)
        except CxError as error:  # the rubric itself: reported once, and the next one tested
            report_problems(error)
            invalid += 1
            continue
        calibration = run_calibration(rubric)
        check_signals()  # before any case is said to fail: a failure may be the signal's
        if suite.cases or calibration is None:
            echo(f"{suite.rubric} ({len(suite.cases)} cases in {suite.cases_dir})")
        if not suite.cases and calibration is None:
            say(f"warning: {suite.cases_dir}: no cases and no calibration set for "
                f"{suite.rubric}, so nothing is tested; add golden cases as <name>.yaml "
                "files in this folder")
        for case in suite.cases:
            total += 1
            if case.problems:
                broken += 1
                echo(f"  ERROR {case.name}")
                for problem in case.problems:
                    echo(f"    {problem}")
            elif case.differences:
                failed += 1
                echo(f"  FAIL  {case.name}: {case.description}")
                for difference in case.differences:
                    echo(f"    {difference}")
                if case.result is not None:
                    for line in decided_by(case.result, "    "):
                        echo(line)
            else:
                echo(f"  pass  {case.name}")
        if calibration is not None:
            calibrated += 1
            for line in calibration_lines(calibration):
                echo(line)
            broken_calibration += sum(1 for c in calibration.cases if c.problems)
            why = ([f"{calibration.exact} of {len(calibration.scored)} exact, below "
                    f"--min-exact {least:g}%"] if calibration.below(least) else []) + \
                ([f"{calibration.far} case{'' if calibration.far == 1 else 's'} more than "
                  "one level off"] if calibration.far else [])
            if why:
                weak_calibration += 1
                echo(f"  FAIL  calibration: {'; '.join(why)}")
    if total or not (calibrated or invalid):
        calibration_said = "" if not calibrated else \
            f"; calibration below the bar for {weak_calibration} of {calibrated} rubric(s)" \
            if weak_calibration else "; calibration has invalid cases" \
            if broken_calibration else "; calibration passed"
        echo(f"{total} cases: {total - failed - broken} passed, {failed} failed, "
             f"{broken} invalid{calibration_said}")
    if broken or broken_calibration or invalid:
        return EXIT_BAD_INPUT
    return EXIT_GATE_FAILED if failed or weak_calibration else EXIT_OK
