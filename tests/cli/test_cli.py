"""The command line: exit codes, streams, formats, version, help."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from cxmaturity import __version__
from cxmaturity.cli import app, assess
from cxmaturity.model.records import Outcome

from ..conftest import DATA, ROOT

MID = str(DATA / "answers" / "tiny-mid.yaml")


def test_scores_and_exits_0(runner) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["assess", MID])
    assert result.exit_code == 0, result.output
    assert "Level 2 of 3 · Mid" in result.stdout
    assert "◀ you are here" in result.stdout


def test_json_goes_to_stdout_and_only_json(runner) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["assess", MID, "--format", "json", "--fail-under", "3"])
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    assert document["schema_version"] == "2.0"
    assert document["tool_version"] == __version__
    assert document["rubric"]["id"] == "tiny" and len(document["rubric"]["sha256"]) == 64
    assert "gate failed" in result.stderr


def test_output_file_is_written_whole(runner, tmp_path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "out.json"
    result = runner.invoke(app, ["assess", MID, "-f", "json", "-o", str(target)])
    assert result.exit_code == 0 and result.stdout == ""
    assert json.loads(target.read_text())["overall"]["level"] == 2
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


@pytest.mark.parametrize(("level", "code"), [("1", 0), ("low", 0), ("Mid", 0), ("3", 1),
                                             ("High", 1), ("Level 1", 0), ("level  3", 1),
                                             ("Level 2 Mid", 0), ("level 2  mid ", 0),
                                             ("Level 2 High", 1),  # a name not its own
                                             ("Banana 1", 1), ("Levle 1", 1)])  # another word
def test_fail_under(runner, level: str, code: int) -> None:  # type: ignore[no-untyped-def]
    assert runner.invoke(app, ["assess", MID, "--fail-under", level]).exit_code == code


def test_fail_under_unknown_level_fails_the_gate_with_a_hint(runner) -> None:  # type: ignore[no-untyped-def]
    # A gate never passes a file it could not check; the file is still scored (docs/ci.md).
    result = runner.invoke(app, ["assess", MID, "--fail-under", "hgh"])
    assert result.exit_code == 1
    assert ('"hgh" is not a level of tiny; did you mean "high"?, or gate this rubric with '
            "--fail-under tiny=LEVEL") in result.stderr


def test_a_gate_on_insufficient_evidence_says_what_is_missing(runner, write) -> None:  # type: ignore[no-untyped-def]
    path = write("few.yaml", "rubric: contact-center-ai-maturity\norganization: X\n"
                 "date: 2026-01-01\nanswers:\n  ai-in-core: \"yes\"\n")
    result = runner.invoke(app, ["assess", str(path), "--fail-under", "1", "-f", "json"])
    assert result.exit_code == 1
    assert "evidence is insufficient for --fail-under 1: 2% of the rubric answered, 60% " \
        "needed" in result.stderr
    assert "is below 1" not in result.stderr


@pytest.mark.parametrize("command", [  # run elsewhere, so the rubric's folder is allowed
    ["assess", MID, "-f", "json", "--rubric-root", str(DATA)],
    ["compare", MID, MID, "-f", "json", "--rubric-root", str(DATA)], ["template"]])
def test_output_dash_is_standard_output(  # type: ignore[no-untyped-def]
        runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, [*command, "-o", "-"])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() and list(tmp_path.iterdir()) == []


def test_interview_refuses_standard_output(runner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["interview", "-o", "-"], input="")
    assert result.exit_code == 2 and "cannot write to standard output" in result.stderr


def test_an_empty_file_gets_the_advice_for_its_kind(runner, write) -> None:  # type: ignore[no-untyped-def]
    empty_answers = write("a/answers.yaml", "")
    assert "start from `cxmaturity template`" in runner.invoke(
        app, ["assess", str(empty_answers), "--no-config"]).stderr
    write("p/.cxmaturity.yaml", "")
    sites = write("p/site.yaml", Path(MID).read_text()).parent
    policy = runner.invoke(app, ["assess", str(sites)])
    assert policy.exit_code == 2 and "a policy file holds settings such as `fail_under: 2`" \
        in policy.stderr and "template" not in policy.stderr
    rubric = write("r/empty.yaml", "")
    checked = runner.invoke(app, ["rubric", "validate", str(rubric)])
    assert checked.exit_code == 2 and "start from a copy of a bundled rubric" in checked.stdout
    result = write("t/empty.json", "")
    trend = runner.invoke(app, ["trend", str(result), str(empty_answers)])
    assert trend.exit_code == 2 and "or a result of `cxmaturity assess --format json`" in \
        trend.stderr


def test_a_target_already_reached_is_said_not_silently_dropped(runner) -> None:  # type: ignore[no-untyped-def]
    example = str(ROOT / "examples" / "healthcare-level2.yaml")
    report = runner.invoke(app, ["assess", example, "--target", "2", "-f", "text",
                                 "--no-config"]).stdout
    assert "Level 2 is at or above the --target level, so there is no plan toward it;" \
        in " ".join(report.split())
    assert "Fewest changes to reach Level 3" in report and "What blocks" not in report
    for fmt in ("markdown", "html"):
        other = runner.invoke(app, ["assess", example, "--target", "2", "-f", fmt,
                                    "--no-config"]).stdout
        assert "is at or above the --target level, so there is no plan toward it" in other


def test_an_answers_file_with_a_schema_key_is_still_an_answers_file(runner, write) -> None:  # type: ignore[no-untyped-def]
    path = write("a.yaml", "$schema: answers.schema.json\nrubric: contact-center-ai-maturity\n"
                 "organization: X\ndate: 2026-01-01\n")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 2 and 'unknown key "$schema"' in result.stdout
    assert "JSON Schema" not in result.stdout


def test_bad_input_exits_2_without_traceback(runner, write) -> None:  # type: ignore[no-untyped-def]
    path = write("bad.yaml", "organization: X\ndate: 2026-01-01\nanswers: [\n")
    result = runner.invoke(app, ["assess", str(path)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "bad.yaml:4:1: invalid YAML" in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_file_exits_2(runner) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["assess", "does-not-exist.yaml"])
    assert result.exit_code == 2 and "does-not-exist.yaml: file not found" in result.stderr


def test_unexpected_error_is_a_bug_with_its_own_code(runner, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("cxmaturity.run.batch.score", boom)
    result = runner.invoke(app, ["assess", MID])
    assert result.exit_code == 70
    assert "internal error: cxmaturity hit a bug" in result.stderr


def test_version(runner) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout == f"cxmaturity {__version__}\n"


def test_python_dash_m() -> None:
    done = subprocess.run([sys.executable, "-m", "cxmaturity", "--version"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0 and done.stdout.startswith("cxmaturity ")


@pytest.mark.parametrize("command", [[], ["assess"]])
def test_help_shows_an_example(runner, command: list[str]) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0
    assert "cxmaturity assess examples/" in result.stdout


def test_a_reader_that_stops_early_is_not_a_bug() -> None:
    from ..conftest import EXAMPLES

    process = subprocess.Popen(
        [sys.executable, "-m", "cxmaturity", "assess", str(EXAMPLES), "-f", "jsonl", "-j", "1"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.read(100)
    process.stdout.close()
    errors = process.stderr.read().decode()
    assert process.wait(timeout=60) == 141
    assert "bug" not in errors and "Traceback" not in errors


def test_the_progress_bar_counts_the_files_before_scoring(runner, folder, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    asked: dict[str, int] = {}

    def wants(*, count: int, **_: bool) -> bool:
        asked["count"] = count
        return True

    def bar(outcomes: Iterable[Outcome], total: int) -> Iterator[Outcome]:
        asked["total"] = total
        seen = 0
        for outcome in outcomes:
            seen += 1
            yield outcome
        asked["seen"] = seen

    monkeypatch.setattr(assess, "wants_progress", wants)
    monkeypatch.setattr(assess, "_with_progress", bar)
    result = runner.invoke(app, ["assess", str(folder), str(folder / "north"), "-f", "jsonl"])
    assert result.exit_code == 2 and result.stdout.count("\n") == 11
    assert asked == {"count": 11, "total": 11, "seen": 11}


def test_config_and_no_config_together_is_a_usage_error(runner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["assess", MID, "--no-config", "--config",
                                 str(tmp_path / "missing.yaml")])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("error: --no-config: --config names a policy file and "
                                    "--no-config ignores policy files: give one of them")
    assert "Usage:" in result.stderr
