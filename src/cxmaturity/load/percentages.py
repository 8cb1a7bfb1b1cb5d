"""Numbers and percentages as people write them, read one way everywhere: a metric value or
target in an answers file, `--min-confidence` and the policy file's `min-confidence`.

`60` and `60%` are sixty percent. A bare number between 0 and 1, such as `0.6`, is
ambiguous (sixty percent, or six tenths of one percent?) and rejected with both readings,
so nobody's `1` silently means 100% while another's means 1%.
"""

from __future__ import annotations

import math
import re
from typing import Any

from cxmaturity.errors import OptionError, Problem

_PERCENT = re.compile(r"^\s*([-+]?(?:\d+(?:\.\d*)?|\.\d+))\s*%\s*$")
_NUMBER = re.compile(r"^\s*([-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?)\s*$")
#: Longest number text read (more digits than any measure needs; keeps conversion cheap).
MAX_DIGITS = 100


def read_number(raw: Any) -> tuple[float, bool]:
    """`raw` (a YAML number, or text such as `12`, `12%`, `1e3`) as a float, and whether it was
    written with a `%` sign; ValueError if it is not a finite number."""
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        try:
            number = float(raw)
        except OverflowError:  # an integer too large for a float
            raise ValueError(f"{as_written(raw)} is not a finite number") from None
        return _finite(number, raw), False
    text = str(raw)
    if len(text) > MAX_DIGITS:
        raise ValueError(f"{as_written(raw)} is not a number this tool reads (too long)")
    match = _PERCENT.match(text)
    if match:
        return _finite(float(match.group(1)), raw), True
    match = _NUMBER.match(text)
    if match:
        return _finite(float(match.group(1)), raw), False
    raise ValueError(f"{as_written(raw)} is not a number")


def check_percentage(number: float, had_percent: bool, raw: Any) -> None:
    """ValueError if a percentage was written as a bare number between 0 and 1."""
    if not had_percent and 0 < number < 1:
        raise ValueError(f"{as_written(raw)} is ambiguous: percentages are written 0-100, so "
                         f"write {number * 100:g}% for that share, or {number:g}% if you "
                         "mean less than one percent")


def parse_percentage(raw: Any) -> float:
    """A percentage from 0 to 100, written `60` or `60%` (see the module); ValueError if it is
    not one."""
    number, had_percent = read_number(raw)
    check_percentage(number, had_percent, raw)
    if not 0 <= number <= 100:
        raise ValueError(f"{as_written(raw)} is outside 0-100%")
    return number


def percentage_option(text: str, option: str) -> float:
    """A command line option's percentage (:func:`parse_percentage`); OptionError naming
    `option` if it is not one."""
    try:
        return parse_percentage(text)
    except ValueError as exc:
        raise OptionError([Problem(option, str(exc))]) from None


def _finite(number: float, raw: Any) -> float:
    if math.isnan(number) or math.isinf(number):
        raise ValueError(f"{as_written(raw)} is not a finite number")
    return number


def as_written(raw: Any) -> str:
    """`raw` as a message shows it (a long value cut short)."""
    if isinstance(raw, float):
        return f"{raw:g}"
    if isinstance(raw, int) and not isinstance(raw, bool):
        text = str(raw) if raw.bit_length() < 256 else "a number with too many digits"
        return text
    text = repr(raw)
    return text if len(text) <= 40 else text[:37] + "...'"
