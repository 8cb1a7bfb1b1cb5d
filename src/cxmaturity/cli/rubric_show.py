"""`cxmaturity rubric show`: a readable view of one rubric."""

from __future__ import annotations

import typer

from cxmaturity import DEFAULT_RUBRIC
from cxmaturity.cli.errors import handled
from cxmaturity.cli.template import complete_rubric

EPILOG = """Examples:
  cxmaturity rubric show    (the default rubric)
  cxmaturity rubric show my-model.yaml | less
"""


@handled
def rubric_show(
    rubric: str = typer.Argument(DEFAULT_RUBRIC, metavar="ID|PATH",
                                 help="A bundled rubric id or a rubric file.",
                                 autocompletion=complete_rubric),
) -> int:
    """Show a rubric: levels, dimensions, metric bands, answer scales and questions."""
    from cxmaturity.cli.output import show
    from cxmaturity.load.catalog import load_rubric
    from cxmaturity.report.rubric_view import rubric_view

    show(rubric_view(load_rubric(rubric).rubric))
    return 0
