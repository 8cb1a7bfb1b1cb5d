"""The single-assessment Markdown report, for wikis and pull requests: the HTML report's
content (ladder, dimensions, bands, disagreements, roadmap, evidence) as GitHub Markdown."""

from __future__ import annotations

import re

from cxmaturity.model.result import Assessment
from cxmaturity.report.templating import base_context, environment


def render_markdown(result: Assessment) -> str:
    """One assessment as a Markdown document."""
    top = len(result.ladder)
    target = result.next.number if result.next else None

    def bar(level: int | None) -> str:
        filled = level or 0
        marks = ["█" if n <= filled else ("┆" if n == target else "░") for n in range(1, top + 1)]
        return "".join(marks)

    template = environment("markdown").get_template("report.md.j2")
    text = template.render({**base_context(result), "bar": bar})
    return re.sub(r"\n{3,}", "\n\n", text).rstrip("\n") + "\n"
