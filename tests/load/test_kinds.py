"""A file given to the wrong command gets one message naming the command that reads it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from cxmaturity.cli import app
from cxmaturity.load.kinds import kind_of
from cxmaturity.yaml.reader import read_yaml_file

from ..conftest import EXAMPLES, RUBRICS

RUBRIC = str(RUBRICS / "ai-readiness-cohorts.yaml")
ANSWERS = str(EXAMPLES / "retail-level1.yaml")


@pytest.mark.parametrize(("path", "kind"), [
    *((p, "rubric") for p in sorted(RUBRICS.glob("*.yaml"))),
    *((p, "answers") for p in sorted(EXAMPLES.rglob("*.yaml"))),
    *((p, "case") for p in sorted((RUBRICS / "cases").rglob("*.yaml"))),
])
def test_every_shipped_file_is_told_apart_by_its_shape(path: Path, kind: str) -> None:
    assert kind_of(read_yaml_file(str(path)).value) == kind


@pytest.mark.parametrize("value", [
    {"organisation": "X", "dait": "2026-01-01"}, {"schema_version": "1.0"}, [1], "text"])
def test_a_shape_of_no_kind_in_particular_is_left_to_its_own_errors(value: object) -> None:
    assert kind_of(value) is None


def _result(runner, tmp_path: Path, *command: str) -> Path:  # type: ignore[no-untyped-def]
    path = tmp_path / "result.json"
    assert runner.invoke(app, [*command, "-f", "json", "-o", str(path)]).exit_code == 0
    return path


def test_a_rubric_given_to_assess(runner) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["assess", RUBRIC])
    assert result.exit_code == 2
    assert result.stderr == (f"error: {RUBRIC}: this looks like a rubric, not an answers file; "
                             f"did you mean `cxmaturity rubric validate {RUBRIC}`?\n")


def test_a_rubric_given_to_validate(runner) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["validate", RUBRIC])
    assert result.exit_code == 2
    assert result.stdout.splitlines() == [
        f"{RUBRIC}: error: this looks like a rubric, not an answers file [kind]; did you mean "
        f"`cxmaturity rubric validate {RUBRIC}`?", "1 file checked: 1 error(s), 0 warning(s)"]


def test_an_answers_file_given_to_rubric_validate(runner) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["rubric", "validate", ANSWERS])
    assert result.exit_code == 2
    assert result.stdout.splitlines()[0] == (
        f"{ANSWERS}: error: this looks like an answers file, not a rubric [kind]; did you mean "
        f"`cxmaturity validate {ANSWERS}`?")


def test_a_result_given_to_assess_from_standard_input(runner, tmp_path) -> None:  # type: ignore[no-untyped-def]
    saved = _result(runner, tmp_path, "assess", ANSWERS)
    result = runner.invoke(app, ["assess", "-"], input=saved.read_text())
    assert result.exit_code == 2
    assert result.stderr == (
        "error: <stdin>: this looks like a result of `cxmaturity assess --format json`, not an "
        "answers file; `cxmaturity compare` and `cxmaturity trend` read results; to score "
        "again, give the answers file it came from\n")


def test_compare_names_both_kinds_it_reads(runner, tmp_path) -> None:  # type: ignore[no-untyped-def]
    saved = _result(runner, tmp_path, "compare", ANSWERS, ANSWERS)
    assert json.loads(saved.read_text())["old"]
    result = runner.invoke(app, ["compare", ANSWERS, str(saved)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {saved}: this looks like a result of `cxmaturity compare --format json`, not "
        "an answers file or a result of `cxmaturity assess --format json`; give the answers "
        "files or results it was made from\n")


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
@pytest.mark.parametrize("command", ["compare", "trend"])
def test_a_batch_given_to_compare_or_trend_says_what_they_read(runner, tmp_path, fmt: str,  # type: ignore[no-untyped-def]
                                                               command: str) -> None:
    batch = tmp_path / f"batch.{fmt}"
    assert runner.invoke(app, ["assess", ANSWERS, ANSWERS, "-f", fmt, "-o", str(batch)]
                         ).exit_code == 0
    result = runner.invoke(app, [command, str(batch), ANSWERS])
    assert result.exit_code == 2
    assert result.stderr.count("error:") == 1  # one message, not every key of a result
    assert result.stderr.startswith(
        f"error: {batch}: this looks like the results of several files (`cxmaturity assess` "
        "with --format json or jsonl), not an answers file or a result")
    assert result.stderr.endswith(
        "`compare` and `trend` read one assessment a file: give the answers files, or save each "
        "one's result (`cxmaturity assess FILE --format json -o FILE.json`); a batch's results "
        "are what `assess --baseline` reads\n")


def test_json_lines_are_told_by_their_content_piped_or_by_any_name(runner, tmp_path) -> None:  # type: ignore[no-untyped-def]
    lines = runner.invoke(app, ["assess", ANSWERS, str(EXAMPLES / "healthcare-level2.yaml"),
                                "-f", "jsonl"]).stdout
    named = tmp_path / "results.json"
    named.write_text(lines, encoding="utf-8")
    said = "this looks like the results of several files"
    assert said in runner.invoke(app, ["compare", str(named), ANSWERS]).stderr
    piped = runner.invoke(app, ["compare", "-", ANSWERS], input=lines)
    assert piped.exit_code == 2 and piped.stderr.startswith(f"error: <stdin>: {said}")


@pytest.mark.parametrize(("sent", "said"), [
    ("a: [\n", "invalid YAML"),
    ('{"schema_version": "2.0", "file": "a.yaml", "status": "error", "assessment": null}\n',
     "this looks like the results of several files")])
def test_a_named_pipe_is_read_once(tmp_path, sent: str, said: str) -> None:  # type: ignore[no-untyped-def]
    """Telling JSON lines by content must not open a pipe again: nothing would ever write to
    it, and the command would wait forever (the timeout only guards against that); what it
    read is what tells."""
    pipe = tmp_path / "answers.pipe"
    os.mkfifo(pipe)
    writer = threading.Thread(target=lambda: pipe.write_text(sent), daemon=True)
    writer.start()
    done = subprocess.run([sys.executable, "-m", "cxmaturity", "compare", str(pipe), ANSWERS],
                          capture_output=True, text=True, timeout=60, check=False)
    writer.join(timeout=10)
    assert done.returncode == 2
    assert said in done.stderr


def test_a_rubric_path_in_an_answers_file_that_names_answers(runner, write) -> None:  # type: ignore[no-untyped-def]
    path = write("a.yaml", f"rubric: {ANSWERS}\norganization: X\ndate: 2026-01-01\n")
    result = runner.invoke(app, ["assess", str(path)])
    assert result.exit_code == 2
    assert "this looks like an answers file, not a rubric" in result.stderr
