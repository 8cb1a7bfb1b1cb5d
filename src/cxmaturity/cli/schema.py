"""`cxmaturity schema`: print the JSON Schema of rubric or answers files, for editors."""

from __future__ import annotations

import sys

import typer

from cxmaturity.cli.errors import handled

EPILOG = """Examples:
  cxmaturity schema rubric > schemas/rubric.schema.json
  cxmaturity schema answers > schemas/answers.schema.json
  cxmaturity schema answers --rubric contact-center-ai-maturity > answers.schema.json

With --rubric, the schema completes that rubric's question ids and answers.
Then make the first line of a YAML file
  # yaml-language-server: $schema=answers.schema.json
and an editor with the YAML language server completes keys and flags errors
as you type.
"""


@handled
def schema(
    kind: str = typer.Argument(..., metavar="KIND", show_default=False,
                               help="Which file format: rubric, answers or case."),
    rubric: str | None = typer.Option(
        None, "--rubric", "-r", metavar="ID|PATH", help="For `answers`: narrow the schema to "
        "this rubric's question ids and allowed answers.", show_default=False),
) -> int:
    """Print the JSON Schema (draft-07) of rubric, answers or self-test case files."""
    from cxmaturity.author.schemas import SchemaKind, render
    from cxmaturity.cli.command import parse_choice

    chosen = parse_choice(kind, SchemaKind, "KIND")
    if rubric is None:
        sys.stdout.write(render(chosen.value))
        return 0
    from cxmaturity.errors import OptionError, Problem
    from cxmaturity.load.catalog import load_rubric

    if chosen is not SchemaKind.answers:
        raise OptionError([Problem("--rubric", f"only `schema answers` takes a rubric, not "
                                  f"`schema {chosen.value}`", hint="leave out --rubric")])
    sys.stdout.write(render(chosen.value, load_rubric(rubric).rubric))
    return 0
