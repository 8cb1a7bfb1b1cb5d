"""Text from others in JSON: the same strings to any JSON reader, written so the JSON text
itself is inert in a terminal or a CI log. JSON escapes C0 controls already; the other
characters :mod:`.controls` calls steering (DEL, C1 controls, bidirectional overrides, line
separators) are written as `\\uXXXX` escapes too, and `[` after `##` as `\\u005b`, so a
line of JSON in a GitHub Actions log cannot be read as a workflow command. Consumers that
print strings taken from the JSON must escape them for their own medium."""

from __future__ import annotations

from cxmaturity.escape.controls import BEYOND_C0


def document(serialized: str) -> str:
    """JSON text as written by a serializer, made inert (the same data)."""
    plain = serialized.isascii() and "\x7f" not in serialized  # told at once; most are
    inert = serialized if plain else BEYOND_C0.sub(
        lambda match: f"\\u{ord(match.group()):04x}", serialized)
    if "#" not in inert:  # one character is found much faster than three; most have none
        return inert
    return inert.replace("##[", "##\\u005b")
