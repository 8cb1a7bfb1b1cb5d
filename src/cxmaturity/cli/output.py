"""Where a command's report goes: a Rich renderable to the terminal (or as plain text to a
pipe or file), text to standard output or atomically to `--output FILE`."""

from __future__ import annotations

import enum
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from cxmaturity.cli.command import parse_choice
from cxmaturity.cli.errors import say
from cxmaturity.errors import Problem, UsageError
from cxmaturity.report.formats import EXTENSIONS

if TYPE_CHECKING:
    from collections.abc import Callable

    from rich.console import RenderableType


FormatT = TypeVar("FormatT", bound=enum.Enum)


class ReportFormat(str, enum.Enum):
    """Output formats of `compare` and `trend`."""

    rich = "rich"
    json = "json"
    markdown = "markdown"


def format_help(formats: type[enum.Enum], default: str) -> str:
    """The help of a `--format` option: the formats, and what happens without one."""
    names = ", ".join(str(f.value) for f in formats)
    return f"Report format: {names}. Default: {default}."


def choose_format(given: str | None, output: Path | None, formats: type[FormatT],
                  command: str) -> FormatT | None:
    """`--format` as given, else the format `--output`'s extension names; None leaves the
    choice to the command's default. A `--format` that the extension contradicts wins, with
    a warning (docs/reports.md)."""
    named = EXTENSIONS.get(output.suffix.lower(), ()) if output is not None else ()
    offered = [f for name in named for f in formats if f.value == name]
    if given is not None:
        chosen = parse_choice(given, formats, "--format")
        if named and chosen not in offered:
            say(f"warning: {output}: writing {chosen.value} as --format says, though the "
                f"extension is for {named[0]}")
        return chosen
    if named and not offered:
        choices = ", ".join(str(f.value) for f in formats)
        raise UsageError([Problem(str(output), f"{command} writes no {named[0]} report",
                                  hint=f"use --format ({choices}) or another extension")])
    return offered[0] if offered else None


def rich_text(renderable: RenderableType, to_file: bool, width: int | None = None) -> str:
    """Plain text of a Rich renderable, `width` wide (100 for a file); printed directly (and
    "" returned) on a terminal."""
    if not to_file and sys.stdout.isatty():
        from cxmaturity.escape.terminal import console

        console().print(renderable)
        return ""
    from cxmaturity.report.text import plain_text

    return plain_text(renderable, 100 if to_file else width)


def echo(text: str) -> None:
    """Print one line to standard output, made safe for a terminal and a CI log (see
    :mod:`cxmaturity.escape.terminal`)."""
    from cxmaturity.escape.terminal import line

    print(line(text))


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
