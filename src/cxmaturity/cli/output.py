"""Where a command's report goes: a Rich renderable to the terminal (or as plain text to a
pipe or file), text to standard output or atomically to `--output FILE`."""

from __future__ import annotations

import enum
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from rich.console import RenderableType


class ReportFormat(str, enum.Enum):
    """Output formats of `compare` and `trend`."""

    rich = "rich"
    json = "json"
    markdown = "markdown"


def rich_text(renderable: RenderableType, to_file: bool, width: int | None = None) -> str:
    """Plain text of a Rich renderable, `width` wide (100 for a file); printed directly (and
    "" returned) on a terminal."""
    if not to_file and sys.stdout.isatty():
        from rich.console import Console

        Console().print(renderable)
        return ""
    from cxmaturity.report.text import plain_text

    return plain_text(renderable, 100 if to_file else width, highlight=True)


def show(renderable: RenderableType) -> None:
    """Print `renderable` to standard output, plain (no colour, width 100) when piped."""
    sys.stdout.write(rich_text(renderable, to_file=False, width=100))


def write(text: str, output: Path | None) -> None:
    """Write `text` to standard output, or to `output` through a temporary file."""
    if output is None:
        sys.stdout.write(text)
        return
    from cxmaturity.files import write_atomic

    write_atomic(output, text)


def emit(output_format: ReportFormat, output: Path | None, *, json: Callable[[], str],
         markdown: Callable[[], str], rich: Callable[[], RenderableType]) -> None:
    """Render a report in `output_format` (`json`, `markdown` or `rich`) and write it."""
    if output_format is ReportFormat.json:
        text = json()
    elif output_format is ReportFormat.markdown:
        text = markdown()
    else:
        text = rich_text(rich(), output is not None)
    write(text, output)
