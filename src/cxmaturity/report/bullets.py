"""A bulleted list for the terminal renderers (assessment, comparison, rubric): a bullet and
a hanging indent per line, so a wrapped line keeps the indent of its first."""

from __future__ import annotations

from collections.abc import Iterable

from rich.table import Table
from rich.text import Text

from cxmaturity.escape.terminal import text


def bullet_rows(lines: Iterable[str | Text | Table]) -> Table:
    """`lines` with bullets: a string is text from others (escaped here), a Text is built
    with :func:`~cxmaturity.escape.terminal.text` already, and a Table sits, unbulleted,
    under the line before it (sub-steps)."""
    rows = Table.grid(padding=(0, 1))
    rows.add_column(width=3, justify="right", no_wrap=True)
    rows.add_column()
    for line in lines:
        if isinstance(line, Table):
            rows.add_row("", line)
        else:
            rows.add_row("•", line if isinstance(line, Text) else text(line))
    return rows
