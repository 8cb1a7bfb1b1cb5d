"""Printing findings of `rubric validate` and `validate`, and the exit code they imply."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from cxmaturity.cli.output import echo
from cxmaturity.errors import EXIT_BAD_INPUT, EXIT_GATE_FAILED, EXIT_OK, Problem


def report(findings: Iterable[Problem], checked: Callable[[], int], *, strict: bool) -> int:
    """Print each finding as it comes (a stream: nothing is held), then a summary line with
    `checked()` files, asked once the findings are done; 2 if any error, 1 if warnings and
    `strict`."""
    errors = warnings = 0
    for finding in findings:
        echo(finding.finding)
        if finding.severity == "error":
            errors += 1
        else:
            warnings += 1
    files = checked()
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
