"""The smaller surprises of a first hour (issue 14): the template's width and modeline, the
interview's folder check, compare's warnings, trend on one file, the band bar on narrow
terminals, and the rubric-test hook on a rubric without cases."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from cxmaturity.author.writer import MODELINE, template
from cxmaturity.cli import app
from cxmaturity.load.bundled import bundled_ids
from cxmaturity.load.catalog import load_rubric

from ..conftest import DATA, EXAMPLES, ROOT

HISTORY = EXAMPLES / "history"


@pytest.mark.parametrize("rubric_id", bundled_ids())
def test_the_template_fits_80_columns_and_starts_with_the_modeline(rubric_id: str) -> None:
    text = template(load_rubric(rubric_id).rubric, rubric_id, dt.date(2026, 5, 1))
    lines = text.splitlines()
    assert lines[0] == MODELINE
    assert lines.index("---") == lines.index(f"rubric: {rubric_id}") - 1  # yamllint's start
    assert [line for line in lines if line.lstrip().startswith("#") and len(line) > 80] == []
    # The command that writes the schema is one line, to copy as it is.
    assert f"# cxmaturity schema answers -r {rubric_id} > answers.schema.json" in lines


def test_the_templates_schema_command_is_whole_and_quoted(tmp_path) -> None:  # type: ignore[no-untyped-def]
    reference = "my models/a rubric with a long name, longer than one line holds.yaml"
    text = template(load_rubric("ai-readiness-cohorts").rubric, reference, dt.date(2026, 5, 1))
    assert f"# cxmaturity schema answers -r '{reference}' > answers.schema.json" in \
        text.splitlines()


def test_the_interview_checks_its_folder_before_the_first_question(runner, tmp_path) -> None:  # type: ignore[no-untyped-def]
    output = tmp_path / "missing" / "answers.yaml"
    result = runner.invoke(app, ["interview", "-o", str(output)], input="Acme\n")
    assert result.exit_code == 2
    assert "Organization" not in result.stdout
    assert result.stderr == (f"error: {output}: the folder {output.parent} does not exist; "
                             "create it first, or choose another --output\n")


def test_compare_warns_about_reversed_dates(runner) -> None:  # type: ignore[no-untyped-def]
    old, new = HISTORY / "meridian-2026-04.yaml", HISTORY / "meridian-2026-01.yaml"
    result = runner.invoke(app, ["compare", str(old), str(new), "-f", "json"])
    assert result.exit_code == 0
    assert result.stderr == (
        f"warning: {new} (2026-01-09) is dated before {old} (2026-04-03); did you mean "
        f"`cxmaturity compare {new} {old}`?\n")


def test_compare_warns_about_different_organizations(runner) -> None:  # type: ignore[no-untyped-def]
    old, new = HISTORY / "meridian-2026-01.yaml", EXAMPLES / "healthcare-level2.yaml"
    other = EXAMPLES / "retail-level1.yaml"
    result = runner.invoke(app, ["compare", str(old), str(other), "-f", "json"])
    assert result.exit_code == 0
    assert result.stderr.startswith(
        "warning: the two assessments are of different organizations (Meridian Health "
        "Network · ")
    same = runner.invoke(app, ["compare", str(old), str(new), "-f", "json"])
    assert "different organizations" not in same.stderr


def test_trend_on_one_file_says_a_trend_needs_two_dates(runner) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["trend", str(HISTORY / "meridian-2026-01.yaml")])
    assert result.exit_code == 0
    assert "1 assessment, on 2026-01-09 · contact-center-ai-maturity" in result.stdout
    assert "assessments over 0 days" not in result.stdout
    assert "Pace: a trend needs assessments on two dates or more." in result.stdout
    assert result.stderr == ("warning: 1 assessment, on 2026-01-09: a trend needs assessments "
                             "on two dates or more\n")


@pytest.mark.parametrize("width", [60, 50, 40])
def test_the_band_bar_fits_a_narrow_terminal(runner, monkeypatch, width: int) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("COLUMNS", str(width))
    result = runner.invoke(app, ["assess", str(EXAMPLES / "healthcare-level2.yaml"), "-f", "text"])
    lines = result.stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(" Automation coverage: "))
    bar = lines[start + 1:lines.index("", start)]
    assert bar[1].lstrip().startswith("━") and "▲ 16%" in bar[2]
    assert max(len(line) for line in bar) <= width, "\n".join(bar)


def test_the_rubric_test_hook_passes_a_rubric_without_cases(runner, tmp_path) -> None:  # type: ignore[no-untyped-def]
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    entry = next(h["entry"] for h in hooks if h["id"] == "cxmaturity-rubric-test").split()
    rubric = tmp_path / "rubrics" / "mine.yaml"
    rubric.parent.mkdir()
    rubric.write_text((DATA / "rubrics" / "tiny.yaml").read_text())
    result = runner.invoke(app, [*entry[1:], str(rubric)])
    assert result.exit_code == 0
    assert result.stderr.startswith(f"warning: {Path(rubric.parent, 'cases', 'mine')}: no cases")


def test_rubric_text_in_the_template_is_wrapped_as_written(tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = ("$ 5 or more saved per contact: do you track the saving of each automated "
            "journey against its cost, month by month?")
    rubric = tmp_path / "r.yaml"
    rubric.write_text((DATA / "rubrics" / "tiny.yaml").read_text(encoding="utf-8")
                      .replace("text: Do you have tools?", f'text: "{text}"'), encoding="utf-8")
    lines = template(load_rubric(str(rubric)).rubric, "r.yaml", dt.date(2026, 5, 1)).splitlines()
    assert [line for line in lines if len(line) > 80] == []
    assert "  # $ 5 or more saved per contact: do you track the saving of each automated" in lines
