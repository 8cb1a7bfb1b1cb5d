"""A short fuzz of the answers and rubric loaders, run on every change: whatever the input,
the result is a score or located problems (exit 2), never a traceback.

The long run (>= 100,000 inputs) is `python -m tests.fuzz.long_run`; see docs/reliability.md.
"""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from cxmaturity.cli import app

from ..conftest import cases
from ..fuzz.seeds import ANSWERS_STRUCTURES, ANSWERS_TEXTS, RUBRIC_STRUCTURES, RUBRIC_TEXTS
from ..fuzz.strategies import mutated_structures, mutated_texts, to_yaml, yaml_texts
from ..fuzz.targets import answers_outcome, rubric_outcome

LOCATED = re.compile(r"^error: \S.*?: \S")


@settings(max_examples=cases(150))
@given(yaml_texts())
def test_answers_loader_on_yaml_like_text(text: str) -> None:
    assert answers_outcome(text.encode("utf-8", "surrogatepass")) in ("scored", "rejected")


@settings(max_examples=cases(60))
@given(st.binary(max_size=200))
def test_answers_loader_on_bytes(raw: bytes) -> None:
    assert answers_outcome(raw) in ("scored", "rejected")


@settings(max_examples=cases(100))
@given(mutated_texts(ANSWERS_TEXTS))
def test_answers_loader_on_edited_files(text: str) -> None:
    assert answers_outcome(text.encode(), rich=len(text) % 8 == 0) in ("scored", "rejected")


@settings(max_examples=cases(100))
@given(mutated_structures(ANSWERS_STRUCTURES))
def test_answers_loader_on_edited_structures(value: object) -> None:
    text = to_yaml(value)
    assert answers_outcome(text.encode(), rich=len(text) % 8 == 0) in ("scored", "rejected")


@settings(max_examples=cases(40))
@given(mutated_texts(RUBRIC_TEXTS))
def test_rubric_loader_on_edited_files(text: str) -> None:
    assert rubric_outcome(text.encode()) in ("accepted", "rejected")


@settings(max_examples=cases(60))
@given(mutated_structures(RUBRIC_STRUCTURES))
def test_rubric_loader_on_edited_structures(value: object) -> None:
    assert rubric_outcome(to_yaml(value).encode()) in ("accepted", "rejected")


def check_exit(result) -> None:  # type: ignore[no-untyped-def]
    """Exit 0 with a report, or exit 2 with nothing on stdout and only located errors."""
    assert "Traceback" not in result.output and "internal error" not in result.stderr
    assert result.exit_code in (0, 2), result.stderr
    if result.exit_code == 2:
        assert result.stdout == ""
        assert all(LOCATED.match(line) for line in result.stderr.splitlines()), result.stderr


@settings(max_examples=cases(25))
@given(st.one_of(mutated_texts(ANSWERS_TEXTS), yaml_texts()))
def test_assess_exits_0_or_2_with_located_messages(tmp_path_factory, text: str) -> None:  # type: ignore[no-untyped-def]
    path: Path = tmp_path_factory.mktemp("fuzz") / "answers.yaml"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    check_exit(CliRunner().invoke(app, ["assess", str(path), "--format", "json"]))


@settings(max_examples=cases(15))
@given(mutated_texts(RUBRIC_TEXTS))
def test_assess_with_a_broken_rubric_exits_0_or_2(tmp_path_factory, text: str) -> None:  # type: ignore[no-untyped-def]
    folder: Path = tmp_path_factory.mktemp("fuzz")
    (folder / "rubric.yaml").write_text(text, encoding="utf-8")
    (folder / "answers.yaml").write_text("rubric: rubric.yaml\norganization: X\n"
                                         "date: 2026-01-01\n", encoding="utf-8")
    check_exit(CliRunner().invoke(app, ["assess", str(folder / "answers.yaml")]))
