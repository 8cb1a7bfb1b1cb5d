"""The cold-start floor: a one-command Typer app with the same arguments and options as
`cxmaturity assess` (names, types, defaults, metavars, limits), that reads and parses
nothing. Timing it measures what Typer itself costs to start and parse that command line.

    python -m typer_floor FILE --format json      (from benchmarks/)

Keep the signature in step with `cxmaturity assess` (src/cxmaturity/cli/assess.py) when
options are added or removed there; the help texts do not matter.
"""

from __future__ import annotations

from pathlib import Path

import typer

app = typer.Typer(pretty_exceptions_enable=False, rich_markup_mode=None,
                  context_settings={"help_option_names": ["-h", "--help"]})


@app.command()
def assess(
    files: list[str] = typer.Argument(..., metavar="FILE|DIR|-", show_default=False,
                                      help="Answers files."),
    output_format: str | None = typer.Option(None, "--format", "-f", metavar="FORMAT",
                                             show_default=False, help="Report format."),
    output: Path | None = typer.Option(None, "--output", "-o", metavar="FILE",
                                       show_default=False, help="Write the report here."),
    jobs: int | None = typer.Option(None, "--jobs", "-j", metavar="N", min=1,
                                    show_default=False, help="Processes."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Policy files."),
    fail_under: list[str] = typer.Option([], "--fail-under", metavar="LEVEL",
                                         show_default=False, help="Gate."),
    fail_under_dimension: list[str] = typer.Option([], "--fail-under-dimension",
                                                   metavar="ID=LEVEL", show_default=False,
                                                   help="Gate."),
    min_confidence: str | None = typer.Option(None, "--min-confidence", metavar="PERCENT",
                                              show_default=False, help="Gate."),
    baseline: Path | None = typer.Option(None, "--baseline", metavar="JSON|DIR",
                                         show_default=False, help="Earlier output."),
    fail_on_regression: bool = typer.Option(False, "--fail-on-regression", help="Gate."),
    max_age: int | None = typer.Option(None, "--max-age", metavar="DAYS", min=0,
                                       show_default=False, help="Gate."),
    config: Path | None = typer.Option(None, "--config", metavar="FILE", show_default=False,
                                       help="Policy file."),
    no_config: bool = typer.Option(False, "--no-config", help="Ignore policy files."),
    target: str | None = typer.Option(None, "--target", metavar="LEVEL", show_default=False,
                                      help="Level to plan for."),
    merge: bool = typer.Option(False, "--merge", help="Combine respondents."),
    rubric_root: Path | None = typer.Option(None, "--rubric-root", metavar="DIR",
                                            envvar="CXMATURITY_RUBRIC_ROOT",
                                            show_default=False, help="Rubric folder."),
) -> int:
    """Accept the command line of `cxmaturity assess` and do nothing with it."""
    return 0


def main() -> None:
    app()


if __name__ == "__main__":
    main()
