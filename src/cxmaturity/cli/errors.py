"""The one place that maps failures to messages and exit codes."""

from __future__ import annotations

import functools
import os
import sys
import traceback
from collections.abc import Callable
from typing import Any, TypeVar

import typer

from cxmaturity.cli.stdout import guarded_stdout
from cxmaturity.errors import EXIT_BUG, CxError, OptionError

F = TypeVar("F", bound=Callable[..., int])

#: Exit code when standard output is closed early: 128 + SIGPIPE, as a shell reports it.
EXIT_BROKEN_PIPE = 141

ISSUES_URL = "the cxmaturity issue tracker"


def say(text: str) -> None:
    """Print one line to standard error, made safe for a terminal and a CI log (text from
    others in it cannot steer either; see :mod:`cxmaturity.escape.terminal`)."""
    from cxmaturity.escape.terminal import line

    print(line(text), file=sys.stderr)


def report_problems(error: CxError) -> None:
    """Print every problem of an expected failure to stderr, one per line."""
    for problem in error.problems:
        say(f"{problem.severity}: {problem}")


class OptionMistake(typer.Exit):
    """A wrong option value found after the command line was read (a level, a percentage):
    reported already; the command (:class:`cxmaturity.cli.command.Command`) adds the usage
    lines, as for a mistake its parser finds."""


def handled(command: F) -> F:
    """Run a command that returns an exit code; expected errors exit 2, bugs exit 70."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> int:
        try:
            with guarded_stdout():
                code = command(*args, **kwargs)
        except CxError as error:
            report_problems(error)
            if isinstance(error, OptionError):
                raise OptionMistake(error.exit_code) from None
            raise typer.Exit(error.exit_code) from None
        except (typer.Exit, typer.Abort, KeyboardInterrupt):
            raise
        except BrokenPipeError:  # the reader went away (`| head`): stop quietly, as `cat` does
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise typer.Exit(EXIT_BROKEN_PIPE) from None
        except Exception:
            say(f"internal error: cxmaturity hit a bug. Please report it to {ISSUES_URL} "
                "with the command and the details below.")
            for text in traceback.format_exc(limit=-3).splitlines():
                say(text)
            raise typer.Exit(EXIT_BUG) from None
        raise typer.Exit(code)

    return wrapper  # type: ignore[return-value]
