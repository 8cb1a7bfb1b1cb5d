"""`rubric list` and `rubric show`: plain text in a pipe, with the rubric's content."""

from __future__ import annotations

import pytest

from cxmaturity.catalog import bundled_ids, load_rubric
from cxmaturity.cli import app

from .conftest import DATA


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
