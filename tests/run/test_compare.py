"""`compare`: level and score changes, changed answers, new and resolved blockers, from answers
files or JSON results, in every format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cxmaturity.cli import app
from cxmaturity.errors import InputError, UsageError
from cxmaturity.run.compare import compare_files

from ..conftest import DATA, EXAMPLES

TINY = DATA / "rubrics" / "tiny.yaml"
HISTORY = EXAMPLES / "history"


@pytest.fixture
def pair(write):  # type: ignore[no-untyped-def]
    old = write("old.yaml", f"rubric: {TINY}\norganization: T\ndate: 2026-01-01\n"
                "metrics: {coverage: 5}\nanswers: {t1: 'no', t2: 'no', d1: 'no', d2: 'no'}\n")
    new = write("new.yaml", f"rubric: {TINY}\norganization: T\ndate: 2026-04-01\n"
                "metrics: {coverage: 25}\n"
                "answers: {t1: 'yes', t2: partial, d1: 'yes', d2: 'no', }\n")
    return str(old), str(new)


def test_levels_scores_and_answers(pair) -> None:  # type: ignore[no-untyped-def]
    comparison = compare_files(*pair)
    assert comparison.days == 90
    overall = comparison.overall
    assert (overall.before_level, overall.after_level, overall.direction) == (1, 2, "up")
    tools = comparison.dimensions[0]
    assert (tools.id, tools.before_level, tools.after_level, tools.direction) == (
        "tools", 1, 2, "up")
    assert tools.score_delta == pytest.approx(2.0 - 1.0)
    changed = {a.id: (a.before, a.after) for a in comparison.answers}
    assert changed == {"t1": ("No", "Yes"), "t2": ("No", "Partly"), "coverage": ("5%", "25%"),
                       "d1": ("No", "Yes")}


def test_new_and_resolved_blockers_against_one_target(pair) -> None:  # type: ignore[no-untyped-def]
    comparison = compare_files(*pair)
    # t2 and d2 "no" (Levels 1-2) never kept anyone from Level 2, so they were no blockers
    assert {b.item for b in comparison.resolved_blockers} == {"t1", "coverage", "d1"}
    assert comparison.new_blockers == ()
    assert all(b.target == 2 for b in comparison.resolved_blockers)


def test_a_blocker_whose_answer_did_not_change_is_not_resolved(write) -> None:  # type: ignore[no-untyped-def]
    def side(name: str, d2: str) -> str:
        return str(write(name, f"rubric: {TINY}\norganization: T\ndate: 2026-01-01\n"
                         f"metrics: {{coverage: 50}}\nanswers: {{t1: 'yes', t2: partial, "
                         f"d1: 'yes', d2: {d2}}}\n"))
    comparison = compare_files(side("old.yaml", "partial"), side("new.yaml", "'yes'"),
                               target="3")
    assert (comparison.overall.before_level, comparison.overall.after_level) == (2, 3)
    # d2 changed and no longer blocks; t2 still reads "partial", and only the target moved
    assert [b.item for b in comparison.resolved_blockers] == ["d2"]
    assert comparison.notes == ("1 blocker no longer shown, though not answered differently "
                                "(Level 3 was reached through other changes), so not counted "
                                "as resolved: Tools: Tools are not connected.",)


def test_a_blocker_answered_differently_but_not_enough_is_not_resolved(write) -> None:  # type: ignore[no-untyped-def]
    def side(name: str, t2: str, d2: str) -> str:
        return str(write(name, f"rubric: {TINY}\norganization: T\ndate: 2026-01-01\n"
                         f"metrics: {{coverage: 50}}\nanswers: {{t1: 'yes', t2: {t2}, "
                         f"d1: 'yes', d2: {d2}}}\n"))
    comparison = compare_files(side("old.yaml", "'no'", "partial"),
                               side("new.yaml", "partial", "'yes'"), target="3")
    # t2 moved from "no" to "partial", which still rules Level 3 out
    assert [b.item for b in comparison.resolved_blockers] == ["d2"]
    assert comparison.notes == ("1 blocker no longer shown, though the new answer still does "
                                "not allow Level 3 (Level 3 was reached through other "
                                "changes), so not counted as resolved: Tools: Tools are not "
                                "connected.",)


@pytest.mark.parametrize("now", ["unknown", "n/a"])
def test_a_blocker_answered_unknown_is_not_resolved(write, now: str) -> None:  # type: ignore[no-untyped-def]
    def side(name: str, d2: str) -> str:
        return str(write(name, f"rubric: {TINY}\norganization: T\ndate: 2026-01-01\n"
                         f"metrics: {{coverage: 50}}\nanswers: {{t1: 'yes', t2: 'yes', "
                         f"d1: 'yes', d2: {d2}}}\n"))
    comparison = compare_files(side("old.yaml", "partial"), side("new.yaml", now), target="3")
    assert comparison.resolved_blockers == ()
    assert comparison.notes == ("1 blocker no longer counted, because the answer is now "
                                "unknown or n/a, not resolved: Data: No shared data.",)


def test_a_blocker_planned_toward_another_level_is_not_resolved(  # type: ignore[no-untyped-def]
        write, runner) -> None:
    answers = write("a.yaml", f"rubric: {TINY}\norganization: T\ndate: 2026-01-01\n"
                    "metrics: {coverage: 50}\nanswers: {t1: 'yes', t2: partial, d1: 'yes', "
                    "d2: partial}\n")
    saved = write("a.json", runner.invoke(app, ["assess", str(answers), "-f", "json",
                                                "--target", "3"]).stdout)
    comparison = compare_files(str(saved), str(answers), target="2")
    assert comparison.resolved_blockers == ()
    assert comparison.notes[-1] == (
        "2 blockers no longer shown, though not answered differently (the new assessment was "
        "planned toward another level), so not counted as resolved: Tools: Tools are not "
        "connected; Data: No shared data.")


def saved_results(runner, paths: tuple[str, ...], folder: Path) -> list[str]:  # type: ignore[no-untyped-def]
    """Each answers file's result, saved as `assess --format json` saves it."""
    results = []
    for index, path in enumerate(paths):
        out = folder / f"r{index}.json"
        assert runner.invoke(app, ["assess", path, "-f", "json", "-o", str(out)]).exit_code == 0
        results.append(str(out))
    return results


def test_json_results_compare_like_answers(pair, runner, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from_json = compare_files(*saved_results(runner, pair, tmp_path))
    from_yaml = compare_files(*pair)
    assert from_json.answers == from_yaml.answers
    assert from_json.dimensions == from_yaml.dimensions


def test_results_planned_for_different_targets_compare_no_blockers(pair, runner, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Two saved results, before at Level 1 (planned for 2) and after at 2 (planned for 3):
    every Level 3 blocker was listed as new, none as resolved (a consultant's review)."""
    comparison = compare_files(*saved_results(runner, pair, tmp_path))
    assert (comparison.overall.before_level, comparison.overall.after_level) == (1, 2)
    assert comparison.new_blockers == () and comparison.resolved_blockers == ()
    assert comparison.notes[0].startswith(
        "Blockers are not compared: the two were planned for different targets (Level 2 and "
        "Level 3)")
    same = compare_files(*pair)  # answers files are planned alike, so their blockers compare
    assert same.resolved_blockers != ()


@pytest.mark.parametrize("older", [False, True])
def test_a_changed_rubric_is_noted_and_a_version_left_unbumped_is_named(  # type: ignore[no-untyped-def]
        runner, tmp_path, older: bool) -> None:
    example = str(EXAMPLES / "healthcare-level2.yaml")
    saved = Path(saved_results(runner, (example,), tmp_path)[0])
    data = json.loads(saved.read_text(encoding="utf-8"))
    current = data["rubric"]["version"]
    data["rubric"]["sha256"] = "0" * 64  # the rubric file was edited since
    data["rubric"]["version"] = "0.9.0" if older else current
    said = f"(0.9.0 → {current})" if older else \
        f"(still version {current}: its content changed, its version did not)"
    asked = data["dimensions"][0]["evidence"].pop(0)  # a question the edit added
    saved.write_text(json.dumps(data), encoding="utf-8")
    comparison = compare_files(str(saved), example)
    assert f"The rubric changed between the two {said}; some movement may come from the " \
        "rubric." in comparison.notes
    added = [c for c in comparison.answers if c.id == asked["id"]]
    assert [(c.before, c.after) for c in added] == [("n/a or not asked", asked["given"])]


def test_bad_json_result_is_located(write, pair) -> None:  # type: ignore[no-untyped-def]
    bad = write("bad.json", '{\n  "schema_version": "2.0",\n  "organization": 3\n}\n')
    with pytest.raises(InputError) as caught:
        compare_files(str(bad), pair[1])
    assert f"{bad}:3:19:" in str(caught.value)


@pytest.mark.parametrize("version", ["1.0", "3.0"])
def test_other_schema_versions_are_refused(write, pair, version: str) -> None:  # type: ignore[no-untyped-def]
    other = write("other.json", f'{{"schema_version": "{version}"}}\n')
    with pytest.raises(InputError, match=rf"result schema {version} is not supported"):
        compare_files(str(other), pair[1])


def test_other_rubric_is_a_usage_error(pair) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UsageError, match='rubric "contact-center-ai-maturity" differs'):
        compare_files(pair[0], str(EXAMPLES / "retail-level1.yaml"))


@pytest.mark.parametrize(("fmt", "needle"), [
    ("rich", "Resolved blockers"), ("markdown", "## Resolved blockers"),
    ("json", '"resolved_blockers"')])
def test_cli_formats(runner, pair, fmt: str, needle: str) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["compare", *pair, "-f", fmt])
    assert result.exit_code == 0, result.output
    assert needle in result.stdout
    # Markdown escapes `<` (it could open raw HTML); it renders as written
    assert ("Coverage 5% \\< 20%" if fmt == "markdown" else "Coverage 5% < 20%") in result.stdout
    if fmt == "json":
        document = json.loads(result.stdout)
        assert (document["overall"]["before_level"], document["overall"]["after_level"]) == (1, 2)
    else:  # the score before as well as after (only the after score and the change were shown)
        overall = next(line for line in result.stdout.splitlines() if "Overall" in line)
        assert "1.00 → 2.00" in overall


def test_cli_compares_the_history_example(runner) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["compare", str(HISTORY / "meridian-2026-04.yaml"),
                                 str(HISTORY / "meridian-2026-07.yaml"), "-f", "json"])
    document = json.loads(result.stdout)
    assert (document["overall"]["before_level"], document["overall"]["after_level"]) == (1, 2)
    assert {"automation-coverage", "agent-assist"} <= {a["id"] for a in document["answers"]}


def test_cli_target_plans_both_sides(runner, pair) -> None:  # type: ignore[no-untyped-def]
    # To Level 2 three blockers go away; planned for Level 3, the "yes" answers (Levels 2-3)
    # of t1 and d1 no longer rule the target out, while t2, d2 and coverage still do.
    default = json.loads(runner.invoke(app, ["compare", *pair, "-f", "json"]).stdout)
    further = json.loads(runner.invoke(app, ["compare", *pair, "--target", "high",
                                             "-f", "json"]).stdout)
    assert len(default["resolved_blockers"]) == 3
    assert {b["item"] for b in further["resolved_blockers"]} == {"t1", "d1"}
    assert {b["item"] for b in further["new_blockers"]} == set()


def test_cli_bad_target_exits_2(runner, pair) -> None:  # type: ignore[no-untyped-def]
    bad = runner.invoke(app, ["compare", *pair, "--target", "hihg"])
    assert bad.exit_code == 2
    assert 'error: --target: "hihg" is not a level of this rubric; did you mean "high"?' in (
        bad.stderr)


def test_missing_file_exits_2(runner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["compare", str(tmp_path / "no.yaml"), str(tmp_path / "x")])
    assert result.exit_code == 2 and "file not found" in result.stderr


@pytest.mark.parametrize(("site", "noted"), [(" t ", False), ("Other", True)])
def test_sites_are_compared_as_merge_and_trend_compare_them(pair, site: str,  # type: ignore[no-untyped-def]
                                                             noted: bool) -> None:
    new = Path(pair[1])
    new.write_text(new.read_text().replace("organization: T", f"organization: '{site}'"))
    notes = compare_files(pair[0], str(new)).notes
    assert any(n.startswith("Different sites") for n in notes) is noted
