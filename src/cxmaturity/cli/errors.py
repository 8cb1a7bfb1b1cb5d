"""The one place that maps failures to messages and exit codes."""

from __future__ import annotations

import functools
import os
import signal
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


#: The signals that are ending the run, as they arrived. An exception raised after one
#: arrived is the signal's, not a bug: a library that was running (pydantic building a
#: validator, say) may hand on the handler's exception wrapped in one of its own.
_ARRIVED: list[int] = []


def stop_on_signals() -> None:
    """SIGTERM ends the run like Ctrl-C does: a report being written is dropped, not left
    half-written or as a temporary file. Exit 143, as a shell reports a SIGTERM; Ctrl-C
    stays KeyboardInterrupt."""
    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)


def _stop(signum: int, frame: object) -> None:
    _ARRIVED.append(signum)
    raise _signal_exception(signum)


def _signal_exception(signum: int) -> BaseException:
    return KeyboardInterrupt() if signum == signal.SIGINT else SystemExit(128 + signum)


def check_signals() -> None:
    """Raise the exception of a signal that arrived, if one did: the handler's own may have
    been swallowed by a library it interrupted (pydantic turning it into a validation error
    of the input, or an "Exception ignored" in a callback), and the run would go on."""
    if _ARRIVED:
        raise _signal_exception(_ARRIVED[0])


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
            check_signals()
        except CxError as error:
            check_signals()  # not the input's fault: the signal's, turned into an error
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
            if _ARRIVED:  # the signal's own exception, wrapped on its way out
                raise _signal_exception(_ARRIVED[0]) from None
            say(f"internal error: cxmaturity hit a bug. Please report it to {ISSUES_URL} "
                "with the command and the details below.")
            for text in traceback.format_exc(limit=-3).splitlines():
                say(text)
            raise typer.Exit(EXIT_BUG) from None
        raise typer.Exit(code)

    return wrapper  # type: ignore[return-value]
