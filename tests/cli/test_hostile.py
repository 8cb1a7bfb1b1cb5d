"""The hostile corpus (tests/data/hostile/): inputs from others that steered the terminal, the
CI log, a spreadsheet or the file system (issue 11), one file per attack, the class in its
first line. Every answers file keeps every output format well-formed and inert; every
refused input is exit 2 with located problems that never repeat a file's content."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cxmaturity.cli import app
from cxmaturity.escape.controls import STEERING
from cxmaturity.report.formats import Format

from ..conftest import DATA
from ..output_checks import check_lines, check_output

HOSTILE = DATA / "hostile"
ANSWERS = sorted((HOSTILE / "answers").glob("*.yaml"))
SINGLE = [f for f in Format]
BATCH = [f for f in Format if f is not Format.html]


def _files(folder: str, pattern: str = "*") -> list[Path]:
    return sorted((HOSTILE / folder).glob(pattern))


def check_run(result) -> None:  # type: ignore[no-untyped-def]
    """Never a crash, and standard error is inert too."""
    assert result.exit_code in (0, 1, 2), result.output
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr
    check_lines(result.stderr)


@pytest.mark.parametrize("output_format", SINGLE, ids=str)
@pytest.mark.parametrize("answers", ANSWERS, ids=lambda p: p.stem)
def test_one_hostile_file_in_every_format(runner, answers: Path,  # type: ignore[no-untyped-def]
                                          output_format: Format) -> None:
    result = runner.invoke(app, ["assess", str(answers), "-f", output_format.value])
    check_run(result)
    check_output(output_format.value, result.stdout)


@pytest.mark.parametrize("output_format", BATCH, ids=str)
def test_the_hostile_folder_in_every_format(runner, output_format: Format) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["assess", str(HOSTILE / "answers"), "-f", output_format.value,
                                 "--fail-under", "3", "--max-age", "1"])
    check_run(result)
    assert result.exit_code == 2  # two files have unknown keys
    check_output(output_format.value, result.stdout)


@pytest.mark.parametrize("answers", _files("refused"), ids=lambda p: p.stem)
def test_refused_answers_are_located_errors(runner, answers: Path) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["assess", str(answers), "-f", "json"])
    check_run(result)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith(f"error: {answers}:")


@pytest.mark.parametrize("rubric", _files("rubrics-refused"), ids=lambda p: p.stem)
def test_rubrics_with_numbers_that_are_not_finite_are_refused(runner, rubric: Path) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["rubric", "validate", str(rubric), "--strict"])
    assert result.exit_code == 2
    assert f"{rubric}:" in result.stdout and "[schema]" in result.stdout
    assert "finite number" in result.stdout  # refused for its number, not another fault


@pytest.mark.parametrize("baseline", _files("baselines"), ids=lambda p: p.name)
def test_malformed_baselines_are_located_errors(runner, baseline: Path) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["assess", str(ANSWERS[0]), "-f", "json", "--baseline",
                                 str(baseline)])
    check_run(result)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith(f"error: {baseline}")
    # each is refused for its own fault, not for the schema version of the corpus
    assert ("is not supported" in result.stderr) is (baseline.stem == "other-schema")


@pytest.mark.parametrize("saved", _files("results"), ids=lambda p: p.stem)
@pytest.mark.parametrize("command", ["trend", "compare"])
def test_saved_results_off_their_ladder_are_located_errors(runner, saved: Path,  # type: ignore[no-untyped-def]
                                                           command: str) -> None:
    arguments = [str(saved)] if command == "trend" else [str(ANSWERS[0]), str(saved)]
    result = runner.invoke(app, [command, *arguments])
    check_run(result)
    assert result.exit_code == 2
    assert f"error: {saved}:" in result.stderr


def test_a_file_that_is_not_a_rubric_is_never_quoted(runner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # As reported: a rubric path pointing at a credentials file put its token in the errors.
    secret = "ghp_0123456789abcdefSECRET"
    for name, text in (("token.yaml", f"{secret}\n"), ("env.yaml", f"TOKEN: {secret}\n"),
                       ("list.yaml", f"- {secret}\n"), ("deep.yaml", f"id: [{secret}]\n")):
        (tmp_path / name).write_text(text)
        answers = tmp_path / f"uses-{name}"
        answers.write_text(f"rubric: {name}\norganization: X\ndate: 2026-01-01\n")
        for output_format in ("text", "json", "markdown", "csv", "github", "junit"):
            result = runner.invoke(app, ["assess", str(tmp_path), "-f", output_format])
            assert result.exit_code == 2
            assert secret not in result.output, (name, output_format)


def test_rubric_outside_the_repository_is_refused_and_a_root_allows_it(
        runner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    repository = tmp_path / "repo"
    (repository / ".git").mkdir(parents=True)
    rubric = tmp_path / "rubric.yaml"
    rubric.write_bytes((DATA / "rubrics" / "tiny.yaml").read_bytes())
    answers = repository / "a.yaml"
    answers.write_text("rubric: ../rubric.yaml\norganization: X\ndate: 2026-01-01\n")
    link = repository / "linked.yaml"
    link.symlink_to(rubric)
    (repository / "b.yaml").write_text("rubric: linked.yaml\norganization: X\ndate: 2026-01-01\n")
    for name in ("a.yaml", "b.yaml"):
        result = runner.invoke(app, ["assess", str(repository / name), "-f", "json"],
                               env={"CXMATURITY_RUBRIC_ROOT": None})
        assert result.exit_code == 2
        assert f"{repository / name}:1:9: the rubric lies outside {repository}" in result.stderr
        assert "`git init` in a folder above both makes that the repository" in result.stderr
    allowed = runner.invoke(app, ["assess", str(answers), "-f", "json", "--rubric-root",
                                  str(tmp_path)])
    assert allowed.exit_code == 0, allowed.output
    anywhere = runner.invoke(app, ["validate", str(answers)], env={"CXMATURITY_RUBRIC_ROOT": "/"})
    assert anywhere.exit_code == 0, anywhere.output


def test_a_rubric_that_is_a_pipe_is_refused_without_blocking(runner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / ".git").mkdir()
    os.mkfifo(tmp_path / "fifo.yaml")
    answers = tmp_path / "a.yaml"
    answers.write_text("rubric: fifo.yaml\norganization: X\ndate: 2026-01-01\n")
    result = runner.invoke(app, ["assess", str(answers)])
    assert result.exit_code == 2 and "the rubric is not a regular file" in result.stderr


def test_error_lines_show_controls_as_escapes(runner) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["assess", str(HOSTILE / "answers" / "keys-echoed.yaml")])
    assert result.exit_code == 2
    assert 'unknown question "[/x]\\x1b[2J"' in result.stderr
    assert not STEERING.search(result.stderr.replace("\n", ""))


HOSTILE_RUBRIC = HOSTILE / "rubrics" / "hostile.yaml"


def test_rubric_show_of_a_hostile_rubric(runner) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["rubric", "show", str(HOSTILE_RUBRIC)])
    check_run(result)
    assert result.exit_code == 0 and "[/x]Low\\x1b[2J" in result.stdout
    check_output("text", result.stdout)


def test_the_schema_and_template_of_a_hostile_rubric_are_inert(runner) -> None:  # type: ignore[no-untyped-def]
    """`schema answers --rubric` wrote a rubric's `##[`, bidi and C1 characters raw (a review)."""
    result = runner.invoke(app, ["schema", "answers", "--rubric", str(HOSTILE_RUBRIC)])
    assert result.exit_code == 0, result.output
    check_output("json", result.stdout)
    assert "Yes\\u009b31m" in result.stdout  # the same text to a JSON reader
    result = runner.invoke(app, ["template", "--rubric", str(HOSTILE_RUBRIC)])
    assert result.exit_code == 0, result.output
    check_lines(result.stdout)


@pytest.mark.parametrize("output_format", ["rich", "markdown", "json"])
@pytest.mark.parametrize("command", ["compare", "trend"])
def test_compare_and_trend_of_hostile_files(runner, tmp_path: Path, command: str,  # type: ignore[no-untyped-def]
                                            output_format: str) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "rubric.yaml").write_bytes(HOSTILE_RUBRIC.read_bytes())
    text = (HOSTILE / "answers" / "workflow-commands.yaml").read_text().replace(
        "../../rubrics/tiny.yaml", "rubric.yaml")
    for name, date in (("old.yaml", "2026-01-01"), ("new.yaml", "2026-04-01")):
        (tmp_path / name).write_text(text.replace("2026-01-01", date))
    result = runner.invoke(app, [command, str(tmp_path / "old.yaml"), str(tmp_path / "new.yaml"),
                                 "-f", output_format])
    check_run(result)
    assert result.exit_code == 0, result.output
    check_output({"rich": "text"}.get(output_format, output_format), result.stdout)


def test_an_interview_reply_is_never_read_as_markup(runner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "a.yaml"
    typed = "[/x] \x1b[2J\n\n2026-05-01\n[/b]\n[/x]\n::error::x\nq\n"
    result = runner.invoke(app, ["interview", "-o", str(out), "--rubric", str(HOSTILE_RUBRIC)],
                           input=typed)
    assert result.exit_code == 0, result.output
    check_lines(result.stdout)
    assert "'[/x]' is not a number" in result.stdout
