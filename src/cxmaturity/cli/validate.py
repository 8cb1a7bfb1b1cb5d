"""`cxmaturity validate`: check answers files against their rubric without scoring them."""

from __future__ import annotations

from pathlib import Path

import typer

from cxmaturity.cli.errors import handled
from cxmaturity.cli.rubric_root import RUBRIC_ROOT, resolved

EPILOG = """[bold]Examples[/]\n\n
  cxmaturity validate examples/healthcare-level2.yaml\n
  cxmaturity validate answers/*.yaml --strict    [dim](unanswered questions fail too)[/]\n\n
Each finding reads file:line:col: severity: message (key.path) \\[rule]; hint.\n
Exit codes: 0 valid; 1 warnings with --strict; 2 errors.
"""


@handled
def validate(
    files: list[Path] = typer.Argument(..., metavar="FILE...", help="Answers files (YAML).",
                                       show_default=False),
    strict: bool = typer.Option(False, "--strict",
                                help="Exit 1 when there are warnings (e.g. unanswered questions)."),
    rubric_root: Path | None = RUBRIC_ROOT,
) -> int:
    """Check answers files against their rubric, without scoring.

    Unknown ids (with "did you mean"), answers outside the scale and invalid metrics
    are errors; questions the file leaves out are warnings.
    """
    from cxmaturity.checks import check_answers
    from cxmaturity.cli.findings import report

    root = resolved(rubric_root)
    findings = [finding for file in files for finding in check_answers(str(file), root)]
    return report(findings, len(files), strict=strict)
