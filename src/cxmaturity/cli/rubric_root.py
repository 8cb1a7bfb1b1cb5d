"""The `--rubric-root` option of every command that reads answers files (see
:mod:`cxmaturity.load.containment` and README "Security")."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from cxmaturity.load.containment import ROOT_VARIABLE

#: `--rubric-root DIR` (also read from CXMATURITY_RUBRIC_ROOT), the same for every command.
RUBRIC_ROOT: Any = typer.Option(
    None, "--rubric-root", metavar="DIR", envvar=ROOT_VARIABLE, show_default=False,
    help="Folder that rubrics named by path in answers files must lie in (default: each "
    "answers file's repository; / allows any).")


def resolved(root: Path | None) -> Path | None:
    """The option's folder as an absolute path (relative to the current folder)."""
    return None if root is None else Path(root).expanduser().absolute()
