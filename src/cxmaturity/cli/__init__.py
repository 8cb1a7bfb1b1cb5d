"""The command line: a thin Typer layer over the core. Commands import the core lazily."""

from __future__ import annotations

import sys

import typer

from cxmaturity import __version__
from cxmaturity.cli import (
    assess,
    compare,
    help_import,
    interview,
    rubric_list,
    rubric_show,
    rubric_test,
    rubric_validate,
    schema,
    template,
    trend,
    validate,
)

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

rubric_app = typer.Typer(help="List, show, check and self-test rubrics.", no_args_is_help=True,
                         rich_markup_mode="rich")
app.add_typer(rubric_app, name="rubric")
rubric_app.command("list", epilog=rubric_list.EPILOG)(rubric_list.rubric_list)
rubric_app.command("show", epilog=rubric_show.EPILOG)(rubric_show.rubric_show)
rubric_app.command("validate", no_args_is_help=True, epilog=rubric_validate.EPILOG)(
    rubric_validate.rubric_validate)
rubric_app.command("test", no_args_is_help=True, epilog=rubric_test.EPILOG)(rubric_test.rubric_test)
app.command("validate", no_args_is_help=True, epilog=validate.EPILOG)(validate.validate)
app.command("schema", no_args_is_help=True, epilog=schema.EPILOG)(schema.schema)
app.command("template", epilog=template.EPILOG)(template.template)
app.command("interview", epilog=interview.EPILOG)(interview.interview)


def main() -> None:
    """Entry point of the `cxmaturity` script."""
    if help_import.wants_help(sys.argv[1:]):
        help_import.import_help_formatter()
    app()
