"""Where a command's report goes: a Rich renderable to the terminal (or as plain text to a
pipe or file), text to standard output or atomically to `--output FILE`.

While a command runs, standard output is guarded (:func:`guarded_stdout`): a write error
(a full disk, an I/O error, `> /dev/full`) is an expected failure, exit 2 with a message,
not a crash; a reader that went away (`| head`) is left to the broken-pipe exit, 141.
"""

from __future__ import annotations

import contextlib
import enum
import os
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from rich.console import RenderableType

    from cxmaturity.errors import OutputError


class ReportFormat(str, enum.Enum):
    """Output formats of `compare` and `trend`."""

    rich = "rich"
    json = "json"
    markdown = "markdown"


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


class _Guarded:
    """Standard output whose write errors raise :class:`~cxmaturity.errors.OutputError`."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise _failed(self._stream, exc) from None

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise _failed(self._stream, exc) from None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _failed(stream: TextIO, exc: OSError) -> OutputError:
    """The error for a failed write to standard output. What is still buffered is sent to
    /dev/null, so that Python's own flush at exit does not fail again."""
    from cxmaturity.errors import OutputError, Problem

    with contextlib.suppress(OSError, ValueError, AttributeError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), stream.fileno())
    return OutputError([Problem("standard output", f"cannot write: {exc.strerror or exc}")])


@contextlib.contextmanager
def guarded_stdout() -> Iterator[None]:
    """Standard output guarded for the duration of a command, and flushed at its end."""
    original = sys.stdout
    sys.stdout = _Guarded(original)
    try:
        yield
        sys.stdout.flush()
    finally:
        sys.stdout = original
