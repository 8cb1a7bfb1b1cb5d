"""Text helpers shared by reporters: a Rich renderable as plain text, and text made safe for a
Markdown table cell. Light to import: no Jinja, and Rich only when something is rendered."""

from __future__ import annotations

import io
import re
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


def cell(text: object) -> str:
    """Text safe inside a Markdown table cell: pipes escaped, line breaks as spaces."""
    return re.sub(r"\s*\n\s*", " ", str(text)).replace("|", "\\|")
