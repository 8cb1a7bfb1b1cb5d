"""Library error types in our words: every message a user reads about a wrong value."""

from __future__ import annotations

import datetime as dt
from typing import Literal

import pytest
from pydantic import BaseModel, Field, ValidationError

from cxmaturity.messages import Wording, explain


class _Shapes(BaseModel):
    day: dt.date | None = None
    text: str | None = None
    count: int | None = None
    share: float | None = Field(default=None, gt=0)
    kind: Literal["a", "b"] | None = None
    items: tuple[int, ...] = Field(default=(), max_length=2)
    keys: dict[str, int] | None = None


def _wording(**value: object) -> Wording:
    with pytest.raises(ValidationError) as info:
        _Shapes.model_validate(value)
    [error] = info.value.errors(include_url=False)
    return explain(error)


@pytest.mark.parametrize(("value", "expected"), [
    ({"day": "30/11/2026"}, Wording("not a date (got '30/11/2026')",
                                    "write it as YYYY-MM-DD, e.g. 2026-11-30")),
    ({"day": "2026/11/30"}, Wording("not a date (got '2026/11/30')",
                                    "write it as YYYY-MM-DD, e.g. 2026-11-30")),
    ({"day": "3/4/2026"}, Wording("not a date (got '3/4/2026')", "write it as YYYY-MM-DD: "
                                  "2026-03-04 or 2026-04-03, whichever is meant")),
    ({"day": "2026-5-15"}, Wording("not a date (got '2026-5-15')",
                                   "write it as YYYY-MM-DD, e.g. 2026-05-15")),
    ({"day": "2026-02-30"}, Wording("not a date (got '2026-02-30'): there is no such day",
                                    "check the day and the month, and write the date as "
                                    "YYYY-MM-DD")),
    ({"day": "31/04/2026"}, Wording("not a date (got '31/04/2026'): there is no such day",
                                    "check the day and the month, and write the date as "
                                    "YYYY-MM-DD")),
    ({"day": "yesterday"}, Wording("not a date (got 'yesterday')",
                                   "write it as YYYY-MM-DD, e.g. 2026-11-30")),
    ({"text": 12}, Wording("expected text (got 12)", "put the text in quotes")),
    ({"count": "many"}, Wording("expected a whole number (got 'many')",
                                "write digits only, e.g. 3")),
    ({"share": 0}, Wording("must be more than 0 (got 0)")),
    ({"kind": "c"}, Wording("not one of the allowed values (got 'c')", "use 'a' or 'b'")),
    ({"items": [1, 2, 3]}, Wording("has 3 items; at most 2 are allowed")),
    ({"keys": [1]}, Wording("expected keys and values (key: value)",
                            "indent the keys under this one, one `key: value` per line")),
])
def test_pydantic_errors_read_as_ours(value: dict[str, object], expected: Wording) -> None:
    assert _wording(**value) == expected


def test_a_message_of_our_own_validators_is_kept_without_a_prefix() -> None:
    error = {"type": "value_error", "msg": "Value error, 60 is not a share",
             "ctx": {"error": ValueError("60 is not a share")}}
    assert explain(error) == Wording("60 is not a share")


def test_an_unknown_type_keeps_the_library_message_lower_cased() -> None:
    error = {"type": "new_kind", "msg": "Input should be a valid thing", "input": "x"}
    assert explain(error) == Wording("a valid thing (got 'x')")


def test_a_bad_date_in_an_answers_file(runner, write) -> None:  # type: ignore[no-untyped-def]
    from cxmaturity.cli import app

    path = write("a.yaml", "organization: X\ndate: 30/11/2026\n")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.stdout.splitlines()[0] == (
        f"{path}:2:7: error: not a date (got '30/11/2026') (date) [schema]; "
        "write it as YYYY-MM-DD, e.g. 2026-11-30")
