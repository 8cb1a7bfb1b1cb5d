"""The command line: a thin Typer layer over the core. Commands import the core lazily."""

from __future__ import annotations

import typer

from cxmaturity import __version__
from cxmaturity.cli import assess, compare, trend

app = typer.Typer(
    name="cxmaturity",
    help="Score a contact center against an AI maturity model, and explain the result.\n\n"
    "Example: cxmaturity assess examples/healthcare-level2.yaml",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        print(f"cxmaturity {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """Score a contact center against an AI maturity model, and explain the result."""


app.command("assess", no_args_is_help=True, epilog=assess.EPILOG)(assess.assess)
app.command("compare", no_args_is_help=True, epilog=compare.EPILOG)(compare.compare)
app.command("trend", no_args_is_help=True, epilog=trend.EPILOG)(trend.trend)


def main() -> None:
    """Entry point of the `cxmaturity` script."""
    app()
