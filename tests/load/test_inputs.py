"""`-` for standard input in every command that reads files, and folders in `validate` as in
`assess`: the same discovery for both."""

from __future__ import annotations

import json

import pytest

from cxmaturity.cli import app

from ..conftest import EXAMPLES, RUBRICS

HISTORY = EXAMPLES / "history"
OLD, NEW = HISTORY / "meridian-2026-01.yaml", HISTORY / "meridian-2026-04.yaml"


def test_validate_reads_standard_input(runner) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["validate", "-"], input=OLD.read_text())
    assert result.exit_code == 0
    assert result.stdout == "1 file checked: no problems\n"


def test_validate_names_standard_input_in_its_findings(runner) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["validate", "-"], input="organization: X\ndate: soon\n")
    assert result.exit_code == 2
    assert result.stdout.startswith("<stdin>:2:7: error: not a date (got 'soon') (date)")


def test_validate_takes_folders_as_assess_does(runner, write) -> None:  # type: ignore[no-untyped-def]
    write("answers/north/a.yaml", OLD.read_text())
    write("answers/.cxmaturity.yaml", "fail-under: 2\n")
    folder = write("answers/b.yml", NEW.read_text()).parent
    result = runner.invoke(app, ["validate", str(folder)])
    assert result.exit_code == 0  # the hidden policy file is not an answers file
    assert result.stdout == "2 files checked: no problems\n"
    assert runner.invoke(app, ["validate", str(EXAMPLES)]).stdout.endswith(
        "18 files checked: no problems\n")


def test_a_folder_without_answers_files_is_a_usage_error(runner, tmp_path) -> None:  # type: ignore[no-untyped-def]
    for command in ("validate", "assess"):
        result = runner.invoke(app, [command, str(tmp_path)])
        assert result.exit_code == 2
        assert result.stderr == (f"error: {tmp_path}: no *.yaml or *.yml files found; name "
                                 "the folder that holds the answers files\n")


def test_rubric_validate_reads_standard_input(runner) -> None:  # type: ignore[no-untyped-def]
    text = (RUBRICS / "ai-readiness-cohorts.yaml").read_text()
    result = runner.invoke(app, ["rubric", "validate", "-"], input=text)
    assert result.exit_code == 0 and result.stdout == "1 file checked: no problems\n"


def test_rubric_test_explains_why_it_cannot_read_standard_input(runner) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["rubric", "test", "-"], input="")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: -: a rubric's cases are found next to its file")


def test_compare_reads_either_side_from_standard_input(runner) -> None:  # type: ignore[no-untyped-def]
    files = runner.invoke(app, ["compare", str(OLD), str(NEW), "-f", "json"])
    for command in (["compare", str(OLD), "-"], ["compare", "-", str(NEW)]):
        given = NEW if command[-1] == "-" else OLD
        result = runner.invoke(app, [*command, "-f", "json"], input=given.read_text())
        assert result.exit_code == 0, result.stderr
        piped, named = json.loads(result.stdout), json.loads(files.stdout)
        side = "new" if command[-1] == "-" else "old"
        assert piped[side]["file"] == "<stdin>"
        piped[side]["file"] = named[side]["file"]
        assert piped == named


@pytest.mark.parametrize("command", [["compare", "-", "-"], ["assess", "-", "-"],
                                     ["validate", "-", "-"], ["assess", "-", str(EXAMPLES), "-"]])
def test_standard_input_is_read_once(runner, command: list[str]) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, command, input=NEW.read_text())
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == ("error: -: standard input can be read only once; give `-` for "
                             "one of the files\n")


def test_trend_reads_standard_input_among_files(runner) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["trend", str(OLD), "-", "-f", "json"], input=NEW.read_text())
    assert result.exit_code == 0, result.stderr
    assert [p["file"] for p in json.loads(result.stdout)["points"]] == [str(OLD), "<stdin>"]
