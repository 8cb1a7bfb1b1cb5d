"""`-o FILE` without `-f`: the format the extension names; a `-f` that the extension
contradicts wins, with a warning; an extension a command cannot write is an error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cxmaturity.cli import app

from ..conftest import DATA, EXAMPLES

MID = str(DATA / "answers" / "tiny-mid.yaml")
HISTORY = EXAMPLES / "history"


@pytest.mark.parametrize(("name", "starts"), [
    ("report.json", "{"), ("report.JSONL", '{"schema_version"'), ("report.csv", "schema_version,"),
    ("report.md", "# "), ("report.html", "<!doctype html>"), ("report.xml", "<?xml"),
    ("report.txt", "╭")])
def test_assess_writes_the_format_the_extension_names(runner, tmp_path: Path, name: str,
                                                      starts: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / name
    result = runner.invoke(app, ["assess", MID, "-o", str(path)], env={"CXMATURITY_FORMAT": ""})
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert path.read_text(encoding="utf-8").lstrip().lower().startswith(starts.lower())


def test_the_extension_beats_the_environment_default(runner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "report.json"
    result = runner.invoke(app, ["assess", MID, "-o", str(path)],
                           env={"CXMATURITY_FORMAT": "markdown", "GITHUB_ACTIONS": "true"})
    assert result.exit_code == 0
    assert json.loads(path.read_text())["overall"]["level"] == 2


def test_an_unknown_extension_keeps_the_default_and_says_so(runner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """`report.pdf` got plain text without a word (a newcomer's review)."""
    path = tmp_path / "report.pdf"
    result = runner.invoke(app, ["assess", MID, "-o", str(path)])
    assert result.exit_code == 0
    assert path.read_text(encoding="utf-8").startswith("╭")
    assert result.stderr.startswith(f"warning: {path}: cxmaturity writes no .pdf report, so it "
                                    "is written in the default format; --format chooses one")
    named = runner.invoke(app, ["assess", MID, "-f", "text", "-o", str(path)])
    assert named.exit_code == 0 and named.stderr == ""  # a format named is what was asked for
    plain = runner.invoke(app, ["assess", MID, "-o", str(tmp_path / "report")])
    assert plain.exit_code == 0 and plain.stderr == ""  # no extension: nothing to mistake


def test_an_explicit_format_wins_over_the_extension_with_a_warning(runner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "report.md"
    result = runner.invoke(app, ["assess", MID, "-f", "json", "-o", str(path)])
    assert result.exit_code == 0
    assert result.stderr == (f"warning: {path}: writing json as --format says, though the "
                             "extension is for markdown\n")
    assert json.loads(path.read_text())["overall"]["level"] == 2


@pytest.mark.parametrize("command", ["compare", "trend"])
def test_compare_and_trend_infer_too(runner, tmp_path: Path, command: str) -> None:  # type: ignore[no-untyped-def]
    files = [str(HISTORY / "meridian-2026-01.yaml"), str(HISTORY / "meridian-2026-04.yaml")]
    for name, check in (("out.json", lambda t: "schema_version" in json.loads(t)),
                        ("out.md", lambda t: t.startswith("#")),
                        ("out.txt", lambda t: t[:1].isalpha() and "Level" in t)):
        path = tmp_path / name
        result = runner.invoke(app, [command, *files, "-o", str(path)])
        assert result.exit_code == 0, result.stderr
        assert check(path.read_text(encoding="utf-8")), name


def test_an_extension_a_command_cannot_write_is_an_error(runner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "changes.html"
    files = [str(HISTORY / "meridian-2026-01.yaml"), str(HISTORY / "meridian-2026-04.yaml")]
    result = runner.invoke(app, ["compare", *files, "-o", str(path)])
    assert result.exit_code == 2
    assert result.stderr == (f"error: {path}: compare writes no html report; use --format "
                             "(rich, json, markdown) or another extension\n")
    assert not path.exists()
    assert runner.invoke(app, ["compare", *files, "-o", str(path), "-f", "markdown"]
                         ).exit_code == 0
