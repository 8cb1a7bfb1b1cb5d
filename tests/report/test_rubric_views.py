"""`rubric list` and `rubric show`: plain text in a pipe, with the rubric's content."""

from __future__ import annotations

import pytest

from cxmaturity.cli import app
from cxmaturity.load.bundled import bundled_ids
from cxmaturity.load.catalog import load_rubric

from ..conftest import DATA


def test_list_shows_each_bundled_rubric(runner) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["rubric", "list"])
    assert result.exit_code == 0
    assert "contact-center-ai-maturity" in result.stdout
    assert "1 Workflow, 2 AI Bolt-On" in result.stdout
    assert "\x1b[" not in result.stdout


def test_show_default_rubric_has_levels_bands_and_every_question(runner) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["rubric", "show"])
    assert result.exit_code == 0
    out = result.stdout
    rubric = load_rubric("contact-center-ai-maturity").rubric
    for question in rubric.questions:
        assert question.id in out
    for level in rubric.levels:
        assert level.name in out
    assert "Metric automation-coverage: Automation coverage (percent; a value on an edge: " \
        "lower-inclusive;\nbetween bands: lower)" in out
    assert "Overall rule: median" in out and "\x1b[" not in out


def test_show_by_path(runner) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["rubric", "show", str(DATA / "rubrics" / "tiny.yaml")])
    assert result.exit_code == 0 and "Tiny test rubric  tiny 0.1.0" in result.stdout


def test_show_unknown_rubric_exits_2_with_a_hint(runner) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["rubric", "show", "contact-centre-ai-maturity"])
    assert result.exit_code == 2
    assert 'did you mean "contact-center-ai-maturity"?' in result.stderr


@pytest.mark.parametrize("rubric_id", bundled_ids())
def test_show_every_bundled_rubric(runner, rubric_id: str) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["rubric", "show", rubric_id])
    assert result.exit_code == 0, result.output
    rubric = load_rubric(rubric_id).rubric
    assert all(f"Metric {m.id}: {m.name}" in result.stdout.replace("\n", " ")
               for m in rubric.metrics)


def test_show_target_metrics(runner) -> None:  # type: ignore[no-untyped-def]
    out = runner.invoke(app, ["rubric", "show", "ai-outcome-alignment"]).stdout.replace("\n", " ")
    assert "Metric cost-per-interaction: Cost per interaction (number; each operation sets " \
        "its own target; met: level 2, missed: level 1)" in out
    assert "Metric first-contact-resolution: First-contact resolution (percent; target 75% " \
        "or more (interpretation); met: level 2, missed: level 1)" in out


def test_show_has_each_levels_traits_measures_outcomes_and_guidance(runner) -> None:  # type: ignore[no-untyped-def]
    out = runner.invoke(app, ["rubric", "show"]).stdout.replace("\n", " ")
    out = " ".join(out.split())
    rubric = load_rubric("contact-center-ai-maturity").rubric
    level = rubric.level(3)
    assert "Level 3 · AI-Native" in out
    assert " ".join(level.characteristics[0].text.split()) in out
    assert " ".join(level.metrics_that_matter[0].split()) in out
    assert "CSAT impact: Consistent experiences that know the customer's context." in out
    assert level.shift_forward is not None and level.shift_forward.headline in out
    assert "In the source • The source defines CX waste as activity without outcomes" in out


def test_show_marks_interpretation_and_context(runner) -> None:  # type: ignore[no-untyped-def]
    stages = " ".join(runner.invoke(app, ["rubric", "show", "ai-performance-stages"])
                      .stdout.split())
    assert "Source: The 4 stages of AI maturity (The AI Performance Gap)" in stages
    assert "Workflow integration: AI findings arrive in dashboards and reports, after the " \
        "interaction is over. (interpretation)" in stages
    cohorts = " ".join(runner.invoke(app, ["rubric", "show", "ai-readiness-cohorts"])
                       .stdout.split())
    assert "51.4% were AI-Capable and 48.6% AI-Aspirational" in cohorts
    assert "(context, not counted)" in cohorts
