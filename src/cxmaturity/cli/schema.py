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
  cxmaturity schema answers > schemas/answers.schema.json\n\n
Then make the first line of a YAML file\n
  # yaml-language-server: $schema=../schemas/answers.schema.json\n
and an editor with the YAML language server completes keys and flags errors as you type.
"""


@handled
def schema(kind: SchemaKind = typer.Argument(..., help="Which file format.")) -> int:
    """Print the JSON Schema (draft-07) of rubric, answers or self-test case files."""
    from cxmaturity.schemas import render

    sys.stdout.write(render(kind.value))
    return 0
