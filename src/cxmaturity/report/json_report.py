"""The JSON form of a result: an assessment (versioned by SCHEMA_VERSION; docs/reports.md),
a comparison or a trend."""

from __future__ import annotations

from pydantic import BaseModel

from cxmaturity.escape.jsondoc import document
from cxmaturity.report.formats import Renderer


def render_json(result: BaseModel) -> str:
    """A result (assessment, comparison, trend) as a JSON document, keys in a fixed order,
    ending with a newline."""
    return document(result.model_dump_json(indent=2)) + "\n"


class JsonRenderer(Renderer[BaseModel]):
    """`--format json` of `compare` and `trend`."""

    def render(self, subject: BaseModel) -> str:
        return render_json(subject)
