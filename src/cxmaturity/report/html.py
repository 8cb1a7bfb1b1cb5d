"""The one-file HTML report: a Jinja template shipped as package data, with inline CSS and
inline SVG charts, so it opens offline, prints to PDF and reads on a phone."""

from __future__ import annotations

import functools
from typing import Any

import jinja2

from cxmaturity.report.charts import band_strip, level_colour, radar
from cxmaturity.result import Assessment


@functools.lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """The template environment for the package's `report/templates` folder."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("cxmaturity", "report/templates"),
        autoescape=jinja2.select_autoescape(["html", "html.j2"]),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["pct"] = lambda share: f"{share * 100:.0f}%"
    return env


def context(result: Assessment) -> dict[str, Any]:
    """What the templates show, laid out for them (names, colours, chart geometry)."""
    top = len(result.ladder)
    names = {d.id: d.name for d in result.dimensions}
    return {
        "r": result,
        "top": top,
        "names": names,
        "colour": lambda level: level_colour(level, top),
        "limiting": [names[d] for d in result.overall.limited_by],
        "not_assessed": [names[d] for d in result.overall.not_assessed],
        "radar": radar(result),
        "strips": [(m, band_strip(m, top)) for m in result.metrics],
    }


def render_html(result: Assessment) -> str:
    """One assessment as a self-contained HTML page."""
    return environment().get_template("report.html.j2").render(context(result))
