"""The reader's fast path (libyaml's composer) agrees with its event reader on every file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from cxmaturity.errors import InputError
from cxmaturity.yaml import fast as fastpath
from cxmaturity.yaml import reader
from cxmaturity.yaml.reader import parse_yaml

from ..conftest import DATA, EXAMPLES, RUBRICS

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parents[1] / "cases" / "yaml_loader.yaml").read_text(encoding="utf-8"))
FILES = sorted([*EXAMPLES.glob("*.yaml"), *RUBRICS.glob("*.yaml"), *DATA.rglob("*.yaml")])


def _slow(text: str) -> reader.YamlDocument:
    """Parse with the fast path switched off."""
    original = fastpath.fast_path_safe
    fastpath.fast_path_safe = lambda text: False  # type: ignore[assignment]
    try:
        return parse_yaml(text, "case.yaml")
    finally:
        fastpath.fast_path_safe = original


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_same_values_and_marks_on_every_shipped_file(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert fastpath.fast_path_safe(text) or any(c in text for c in "&*!")
    try:
        fast = parse_yaml(text, "case.yaml")
    except InputError as error:  # the hostile corpus: both paths reject it alike
        with pytest.raises(InputError) as slow_error:
            _slow(text)
        assert slow_error.value.problems == error.problems
        return
    slow = _slow(text)
    assert fast.value == slow.value
    assert fast.values == slow.values and fast.keys == slow.keys


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_same_verdict_on_every_reader_case(case: dict[str, Any]) -> None:
    try:
        slow: Any = _slow(case["text"]).value
    except InputError as error:
        slow = str(error)
    try:
        fast: Any = parse_yaml(case["text"], "case.yaml").value
    except InputError as error:
        fast = str(error)
    assert fast == slow or (fast != fast and slow != slow)  # NaN is not equal to itself


@pytest.mark.parametrize("text", [
    "a: 1\nb: [x, {c: 2}]\n",
    "k: 'quoted 12'\nn: 12\ne:\nt: true\n",
    "1: one\ntrue: yes\n~: nothing\n",
])
def test_fast_path_is_taken_and_agrees(text: str) -> None:
    assert fastpath.fast_path_safe(text)
    fast, slow = parse_yaml(text, "case.yaml"), _slow(text)
    assert fast.value == slow.value and fast._tree is not None
    assert fast.values == slow.values and fast.keys == slow.keys


def test_deep_text_skips_the_fast_path() -> None:
    assert not fastpath.fast_path_safe("[" * 5_000 + "]" * 5_000)
