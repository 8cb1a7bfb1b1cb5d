"""Plain text of a Rich renderable, for pipes, files and logs: no colour, no trailing spaces.

Light to import: Rich is loaded only when something is rendered."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import RenderableType


def plain_text(renderable: RenderableType, width: int | None, *, highlight: bool = False) -> str:
    """`renderable` as plain text `width` columns wide (None: `COLUMNS`, else 80), each line
    stripped of trailing spaces and ended with a newline."""
    from rich.console import Console

    buffer = io.StringIO()
    Console(file=buffer, width=width, no_color=True, highlight=highlight).print(renderable)
    return "".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines())
