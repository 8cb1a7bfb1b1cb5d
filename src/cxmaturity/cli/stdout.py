"""Standard output while a command runs: guarded, so that a write error (a full disk, an
I/O error, `> /dev/full`) is an expected failure, exit 2 with a message, not a crash; a
reader that went away (`| head`) is left to the broken-pipe exit, 141 (cli/errors.py)."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from typing import Any, TextIO

from cxmaturity.errors import OutputError, Problem


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
