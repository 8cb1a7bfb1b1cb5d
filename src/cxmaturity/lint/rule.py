"""A lint rule, declared once with its id, severity and what it finds, and the finding it
makes: a message at a key path of the rubric, located by :func:`cxmaturity.lint.lint`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from cxmaturity.yaml.scalars import Path

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Rule:
    """One rule of the linter."""

    id: str
    severity: Severity
    finds: str
    """What the rule looks for, as the docs' rule table says it."""

    def __call__(self, path: Path, message: str, hint: str | None = None) -> Found:
        """A finding of this rule at `path`."""
        return Found(self, path, message, hint)


@dataclass(frozen=True)
class Found:
    """A finding before it is located: its rule, key path, message and hint."""

    rule: Rule
    path: Path
    message: str
    hint: str | None = None
