"""`cxmaturity rubric list`: the bundled rubrics."""

from __future__ import annotations

from cxmaturity.cli.errors import handled

EPILOG = """Examples:
  cxmaturity rubric list
  cxmaturity rubric show contact-center-ai-maturity
"""


@handled
def rubric_list() -> int:
    """List the bundled rubrics: id, title, version and levels."""
    from cxmaturity.cli.output import show
    from cxmaturity.load.bundled import bundled_ids
    from cxmaturity.load.catalog import load_rubric
    from cxmaturity.report.rubric_view import catalogue

    show(catalogue([load_rubric(rid).rubric for rid in bundled_ids()]))
    return 0
