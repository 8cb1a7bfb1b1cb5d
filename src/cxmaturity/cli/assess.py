"""`cxmaturity assess`: score an answers file and report the level, the reasons and next steps."""

from __future__ import annotations

import enum
import io
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from cxmaturity.cli.errors import handled

if TYPE_CHECKING:
    from cxmaturity.result import Assessment


class OutputFormat(str, enum.Enum):
    """Output formats of `assess`."""

    rich = "rich"
    json = "json"
    html = "html"
    markdown = "markdown"


EPILOG = """[bold]Examples[/]\n\n
  cxmaturity assess examples/healthcare-level2.yaml\n
  cxmaturity assess answers.yaml --format json --output result.json\n
  cxmaturity assess answers.yaml --fail-under 2    [dim](exit 1 below Level 2)[/]\n
  cxmaturity assess answers.yaml --format html --output report.html\n
  cxmaturity assess --merge cfo.yaml supervisor.yaml agent.yaml    [dim](three interviewees)[/]\n
  cxmaturity assess --merge interviews/    [dim](every .yaml in the folder)[/]\n\n
Exit codes: 0 scored; 1 a gate failed; 2 bad input or usage; 70 internal error (a bug).
"""


@handled
def assess(
    files: list[Path] = typer.Argument(..., help="An answers file (YAML); several with --merge.",
                                       show_default=False),
    output_format: OutputFormat = typer.Option(
        OutputFormat.rich, "--format", "-f", help="Report format."
    ),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Write the report to this file (atomically) instead of "
        "standard output.", show_default=False
    ),
    fail_under: str | None = typer.Option(
        None, "--fail-under", metavar="LEVEL", help="Exit 1 if the overall level is below "
        "LEVEL (a number, id or name), or if evidence is insufficient.", show_default=False
    ),
    target: str | None = typer.Option(
        None, "--target", metavar="LEVEL", help="Plan blockers and next steps for this level "
        "(default: the next one).", show_default=False
    ),
    merge: bool = typer.Option(
        False, "--merge", help="Combine several respondents' answers files (or a folder of "
        "them) for one site into one assessment; see docs/merge.md."
    ),
) -> int:
    """Score an answers file against its rubric and explain the level.

    The report shows the overall level and the level of each dimension, the
    evidence behind them, what blocks the next level and what to do next.
    """
    from cxmaturity.gates import resolve_level, under
    from cxmaturity.merge import merge_inputs
    from cxmaturity.scoring import score
    from cxmaturity.submission import read_submission

    sub, merged = merge_inputs([str(f) for f in files]) if merge else (
        read_submission(_single(files)), None)
    goal = resolve_level(sub.rubric, target, "--target") if target else None
    result = score(sub, target=goal)
    result = merged.annotate(result) if merged else result
    _write(_render(result, output_format, output is not None), output)
    if fail_under is not None and under(result, resolve_level(sub.rubric, fail_under,
                                                              "--fail-under")):
        print(f"gate failed: overall level is below {fail_under}"
              + (" (insufficient evidence)" if result.status != "scored" else ""),
              file=sys.stderr)
        return 1
    return 0


def _single(files: list[Path]) -> str:
    if len(files) != 1:
        from cxmaturity.errors import Problem, UsageError

        raise UsageError([Problem("assess", f"got {len(files)} answers files",
                                  hint="give one, or add --merge to combine respondents")])
    return str(files[0])


def _render(result: Assessment, output_format: OutputFormat, to_file: bool) -> str:
    """The report as text; a Rich report for a terminal is printed directly instead."""
    if output_format is OutputFormat.json:
        from cxmaturity.report.json_report import render_json

        return render_json(result)
    if output_format is OutputFormat.html:
        from cxmaturity.report.html import render_html

        return render_html(result)
    if output_format is OutputFormat.markdown:
        from cxmaturity.report.markdown import render_markdown

        return render_markdown(result)
    from rich.console import Console

    from cxmaturity.report.terminal import render

    if not to_file and sys.stdout.isatty():
        Console().print(render(result))
        return ""
    buffer = io.StringIO()
    Console(file=buffer, width=100 if to_file else None, no_color=True).print(render(result))
    return "".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines())


def _write(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    from cxmaturity.files import write_atomic

    write_atomic(output, text)
