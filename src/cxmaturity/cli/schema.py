"""`cxmaturity schema`: print the JSON Schema of rubric or answers files, for editors."""

from __future__ import annotations

import enum
import sys

import typer

from cxmaturity.cli.errors import handled


class SchemaKind(str, enum.Enum):
    """The files a schema describes."""

    rubric = "rubric"
    answers = "answers"
    case = "case"


EPILOG = """[bold]Examples[/]\n\n
  cxmaturity schema rubric > schemas/rubric.schema.json\n
  cxmaturity schema answers > schemas/answers.schema.json\n
  cxmaturity schema answers --rubric contact-center-ai-maturity > cc.schema.json\n
  [dim](completes that rubric's question ids and answers)[/]\n\n
Then make the first line of a YAML file\n
  # yaml-language-server: $schema=../schemas/answers.schema.json\n
and an editor with the YAML language server completes keys and flags errors as you type.
"""


@handled
def schema(
    kind: SchemaKind = typer.Argument(..., help="Which file format."),
    rubric: str | None = typer.Option(
        None, "--rubric", "-r", metavar="ID|PATH", help="For `answers`: narrow the schema to "
        "this rubric's question ids and allowed answers.", show_default=False),
) -> int:
    """Print the JSON Schema (draft-07) of rubric, answers or self-test case files."""
    from cxmaturity.schemas import render

    if rubric is None:
        sys.stdout.write(render(kind.value))
        return 0
    from cxmaturity.catalog import load_rubric
    from cxmaturity.errors import Problem, UsageError

    if kind is not SchemaKind.answers:
        raise UsageError([Problem("--rubric", f"only `schema answers` takes a rubric, not "
                                  f"`schema {kind.value}`", hint="leave out --rubric")])
    sys.stdout.write(render(kind.value, load_rubric(rubric).rubric))
    return 0
