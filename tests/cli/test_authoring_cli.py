"""Help, shell completion and pre-commit hooks of the authoring commands."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from cxmaturity.cli import app

from ..conftest import ROOT

SCRIPT = str(Path(sys.executable).parent / "cxmaturity")
COMMANDS = [["rubric", "list"], ["rubric", "show"], ["rubric", "validate"], ["rubric", "test"],
            ["schema"], ["template"], ["validate"], ["interview"]]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_help_has_an_epilog_with_examples(runner, command: list[str]) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0
    assert "Examples" in result.stdout
    assert f"cxmaturity {command[0]}" in result.stdout


@pytest.mark.skipif(not Path(SCRIPT).exists(), reason="the cxmaturity script is not installed")
def test_shell_completion_offers_bundled_rubric_ids() -> None:
    env = {**os.environ, "_CXMATURITY_COMPLETE": "complete_bash",
           "COMP_WORDS": "cxmaturity rubric show contact", "COMP_CWORD": "3"}
    done = subprocess.run([SCRIPT], env=env, capture_output=True, text=True, check=False)
    assert "contact-center-ai-maturity" in done.stdout.split()


@pytest.mark.skipif(not Path(SCRIPT).exists(), reason="the cxmaturity script is not installed")
def test_shell_completion_completes_commands() -> None:
    env = {**os.environ, "_CXMATURITY_COMPLETE": "complete_bash",
           "COMP_WORDS": "cxmaturity rubric v", "COMP_CWORD": "2"}
    done = subprocess.run([SCRIPT], env=env, capture_output=True, text=True, check=False)
    assert done.stdout.split() == ["validate"]


def test_pre_commit_hooks_run_real_commands(runner) -> None:  # type: ignore[no-untyped-def]
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert {h["id"] for h in hooks} == {"cxmaturity-rubric", "cxmaturity-rubric-test",
                                        "cxmaturity-answers"}
    for hook in hooks:
        assert hook["language"] == "python"
        words = hook["entry"].split()
        assert words[0] == "cxmaturity"
        assert runner.invoke(app, [*words[1:], "--help"]).exit_code == 0


def test_pre_commit_hooks_pass_on_this_repository(runner) -> None:  # type: ignore[no-untyped-def]
    import re

    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    tracked = [str(p.relative_to(ROOT)) for folder in ("rubrics", "examples")
               for p in (ROOT / folder).rglob("*.yaml")]
    for hook in hooks:
        files = [str(ROOT / f) for f in tracked if re.search(hook["files"], f)]
        assert files, hook["id"]
        result = runner.invoke(app, [*hook["entry"].split()[1:], *files])
        assert result.exit_code == 0, (hook["id"], result.stdout)


@pytest.mark.parametrize(("make", "hint"), [
    ("file", "there is a file named mymodel here: to read it as a rubric, write it as a path, "
             "./mymodel"),
    ("folder", "mymodel is a folder here: name the rubric's .yaml file in it"),
    (None, "bundled rubrics: "),
])
def test_a_name_that_is_not_a_bundled_id_says_what_it_is_here(  # type: ignore[no-untyped-def]
        runner, tmp_path: Path, monkeypatch, make: str | None, hint: str) -> None:
    monkeypatch.chdir(tmp_path)
    if make == "file":
        (tmp_path / "mymodel").write_text((ROOT / "rubrics" / "ai-readiness-cohorts.yaml")
                                          .read_text(encoding="utf-8"), encoding="utf-8")
    elif make == "folder":
        (tmp_path / "mymodel").mkdir()
    result = runner.invoke(app, ["rubric", "show", "mymodel"])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: mymodel: no bundled rubric with this id; {hint}")
    if make == "file":
        assert runner.invoke(app, ["rubric", "show", "./mymodel"]).exit_code == 0


def test_a_missing_rubric_path_is_relative_to_where_it_was_named(  # type: ignore[no-untyped-def]
        runner, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["rubric", "show", "models/nosuch.yaml"])
    assert result.exit_code == 2
    assert result.stderr == ("error: models/nosuch.yaml: rubric file not found; check the path "
                             "(relative to the current folder)\n")
    absolute = tmp_path / "nosuch.yaml"
    result = runner.invoke(app, ["rubric", "show", str(absolute)])
    assert result.stderr == f"error: {absolute}: rubric file not found; check the path\n"
    (tmp_path / "a.yaml").write_text("rubric: models/nosuch.yaml\norganization: X\n"
                                     "date: 2026-01-01\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", "a.yaml"])
    assert result.exit_code == 2
    assert "rubric file not found" in result.stdout + result.stderr
    assert "paths are relative to the answers file" in result.stdout + result.stderr
