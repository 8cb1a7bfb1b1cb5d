"""The README's batch and check examples and docs/ci.md's policy file are what the tool really
does."""

from __future__ import annotations

import re

from cxmaturity.cli import app
from cxmaturity.run.policy import Policy, load_policy

from .conftest import ROOT


def _block(text: str, opening: str) -> str:
    match = re.search(rf"```{opening}\n(.*?)```", text, re.S)
    assert match, f"no ```{opening} block"
    return match.group(1)


def test_readme_batch_example_is_real_output(runner, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    section = (ROOT / "README.md").read_text(encoding="utf-8").split(
        "## Many files, CI and gates")[1]
    console = _block(section, "console").splitlines()
    command = console[0].removeprefix("$ cxmaturity ").split()
    expected = console[1:console.index("$ echo $?")]
    monkeypatch.chdir(ROOT)
    result = runner.invoke(app, command)
    assert result.exit_code == int(console[-1])
    assert result.stdout.splitlines() == expected


def test_policy_example_in_docs_is_valid(write) -> None:  # type: ignore[no-untyped-def]
    docs = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    policy = load_policy(write(".cxmaturity.yaml", _block(docs, "yaml")))
    assert policy == Policy.model_validate({
        "format": "markdown", "jobs": 4, "fail-under": "2",
        "fail-under-dimension": {"data": "2", "channels": "ai-bolt-on"},
        "min-confidence": "60%", "max-age": 365, "baseline": "ci/baseline.jsonl",
        "fail-on-regression": True,
        "rubrics": {"ai-readiness-cohorts": {"fail-under": "2",
                                             "fail-under-dimension": {"data": "2"}}}})


def test_readme_check_example_is_real_output(runner, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    section = (ROOT / "README.md").read_text(encoding="utf-8").split("## Check it")[1]
    console = _block(section, "console").splitlines()
    command = console.index("$ cxmaturity validate answers.yaml")
    (tmp_path / "answers.yaml").write_text("\n".join(console[1:command]) + "\n")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["validate", "answers.yaml"])
    assert result.exit_code == 2
    assert result.stdout.splitlines() == console[command + 1:]
