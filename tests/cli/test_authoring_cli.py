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
