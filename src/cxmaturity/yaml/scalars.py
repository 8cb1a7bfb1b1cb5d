"""What every reader of the strict YAML format shares: its limits, the key path and mark of a
value, and how a plain scalar resolves under YAML 1.2's core schema."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

#: Limits on one input file (documented in docs/limits.md).
MAX_BYTES = 1_000_000
#: Longest JSON line of a result read (a baseline's record): the record of the largest
#: answers file, its text escaped in JSON (a quote or a control character grows to two or
#: six bytes) and the rubric's parts beside it.
MAX_LINE_BYTES = 8 * MAX_BYTES
MAX_DEPTH = 32
MAX_NODES = 50_000
MAX_STRING = 20_000
#: Most digits in a plain integer (a longer one is an error: nothing here counts that high, and
#: Python converts at most 4,300 digits).
MAX_DIGITS = 100

_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(
    r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
)

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Mark:
    """A 1-based line and column."""

    line: int
    column: int


#: First characters of plain scalars that may be something other than a string.
SPECIAL_START = frozenset("0123456789+-.~nNtTfF")


class TooManyDigits(ValueError):
    """A plain integer longer than :data:`MAX_DIGITS` (located by the reader)."""


def resolve_plain(text: str) -> Any:
    """YAML 1.2 core schema for an untagged plain scalar; TooManyDigits for an integer
    longer than :data:`MAX_DIGITS`."""
    if text and text[0] not in SPECIAL_START:
        return text
    if _NULL.match(text):
        return None
    if _BOOL.match(text):
        return text.lower() == "true"
    if _INT.match(text):
        if len(text.lstrip("+-")) > MAX_DIGITS:
            raise TooManyDigits(text[:20])
        return int(text)
    if _FLOAT.match(text):
        lowered = text.lower()
        if lowered.endswith(".nan"):
            return math.nan
        if lowered.endswith(".inf"):
            return -math.inf if lowered.startswith("-") else math.inf
        return float(text)
    return text


def dotted(path: Path) -> str:
    """`('answers', 'q1', 0)` as `answers.q1[0]`."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text
