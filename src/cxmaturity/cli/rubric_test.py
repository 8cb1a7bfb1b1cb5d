"""`cxmaturity rubric test`: run a rubric's golden cases and show what changed."""

from __future__ import annotations

import sys

import typer

from cxmaturity.cli.errors import handled

EPILOG = """Examples:
  cxmaturity rubric test contact-center-ai-maturity
  cxmaturity rubric test models/mine.yaml    (cases in models/cases/mine/)

A case file holds description, expect (overall, status, dimensions) and assessment (an
answers file; its rubric key may be left out). See docs/rubric-format.md. A rubric without
cases passes, with a warning.

Exit codes: 0 all cases pass; 1 a case fails; 2 bad input (an invalid case file).
"""


@handled
def rubric_test(
    rubrics: list[str] = typer.Argument(..., metavar="ID|PATH",
                                        help="Bundled rubric ids or rubric files."),
) -> int:
    """Run a rubric's golden cases (self-tests).

    Each case's assessment is scored and the overall level, status and dimension
    levels compared with what the case expects. A rubric without cases passes, with a
    warning (as the pre-commit hook needs for a rubric that has none yet).
    """
    from cxmaturity.errors import EXIT_BAD_INPUT, EXIT_GATE_FAILED, EXIT_OK
    from cxmaturity.selftest import run_suite

    failed = broken = total = 0
    for rubric in rubrics:
        suite = run_suite(rubric)
        print(f"{suite.rubric} ({len(suite.cases)} cases in {suite.cases_dir})")
        if not suite.cases:
            print(f"warning: {suite.cases_dir}: no cases for {suite.rubric}, so nothing is "
                  "tested; add golden cases as <name>.yaml files in this folder",
                  file=sys.stderr)
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
    print(f"{total} cases: {total - failed - broken} passed, {failed} failed, {broken} invalid")
    if broken:
        return EXIT_BAD_INPUT
    return EXIT_GATE_FAILED if failed else EXIT_OK
