"""A Rich renderable as plain text, for logs, pipes and files. Light to import: Rich only
when something is rendered."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from cxmaturity.escape.terminal import console

if TYPE_CHECKING:
    from rich.console import RenderableType


def plain_text(renderable: RenderableType, width: int | None) -> str:
    """`renderable` as plain text `width` columns wide (None: `COLUMNS`, else 80), each line
    stripped of trailing spaces and ended with a newline."""
    buffer = io.StringIO()
    console(file=buffer, width=width, no_color=True).print(renderable)
    return "".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines())
