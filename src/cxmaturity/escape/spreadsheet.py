"""Text from others in a CSV cell that a spreadsheet may open.

A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is read as a formula
by Excel, LibreOffice and Google Sheets; as OWASP advises ("CSV Injection"), such a cell gets
a leading `'`, which spreadsheets show as text. Control characters are shown as escapes, so a
cell is one line and `cat` of the file cannot steer a terminal; the `csv` module quotes the
rest. Numbers cxmaturity computes are written as they are, not through :func:`cell`.
"""

from __future__ import annotations

from cxmaturity.escape.controls import defanged, visible

#: First characters a spreadsheet reads as the start of a formula (OWASP).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: object) -> str:
    """`value` as the text of one CSV cell: one line, never a formula."""
    text = defanged(visible(str(value)))
    return "'" + text if text.lstrip(" ").startswith(FORMULA_START) else text
