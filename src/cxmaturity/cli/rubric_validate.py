"""`cxmaturity rubric validate`: YAML, schema and reference errors, then lint warnings."""

from __future__ import annotations

import typer

from cxmaturity.cli.errors import handled

EPILOG = """Examples:
  cxmaturity rubric validate rubrics/contact-center-ai-maturity.yaml
  cxmaturity rubric validate my-model.yaml --strict    (warnings fail too)
  cxmaturity rubric validate contact-center-ai-maturity    (a bundled id)
  cat my-model.yaml | cxmaturity rubric validate -

Each finding reads file:line:col: severity: message (key.path) [rule]; hint.

Exit codes: 0 no errors; 1 warnings with --strict; 2 errors.
"""


@handled
def rubric_validate(
    rubrics: list[str] = typer.Argument(..., metavar="PATH|ID|-",
                                        help="Rubric files, bundled rubric ids, or - for "
                                        "standard input."),
    strict: bool = typer.Option(False, "--strict", help="Exit 1 when there are warnings."),
) -> int:
    """Check rubrics: every YAML and schema error at once, broken references, then lint.

    The linter looks for what a schema cannot: band gaps and overlaps without a
    declared rule, ambiguous edges, units that do not fit, levels no answer can
    reach, dimensions without evidence, scales that map answers oddly.
    """
    from cxmaturity.author.checks import check_rubric
    from cxmaturity.cli.findings import report
    from cxmaturity.cli.stdin import read_stdin

    stdin = read_stdin(rubrics)
    return report((check_rubric(rubric, stdin) for rubric in rubrics), strict=strict)
