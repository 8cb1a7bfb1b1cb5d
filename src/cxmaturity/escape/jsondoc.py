"""Text from others in JSON: kept exactly (JSON escapes control characters itself), except
that `[` after `##` is written `\\u005b`, the same string to any JSON reader, so that a line
of JSON in a GitHub Actions log cannot be read as a workflow command. Consumers that print
strings from the JSON to a terminal must escape them as this package does."""

from __future__ import annotations


def document(serialized: str) -> str:
    """JSON text as written by a serializer, made inert in a CI log (same data)."""
    return serialized.replace("##[", "##\\u005b")
