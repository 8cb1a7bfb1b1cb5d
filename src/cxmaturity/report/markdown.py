"""The single-assessment Markdown report, for wikis and pull requests: the HTML report's
content (ladder, dimensions, bands, disagreements, roadmap, evidence) as GitHub Markdown."""

from __future__ import annotations

import functools
import re

import jinja2

from cxmaturity.report.html import context
from cxmaturity.report.text import cell
from cxmaturity.result import Assessment

__all__ = ["cell", "environment", "render_markdown"]


@functools.lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """Templates from the package, unescaped (Markdown is not HTML)."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("cxmaturity", "report/templates"),
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["pct"] = lambda share: f"{share * 100:.0f}%"
    env.filters["cell"] = cell
    return env


def render_markdown(result: Assessment) -> str:
    """One assessment as a Markdown document."""
    top = len(result.ladder)
    target = result.next.number if result.next else None

    def bar(level: int | None) -> str:
        filled = level or 0
        marks = ["█" if n <= filled else ("┆" if n == target else "░") for n in range(1, top + 1)]
        return "".join(marks)

    text = environment().get_template("report.md.j2").render({**context(result), "bar": bar})
    return re.sub(r"\n{3,}", "\n\n", text).rstrip("\n") + "\n"
