"""Gates that never pass silently, percentages read one way, per-rubric gates for mixed folders,
and policy files found from the scored files (issues 11 and 14; docs/ci.md)."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from cxmaturity.cli import app
from cxmaturity.load.inputs import STDIN, discover
from cxmaturity.load.percentages import parse_percentage
from cxmaturity.load.submission import parse_number
from cxmaturity.model.rubric import Metric
from cxmaturity.run.gates import Gates, LevelGate
from cxmaturity.run.gating import plan
from cxmaturity.run.policy import Policy, PolicyFinder, find_policy, gates, load_policy

from ..conftest import EXAMPLES, ROOT, answers

ROOTED = {"CXMATURITY_RUBRIC_ROOT": str(ROOT)}


def _records(text: str) -> dict[str, dict]:
    return {Path(r["file"]).name: r for r in map(json.loads, text.splitlines())}


# --- regression gate --------------------------------------------------------------------

def test_a_baseline_turns_the_regression_gate_on(runner, write, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write("sites/a.yaml", answers(d2="yes"))
    before = tmp_path / "before.jsonl"
    assert runner.invoke(app, ["assess", str(path.parent), "-f", "jsonl", "-o",
                               str(before)]).exit_code == 0
    write("sites/a.yaml", answers(d2="no"))
    result = runner.invoke(app, ["assess", str(path.parent), "--baseline", str(before)])
    assert result.exit_code == 1
    assert "dimension data dropped from level" in result.stderr


def test_a_missing_baseline_is_an_error(runner, write) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["assess", str(write("a.yaml", answers())), "--baseline",
                                 "nope.jsonl"])
    assert result.exit_code == 2 and "error: nope.jsonl: baseline not found" in result.stderr


def test_a_baseline_matching_no_scored_file_is_an_error(runner, write, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write("sites/a.yaml", answers())
    baseline = tmp_path / "other.jsonl"
    assert runner.invoke(app, ["assess", str(path), "-f", "jsonl", "-o",
                               str(baseline)]).exit_code == 0
    moved = write("elsewhere/a.yaml", answers())
    result = runner.invoke(app, ["assess", str(moved), "-f", "json", "--baseline",
                                 str(baseline)])
    assert result.exit_code == 2 and result.stdout  # the report is written, then the error
    assert "error: --baseline: no scored file is in the baseline" in result.stderr


# --- dates ------------------------------------------------------------------------------

@pytest.mark.parametrize(("days", "code"), [(0, 0), (1, 0), (2, 1), (400, 1)])
def test_a_future_date_fails_max_age(runner, write, days: int, code: int) -> None:  # type: ignore[no-untyped-def]
    date = (dt.date.today() + dt.timedelta(days=days)).isoformat()
    result = runner.invoke(app, ["assess", str(write("a.yaml", answers(date=date))), "-f",
                                 "json", "--max-age", "30"])
    assert result.exit_code == code, result.stderr
    if code:
        assert f"assessment dated {date} is {days} days in the future" in result.stderr


# --- percentages --------------------------------------------------------------------------

@pytest.mark.parametrize(("written", "share"), [("60", 0.6), ("60%", 0.6), ("1", 0.01),
                                                ("100", 1.0), ("0", 0.0), ("0.5%", 0.005)])
def test_min_confidence_reads_percentages(written: str, share: float) -> None:
    assert parse_percentage(written) / 100 == pytest.approx(share)


def test_a_bare_fraction_is_ambiguous_everywhere_alike(runner, write) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["assess", str(write("a.yaml", answers())), "--min-confidence",
                                 "0.6"])
    assert result.exit_code == 2
    metric = Metric(id="m", name="M", dimension="d", description="x")
    with pytest.raises(ValueError) as raised:
        parse_number("0.6", metric)
    assert f"error: --min-confidence: {raised.value}" in result.stderr
    policy = write("policy.yaml", "min-confidence: 0.6\n")
    result = runner.invoke(app, ["assess", str(write("b.yaml", answers())), "--config",
                                 str(policy)])
    assert result.exit_code == 2 and "0.6 is ambiguous" in result.stderr


@pytest.mark.parametrize(("written", "code"), [("60", 0), ("100%", 0), ("101", 2), ("x", 2)])
def test_min_confidence_on_the_command_line(runner, write, written: str, code: int) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["assess", str(write("a.yaml", answers())), "-f", "json",
                                 "--min-confidence", written])
    assert result.exit_code == code, result.stderr


# --- mixed-rubric folders -----------------------------------------------------------------

def test_a_plain_level_missing_from_a_rubric_fails_its_files_without_breaking_the_batch(
        runner) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["assess", str(EXAMPLES), "-f", "jsonl", "--fail-under", "3"])
    assert result.exit_code == 1, result.stderr
    records = _records(result.stdout)
    assert all(r["status"] != "error" for r in records.values())
    cohort = records["saas-support-level2.yaml"]["gates_failed"][0]["message"]
    assert cohort.startswith('"3" is not a level of ai-readiness-cohorts')
    assert cohort.endswith("or gate this rubric with --fail-under ai-readiness-cohorts=LEVEL")


def test_per_rubric_gates_on_the_command_line(runner) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["assess", str(EXAMPLES), "-f", "jsonl", "--fail-under", "1",
                                 "--fail-under", "ai-readiness-cohorts=2",
                                 "--fail-under-dimension", "ai-outcome-alignment:nope=1"])
    records = _records(result.stdout)
    failed = {name for name, r in records.items() if r["gates_failed"]}
    assert failed == {"parcel-logistics-level1.yaml", "insurer-pilots-level1.yaml",
                      "retail-bank-level2.yaml"}
    assert "is below 2" in records["parcel-logistics-level1.yaml"]["gates_failed"][0]["message"]
    assert '"nope" is not a dimension of ai-outcome-alignment' in (
        records["retail-bank-level2.yaml"]["gates_failed"][0]["message"])


def test_files_of_the_baseline_that_were_not_scored_are_named(  # type: ignore[no-untyped-def]
        runner, write, tmp_path: Path) -> None:
    """A removed or renamed site would otherwise pass unseen: nothing compares it."""
    kept = write("sites/a.yaml", answers(d2="yes"))
    gone = write("sites/b.yaml", answers())
    before = tmp_path / "before.jsonl"
    assert runner.invoke(app, ["assess", str(kept.parent), "-f", "jsonl", "-o",
                               str(before)]).exit_code == 0
    gone.unlink()
    result = runner.invoke(app, ["assess", str(kept.parent), "-f", "csv", "--baseline",
                                 str(before)])
    assert result.exit_code == 0
    assert (f"note: 1 file of the baseline was not in this run (removed, renamed, or "
            f"outside its inputs): {os.path.normpath(gone)}") in result.stderr
    write("sites/b.yaml", answers())
    again = runner.invoke(app, ["assess", str(kept.parent), "-f", "csv", "--baseline",
                                str(before)])
    assert "note:" not in again.stderr


def test_at_most_ten_missing_files_are_named(runner, write, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for i in range(13):
        write(f"sites/s{i:02}.yaml", answers())
    before = tmp_path / "before.jsonl"
    assert runner.invoke(app, ["assess", str(tmp_path / "sites"), "-f", "jsonl", "-o",
                               str(before)]).exit_code == 0
    for i in range(1, 13):
        (tmp_path / "sites" / f"s{i:02}.yaml").unlink()
    result = runner.invoke(app, ["assess", str(tmp_path / "sites"), "--baseline", str(before),
                                 "-f", "csv"])
    named = os.path.normpath(tmp_path / "sites")
    assert (f"note: 12 files of the baseline were not in this run (removed, renamed, or "
            f"outside its inputs): {named}/s01.yaml, ") in result.stderr
    assert f"{named}/s10.yaml and 2 more\n" in result.stderr


def test_a_baseline_that_does_not_say_its_rubric_is_compared(runner, write, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Results saved before the rubric was read from them still gate: no rubric, no move."""
    path = write("sites/a.yaml", answers(d2="yes"))
    before = tmp_path / "before.jsonl"
    assert runner.invoke(app, ["assess", str(path.parent), "-f", "jsonl", "-o",
                               str(before)]).exit_code == 0
    record = json.loads(before.read_text(encoding="utf-8"))
    del record["assessment"]["rubric"]
    before.write_text(json.dumps(record) + "\n", encoding="utf-8")
    write("sites/a.yaml", answers(d2="no"))
    result = runner.invoke(app, ["assess", str(path.parent), "--baseline", str(before),
                                 "-f", "csv"])
    assert result.exit_code == 1
    assert "overall level dropped from 3 to 1" in result.stderr


def test_a_file_of_the_baseline_scored_under_another_policy_is_not_named(  # type: ignore[no-untyped-def]
        runner, write, tmp_path: Path) -> None:
    """One folder's policy compares with a baseline of the whole tree; a file in another
    folder, scored with no regression gate, was in the run all the same."""
    gated = write("tree/x/a.yaml", answers(d2="yes"))
    other = write("tree/y/b.yaml", answers())
    before = tmp_path / "before.jsonl"
    assert runner.invoke(app, ["assess", str(tmp_path / "tree"), "-f", "jsonl", "-o",
                               str(before)]).exit_code == 0
    write("tree/x/.cxmaturity.yaml", f"baseline: {before}\n")
    result = runner.invoke(app, ["assess", str(tmp_path / "tree"), "-f", "csv"])
    assert result.exit_code == 0, result.stderr
    assert "note:" not in result.stderr
    other.unlink()
    result = runner.invoke(app, ["assess", str(tmp_path / "tree"), "-f", "csv"])
    assert f"was not in this run (removed, renamed, or outside its inputs): " \
        f"{os.path.normpath(other)}" in result.stderr
    assert str(gated) not in result.stderr


def test_a_policy_cannot_turn_the_regression_gate_off_beside_its_baseline(runner, write) -> None:  # type: ignore[no-untyped-def]
    policy = write("sites/.cxmaturity.yaml", "baseline: before.jsonl\n"
                   "fail-on-regression: false\n")
    write("sites/a.yaml", answers())
    result = runner.invoke(app, ["assess", str(policy.parent), "-f", "csv"])
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"error: {policy}:2:21: `fail-on-regression: false` contradicts `baseline:`, which "
        "turns the regression gate on; remove one of the two (fail-on-regression)")


def test_a_file_moved_to_another_rubric_is_not_compared_with_its_baseline(  # type: ignore[no-untyped-def]
        runner, write, tmp_path: Path) -> None:
    """Level 3 of one model and Stage 1 of another are not a drop: the gate says it did not
    compare them, and does not fail the file for it."""
    site = write("sites/west-06.yaml", (EXAMPLES / "online-learning-level3.yaml")
                 .read_text(encoding="utf-8"))
    before = tmp_path / "before.jsonl"
    assert runner.invoke(app, ["assess", str(site.parent), "-f", "jsonl", "-o",
                               str(before)]).exit_code == 0
    write("sites/west-06.yaml", (EXAMPLES / "claims-desk-level1.yaml").read_text(
        encoding="utf-8"))
    result = runner.invoke(app, ["assess", str(site.parent), "-f", "csv", "--baseline",
                                 str(before)])
    assert result.exit_code == 0, result.stderr
    assert "gate failed" not in result.stderr
    assert (f"note: {site}: not compared with the baseline: scored with rubric "
            "ai-performance-stages, the baseline with contact-center-ai-maturity, and the levels "
            "of two rubrics are not comparable") in result.stderr


def test_a_level_is_written_with_the_rubrics_own_word_for_levels(runner) -> None:  # type: ignore[no-untyped-def]
    """The four-stage model says `Stage`: `Stage 1` gates its files, `Level 1` names nothing."""
    stages = str(EXAMPLES / "claims-desk-level1.yaml")
    assert runner.invoke(app, ["assess", stages, "-f", "csv", "--fail-under",
                               "Stage 1 Visibility"]).exit_code == 0
    wrong = runner.invoke(app, ["assess", stages, "-f", "csv", "--fail-under", "Level 1"])
    assert wrong.exit_code == 1
    assert '"Level 1" is not a level of ai-performance-stages' in wrong.stderr


def test_gates_for_a_misspelt_rubric_warn_that_they_applied_to_no_file(runner, write) -> None:  # type: ignore[no-untyped-def]
    expected = ('warning: the gates for rubric "contact-center-ai-maturty" (--fail-under '
                "RUBRIC=, --fail-under-dimension RUBRIC:, or a policy's `rubrics:`) applied to "
                'no file: no scored file uses it; did you mean "contact-center-ai-maturity"?')
    example = str(EXAMPLES / "healthcare-level2.yaml")
    result = runner.invoke(app, ["assess", example, "-f", "csv", "--fail-under",
                                 "contact-center-ai-maturty=4"])
    assert result.exit_code == 0  # the gate named no rubric scored here: nothing failed it
    assert expected in result.stderr
    folder = write("sites/.cxmaturity.yaml", "rubrics:\n  contact-center-ai-maturty: "
                   "{fail-under: 4}\n").parent
    write("sites/a.yaml", (EXAMPLES / "healthcare-level2.yaml").read_text(encoding="utf-8"))
    assert expected in runner.invoke(app, ["assess", str(folder), "-f", "csv"]).stderr
    # a bundled rubric that this run does not score is no mistake: its gates wait for its files
    quiet = runner.invoke(app, ["assess", example, "-f", "csv", "--fail-under",
                                "ai-readiness-cohorts=2"])
    assert quiet.exit_code == 0 and "warning" not in quiet.stderr


@pytest.mark.parametrize("text", ["=2", "x=", "", "a:=1", "=1"])
def test_malformed_gate_options_are_usage_errors(runner, write, text: str) -> None:  # type: ignore[no-untyped-def]
    option = "--fail-under-dimension" if ":" in text else "--fail-under"
    result = runner.invoke(app, ["assess", str(write("a.yaml", answers())), option, text])
    assert result.exit_code == 2 and f"error: {option}:" in result.stderr


def test_per_rubric_gates_in_the_policy_file(runner, write) -> None:  # type: ignore[no-untyped-def]
    policy = write("policy.yaml", "fail-under: 3\nrubrics:\n  ai-readiness-cohorts:\n"
                   "    fail-under: 1\n    fail-under-dimension: {data: 2}\n")
    result = runner.invoke(app, ["assess", str(EXAMPLES), "-f", "jsonl", "--config",
                                 str(policy)])
    records = _records(result.stdout)
    gated = records["parcel-logistics-level1.yaml"]["gates_failed"]
    assert [g["gate"] for g in gated] == ["fail-under-dimension"]
    assert records["telecom-care-level3.yaml"]["gates_failed"] == []
    assert records["retail-level1.yaml"]["gates_failed"][0]["gate"] == "fail-under"


# --- policy files -------------------------------------------------------------------------

def test_each_file_is_governed_by_its_nearest_policy(runner, write, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write("repo/north/a.yaml", answers())
    write("repo/south/deep/b.yaml", answers())
    write("repo/west/c.yaml", answers())
    write("repo/north/.cxmaturity.yaml", "fail-under: high\n")
    write("repo/south/.cxmaturity.yml", "min-confidence: 100%\nformat: csv\n")
    write("repo/.cxmaturity.yaml", "format: jsonl\n")
    result = runner.invoke(app, ["assess", str(tmp_path / "repo"), "--verbose"], env=ROOTED)
    records = _records(result.stdout)
    assert [g["gate"] for g in records["a.yaml"]["gates_failed"]] == ["fail-under"]
    assert records["b.yaml"]["gates_failed"] == [] and records["c.yaml"]["gates_failed"] == []
    for policy in ("north/.cxmaturity.yaml", "south/.cxmaturity.yml", ".cxmaturity.yaml"):
        assert f"policy: {tmp_path / 'repo' / policy} (1 file)" in result.stderr


def test_yaml_wins_over_yml_in_one_folder(runner, write, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    path = write("repo/a.yaml", answers())
    write("repo/.cxmaturity.yml", "fail-under: high\n")
    write("repo/.cxmaturity.yaml", "fail-under: low\n")
    result = runner.invoke(app, ["assess", str(path), "-f", "json", "-v"], env=ROOTED)
    assert result.exit_code == 0 and "repo/.cxmaturity.yaml (1 file)" in result.stderr


@pytest.mark.parametrize("kind", ["folder", "dangling link", "link loop"])
def test_a_policy_that_cannot_be_read_is_an_error_not_skipped(runner, write, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                              kind: str) -> None:
    path = write("repo/sites/a.yaml", answers())
    write("repo/.cxmaturity.yaml", "fail-under: high\n")  # must not apply instead
    policy = tmp_path / "repo" / "sites" / ".cxmaturity.yaml"
    if kind == "folder":
        policy.mkdir()
    elif kind == "dangling link":
        policy.symlink_to(tmp_path / "nowhere.yaml")
    else:
        policy.symlink_to(policy)
    result = runner.invoke(app, ["assess", str(path), "-f", "json"], env=ROOTED)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith(f"error: {policy}: ")


def test_verbose_says_when_no_policy_applies(runner, write) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["assess", str(write("a.yaml", answers())), "-f", "json", "-v",
                                 "--no-config"])
    assert result.exit_code == 0
    assert "policy: none (1 file)" in result.stderr


def test_stdin_is_governed_by_the_current_folders_policy(runner, write, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    policy = write("here/.cxmaturity.yaml", "fail-under: high\n")
    monkeypatch.chdir(policy.parent)
    result = runner.invoke(app, ["assess", "-", "-f", "json"], input=answers(), env=ROOTED)
    assert result.exit_code == 1 and os.path.basename(str(policy)) in (
        runner.invoke(app, ["assess", "-", "-f", "json", "-v"], input=answers(),
                      env=ROOTED).stderr)


# --- policies while the inputs stream (issue 13, memory) -----------------------------------

NESTED = {"repo/.cxmaturity.yaml": "fail-under: 2\n",
          "repo/north/.cxmaturity.yaml": "fail-under: high\n",
          "repo/north/east/.cxmaturity.yml": "fail-under: 2\n",  # as repo's, nearer
          "repo/south/deep/.cxmaturity.yaml": "max-age: 30\n"}
FILES = ["repo/a.yaml", "repo/north/b.yaml", "repo/north/east/c.yaml",
         "repo/north/east/x/d.yaml", "repo/north-1.yaml", "repo/south/e.yaml",
         "repo/south/deep/f.yaml", "repo/south/deep/g/h.yaml", "loose/i.yaml"]


def _per_file(path: str, given: Gates) -> Gates:
    """A file's gates found as they were before discovery streamed: its own policy look-up."""
    policy = find_policy(os.path.dirname(path))
    if policy is None:
        return gates(Policy(), Path.cwd(), given, None, {})
    return gates(load_policy(policy), policy.parent, given, None, {})


def test_nested_policies_give_each_file_the_gates_of_its_nearest(write, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                 monkeypatch) -> None:
    for name, text in NESTED.items():
        write(name, text)
    for name in FILES:
        write(name, answers())
    monkeypatch.chdir(tmp_path / "repo" / "north")
    arguments = [str(tmp_path / "repo"), str(tmp_path / "loose"), STDIN]
    given = Gates(min_confidence=0.5)
    planned = plan(discover(arguments), given)
    for path in discover(arguments):
        expected = _per_file("." if path == STDIN else path, given)
        assert planned.settings.gates_for(path) == expected, path
    assert len(planned.settings.by_folder) == len(NESTED)  # one entry a policy, not a file
    assert planned.count == len(FILES) + 1
    counts = zip(NESTED, [3, 2, 2, 2], strict=True)
    assert planned.governed == {str(tmp_path / name): n for name, n in counts} | {"none": 1}


def test_one_policy_for_every_file_needs_no_look_up(write, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write("repo/.cxmaturity.yaml", "fail-under: 2\n")
    for name in FILES[:-1]:
        write(name, answers())
    planned = plan(discover([str(tmp_path / "repo")]), Gates())
    assert planned.settings.by_folder == {}
    assert planned.settings.gates.fail_under == (LevelGate("2"),)


def test_the_policy_finder_remembers_only_the_folders_above_the_last(tmp_path: Path) -> None:
    finder = PolicyFinder()
    (tmp_path / ".cxmaturity.yaml").write_text("fail-under: 2\n")
    for i in range(200):
        folder = tmp_path / f"site-{i}" / "deep" / "deeper"
        assert finder(str(folder)) == tmp_path / ".cxmaturity.yaml"
    assert len(finder._found) <= len(Path(folder).parts)  # not 600 folders


def test_a_broken_policy_late_in_the_walk_stops_the_batch_before_any_output(  # type: ignore[no-untyped-def]
        runner, write, tmp_path: Path) -> None:
    for i in range(30):
        write(f"repo/a-{i:02}.yaml", answers())
    write("repo/zz/late.yaml", answers())
    write("repo/zz/.cxmaturity.yaml", "fail-under: [\n")
    for jobs in ("1", "2"):
        result = runner.invoke(app, ["assess", str(tmp_path / "repo"), "-f", "jsonl", "-j",
                                     jobs], env=ROOTED)
        assert result.exit_code == 2 and result.stdout == ""
        assert result.stderr.startswith(f"error: {tmp_path / 'repo/zz/.cxmaturity.yaml'}:")
        assert "Traceback" not in result.output


def test_verbose_counts_the_files_of_each_policy(runner, write, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for name, text in NESTED.items():
        write(name, text)
    for name in FILES:
        write(name, answers())
    result = runner.invoke(app, ["assess", str(tmp_path / "repo"), str(tmp_path / "loose"),
                                 "-f", "jsonl", "-v"], env=ROOTED)
    assert result.exit_code == 1, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith("policy: ")]
    counted = [*sorted((str(tmp_path / name), n)
                       for name, n in zip(NESTED, [3, 1, 2, 2], strict=True)), ("none", 1)]
    assert lines == [f"policy: {name} ({n} file{'s' if n > 1 else ''})" for name, n in counted]
