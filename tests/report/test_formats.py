"""`assess` over many files: every format, the default format, gates, baselines, policy."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from cxmaturity.cli import app
from cxmaturity.model.result import SCHEMA_VERSION
from cxmaturity.report.formats import ASSESS, COMPARE, TREND, Format, Renderer, Reporter, reporter
from cxmaturity.report.formats import Context as ReportContext

from ..conftest import EXAMPLES, ROOT, answers


def _check_json(text: str) -> None:
    document = json.loads(text)
    assert document["schema_version"] == "2.0" and document["tool_version"]
    assert [r["status"] for r in document["results"]].count("error") == 1
    assert document["summary"] == {"files": 11, "broken": 1, "gated": 0, "exit_code": 2}


def _check_jsonl(text: str) -> None:
    records = [json.loads(line) for line in text.splitlines()]
    assert len(records) == 11
    scored = [r for r in records if r["status"] != "error"]
    assert scored[0]["assessment"]["rubric"]["id"] == "tiny"
    assert len(scored[0]["assessment"]["rubric"]["sha256"]) == 64


def _check_csv(text: str) -> None:
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 11 and rows[0]["rubric"] == "tiny" and rows[0]["tools"] == "2"
    assert [r["status"] for r in rows].count("error") == 1


def _check_junit(text: str) -> None:
    suite = ET.fromstring(text).find("testsuite")
    assert suite is not None and suite.get("errors") == "1"
    assert len(suite.findall("testcase")) == 11


def _check_markdown(text: str) -> None:
    rows = [line for line in text.splitlines() if line.startswith("| `")]
    assert len(rows) == 11 and "**11 files, 10 scored, 1 with errors.**" in text


def _check_github(text: str) -> None:
    errors = [line for line in text.splitlines() if line.startswith("::error ")]
    assert len(errors) == 1 and "broken.yaml,line=3,col=1," in errors[0]


def _check_lines(text: str) -> None:
    assert text.splitlines()[-1] == "11 files: 10 scored, 1 with errors"


def _check_html(text: str) -> None:
    assert text == ""  # a page shows one assessment: a folder is a usage error


CHECKS = {"html": _check_html, "json": _check_json, "jsonl": _check_jsonl, "csv": _check_csv,
          "junit": _check_junit, "markdown": _check_markdown, "github": _check_github,
          "rich": _check_lines, "text": _check_lines}


def test_every_format_has_a_reporter_and_a_check() -> None:
    assert set(ASSESS) == set(Format) and set(CHECKS) == {f.value for f in Format}
    for output_format in Format:
        assert isinstance(reporter(output_format, ReportContext()), Reporter)


def test_compare_and_trend_formats_load_renderers() -> None:
    for registry in (COMPARE, TREND):
        assert set(registry) == {Format.rich, Format.json, Format.markdown}
        for load in registry.values():
            assert issubclass(load(), Renderer)


@pytest.mark.parametrize("output_format", list(Format))
def test_every_format_reports_the_whole_batch(runner, folder: Path,
                                               output_format: Format) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["assess", str(folder), "-f", output_format.value, "-j", "2"])
    assert result.exit_code == 2, result.output
    assert ("broken.yaml:3:1: invalid YAML" in result.stderr) is (
        output_format is not Format.html)
    CHECKS[output_format.value](result.stdout)


def test_html_of_a_folder_says_what_to_use_instead(runner, folder: Path) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["assess", str(folder), "-f", "html"])
    assert result.exit_code == 2
    assert ("error: --format html: an HTML report shows one assessment; name one answers "
            "file, or use --format markdown or csv for a folder") in result.stderr


@pytest.mark.parametrize(("output_format", "opening"), [("html", "<!DOCTYPE html>"),
                                                         ("markdown", "# ")])
def test_one_file_gets_the_full_document(runner, write, output_format: str,  # type: ignore[no-untyped-def]
                                         opening: str) -> None:
    result = runner.invoke(app, ["assess", str(write("a.yaml", answers())), "-f",
                                 output_format])
    assert result.exit_code == 0, result.output
    assert result.stdout.lstrip().startswith(opening) and "Org" in result.stdout


def test_output_file_is_written_whole(runner, folder: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "out" / "results.jsonl"
    target.parent.mkdir()
    result = runner.invoke(app, ["assess", str(folder), "-f", "jsonl", "-o", str(target)])
    assert result.exit_code == 2 and result.stdout == ""
    _check_jsonl(target.read_text())
    assert [p.name for p in target.parent.iterdir()] == ["results.jsonl"]


@pytest.mark.parametrize(("environ", "expected"), [
    ({"CXMATURITY_FORMAT": "csv"}, "schema_version,"),
    ({"GITHUB_ACTIONS": "true"}, "cxmaturity "),
    ({"CXMATURITY_FORMAT": "jsonl", "GITHUB_ACTIONS": "true"}, '{"schema_version"'),
    ({}, "Test"),
])
def test_default_format(runner, write, environ: dict[str, str], expected: str) -> None:  # type: ignore[no-untyped-def]
    path = write("a.yaml", answers().replace("Org", "Test"))
    result = runner.invoke(app, ["assess", str(path)], env=environ)
    assert result.exit_code == 0, result.output
    assert result.stdout.lstrip("╭─ ").startswith(expected) or expected in result.stdout


def test_unknown_default_format_is_a_usage_error(runner, write) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["assess", str(write("a.yaml", answers()))],
                           env={"CXMATURITY_FORMAT": "yml"})
    assert result.exit_code == 2
    assert 'unknown format "yml"; use one of: rich, text, json' in result.stderr


def test_stdin(runner) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["assess", "-", "-f", "csv"], input=answers())
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1].startswith("2.0,0.1.0,<stdin>,scored,Org,")


@pytest.mark.parametrize(("options", "code", "message"), [
    (["--fail-under", "mid"], 1, "overall level 1 is below mid"),
    (["--fail-under-dimension", "data=high"], 1, "dimension data is at level 1, below high"),
    (["--fail-under-dimension", "tools=2"], 0, ""),
    (["--fail-under-dimension", "dta=2"], 1, '"dta" is not a dimension of tiny; did you mean '
     '"data"?'),
    (["--fail-under-dimension", "data"], 2, '"data" is not ID=LEVEL'),
    (["--min-confidence", "100%"], 0, ""),
    (["--min-confidence", "150"], 2, "'150' is outside 0-100%"),
    (["--max-age", "30"], 1, "assessment dated 2020-01-01 is"),
    (["--fail-on-regression"], 2, "needs a baseline"),
])
def test_gates(runner, write, options: list[str], code: int, message: str) -> None:  # type: ignore[no-untyped-def]
    path = write("a.yaml", answers(date="2020-01-01" if "--max-age" in options else
                                   "2026-05-01"))
    result = runner.invoke(app, ["assess", str(path), "-f", "json", *options])
    assert result.exit_code == code, result.output
    assert message in result.stderr


def test_batch_formats_keep_saying_a_level_is_provisional_when_a_gate_fails(runner, write) -> None:  # type: ignore[no-untyped-def]
    few = write("few.yaml", "rubric: contact-center-ai-maturity\norganization: X\n"
                "date: 2026-11-01\nanswers:\n  ai-in-core: \"yes\"\n")
    other = write("other.yaml", answers())
    github = runner.invoke(app, ["assess", str(few), str(other), "-f", "github"]).stdout
    assert f"{few}: Level 3 AI-Native, confidence 2%, insufficient evidence (rubric " in github
    markdown = runner.invoke(app, ["assess", str(few), str(other), "-f", "markdown",
                                   "--fail-under", "contact-center-ai-maturity=4"]).stdout
    row = next(line for line in markdown.splitlines() if line.startswith(f"| `{few}`"))
    assert "| ❌ fail-under: evidence is insufficient" in row
    assert row.endswith(" ⚠️ insufficient evidence |")


def test_max_age_points_at_the_date_line(runner, write) -> None:  # type: ignore[no-untyped-def]
    path = write("a.yaml", answers(date="2020-01-01"))
    result = runner.invoke(app, ["assess", str(path), "-f", "github", "--max-age", "30"])
    assert result.exit_code == 1
    assert f"::error file={path},line=3,col=7,title=cxmaturity gate max-age::" in result.stdout


def test_regression_against_a_baseline(runner, write, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write("sites/a.yaml", answers(d2="yes"))
    write("sites/b.yaml", answers())
    before = tmp_path / "before.jsonl"
    assert runner.invoke(app, ["assess", str(path.parent), "-f", "jsonl", "-o",
                               str(before)]).exit_code == 0
    write("sites/a.yaml", answers(d2="no"))
    result = runner.invoke(app, ["assess", str(path.parent), "-f", "junit", "--baseline",
                                 str(before), "--fail-on-regression"])
    assert result.exit_code == 1, result.output
    assert f"gate failed: {path}: dimension data dropped from level 3 to 1" in result.stderr
    failures = ET.fromstring(result.stdout).findall(".//failure")
    assert len(failures) == 1 and "overall level dropped from 3 to 1" in (
        failures[0].get("message") or "")
    # GitHub shows the first ten error annotations of a step: one per file and gate
    github = runner.invoke(app, ["assess", str(path.parent), "-f", "github", "--baseline",
                                 str(before)])
    assert [line for line in github.stdout.splitlines() if line.startswith("::error")] == [
        f"::error file={path},line=1,title=cxmaturity gate regression::overall level dropped "
        "from 3 to 1; dimension data dropped from level 3 to 1"]


@pytest.mark.parametrize("name", ["before.ndjson", "BEFORE.JSONL"])
def test_a_baseline_of_json_lines_by_any_of_its_names(runner, write, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                      name: str) -> None:
    """`-o x.ndjson` writes JSON lines, so `--baseline x.ndjson` reads them; and a record
    longer than the largest answers file (its text escaped) still fits a line."""
    path = write("sites/a.yaml", answers(d2="yes"))
    before = tmp_path / name
    assert runner.invoke(app, ["assess", str(path.parent), "-f", "jsonl", "-o",
                               str(before)]).exit_code == 0
    record = json.loads(before.read_text(encoding="utf-8"))
    record["assessment"]["organization"] = '"' * 1_000_000  # 2 MB once escaped
    before.write_text(json.dumps(record) + "\n", encoding="utf-8")
    write("sites/a.yaml", answers(d2="no"))
    result = runner.invoke(app, ["assess", str(path.parent), "--baseline", str(before),
                                 "-f", "csv"])
    assert result.exit_code == 1, result.stderr  # read, and the drop found
    assert "dimension data dropped from level 3 to 1" in result.stderr


def test_a_baseline_folder_finds_json_lines_by_their_names_in_any_case(  # type: ignore[no-untyped-def]
        runner, write, tmp_path: Path) -> None:
    path = write("sites/a.yaml", answers(d2="yes"))
    folder = tmp_path / "baselines"
    folder.mkdir()
    empty = runner.invoke(app, ["assess", str(path), "--baseline", str(folder)])
    assert empty.exit_code == 2
    assert empty.stderr.startswith(f"error: {folder}: the baseline folder holds no .json, "
                                   ".jsonl or .ndjson file")
    (folder / "notes.txt").write_text("not a baseline\n", encoding="utf-8")
    assert runner.invoke(app, ["assess", str(path.parent), "-f", "jsonl", "-o",
                               str(folder / "Base.NDJson")]).exit_code == 0
    write("sites/a.yaml", answers(d2="no"))
    result = runner.invoke(app, ["assess", str(path.parent), "--baseline", str(folder),
                                 "-f", "csv"])
    assert result.exit_code == 1, result.stderr
    assert "dimension data dropped from level 3 to 1" in result.stderr


def test_a_comparison_given_as_the_baseline_is_named_as_such(runner, write, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write("a.yaml", answers())
    saved = tmp_path / "comparison.json"
    assert runner.invoke(app, ["compare", str(path), str(path), "-f", "json", "-o",
                               str(saved)]).exit_code == 0
    result = runner.invoke(app, ["assess", str(path), "--baseline", str(saved)])
    assert result.exit_code == 2
    assert result.stderr == (f"error: {saved}: this looks like a result of `cxmaturity compare "
                             "--format json`, not results of `cxmaturity assess`; a baseline is "
                             "the JSON or JSONL output of `cxmaturity assess`\n")


def test_a_baseline_line_that_is_not_utf8_is_located(runner, write, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    baseline = tmp_path / "before.jsonl"
    # a line separator (U+2028) is text in JSON, not a line break: the column counts on
    baseline.write_bytes('\n{"file": "ab\u2028cd'.encode() + b'\xe9"}\n')
    result = runner.invoke(app, ["assess", str(write("a.yaml", answers())), "--baseline",
                                 str(baseline)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {baseline}:2:16: not UTF-8 text (byte 0xE9); a "
                                    "baseline is the JSON or JSONL output of `cxmaturity "
                                    "assess`")


def test_baseline_that_is_not_json(runner, write) -> None:  # type: ignore[no-untyped-def]
    path = write("a.yaml", answers())
    old = write("old.json", '{"results": [\n  {oops}\n]}')
    result = runner.invoke(app, ["assess", str(path), "--baseline", str(old),
                                 "--fail-on-regression"])
    assert result.exit_code == 2
    assert f"error: {old}:2:4: invalid JSON" in result.stderr


def test_an_answers_file_given_as_the_baseline_is_named_as_such(runner, write) -> None:  # type: ignore[no-untyped-def]
    path = write("a.yaml", answers())
    result = runner.invoke(app, ["assess", str(path), "--baseline", str(path)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {path}: this looks like an answers file, not a "
                                    "result of `cxmaturity assess --format json` or the results "
                                    "of several files (`cxmaturity assess` with --format json or "
                                    "jsonl); a baseline is the JSON or JSONL output of "
                                    "`cxmaturity assess`: score the answers first")


def test_policy_file_is_found_upwards_and_its_paths_are_relative_to_it(  # type: ignore[no-untyped-def]
        runner, write, tmp_path: Path, monkeypatch) -> None:
    path = write("repo/sites/a.yaml", answers())
    write("repo/baseline/main.json", json.dumps(
        {"schema_version": SCHEMA_VERSION, "file": "a.yaml", "overall": {"level": 2},
         "dimensions": []}))
    write("repo/.cxmaturity.yaml", "format: csv\nfail-under: 1\nmin-confidence: 50%\n"
          "baseline: baseline/main.json\nfail-on-regression: true\n")
    monkeypatch.chdir(path.parent)
    result = runner.invoke(app, ["assess", "a.yaml"], env={"CXMATURITY_RUBRIC_ROOT": str(ROOT)})
    assert result.exit_code == 1, result.output
    assert result.stdout.startswith("schema_version,")
    assert "gate failed: a.yaml: overall level dropped from 2 to 1" in result.stderr


def test_policy_file_errors_are_located(runner, write) -> None:  # type: ignore[no-untyped-def]
    policy = write("policy.yaml", "fail-under: 2\nfail-on-regresion: true\n")
    result = runner.invoke(app, ["assess", str(write("a.yaml", answers())), "--config",
                                 str(policy)])
    assert result.exit_code == 2
    assert (f'error: {policy}:2:1: unknown key "fail-on-regresion" (fail-on-regresion); '
            'did you mean "fail-on-regression"?') in result.stderr


@pytest.mark.parametrize(("text", "said"), [
    # would turn the regression gate off in silence
    ('baseline: ""\n', "1:11: an empty path names no baseline"),
    ('rubrics:\n  "": {fail-under: 3}\n', "2:3: an empty rubric id gates no rubric"),
])
def test_empty_names_in_a_policy_are_errors(runner, write, text: str, said: str) -> None:  # type: ignore[no-untyped-def]
    policy = write("policy.yaml", text)
    result = runner.invoke(app, ["assess", str(write("a.yaml", answers())), "--config",
                                 str(policy)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {policy}:{said}")


def test_a_policy_asking_for_a_regression_gate_without_a_baseline_is_named(runner, write) -> None:  # type: ignore[no-untyped-def]
    policy = write("policy.yaml", "fail-on-regression: true\n")
    result = runner.invoke(app, ["assess", str(write("a.yaml", answers())), "--config",
                                 str(policy)])
    assert result.exit_code == 2
    assert result.stderr == (f"error: {policy}: `fail-on-regression: true` needs a baseline to "
                             "compare with; add `baseline:` to this policy, or pass "
                             "--baseline OLD.json\n")


def test_no_config_ignores_the_policy_file(runner, write, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    path = write("repo/a.yaml", answers())
    write("repo/.cxmaturity.yaml", "fail-under: high\n")
    monkeypatch.chdir(path.parent)
    rubrics = {"CXMATURITY_RUBRIC_ROOT": str(ROOT)}
    assert runner.invoke(app, ["assess", "a.yaml", "-f", "json"], env=rubrics).exit_code == 1
    assert runner.invoke(app, ["assess", "a.yaml", "-f", "json", "--no-config"],
                         env=rubrics).exit_code == 0


def test_identical_output_whatever_the_jobs(runner, folder: Path) -> None:  # type: ignore[no-untyped-def]
    outputs = {jobs: runner.invoke(app, ["assess", str(folder), "-f", "jsonl", "-j", jobs]).stdout
               for jobs in ("1", "2")}
    assert outputs["1"] == outputs["2"] and outputs["1"].count("\n") == 11


@pytest.mark.parametrize(("quiet", "count", "stderr_terminal", "on_terminal", "shown"), [
    (False, 500, True, False, True),
    (True, 500, True, False, False),
    (False, 5, True, False, False),
    (False, 500, False, False, False),
    (False, 500, True, True, False),
])
def test_progress_bar_only_for_large_batches_on_a_terminal(
        quiet: bool, count: int, stderr_terminal: bool, on_terminal: bool, shown: bool) -> None:
    from cxmaturity.cli.assess import wants_progress

    assert wants_progress(quiet=quiet, count=count, stderr_terminal=stderr_terminal,
                          report_on_terminal=on_terminal) is shown


def test_a_folder_without_answers_files_is_an_error(runner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "notes.txt").write_text("nothing to score")
    result = runner.invoke(app, ["assess", str(tmp_path), "-f", "jsonl"])
    assert result.exit_code == 2 and result.stdout == ""
    assert f"error: {tmp_path}: no *.yaml or *.yml files found; name the folder" in result.stderr


def test_the_batch_markdown_table_names_each_site(runner) -> None:  # type: ignore[no-untyped-def]
    """One organization's sites were told apart only in CSV (a consultant's review)."""
    result = runner.invoke(app, ["assess", str(EXAMPLES / "healthcare-level2.yaml"),
                                 str(EXAMPLES / "retail-level1.yaml"), "-f", "markdown"])
    assert result.exit_code == 0, result.output
    assert "| Meridian Health Network · Patient and provider services |" in result.stdout
