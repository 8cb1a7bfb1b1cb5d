"""The Jinja environments and base context shared by the HTML and Markdown reports.

Every value a template shows passes through its medium's escaping (:mod:`cxmaturity.escape`):
`.html.j2` templates through autoescape and :func:`cxmaturity.escape.html.finalize`, `.md.j2`
templates through :func:`cxmaturity.escape.markdown.finalize`. Templates never escape by hand.
"""

from __future__ import annotations

import functools
from typing import Any

import jinja2

from cxmaturity.escape import html, markdown
from cxmaturity.result import Assessment


@functools.lru_cache(maxsize=2)
def environment(medium: str) -> jinja2.Environment:
    """The template environment for the package's `report/templates` folder, for `html` or
    `markdown` templates."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("cxmaturity", "report/templates"),
        autoescape=medium == "html",
        finalize=html.finalize if medium == "html" else markdown.finalize,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["pct"] = lambda share: f"{share * 100:.0f}%"
    env.filters["code"] = lambda text: markdown.Markdown(markdown.code(text))
    return env


def base_context(result: Assessment) -> dict[str, Any]:
    """What every report template shows: the result, the ladder's top, dimension names, and
    the dimensions that limit the overall level or were not assessed."""
    names = {d.id: d.name for d in result.dimensions}
    return {
        "r": result,
        "top": len(result.ladder),
        "names": names,
        "limiting": [names[d] for d in result.overall.limited_by],
        "not_assessed": [names[d] for d in result.overall.not_assessed],
    }
