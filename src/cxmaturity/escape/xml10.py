"""Text from others in XML 1.0 (the JUnit report): always well-formed, and inert in a log.

Characters XML 1.0 forbids (most C0 controls, U+FFFE, U+FFFF, lone surrogates), and those that
steer a terminal, are written as visible escapes (`\\x1b`); `&`, `<`, `>` and quotes as
entities. Line breaks and `[` after `##` are character references, so the file holds the
exact text while no line of it starts with text from others or reads as a GitHub command.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from cxmaturity.escape.controls import visible

_REFERENCES = {"\n": "&#10;", "\r": "&#13;", "\t": "&#9;", '"': "&quot;", "'": "&apos;"}


def text(value: object, *, newlines: bool = False) -> str:
    """`value` as character data or an attribute's content (line breaks kept, as references,
    when `newlines`)."""
    written = escape(visible(str(value), newlines=newlines), _REFERENCES)
    return written.replace("##[", "##&#91;")


def attribute(value: object) -> str:
    """`value` as a double-quoted attribute value, quotes included."""
    return f'"{text(value)}"'
