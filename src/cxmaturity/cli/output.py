"""Where a command's report goes: standard output, or atomically `--output FILE`; and which
format it is written in (docs/reports.md)."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import typer

from cxmaturity.cli.command import parse_choice
from cxmaturity.cli.errors import say
from cxmaturity.errors import Problem, UsageError
from cxmaturity.report.formats import EXTENSIONS, Context, Format

if TYPE_CHECKING:
    from rich.console import RenderableType


def report_file(value: Path | None) -> Path | None:
    """The `--output` option: `-` means standard output (None), as `-` among the inputs
    means standard input, rather than a file named `-`."""
    return None if value is not None and str(value) == "-" else value


#: `--output FILE` (`-o`) of every command that writes a report.
REPORT_OUTPUT: Any = typer.Option(
    None, "--output", "-o", metavar="FILE", show_default=False, callback=report_file,
    help="Write the report to this file (atomically) instead of standard output (-).")


def refuse_to_replace(output: Path | None, inputs: Iterable[str | Path]) -> None:
    """UsageError, before any answers file is scored or anything written, if `output` is one
    of `inputs` (by any name) or a `.yaml`/`.yml` file. No report is YAML: such a name is an
    answers file's, a rubric's or a self-test case's, used in this run or not (a rubric an
    answers file names is read only while scoring), even when a mistake in it keeps it from
    being read as one; and a report written there once would be refused the next time. An
    existing file is read only to name its kind."""
    if output is None:
        return
    try:
        target: os.stat_result | None = output.stat()
    except OSError:
        target = None  # nothing there yet: nothing to overwrite
    if target is not None and not stat.S_ISREG(target.st_mode):
        return  # a device or a pipe is written to, never replaced (nor read to tell its kind)
    if target is not None:
        for given in inputs:
            try:
                found = os.stat(given)
            except (OSError, ValueError):
                continue
            if (found.st_dev, found.st_ino) == (target.st_dev, target.st_ino):
                _refuse(output, f"is also an input ({given})")
    from cxmaturity.load.inputs import SUFFIXES  # here: --help loads no YAML

    if output.suffix.lower() not in SUFFIXES:  # the answers files' own
        return
    if not os.path.lexists(output):
        raise UsageError([Problem(str(output), "no report is YAML: a .yaml or .yml name is for "
                                  "the files people write (answers, rubrics)", hint="name the "
                                  "report by its format (.json, .md, .html, .txt, ...)")])
    from cxmaturity.load.kinds import NOUNS, written_by_people

    kind = written_by_people(str(output))
    _refuse(output, f"holds {NOUNS[kind]}" if kind is not None else
            "is a YAML file, and no report is one (people write YAML files: answers, rubrics)")


def _refuse(output: Path, what: str) -> NoReturn:
    raise UsageError([Problem(str(output), f"{what}; writing the report there would "
                              "overwrite it", hint="choose another --output file")])


def format_help(offered: Iterable[Format], default: str) -> str:
    """The help of a `--format` option: the formats, and what happens without one."""
    names = ", ".join(f.value for f in offered)
    return f"Report format: {names}. Default: {default}."


def choose_format(given: str | None, output: Path | None, offered: Iterable[Format],
                  command: str) -> Format | None:
    """`--format` as given, else the format `--output`'s extension names; None leaves the
    choice to the command's default. A `--format` that the extension contradicts wins, with
    a warning (docs/reports.md)."""
    offered = list(offered)
    named = EXTENSIONS.get(output.suffix.lower(), ()) if output is not None else ()
    fitting = [f for f in named if f in offered]
    if given is not None:
        chosen = parse_choice(given, offered, "--format")
        if named and chosen not in fitting:
            say(f"warning: {output}: writing {chosen.value} as --format says, though the "
                f"extension is for {named[0].value}")
        return chosen
    if named and not fitting:
        choices = ", ".join(f.value for f in offered)
        raise UsageError([Problem(str(output), f"{command} writes no {named[0].value} report",
                                  hint=f"use --format ({choices}) or another extension")])
    if output is not None and output.suffix and not named:  # e.g. report.pdf: plain text
        known = ", ".join(ext for ext, formats in EXTENSIONS.items()
                          if any(f in offered for f in formats))
        say(f"warning: {output}: cxmaturity writes no {output.suffix} report, so it is written "
            f"in the default format; --format chooses one (extensions known: {known})")
    return fitting[0] if fitting else None


def context(output: Path | None, *, single: bool = False,
            gates: tuple[str, ...] = ()) -> Context:
    """Where the report goes: a terminal (colour, its width) or plain text, 100 columns wide
    in a file and `COLUMNS` (else 80) wide in a pipe."""
    terminal = output is None and sys.stdout.isatty()
    return Context(single=single, terminal=terminal, width=100 if output else None,
                   gates=gates)


def echo(text: str) -> None:
    """Print one line to standard output, made safe for a terminal and a CI log (see
    :mod:`cxmaturity.escape.terminal`)."""
    from cxmaturity.escape.terminal import line

    print(line(text))


def show(renderable: RenderableType) -> None:
    """Print `renderable` to standard output, plain (no colour, width 100) when piped."""
    from cxmaturity.report.text import rendered

    terminal = sys.stdout.isatty()
    sys.stdout.write(rendered(renderable, Context(terminal=terminal, width=100)))


def write(text: str, output: Path | None) -> None:
    """Write `text` to standard output, or to `output` through a temporary file."""
    if output is None:
        sys.stdout.write(text)
        return
    from cxmaturity.files import write_atomic

    write_atomic(output, text)
