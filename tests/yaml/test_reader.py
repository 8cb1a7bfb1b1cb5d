"""The strict YAML reader: values, marks, and every rejection (cases in cases/yaml_loader.yaml)."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest
import yaml

from cxmaturity.errors import InputError
from cxmaturity.yaml.reader import parse_bytes, parse_yaml

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parents[1] / "cases" / "yaml_loader.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_case(case: dict[str, Any]) -> None:
    if "error" in case:
        with pytest.raises(InputError) as info:
            parse_yaml(case["text"], "case.yaml")
        assert str(info.value) == case["error"]
    else:
        assert parse_yaml(case["text"], "case.yaml").value == case["value"]


def test_marks_point_at_values_and_keys() -> None:
    doc = parse_yaml("a:\n  b: [1, two]\n", "x.yaml")
    assert (doc.values[("a", "b", 1)].line, doc.values[("a", "b", 1)].column) == (2, 10)
    assert (doc.keys[("a", "b")].line, doc.keys[("a", "b")].column) == (2, 3)


def test_nan_is_read_as_nan() -> None:
    assert math.isnan(parse_yaml("a: .nan\n", "x.yaml").value["a"])


# The limits (size, depth, values, string length) are tested in test_limits.py.


@pytest.mark.parametrize(("raw", "where", "message"), [
    (b"a: 1\norganization: Caf\xe9\n", (2, 18), "not UTF-8 text (byte 0xE9 at offset 22)"),
    # after a byte order mark, the offset and line are still the file's own
    (b"\xef\xbb\xbfab\n\xe9\n", (2, 1), "not UTF-8 text (byte 0xE9 at offset 6)"),
    # a lone CR breaks a line, as in YAML; columns count characters, not bytes
    (b"a: 1\rb: caf\xc3\xa9 \xe9\n", (2, 9), "not UTF-8 text (byte 0xE9 at offset 14)"),
])
def test_not_utf8_is_located_at_its_line_and_column(raw: bytes, where: tuple[int, int],
                                                     message: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_bytes(raw, "x.yaml")
    problem = caught.value.problems[0]
    assert (problem.line, problem.column) == where  # where an annotation can point
    assert problem.message == message


def test_utf16_is_named() -> None:
    with pytest.raises(InputError) as caught:
        parse_bytes("a: 1\n".encode("utf-16"), "x.yaml")
    assert caught.value.problems[0].message == "UTF-16 text, not UTF-8"


def test_utf8_bom_is_accepted() -> None:
    assert parse_bytes("\ufeffa: é\n".encode(), "x.yaml").value == {"a": "é"}


@pytest.mark.parametrize("raw", [b"a: 1\nb: x\x07y\n", b"a: 1\rb: x\x07y\n",
                                 b"a: 1\r\nb: x\x07y\n"])
def test_a_character_yaml_forbids_is_located_whatever_breaks_the_lines(raw: bytes) -> None:
    """A lone CR breaks a line for YAML: the character was reported on line 1 of such a file."""
    with pytest.raises(InputError) as caught:
        parse_bytes(raw, "x.yaml")
    problem = caught.value.problems[0]
    assert (problem.line, problem.column) == (2, 5)
    assert problem.message == "invalid YAML: character U+0007 is not allowed"

