"""The one-file HTML report: a Jinja template shipped as package data, with inline CSS and
inline SVG charts, so it opens offline, prints to PDF and reads on a phone."""

from __future__ import annotations

from typing import Any

from cxmaturity.model.result import Assessment
from cxmaturity.report.charts import band_strip, level_colour, radar
from cxmaturity.report.templating import base_context, environment


def context(result: Assessment) -> dict[str, Any]:
    """What the HTML template shows: the base context plus colours and chart geometry."""
    top = len(result.ladder)
    return {
        **base_context(result),
        "colour": lambda level: level_colour(level, top),
        "radar": radar(result),
        "strips": [(m, band_strip(m, top)) for m in result.metrics],
    }


def render_html(result: Assessment) -> str:
    """One assessment as a self-contained HTML page."""
    return environment("html").get_template("report.html.j2").render(context(result))
