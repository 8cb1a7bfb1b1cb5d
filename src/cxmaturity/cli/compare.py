"""`cxmaturity compare`: what changed between two assessments of one site."""

from __future__ import annotations

from pathlib import Path

import typer

from cxmaturity.cli.errors import handled
from cxmaturity.cli.output import ReportFormat

EPILOG = """[bold]Examples[/]\n\n
  cxmaturity compare examples/history/meridian-2026-07.yaml examples/history/meridian-2026-10.yaml\n
  cxmaturity compare q1.json q2.json --format markdown --output CHANGES.md\n
  cxmaturity compare old.yaml new.yaml --target 3    [dim](blockers to Level 3 on both sides)[/]\n\n
OLD and NEW are answers files (scored now) or JSON results of `assess --format json`. \
Answers files are both planned against one target: the level above OLD's, or --target.\n\n
Exit codes: 0 compared; 2 bad input or usage; 70 internal error (a bug).
"""


@handled
def compare(
    old: str = typer.Argument(..., metavar="OLD", show_default=False,
                              help="The earlier assessment (answers YAML or JSON result), or "
                              "- for standard input."),
    new: str = typer.Argument(..., metavar="NEW", show_default=False,
                              help="The later assessment, or - for standard input."),
    output_format: ReportFormat = typer.Option(
        ReportFormat.rich, "--format", "-f", help="Report format."
    ),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Write the report to this file (atomically).",
        show_default=False
    ),
    target: str | None = typer.Option(
        None, "--target", metavar="LEVEL",
        help="Plan both sides' blockers for this level (answers files only: a JSON result "
        "keeps the target it was saved with).",
        show_default=False
    ),
) -> int:
    """Compare two assessments: level and score changes, changed answers, blockers.

    New and resolved blockers are listed too.
    """
    from cxmaturity.cli.output import emit
    from cxmaturity.cli.stdin import read_stdin
    from cxmaturity.compare import compare_files
    from cxmaturity.report import compare_report as report
    from cxmaturity.report.json_report import render_json

    comparison = compare_files(old, new, target=target, stdin=read_stdin([old, new]))
    emit(output_format, output, json=lambda: render_json(comparison),
         markdown=lambda: report.render_compare_markdown(comparison),
         rich=lambda: report.render_compare(comparison))
    return 0
