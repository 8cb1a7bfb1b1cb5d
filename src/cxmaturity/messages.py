"""What a user reads when a value is wrong: pydantic's error types, behind our models and
behind Typer's options, said in our words with a hint. The one place library wording is
turned into ours; nothing else shows pydantic's or Typer's messages."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

#: The date every "write it as YYYY-MM-DD" hint shows when the input gives no better one.
EXAMPLE_DATE = "2026-11-30"

_DAY_FIRST = re.compile(r"^\s*(\d{1,2})[./-](\d{1,2})[./-](\d{4})\s*$")
_YEAR_FIRST = re.compile(r"^\s*(\d{4})[./-](\d{1,2})[./-](\d{1,2})\s*$")

Error = Mapping[str, Any]


@dataclass(frozen=True)
class Wording:
    """A message and the advice that goes with it."""

    message: str
    hint: str | None = None


def explain(error: Error) -> Wording:
    """One pydantic error (an item of `ValidationError.errors()`) in our words."""
    word = _BY_TYPE.get(str(error.get("type")), _fallback)
    return word(error)


def did_you_mean(word: str, choices: Iterable[str], *,
                 means: Mapping[str, str] | None = None) -> str | None:
    """A "did you mean" hint for `word` among `choices`, if one is close; `means` names
    what a spelling stands for (an alias, its option), to suggest that instead."""
    close = difflib.get_close_matches(str(word), sorted(choices), n=1, cutoff=0.6)
    if not close:
        return None
    return f'did you mean "{(means or {}).get(close[0], close[0])}"?'


def _got(error: Error) -> str:
    """` (got 'x')` for a short input, else nothing."""
    value = error.get("input")
    if isinstance(value, (str, int, float, bool)) and len(str(value)) <= 40:
        return f" (got {value!r})"
    return ""


def _ctx(error: Error, key: str) -> Any:
    return (error.get("ctx") or {}).get(key)


def _date(error: Error) -> Wording:
    text = str(error.get("input", ""))
    readings = _readings(text)
    if not readings and (_YEAR_FIRST.match(text) or _DAY_FIRST.match(text)):
        return Wording(f"not a date{_got(error)}: there is no such day",
                       "check the day and the month, and write the date as YYYY-MM-DD")
    if len(readings) == 2:
        hint = f"write it as YYYY-MM-DD: {readings[0]} or {readings[1]}, whichever is meant"
    else:
        hint = f"write it as YYYY-MM-DD, e.g. {readings[0] if readings else EXAMPLE_DATE}"
    return Wording(f"not a date{_got(error)}", hint)


def _readings(text: str) -> list[str]:
    """The dates `text` can mean, as YYYY-MM-DD (30/11/2026 means one, 3/4/2026 two)."""
    found: set[str | None] = set()
    if match := _YEAR_FIRST.match(text):
        found = {_iso(*match.groups())}
    elif match := _DAY_FIRST.match(text):
        first, second, year = match.groups()
        found = {_iso(year, second, first), _iso(year, first, second)}
    return sorted(date for date in found if date is not None)


def _iso(year: str, month: str, day: str) -> str | None:
    try:
        return dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def _text(error: Error) -> Wording:
    quoted = isinstance(error.get("input"), (int, float, bool))
    return Wording(f"expected text{_got(error)}", "put the text in quotes" if quoted else None)


def _whole(error: Error) -> Wording:
    return Wording(f"expected a whole number{_got(error)}", "write digits only, e.g. 3")


def _number(error: Error) -> Wording:
    return Wording(f"expected a number{_got(error)}", "write digits, e.g. 12 or 0.5")


def _boolean(error: Error) -> Wording:
    return Wording(f"expected true or false{_got(error)}")


def _mapping(error: Error) -> Wording:
    return Wording(f"expected keys and values (key: value){_got(error)}",
                   "indent the keys under this one, one `key: value` per line")


def _sequence(error: Error) -> Wording:
    return Wording(f"expected a list{_got(error)}",
                   "write one `- item` per line under this key, or [a, b]")


def _choice(error: Error) -> Wording:
    expected = _ctx(error, "expected")
    return Wording(f"not one of the allowed values{_got(error)}",
                   f"use {expected}" if expected else None)


def _bound(relation: str, key: str) -> Callable[[Error], Wording]:
    def word(error: Error) -> Wording:
        limit = _ctx(error, key)
        shown = f"{limit:g}" if isinstance(limit, (int, float)) else limit
        return Wording(f"must be {relation} {shown}{_got(error)}")
    return word


def _too_short(error: Error) -> Wording:
    least = _ctx(error, "min_length")
    return Wording(f"needs at least {least} item{'' if least == 1 else 's'}")


def _too_long(error: Error) -> Wording:
    most, actual = _ctx(error, "max_length"), _ctx(error, "actual_length")
    return Wording(f"has {actual} items; at most {most} are allowed" if actual is not None
                   else f"has more than {most} items")


def _own(error: Error) -> Wording:
    """A ValueError or assertion of our own validators: its message is already ours."""
    reason = _ctx(error, "error")
    return Wording(str(reason) if reason is not None else _fallback(error).message)


def _finite(error: Error) -> Wording:
    return Wording(f"must be a finite number{_got(error)}")


def _id(error: Error) -> Wording:
    """The one pattern of the models: a rubric's ids (`model/rubric.Id`)."""
    return Wording(f"is not a valid id{_got(error)}",
                   "an id holds only ASCII letters, digits, `_`, `.` and `-`, and starts with "
                   "a letter, a digit or `_`, e.g. `ai-in-the-work`")


def _fallback(error: Error) -> Wording:
    """A type this table does not know: pydantic's message, lower-cased, with the input."""
    message = str(error.get("msg", "invalid value"))
    message = message.removeprefix("Input should be ").removeprefix("Value error, ")
    return Wording(f"{message[:1].lower()}{message[1:]}{_got(error)}")


_BY_TYPE: dict[str, Callable[[Error], Wording]] = {
    **dict.fromkeys(("date_type", "date_parsing", "date_from_datetime_parsing",
                     "date_from_datetime_inexact"), _date),
    "string_type": _text,
    **dict.fromkeys(("int_type", "int_parsing", "int_from_float"), _whole),
    **dict.fromkeys(("float_type", "float_parsing"), _number),
    **dict.fromkeys(("bool_type", "bool_parsing"), _boolean),
    **dict.fromkeys(("dict_type", "model_type", "model_attributes_type"), _mapping),
    **dict.fromkeys(("list_type", "tuple_type", "set_type", "frozen_set_type"), _sequence),
    **dict.fromkeys(("literal_error", "enum"), _choice),
    "greater_than": _bound("more than", "gt"),
    "greater_than_equal": _bound("at least", "ge"),
    "less_than": _bound("less than", "lt"),
    "less_than_equal": _bound("at most", "le"),
    "too_short": _too_short,
    "too_long": _too_long,
    **dict.fromkeys(("value_error", "assertion_error"), _own),
    "finite_number": _finite,
    "string_pattern_mismatch": _id,
}
