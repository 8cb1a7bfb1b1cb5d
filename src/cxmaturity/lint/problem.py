"""The finding a lint rule produces: plain data, located by key path."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from cxmaturity.yaml.scalars import Path

Severity = Literal["error", "warning"]
Declared = Callable[[Path], bool]


@dataclass(frozen=True)
class LintProblem:
    """One finding of one rule at one key path of a rubric."""

    rule: str
    severity: Severity
    path: Path
    message: str
    hint: str | None = None
