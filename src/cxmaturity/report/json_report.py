"""The JSON form of an assessment (schema in docs/json-schema.md, versioned by SCHEMA_VERSION)."""

from __future__ import annotations

from cxmaturity.result import Assessment


def render_json(result: Assessment) -> str:
    """One assessment as a JSON document, keys in a fixed order, ending with a newline."""
    return result.model_dump_json(indent=2) + "\n"
