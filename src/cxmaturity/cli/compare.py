"""`cxmaturity compare`: what changed between two assessments of one site."""

from __future__ import annotations

from pathlib import Path

import typer

from cxmaturity.cli.errors import handled
from cxmaturity.cli.output import REPORT_OUTPUT, format_help
from cxmaturity.cli.rubric_root import RUBRIC_ROOT, resolved
from cxmaturity.report.formats import COMPARE, Format

EPILOG = """Examples:
  cxmaturity compare examples/history/meridian-2026-07.yaml examples/history/meridian-2026-10.yaml
  cxmaturity compare q1.json q2.json -o CHANGES.md    (Markdown, from the extension)
  cxmaturity compare old.yaml new.yaml --target 3    (blockers to Level 3 on both sides)
  cat new.yaml | cxmaturity compare old.yaml -

OLD and NEW are answers files (scored now) or JSON results of `assess --format json`.
Answers files are both planned against one target: the level above OLD's, or --target.
A warning says when NEW is dated before OLD, or when they are of different sites.

Exit codes: 0 compared; 2 bad input or usage; 70 internal error (a bug).
"""


@handled
def compare(
    old: str = typer.Argument(..., metavar="OLD", show_default=False,
                              help="The earlier assessment (answers YAML or JSON result), or "
                              "- for standard input."),
    new: str = typer.Argument(..., metavar="NEW", show_default=False,
                              help="The later assessment, or - for standard input."),
    output_format: str | None = typer.Option(
        None, "--format", "-f", metavar="FORMAT", show_default=False,
        help=format_help(COMPARE, "from the --output extension, else rich")),
    output: Path | None = REPORT_OUTPUT,
    target: str | None = typer.Option(
        None, "--target", metavar="LEVEL",
        help="Plan both sides' blockers for this level (answers files only: a JSON result "
        "keeps the target it was saved with).",
        show_default=False
    ),
    rubric_root: Path | None = RUBRIC_ROOT,
) -> int:
    """Compare two assessments: level and score changes, changed answers, blockers.

    New and resolved blockers are listed too.
    """
    from cxmaturity.cli.errors import say
    from cxmaturity.cli.output import choose_format, context, refuse_to_replace, write
    from cxmaturity.cli.stdin import read_stdin
    from cxmaturity.run.compare import compare_files, warnings

    refuse_to_replace(output, [old, new])
    chosen = choose_format(output_format, output, COMPARE, "compare") or Format.rich
    comparison = compare_files(old, new, target=target, stdin=read_stdin([old, new]),
                               rubric_root=resolved(rubric_root))
    for warning in warnings(comparison):
        say(f"warning: {warning}")
    write(COMPARE[chosen]()(context(output)).render(comparison), output)
    return 0
