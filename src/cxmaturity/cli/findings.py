"""Printing findings of `rubric validate` and `validate`, and the exit code they imply."""

from __future__ import annotations

from cxmaturity.cli.output import echo
from cxmaturity.errors import EXIT_BAD_INPUT, EXIT_GATE_FAILED, EXIT_OK, Problem


def report(findings: list[Problem], files: int, *, strict: bool) -> int:
    """Print every finding and a summary line; 2 if any error, 1 if warnings and `strict`."""
    for finding in findings:
        echo(finding.finding)
    errors = sum(1 for f in findings if f.severity == "error")
    warnings = len(findings) - errors
    noun = "file" if files == 1 else "files"
    if not findings:
        echo(f"{files} {noun} checked: no problems")
    else:
        echo(f"{files} {noun} checked: {errors} error(s), {warnings} warning(s)")
    if errors:
        return EXIT_BAD_INPUT
    if warnings and strict:
        return EXIT_GATE_FAILED
    return EXIT_OK
