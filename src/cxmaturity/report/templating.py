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
from cxmaturity.model.result import Assessment
from cxmaturity.report import explain


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
    env.filters["pct"] = explain.percent_text
    env.filters["code"] = lambda text: markdown.Markdown(markdown.code(text))
    env.filters["span"] = explain.span_text
    env.filters["answered"] = explain.answered_text
    env.filters["move"] = explain.move_text
    env.filters["trait"] = explain.trait_text
    env.filters["fact"] = explain.fact_text
    env.globals["counted_note"] = explain.counted_note
    return env


def base_context(result: Assessment) -> dict[str, Any]:
    """What every report template shows: the result, the ladder's top, dimension names, the
    dimensions not assessed, and the sentences that explain the level."""
    names = {d.id: d.name for d in result.dimensions}
    return {
        "r": result,
        "top": len(result.ladder),
        "names": names,
        "not_assessed": [names[d] for d in result.overall.not_assessed],
        "rule_line": explain.rule_line(result),
        "between": explain.between_levels(result),
        "legend": explain.evidence_legend(result.level_term),
        "marks": explain.FIT_MARKS,
        "source_facts": explain.facts_about(result) + (
            explain.facts_about(result, level=result.overall.level)
            if result.overall.level is not None else []),
        "no_plan": explain.no_plan(result),
        "next_facts": explain.facts_about(result, level=result.next.number)
        if result.next else [],
        "dimension_facts": {d.id: explain.facts_about(result, dimension=d.id, level=d.level)
                            for d in result.dimensions},
    }
