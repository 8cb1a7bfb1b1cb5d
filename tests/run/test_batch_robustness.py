"""The batch path under hostile folders: every good file gets its result, every bad one
exactly one error naming it, and nothing stops, loops or crashes the batch."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from cxmaturity.cli import app
from cxmaturity.load.inputs import collect_inputs
from cxmaturity.model.records import Outcome
from cxmaturity.run.batch import Settings, assess_one, run
from cxmaturity.yaml import reader
from cxmaturity.yaml.scalars import MAX_BYTES

from ..conftest import answers, cases

#: One file of each broken kind, and the start of the one error it must give.
BAD: dict[str, tuple[str, str]] = {
    "yaml": ("organization: X\ndate: [\n", "3:1: invalid YAML"),
    "schema": (answers(date="yesterday"), "3:7: not a date (got 'yesterday')"),
    "rubric": (answers().replace(answers().splitlines()[0], "rubric: nope-rubric"),
               '1:9: no bundled rubric with this id: "nope-rubric"'),
    "big": ("# " + "x" * MAX_BYTES + "\n", f"file is larger than {MAX_BYTES} bytes"),
}
#: Whole-file problems, which have no line to point at.
WHOLE_FILE = ("file is larger than", "not UTF-8", "cannot read file", "file not found")


def _good(index: int) -> str:
    return answers(d2="yes" if index % 2 else "no")


def _assess(runner: CliRunner, *args: str) -> Any:
    return runner.invoke(app, ["assess", *args, "--format", "jsonl", "--no-config", "--quiet"])


def _records(stdout: str) -> dict[str, dict[str, Any]]:
    return {r["file"]: r for r in map(json.loads, stdout.splitlines())}


def _errors(stderr: str) -> dict[str, list[str]]:
    """`error:` lines of standard error, by the file they name."""
    found: dict[str, list[str]] = {}
    for line in stderr.splitlines():
        assert line.startswith("error: "), line
        file, _, rest = line.removeprefix("error: ").partition(":")
        found.setdefault(file, []).append(rest.strip())
    return found


def _by_file(outcomes: list[Outcome]) -> dict[str, Outcome]:
    return {Path(o.file).name: o for o in outcomes}


def _check_one_error(outcome: Outcome, start: str) -> None:
    assert outcome.broken and len(outcome.problems) == 1, outcome.problems
    problem = outcome.problems[0]
    located = start if start[0].isdigit() else f" {start}"
    assert str(problem).startswith(f"{outcome.file}:{located}"), str(problem)
    assert problem.line is not None or problem.message.startswith(WHOLE_FILE)


# (1) good files among broken YAML, schema errors, an unknown rubric and an oversized file

def test_every_good_file_is_scored_and_every_bad_one_has_one_located_error(
        tmp_path: Path, runner: CliRunner) -> None:
    folder = tmp_path / "batch"
    (folder / "deep").mkdir(parents=True)
    for i in range(3):
        (folder / f"good-{i}.yaml").write_text(_good(i))
    (folder / "deep" / "good-3.yml").write_text(_good(3))
    for kind, (text, _) in BAD.items():
        (folder / f"bad-{kind}.yaml").write_text(text)
    result = _assess(runner, str(folder))
    assert result.exit_code == 2, result.output
    records = _records(result.stdout)
    scored = {Path(f).name for f, r in records.items() if r["status"] != "error"}
    assert scored == {"good-0.yaml", "good-1.yaml", "good-2.yaml", "good-3.yml"}
    assert all(r["assessment"]["rubric"]["id"] == "tiny"
               for r in records.values() if r["status"] != "error")
    errors = _errors(result.stderr)
    assert {Path(f).name for f in errors} == {f"bad-{kind}.yaml" for kind in BAD}
    for kind, (_, start) in BAD.items():
        [message] = errors[str(folder / f"bad-{kind}.yaml")]
        assert message.startswith(start), message
    outcomes = _by_file(list(run(collect_inputs([str(folder)]), Settings(), jobs=1)))
    for kind, (_, start) in BAD.items():
        _check_one_error(outcomes[f"bad-{kind}.yaml"], start)


# (2) an unreadable file

def _refuse(monkeypatch: pytest.MonkeyPatch, victim: Path) -> None:
    """Reading `victim` fails as if it were not readable (tests run as root in CI)."""
    real = open

    def fake_open(path: Any, *args: Any, **kwargs: Any) -> Any:
        if os.fspath(path) == str(victim):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(reader, "open", fake_open, raising=False)


def _unreadable_batch(tmp_path: Path) -> tuple[Path, Path]:
    for i in range(3):
        (tmp_path / f"site-{i}.yaml").write_text(_good(i))
    return tmp_path, tmp_path / "site-1.yaml"


def test_an_unreadable_file_gets_cannot_read_and_the_others_are_scored(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder, victim = _unreadable_batch(tmp_path)
    _refuse(monkeypatch, victim)
    outcomes = _by_file(list(run(collect_inputs([str(folder)]), Settings(), jobs=1)))
    _check_one_error(outcomes["site-1.yaml"], "cannot read file: Permission denied")
    assert not outcomes["site-0.yaml"].broken and not outcomes["site-2.yaml"].broken


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_an_unreadable_file_by_permissions(tmp_path: Path, runner: CliRunner) -> None:
    folder, victim = _unreadable_batch(tmp_path)
    victim.chmod(0)
    result = _assess(runner, str(folder))
    assert result.exit_code == 2
    assert _errors(result.stderr) == {str(victim): ["cannot read file: Permission denied"]}
    assert len(_records(result.stdout)) == 3


def test_an_unlistable_subfolder_is_reported_and_the_others_are_scored(
        tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "hidden-away.yaml").write_text(_good(0))
    (tmp_path / "open.yaml").write_text(_good(1))
    real = os.scandir

    def fake_scandir(path: Any = ".") -> Any:
        if os.fspath(path) == str(tmp_path / "locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", fake_scandir)
    result = _assess(runner, str(tmp_path))
    assert result.exit_code == 2, result.output
    assert _errors(result.stderr) == {
        str(tmp_path / "locked"): ["cannot read folder: Permission denied"]}
    assert [Path(f).name for f, r in _records(result.stdout).items()
            if r["status"] != "error"] == ["open.yaml"]


# (3) symbolic link loops

def test_symlink_loops_end_the_walk_and_the_loop_file_is_reported(
        tmp_path: Path, runner: CliRunner) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.yaml").write_text(_good(0))
    (tmp_path / "sub" / "b.yaml").write_text(_good(1))
    (tmp_path / "loop.yaml").symlink_to("loop.yaml")
    (tmp_path / "ping.yaml").symlink_to("pong.yaml")
    (tmp_path / "pong.yaml").symlink_to("ping.yaml")
    (tmp_path / "sub" / "up").symlink_to("..")
    (tmp_path / "sub" / "up.yaml").symlink_to("..")  # a link to a folder: not followed
    (tmp_path / "same.yaml").symlink_to("a.yaml")    # a link to a file: scored
    found = [str(Path(p).relative_to(tmp_path)) for p in collect_inputs([str(tmp_path)])]
    assert found == ["a.yaml", "loop.yaml", "ping.yaml", "pong.yaml", "same.yaml",
                     "sub/b.yaml"]
    result = _assess(runner, str(tmp_path))
    assert result.exit_code == 2, result.output
    looping = "cannot read file: Too many levels of symbolic links"
    assert _errors(result.stderr) == {str(tmp_path / n): [looping]
                                      for n in ("loop.yaml", "ping.yaml", "pong.yaml")}
    scored = {str(Path(f).relative_to(tmp_path)) for f, r in _records(result.stdout).items()
              if r["status"] != "error"}
    assert scored == {"a.yaml", "same.yaml", "sub/b.yaml"}


def test_a_loop_named_directly_is_a_clear_error(tmp_path: Path, runner: CliRunner) -> None:
    (tmp_path / "loop.yaml").symlink_to("loop.yaml")
    result = _assess(runner, str(tmp_path / "loop.yaml"))
    assert result.exit_code == 2
    assert result.stderr == (f"error: {tmp_path / 'loop.yaml'}: cannot read file: "
                             "Too many levels of symbolic links\n")


# (4) a directory named like a file

def test_a_folder_named_like_a_file_is_walked_not_reported(
        tmp_path: Path, runner: CliRunner) -> None:
    (tmp_path / "x.yaml").mkdir()
    (tmp_path / "x.yaml" / "inner.yaml").write_text(_good(0))
    (tmp_path / "top.yaml").write_text(_good(1))
    result = _assess(runner, str(tmp_path))
    assert result.exit_code == 0 and result.stderr == "", result.output
    assert sorted(_records(result.stdout)) == [str(tmp_path / "top.yaml"),
                                               str(tmp_path / "x.yaml" / "inner.yaml")]


def test_a_folder_named_like_a_file_where_a_file_is_needed_is_a_clear_error(
        tmp_path: Path, runner: CliRunner) -> None:
    (tmp_path / "empty.yaml").mkdir()
    result = _assess(runner, str(tmp_path / "empty.yaml"))
    assert result.exit_code == 2
    assert f"{tmp_path / 'empty.yaml'}: no *.yaml or *.yml files found" in result.stderr
    (tmp_path / "rubric.yaml").mkdir()
    (tmp_path / "answers.yaml").write_text(answers(tmp_path / "rubric.yaml"))
    result = _assess(runner, str(tmp_path / "answers.yaml"))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {tmp_path / 'answers.yaml'}:1:9: the rubric is a "
                                    f'folder, not a file: "{tmp_path / "rubric.yaml"}"')
    assert "Traceback" not in result.output
    outcome = assess_one(str(tmp_path / "empty.yaml"), Settings())
    assert [str(p) for p in outcome.problems] == [
        f"{tmp_path / 'empty.yaml'}: is a directory, not a file"]


# (5) files that vanish or change while the batch runs

def test_a_file_deleted_after_collection_is_not_found_and_the_others_scored(
        tmp_path: Path) -> None:
    for i in range(3):
        (tmp_path / f"site-{i}.yaml").write_text(_good(i))
    inputs = collect_inputs([str(tmp_path)])
    (tmp_path / "site-1.yaml").unlink()
    outcomes = _by_file(list(run(inputs, Settings(), jobs=1)))
    _check_one_error(outcomes["site-1.yaml"], "file not found")
    assert not outcomes["site-0.yaml"].broken and not outcomes["site-2.yaml"].broken


def _truncating(victim: Path, size: int) -> Callable[[str, str], bytes]:
    real = reader.read_limited

    def read(path: str, shown: str) -> bytes:
        raw = real(path, shown)
        return raw[:size] if path == str(victim) else raw

    return read


def test_a_file_changing_while_read_gives_a_located_error_or_a_consistent_score(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Cut the file at every few bytes (as if it were being rewritten while read): each cut
    gives the outcome that file would give had it been cut on disk, and only that file."""
    text = answers().replace("organization: Org", "organization: Café Señor")
    victim = tmp_path / "changing.yaml"
    for i in range(2):
        (tmp_path / f"other-{i}.yaml").write_text(_good(i))
    full = text.encode()
    victim.write_bytes(full)
    inputs = collect_inputs([str(tmp_path)])
    kinds = set()
    for size in [*range(0, len(full), 3), 40, 41]:
        victim.write_bytes(full)
        with monkeypatch.context() as patch:
            patch.setattr(reader, "read_limited", _truncating(victim, size))
            outcomes = _by_file(list(run(inputs, Settings(), jobs=1)))
        assert not outcomes["other-0.yaml"].broken and not outcomes["other-1.yaml"].broken
        changed = outcomes["changing.yaml"]
        victim.write_bytes(full[:size])
        assert changed == assess_one(str(victim), Settings()), size
        for problem in changed.problems:
            assert problem.file == str(victim)
            assert problem.line is not None or problem.message.startswith(WHOLE_FILE), problem
        kinds.add("scored" if not changed.broken else changed.problems[0].message.split()[0])
    assert "scored" in kinds and len(kinds) >= 3, kinds  # some cuts score, others fail


# (6) random mixes of good and bad files

KINDS = ["good", "good", *BAD, "loop", "gone"]


def _build(folder: Path, kinds: list[str]) -> set[str]:
    """Write one file per kind; the names of the good ones."""
    good = set()
    for i, kind in enumerate(kinds):
        path = folder / f"{i % 3}" / f"f{i:02d}-{kind}.yaml"
        path.parent.mkdir(exist_ok=True)
        if kind == "good":
            path.write_text(_good(i))
            good.add(str(path))
        elif kind == "loop":
            path.symlink_to(path.name)
        elif kind == "gone":
            path.symlink_to("nowhere.yaml")  # a dangling link: not an answers file
        else:
            path.write_text(BAD[kind][0])
    return good


@settings(max_examples=cases(15))
@given(st.lists(st.sampled_from(KINDS), min_size=1, max_size=8))
def test_exactly_the_good_files_are_scored(kinds: list[str]) -> None:
    runner = CliRunner()
    with tempfile.TemporaryDirectory() as tmp:
        good = _build(Path(tmp), kinds)
        result = _assess(runner, tmp, "--jobs", "1")
        if set(kinds) == {"gone"}:  # nothing to score at all: a usage error
            assert result.exit_code == 2 and "no *.yaml or *.yml files" in result.stderr
            return
        records = _records(result.stdout)
        assert {f for f, r in records.items() if r["status"] != "error"} == good
        bad = {f for f, r in records.items() if r["status"] == "error"}
        assert bad == set(_errors(result.stderr)) and len(bad) == kinds.count("loop") + sum(
            kinds.count(k) for k in BAD)
        assert all(len(lines) == 1 for lines in _errors(result.stderr).values())
        assert result.exit_code == (2 if bad else 0 if good else 2), result.output


@settings(max_examples=cases(2))
@given(st.lists(st.sampled_from(KINDS[:-1]), min_size=8, max_size=10))
def test_output_is_the_same_with_one_process_or_two(kinds: list[str]) -> None:
    """At least 8 files, so two processes do score them (see `batch.run`)."""
    runner = CliRunner()
    with tempfile.TemporaryDirectory() as tmp:
        _build(Path(tmp), kinds)
        one = _assess(runner, tmp, "--jobs", "1")
        two = _assess(runner, tmp, "--jobs", "2")
    assert one.exit_code == two.exit_code
    assert (one.stdout, one.stderr) == (two.stdout, two.stderr)
    assert len(one.stdout.splitlines()) == len(kinds)
