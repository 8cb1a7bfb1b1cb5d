"""`cxmaturity validate`: check answers files against their rubric without scoring them."""

from __future__ import annotations

from pathlib import Path

import typer

from cxmaturity.cli.errors import handled
from cxmaturity.cli.rubric_root import RUBRIC_ROOT, resolved

EPILOG = """Examples:
  cxmaturity validate examples/healthcare-level2.yaml
  cxmaturity validate answers/ --strict    (warnings fail too)
  cat answers.yaml | cxmaturity validate -

Each finding reads file:line:col: severity: message (key.path) [rule]; hint. Every
mistake of a file is reported at once (up to 100).

Exit codes: 0 valid; 1 warnings with --strict; 2 errors.
"""


@handled
def validate(
    files: list[str] = typer.Argument(..., metavar="FILE|DIR|-", show_default=False,
                                      help="Answers files, folders of them (searched for "
                                      "*.yaml and *.yml as `assess` does), or - for standard "
                                      "input."),
    strict: bool = typer.Option(False, "--strict",
                                help="Exit 1 when there are warnings (e.g. unanswered "
                                "questions, or a template not filled in)."),
    rubric_root: Path | None = RUBRIC_ROOT,
) -> int:
    """Check answers files against their rubric, without scoring.

    Unknown ids (with "did you mean"), answers outside the scale and invalid metrics
    are errors, all reported at once; questions the file leaves out, an empty
    organization and a file with every answer `unknown` are warnings.
    """
    from cxmaturity.author.checks import check_answers
    from cxmaturity.cli.findings import report
    from cxmaturity.cli.stdin import read_stdin
    from cxmaturity.load.inputs import named_inputs

    inputs = named_inputs(files)
    stdin = read_stdin(files)
    root = resolved(rubric_root)
    # a stream: each file's findings printed as it is checked
    return report((check_answers(file, stdin, rubric_root=root) for file in inputs),
                  strict=strict)
