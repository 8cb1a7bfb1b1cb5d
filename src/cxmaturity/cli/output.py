"""Showing a Rich renderable: in colour on a terminal, as plain text in a pipe."""

from __future__ import annotations

import io
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import RenderableType


def show(renderable: RenderableType) -> None:
    """Print `renderable` to standard output, plain (no colour, width 100) when piped."""
    from rich.console import Console

    if sys.stdout.isatty():
        Console().print(renderable)
        return
    buffer = io.StringIO()
    Console(file=buffer, width=100, no_color=True).print(renderable)
    sys.stdout.write("".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines()))
