"""A Rich renderable as plain text, for logs, pipes and files. Light to import: Rich only
when something is rendered."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from cxmaturity.escape.terminal import console
from cxmaturity.report.formats import Context

if TYPE_CHECKING:
    from rich.console import RenderableType


def plain_text(renderable: RenderableType, width: int | None) -> str:
    """`renderable` as plain text `width` columns wide (None: `COLUMNS`, else 80), each line
    stripped of trailing spaces and ended with a newline."""
    buffer = io.StringIO()
    console(file=buffer, width=width, no_color=True).print(renderable)
    return "".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines())


def rendered(renderable: RenderableType, context: Context, *, soft_wrap: bool = False) -> str:
    """`renderable` in colour at the terminal's width when `context` is a terminal, else as
    plain text `context.width` wide."""
    if not context.terminal:
        return plain_text(renderable, context.width)
    terminal = console()
    with terminal.capture() as captured:
        terminal.print(renderable, soft_wrap=soft_wrap)
    return captured.get()
