"""The one hierarchy of expected failures, each pointing at a file, line, column and key."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from itertools import islice

#: Exit codes of the command line, documented in the README.
EXIT_OK = 0
EXIT_GATE_FAILED = 1
EXIT_BAD_INPUT = 2
EXIT_BUG = 70

#: At most this many problems are reported for one input; the rest are counted
#: (documented in docs/limits.md). Keeps a badly broken file's report readable and quick.
MAX_PROBLEMS = 100


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one input, located as precisely as known."""

    file: str
    message: str
    line: int | None = None
    column: int | None = None
    path: str | None = None
    hint: str | None = None
    severity: str = "error"
    rule: str | None = None
    """What found it: a lint rule, a gate, or the stage (`yaml`, `schema`, `reference`...)."""

    @property
    def where(self) -> str:
        """`file`, `file:line` or `file:line:column`, as far as known."""
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return where

    @property
    def detail(self) -> str:
        """What is wrong, without the location: `message (key.path); hint`."""
        return self.message + (f" ({self.path})" if self.path else "") + \
            (f"; {self.hint}" if self.hint else "")

    def __str__(self) -> str:
        return f"{self.where}: {self.detail}"

    @property
    def finding(self) -> str:
        """The line `validate` and `rubric validate` print:
        `file:line:col: severity: message (key.path) [rule]; hint`."""
        text = f"{self.where}: {self.severity}: {self.message}"
        if self.path:
            text += f" ({self.path})"
        if self.rule:
            text += f" [{self.rule}]"
        return text + (f"; {self.hint}" if self.hint else "")


class CxError(Exception):
    """Base of every expected failure; the CLI turns it into a message and exit code 2."""

    exit_code = EXIT_BAD_INPUT

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class InputError(CxError):
    """An answers file or rubric is not readable, not valid YAML, or not valid content."""


class EmptyFile(InputError):
    """A YAML file with no document at all; :meth:`hinted` says what belongs in it."""

    def hinted(self, hint: str) -> InputError:
        """The same problem, with the advice for the kind of file that was read."""
        return InputError([replace(problem, hint=hint) for problem in self.problems])


class RubricNotFound(InputError):
    """An answers file names a rubric that is neither bundled nor a readable file."""


class UsageError(CxError):
    """Options that contradict each other or name things that do not exist."""


class OptionError(UsageError):
    """A value on the command line that its option or argument does not take (a level, a
    percentage, a choice); the command's usage lines follow the message."""


class OutputError(CxError):
    """A report could not be written (a full disk, an I/O error, a closed pipe); any file
    it was to replace is left as it was."""


def capped(problems: Iterable[Problem], file: str) -> list[Problem]:
    """The first :data:`MAX_PROBLEMS` problems, then one line counting the rest.

    `problems` may be a lazy iterable: only what is reported is computed in full.
    """
    found = iter(problems)
    shown = list(islice(found, MAX_PROBLEMS))
    more = sum(1 for _ in found)
    if more:
        shown.append(Problem(file, f"{more} more problem(s) not shown",
                             hint=f"fix the first {MAX_PROBLEMS} and run again"))
    return shown
