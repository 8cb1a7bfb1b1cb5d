"""Format features beyond bands (tests/data/rubrics/kpi.yaml): KPI targets with `better`,
targets set by the answers file or left unset, question contrasts, `level_term`, reading a
format 1 rubric, and their errors."""

from __future__ import annotations

import hashlib
import json

import pytest

from cxmaturity.cli import app
from cxmaturity.errors import InputError
from cxmaturity.load.bundled import bundled_dir
from cxmaturity.load.catalog import load_rubric
from cxmaturity.load.submission import read_submission
from cxmaturity.model.result import Assessment
from cxmaturity.scoring.engine import score

from ..conftest import DATA

KPI = DATA / "rubrics" / "kpi.yaml"
HEAD = f"rubric: {KPI}\norganization: Test\ndate: 2026-01-01\n"


def assess(write, body: str) -> Assessment:  # type: ignore[no-untyped-def]
    return score(read_submission(str(write("a.yaml", HEAD + body))))


def error(write, body: str) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError) as info:
        assess(write, body)
    return str(info.value)


def metric_level(result: Assessment, metric_id: str) -> int | None:
    return next(m.level for m in result.metrics if m.id == metric_id)


@pytest.mark.parametrize(("written", "level"), [("50", 2), ("50%", 2), ("49.9", 1), ("90", 2),
                                                ("{value: 60, target: 70}", 1),
                                                ("{value: 70, target: 70%}", 2)])
def test_higher_is_better_target(write, written: str, level: int) -> None:  # type: ignore[no-untyped-def]
    assert metric_level(assess(write, f"metrics:\n  resolution: {written}\n"),
                        "resolution") == level


@pytest.mark.parametrize(("value", "level"), [("3.5", 2), ("3.49", 2), ("3.51", 1), ("0", 2)])
def test_lower_is_better_target_is_met_at_the_target(write, value: str, level: int) -> None:  # type: ignore[no-untyped-def]
    body = f"metrics:\n  cost: {{value: {value}, target: 3.5}}\n"
    assert metric_level(assess(write, body), "cost") == level


@pytest.mark.parametrize(("value", "level"), [("59", 2), ("60", 1), ("600", 1)])
def test_lower_is_better_bands(write, value: str, level: int) -> None:  # type: ignore[no-untyped-def]
    assert metric_level(assess(write, f"metrics:\n  wait: {value}\n"), "wait") == level


def test_missing_target_is_a_located_error(write) -> None:  # type: ignore[no-untyped-def]
    assert error(write, "metrics:\n  cost: 4\n").endswith(
        "a.yaml:5:9: Cost has no target: write `target:` next to its value (metrics.cost); "
        "the rubric sets no default target for Cost; write your own, e.g. "
        "`cost: {value: 4, target: ...}`")


def test_unknown_value_needs_no_target(write) -> None:  # type: ignore[no-untyped-def]
    result = assess(write, "metrics:\n  cost: unknown\nanswers:\n  kpis-first: high\n")
    assert metric_level(result, "cost") is None


def test_a_value_without_target_supports_the_rubrics_unset_levels(write, tmp_path) -> None:  # type: ignore[no-untyped-def]
    rubric = tmp_path / "kpi.yaml"
    rubric.write_text(KPI.read_text().replace("target: {met: 2, missed: 1}",
                                               "target: {met: 2, missed: 1, unset: 1}"))
    path = write("b.yaml", f"rubric: {rubric}\norganization: T\ndate: 2026-01-01\n"
                 "metrics:\n  cost: 4\n")
    result = score(read_submission(str(path)))
    cost = next(m for m in result.metrics if m.id == "cost")
    assert (cost.level, cost.target, cost.target_shown) == (1, None, None)
    results = next(d for d in result.dimensions if d.id == "results")
    assert [(e.id, e.supports) for e in results.evidence] == [("cost", (1, 1))]


def test_a_format_1_rubric_is_read_by_the_documented_conversion() -> None:
    old = load_rubric(str(DATA / "rubrics" / "tiny-format1.yaml")).rubric
    new = load_rubric(str(DATA / "rubrics" / "tiny.yaml")).rubric
    assert old.format == 1 and old.scoring.overall.method == "weakest-link"
    t1 = next(q for q in old.questions if q.id == "t1")  # indicates yes 2, partial 1.5, no 1
    assert t1.supports == {"yes": (2, 2), "partial": (1, 2), "no": (1, 1)}
    assert [q.id for q in old.questions] == [q.id for q in new.questions]


def test_target_on_a_banded_metric_is_an_error(write) -> None:  # type: ignore[no-untyped-def]
    message = error(write, "metrics:\n  wait: {value: 40, target: 30}\n")
    assert message.endswith("a.yaml:5:29: Wait is placed in bands, so it takes no target "
                            "(metrics.wait.target); remove `target:`")


def test_ambiguous_percent_target_is_rejected(write) -> None:  # type: ignore[no-untyped-def]
    assert "0.8 is ambiguous" in error(write, "metrics:\n  resolution: {value: 80, target: 0.8}\n")


def test_missed_target_blocks_with_its_phrase(write) -> None:  # type: ignore[no-untyped-def]
    result = assess(write, "metrics:\n  resolution: 40\n  cost: {value: 5, target: 4}\n"
                    "answers:\n  kpis-first: high\n")
    assert result.overall.level == 1 and result.overall.limited_by == ("results",)
    texts = [b.text for b in result.next.blockers] if result.next else []
    assert texts == ["Resolution 40% misses its target of 50% or more",
                     "Cost 5 EUR misses its target of 4 EUR or less"]
    placed = {m.id: m for m in result.metrics}
    assert placed["cost"].target == 4 and placed["cost"].target_shown == "4 EUR or less"
    assert placed["resolution"].better == "higher"


def test_contrast_gives_the_blocker_and_what_to_aim_for(write) -> None:  # type: ignore[no-untyped-def]
    result = assess(write, "metrics:\n  resolution: 60\nanswers:\n  kpis-first: low\n")
    assert result.next is not None
    (blocker,) = result.next.blockers
    assert (blocker.text, blocker.toward) == ("No KPIs defined", "KPIs and targets first")
    # "Some of each" (Profiles 1-2) rules Profile 2 out for nobody: no blocker, though
    # nothing shows Profile 2 reached either
    mixed = assess(write, "metrics:\n  resolution: 60\nanswers:\n  kpis-first: mixed\n")
    assert mixed.overall.level == 1 and mixed.next is not None and not mixed.next.blockers
    assert [m.to for m in mixed.overall.raise_by_one] == ["The strong pattern"]


def test_report_uses_the_level_term_and_two_rungs(runner, write) -> None:  # type: ignore[no-untyped-def]
    path = write("a.yaml", HEAD + "metrics:\n  resolution: {value: 55, target: 60}\n"
                 "  wait: 30\nanswers:\n  kpis-first: high\n")
    result = runner.invoke(app, ["assess", str(path)])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Profile 1 of 2 · Failing" in out
    assert "Held at Profile 1 by: Results." in out
    assert "Profile ladder\n       2  Strong\n  ▶    1  Failing  ◀ you are here" in out
    assert "Resolution: 55%   target 60% or more   ✗ missed → Profile 1" in out
    assert "Wait: 30 s → Profile 2 band   (lower is better)\n L2" in out
    assert "                ▲ 30 s\n 0 … 120" in out
    assert "What blocks Profile 2 (Strong)" in out
    assert all(len(line) <= 80 for line in out.splitlines())
    document = json.loads(runner.invoke(app, ["assess", str(path), "-f", "json"]).stdout)
    assert document["level_term"] == "Profile"
    assert document["metrics"][0]["target"] == 60


def test_top_of_a_two_level_rubric(runner, write) -> None:  # type: ignore[no-untyped-def]
    path = write("a.yaml", HEAD + "metrics:\n  resolution: 75\nanswers:\n  kpis-first: high\n")
    out = runner.invoke(app, ["assess", str(path)]).stdout
    assert "Profile 2 of 2 · Strong" in out
    assert "Weakest link: the highest profile every dimension's evidence shows reached." in out
    assert "Top profile reached" in out


RUBRIC_ERRORS = [
    ("    target: {value: 50, met: 2, missed: 1}\n",
     "    target: {value: 50, met: 2, missed: 1}\n    bands: [{level: 1, basis: source}]\n",
     'metric "resolution" needs either `bands` or `target`, not both'),
    ("    better: higher\n    target: {value: 50, met: 2, missed: 1}\n",
     "    target: {value: 50, met: 2, missed: 1}\n",
     "a target needs `better: higher` or `better: lower` (metrics[0].target)"),
    ("{value: 50, met: 2, missed: 1}", "{value: 50, met: 1, missed: 1}",
     "meeting the target (level 1) must point higher than missing it (level 1)"),
    ("{value: 50, met: 2, missed: 1}", "{value: 150, met: 2, missed: 1}",
     "target 150 is outside the metric's range (metrics[0].target.value)"),
    ("      - {level: 2, max: 60, basis: interpretation}\n"
     "      - {level: 1, min: 60, basis: interpretation}\n",
     "      - {level: 1, max: 60, basis: interpretation}\n"
     "      - {level: 2, min: 60, basis: interpretation}\n",
     "band levels do not rise as values get lower (levels by value: 1, 2) (metrics[2].bands)"),
]


@pytest.mark.parametrize(("old", "new", "message"), RUBRIC_ERRORS)
def test_rubric_format_errors(write, old: str, new: str, message: str) -> None:  # type: ignore[no-untyped-def]
    text = KPI.read_text(encoding="utf-8")
    assert old in text
    path = write("bad.yaml", text.replace(old, new, 1))
    with pytest.raises(InputError) as info:
        load_rubric(str(path))
    assert message in str(info.value)


@pytest.mark.parametrize("bad", ["x ##[error]from-id", "a\u202eb", "has space", "-lead", "sí"])
def test_an_id_that_could_steer_output_is_a_located_error(runner, write, bad: str) -> None:  # type: ignore[no-untyped-def]
    """Ids are written as keys by `template` and printed by every report: a question id of
    `x ##[error]...` passed `rubric validate` and came out raw in the template (a review)."""
    text = KPI.read_text(encoding="utf-8")
    path = write("bad.yaml", text.replace("id: resolution", f"id: {json.dumps(bad)}", 1))
    wording = "is not a valid id"
    result = runner.invoke(app, ["rubric", "validate", str(path)])
    assert result.exit_code == 2 and f"bad.yaml:27:9: error: {wording}" in result.stdout
    assert "an id holds only ASCII letters, digits, `_`, `.` and `-`" in result.stdout
    write(".git/HEAD", "")  # a repository, so that the answers file may name the rubric
    answers = write("a.yaml", "rubric: bad.yaml\norganization: T\ndate: 2026-01-01\n")
    result = runner.invoke(app, ["assess", str(answers)])
    assert result.exit_code == 2 and f"bad.yaml:27:9: {wording} (metrics[0].id)" in result.stderr
    assert bad not in result.stderr  # named by an answers file: its values are never quoted



def test_a_rubric_file_cannot_pass_for_a_bundled_one(runner, write) -> None:  # type: ignore[no-untyped-def]
    """A copy of a bundled rubric with its id and version kept and its scoring changed gave
    reports and gates indistinguishable from the bundled one's (an adversarial review)."""
    bundled = bundled_dir() / "ai-readiness-cohorts.yaml"
    text = bundled.read_text(encoding="utf-8")
    assert "\nversion: 1.1.0\n" in text
    copy = write("copy.yaml", text)
    assert "\ntitle: " in text
    changed = write("changed.yaml", text.replace("\ntitle: ", "\ntitle: Not ", 1))
    reformatted = write("reformatted.yaml", text + "\n# the same rubric, written otherwise\n")
    renamed = write("renamed.yaml", text.replace("\nversion: 1.1.0\n", "\nversion: 1.1.0-ours\n")
                    + "\n")
    assert runner.invoke(app, ["rubric", "validate", str(copy)]).exit_code in (0, 1)
    result = runner.invoke(app, ["rubric", "validate", str(changed)])
    assert result.exit_code == 2
    assert ('error: the id and version are those of the bundled rubric "ai-readiness-cohorts" '
            '1.1.0, but the content differs from it (version) [reference]; give your rubric an '
            "id of its own, or a version of its own (e.g. 1.1.0-ours)") in result.stdout
    assert runner.invoke(app, ["rubric", "validate", str(renamed)]).exit_code in (0, 1)
    assert runner.invoke(app, ["rubric", "validate", str(reformatted)]).exit_code in (0, 1)
    write(".git/HEAD", "")  # scored through an answers file naming it: refused alike
    answers = write("a.yaml", "rubric: changed.yaml\norganization: T\ndate: 2026-01-01\n")
    result = runner.invoke(app, ["assess", str(answers)])
    assert result.exit_code == 2 and "content differs from it (version)" in result.stderr


#: Each bundled rubric's version and a digest of its content (the validated rubric as
#: JSON). A rubric file that gives a bundled id and version must hold that content, so the
#: version has to change whenever the content does: then update both here.
PINNED = {"ai-outcome-alignment": ("1.1.0", "8eef37132d6b7077"),
          "ai-performance-stages": ("1.1.0", "dd4e1287fadf8c58"),
          "ai-readiness-cohorts": ("1.1.0", "31dd28491228b11c"),
          "contact-center-ai-maturity": ("1.2.0", "ce8bad95e2824801")}


def test_a_bundled_rubric_changes_its_version_when_its_content_changes() -> None:
    """The bundled rubrics were edited at 1.0.0 eight times: a user's unchanged copy of an
    earlier one would be refused as a look-alike (a review)."""
    found = {}
    for rubric_id in sorted(PINNED):
        rubric = load_rubric(rubric_id).rubric
        found[rubric_id] = (rubric.version,
                            hashlib.sha256(rubric.model_dump_json().encode()).hexdigest()[:16])
    assert found == PINNED, "a bundled rubric changed: give it a new version, then pin it here"

