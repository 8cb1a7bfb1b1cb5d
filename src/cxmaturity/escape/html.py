"""Text from others in the HTML report: Jinja escapes `&`, `<`, `>` and quotes (autoescape);
:func:`finalize` also writes control characters as visible escapes, line breaks as character
references and `[` after `##` as `&#91;`, so the page's source is inert in a terminal or log."""

from __future__ import annotations

from markupsafe import Markup, escape

from cxmaturity.escape.controls import visible


def finalize(value: object) -> object:
    """What the template shows for `value`: our own markup and numbers as they are, text
    escaped."""
    if isinstance(value, Markup) or not isinstance(value, str):
        return value
    escaped = str(escape(visible(value, newlines=True)))
    return Markup(escaped.replace("\n", "&#10;").replace("##[", "##&#91;"))
