"""Printing findings of `rubric validate` and `validate`, and the exit code they imply."""

from __future__ import annotations

from collections.abc import Iterable

from cxmaturity.cli.errors import check_signals
from cxmaturity.cli.output import echo
from cxmaturity.errors import EXIT_BAD_INPUT, EXIT_GATE_FAILED, EXIT_OK, Problem


def report(per_file: Iterable[Iterable[Problem]], *, strict: bool) -> int:
    """Print each file's findings as they come (a stream: nothing is held), then a summary
    line counting the files; 2 if any error, 1 if warnings and `strict`."""
    files = errors = warnings = 0
    for findings in per_file:
        found = list(findings)
        check_signals()  # before a file's findings are said: they may be the signal's
        files += 1
        for finding in found:
            echo(finding.finding)
            if finding.severity == "error":
                errors += 1
            else:
                warnings += 1
    noun = "file" if files == 1 else "files"
    if not errors and not warnings:
        echo(f"{files} {noun} checked: no problems")
    else:
        echo(f"{files} {noun} checked: {errors} error(s), {warnings} warning(s)")
    if errors:
        return EXIT_BAD_INPUT
    if warnings and strict:
        return EXIT_GATE_FAILED
    return EXIT_OK
