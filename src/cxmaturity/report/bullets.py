"""Bulleted lists for the terminal renderers (assessment, comparison, rubric): a bullet and
a hanging indent per line, so a wrapped line keeps the indent of its first."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from cxmaturity.escape.terminal import text


def bullet_rows(lines: Iterable[str | Text | Table], mark: str = "•", width: int = 3) -> Table:
    """`lines` with bullets (`mark`, right-aligned in `width` columns): a string is text
    from others (escaped here), a Text is built with :func:`~cxmaturity.escape.terminal.text`
    already, and a Table sits, unbulleted, under the line before it (sub-steps)."""
    rows = Table.grid(padding=(0, 1))
    rows.add_column(width=width, justify="right", no_wrap=True)
    rows.add_column()
    for line in lines:
        if isinstance(line, Table):
            rows.add_row("", line)
        else:
            rows.add_row(mark, line if isinstance(line, Text) else text(line))
    return rows


def section(title: str, lines: Sequence[str | Text | Table], style: str,
            padding: tuple[int, int, int, int] = (0, 0, 1, 1)) -> RenderableType | None:
    """A titled list (None if empty); its title is text from others (escaped here), its
    lines as in :func:`bullet_rows`."""
    if not lines:
        return None
    return Padding(Group(text(title, f"bold {style}"), bullet_rows(lines)), padding,
                   expand=False)
