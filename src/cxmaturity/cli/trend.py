"""`cxmaturity trend`: one site's assessments over time, and the pace of change."""

from __future__ import annotations

from pathlib import Path

import typer

from cxmaturity.cli.errors import handled
from cxmaturity.cli.output import ReportFormat
from cxmaturity.cli.rubric_root import RUBRIC_ROOT, resolved

EPILOG = """[bold]Examples[/]\n\n
  cxmaturity trend examples/history/    [dim](every .yaml/.json file in the folder)[/]\n
  cxmaturity trend 2026-q1.yaml 2026-q2.json 2026-q3.yaml --format markdown\n
  cxmaturity trend results/*.json --format json --output trend.json\n\n
Each PATH is an answers file, a JSON result of `assess --format json`, or a folder of them; \
all must be of one organization and site, scored with one rubric. They are ordered by date.\n\n
Exit codes: 0 shown; 2 bad input or usage; 70 internal error (a bug).
"""


@handled
def trend(
    paths: list[Path] = typer.Argument(..., help="Assessments of one site (files or folders).",
                                       show_default=False),
    output_format: ReportFormat = typer.Option(
        ReportFormat.rich, "--format", "-f", help="Report format."
    ),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Write the report to this file (atomically).",
        show_default=False
    ),
    rubric_root: Path | None = RUBRIC_ROOT,
) -> int:
    """Show how one site's levels moved over time: a table, a chart, and the pace of change."""
    from cxmaturity.cli.output import emit
    from cxmaturity.files import refuse_to_overwrite
    from cxmaturity.history import expand
    from cxmaturity.report import trend_report as report
    from cxmaturity.report.json_report import render_json
    from cxmaturity.trend import trend_files

    files = expand([str(p) for p in paths])
    refuse_to_overwrite(output, files)
    result = trend_files(files, rubric_root=resolved(rubric_root))
    emit(output_format, output, json=lambda: render_json(result),
         markdown=lambda: report.render_trend_markdown(result),
         rich=lambda: report.render_trend(result))
    return 0
