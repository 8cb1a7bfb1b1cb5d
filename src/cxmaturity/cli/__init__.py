"""The command line: a thin Typer layer over the core, one module per command. Each command
imports the core inside its function, so `--help` and a single assessment load only what
they use (docs/architecture.md); :mod:`.command` gives every command our help screen and our
words for a mistaken command line, :mod:`.errors` maps failures to messages and exit codes."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

import typer

from cxmaturity import __version__
from cxmaturity.cli import (
    assess,
    compare,
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
from cxmaturity.cli.command import Command, Group
from cxmaturity.cli.errors import stop_on_signals

app = typer.Typer(
    name="cxmaturity",
    help="Score a contact center against an AI maturity model, and explain the result.\n\n"
    "Start: cxmaturity template -o answers.yaml, fill it in, then cxmaturity assess "
    "answers.yaml\n\n"
    "Example: cxmaturity assess examples/healthcare-level2.yaml (from a checkout of the "
    "source, which holds examples/)",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    cls=Group,
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


def _register(group: typer.Typer, name: str, command: Callable[..., Any], epilog: str,
              needs_args: bool = True) -> None:
    """Add `command` to `group`, its docstring's paragraphs unwrapped for the help screen
    (which wraps them to the terminal)."""
    doc = inspect.getdoc(command) or ""
    help_text = "\n\n".join(" ".join(p.split()) for p in doc.split("\n\n"))
    group.command(name, cls=Command, help=help_text, epilog=epilog,
                  no_args_is_help=needs_args)(command)


_register(app, "assess", assess.assess, assess.EPILOG)
_register(app, "compare", compare.compare, compare.EPILOG)
_register(app, "trend", trend.trend, trend.EPILOG)

rubric_app = typer.Typer(help="List, show, check and self-test rubrics.", no_args_is_help=True,
                         rich_markup_mode=None, cls=Group)
app.add_typer(rubric_app, name="rubric")
_register(rubric_app, "list", rubric_list.rubric_list, rubric_list.EPILOG, needs_args=False)
_register(rubric_app, "show", rubric_show.rubric_show, rubric_show.EPILOG, needs_args=False)
_register(rubric_app, "validate", rubric_validate.rubric_validate, rubric_validate.EPILOG)
_register(rubric_app, "test", rubric_test.rubric_test, rubric_test.EPILOG)
_register(app, "validate", validate.validate, validate.EPILOG)
_register(app, "schema", schema.schema, schema.EPILOG)
_register(app, "template", template.template, template.EPILOG, needs_args=False)
_register(app, "interview", interview.interview, interview.EPILOG, needs_args=False)


def main() -> None:
    """Entry point of the `cxmaturity` script."""
    stop_on_signals()
    app()
