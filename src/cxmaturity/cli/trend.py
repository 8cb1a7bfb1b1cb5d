"""`cxmaturity trend`: one site's assessments over time, and the pace of change."""

from __future__ import annotations

import os
from pathlib import Path

import typer

from cxmaturity.cli.errors import handled
from cxmaturity.cli.output import REPORT_OUTPUT, format_help
from cxmaturity.cli.rubric_root import RUBRIC_ROOT, resolved
from cxmaturity.report.formats import TREND, Format

EPILOG = """Examples:
  cxmaturity trend examples/history/    (every .yaml/.json file in the folder)
  cxmaturity trend 2026-q1.yaml 2026-q2.json 2026-q3.yaml -o TREND.md
  cxmaturity trend results/*.json --format json --output trend.json

Each PATH is an answers file, a JSON result of `assess --format json`, a folder of them,
or - for standard input; all must be of one organization and site, scored with one rubric.
They are ordered by date; a trend needs two dates or more.

Exit codes: 0 shown; 2 bad input or usage; 70 internal error (a bug).
"""


@handled
def trend(
    paths: list[str] = typer.Argument(..., metavar="PATH", show_default=False,
                                      help="Assessments of one site: files, folders of them, "
                                      "or - for standard input."),
    output_format: str | None = typer.Option(
        None, "--format", "-f", metavar="FORMAT", show_default=False,
        help=format_help(TREND, "from the --output extension, else rich")),
    output: Path | None = REPORT_OUTPUT,
    rubric_root: Path | None = RUBRIC_ROOT,
) -> int:
    """Show how one site's levels moved over time: a table, a chart, and the pace of change."""
    from cxmaturity.cli.errors import say
    from cxmaturity.cli.output import choose_format, context, refuse_to_replace, write
    from cxmaturity.cli.stdin import read_stdin
    from cxmaturity.report.trend_report import ONE_DATE, span
    from cxmaturity.run.history import expand
    from cxmaturity.run.trend import shared_dates, trend_files

    files = expand(paths)  # folders walked once: the files, checked against --output
    refuse_to_replace(output, files)
    chosen = choose_format(output_format, output, TREND, "trend") or Format.rich
    result = trend_files(files, read_stdin(paths), rubric_root=resolved(rubric_root))
    if not result.days:
        say(f"warning: {span(result)}: {ONE_DATE}")
    for date, dated in shared_dates(result):
        names = list(dict.fromkeys(os.path.normpath(file) for file in dated))
        say(f"warning: {names[0]} ({date.isoformat()}) is read twice, as its answers and as a "
            "result saved from them: give only one" if len(names) == 1 else
            f"warning: {len(dated)} assessments are dated {date.isoformat()} "
            f"({', '.join(names)}): if one is the other's saved result, give only one")
    write(TREND[chosen]()(context(output)).render(result), output)
    return 0
