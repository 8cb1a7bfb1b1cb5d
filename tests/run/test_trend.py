"""`trend`: one site's assessments in date order, the pace of change, and the chart."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cxmaturity.cli import app
from cxmaturity.errors import InputError
from cxmaturity.report.trend_report import score_chart, sparkline
from cxmaturity.run.history import expand
from cxmaturity.run.trend import trend_files

from ..conftest import DATA, EXAMPLES

TINY = DATA / "rubrics" / "tiny.yaml"
HISTORY = EXAMPLES / "history"


def _answers(write, name: str, date: str, level: str, site: str = "North"):  # type: ignore[no-untyped-def]
    return str(write(name, f"rubric: {TINY}\norganization: T\nsite: {site}\ndate: {date}\n"
                     f"answers: {{t1: {level}, t2: {level}, d1: {level}, d2: {level}}}\n"))


def test_points_are_ordered_by_date_and_paced(write) -> None:  # type: ignore[no-untyped-def]
    late = _answers(write, "b.yaml", "2026-07-01", "partial")  # every answer shows Level 2
    early = _answers(write, "a.yaml", "2026-01-01", "'no'")    # score 1.0
    trend = trend_files([late, early])
    assert [str(p.date) for p in trend.points] == ["2026-01-01", "2026-07-01"]
    assert [p.level for p in trend.points] == [1, 2]
    assert trend.days == 181
    tools = trend.paces[0]
    # tools: 1.0 -> 2.0 over 181 days = 1.0 / 181 * 91.25 per quarter
    assert tools.per_quarter == pytest.approx(1.0 / 181 * 91.25, abs=1e-4)
    assert tools.next_level == 3
    assert tools.quarters_to_next == pytest.approx(round(1.0 / tools.per_quarter, 1))


def test_a_rubric_changed_along_the_series_is_noted(write, runner) -> None:  # type: ignore[no-untyped-def]
    """Two files with the same answers, scored by a rubric edited in place between them,
    were joined as one series without a word (an adversarial review)."""
    edited = write("edited.yaml", TINY.read_text().replace("Do you have tools?",
                                                           "Do you have any tools?"))
    early = _answers(write, "a.yaml", "2026-01-01", "partial")

    def scored_by(name: str, rubric: Path, date: str) -> str:
        return str(write(name, Path(early).read_text().replace(str(TINY), str(rubric))
                         .replace("2026-01-01", date)))

    assert trend_files([early, scored_by("same.yaml", TINY, "2026-03-01")]).notes == ()
    edited_late = scored_by("b.yaml", edited, "2026-07-01")
    trend = trend_files([early, edited_late])
    assert trend.rubric == "tiny 0.1.0"
    assert trend.notes == ("The rubric's file differs between assessments of version 0.1.0 "
                           "(edited in place, or written otherwise): some movement may come "
                           "from the rubric.",)
    newer = write("newer.yaml", TINY.read_text().replace("version: 0.1.0", "version: 0.2.0"))
    back = [early, scored_by("c.yaml", newer, "2026-09-01"), scored_by("d.yaml", TINY,
                                                                       "2026-12-01")]
    assert trend_files(back).notes == ("The rubric's version changes along the series (0.1.0 → "
                                       "0.2.0 → 0.1.0); some movement may come from the rubric.",)
    for fmt in ("rich", "markdown", "json"):
        shown = runner.invoke(app, ["trend", *back, "-f", fmt]).stdout
        assert "0.1.0 → 0.2.0 → 0.1.0" in shown, fmt


def test_a_single_assessment_has_no_pace(write) -> None:  # type: ignore[no-untyped-def]
    trend = trend_files([_answers(write, "a.yaml", "2026-01-01", "'no'")])
    assert trend.overall.per_quarter is None and trend.overall.quarters_to_next is None


def test_another_site_is_refused(write) -> None:  # type: ignore[no-untyped-def]
    first = _answers(write, "a.yaml", "2026-01-01", "'no'")
    other = _answers(write, "b.yaml", "2026-04-01", "'no'", site="South")
    with pytest.raises(InputError) as caught:
        trend_files([first, other])
    assert str(caught.value) == (f'{other}: "T · South" is not the site of {first} '
                                 '("T · North"); give the files of one organization and site')


def test_history_folder(runner) -> None:  # type: ignore[no-untyped-def]
    trend = trend_files(expand([str(HISTORY)]))
    assert [p.level for p in trend.points] == [1, 1, 2, 2]
    assert trend.overall.per_quarter is not None and trend.overall.per_quarter > 0


def test_the_pace_wraps_rather_than_losing_its_forecast(runner) -> None:  # type: ignore[no-untyped-def]
    """Five dates at 80 columns cut every pace to `+0.39/q, L3 in` (a newcomer's review)."""
    result = runner.invoke(app, ["trend", str(EXAMPLES / "history"),
                                 str(EXAMPLES / "healthcare-level2.yaml")],
                           env={"COLUMNS": "80"})
    rows = result.stdout.splitlines()
    overall = next(i for i, line in enumerate(rows) if line.strip().startswith("Overall"))
    assert "~2.5q" in rows[overall] + rows[overall + 1]
    assert max(len(line) for line in rows) <= 80


def test_a_folder_leaves_out_json_schemas_and_a_schema_named_is_refused(  # type: ignore[no-untyped-def]
        runner, tmp_path) -> None:
    for answers in HISTORY.glob("*.yaml"):
        (tmp_path / answers.name).write_text(answers.read_text(), encoding="utf-8")
    schema = tmp_path / "answers.schema.json"
    schema.write_text(runner.invoke(app, ["schema", "answers"]).stdout)
    assert [p.level for p in trend_files(expand([str(tmp_path)])).points] == [1, 1, 2, 2]
    named = runner.invoke(app, ["trend", str(schema), str(tmp_path)])
    assert named.exit_code == 2
    assert "this looks like a JSON Schema (`cxmaturity schema`)" in named.stderr


def test_an_assessment_read_twice_is_warned_about(runner, tmp_path) -> None:  # type: ignore[no-untyped-def]
    answers = tmp_path / "site-01.yaml"
    answers.write_text((HISTORY / "meridian-2026-01.yaml").read_text(), encoding="utf-8")
    (tmp_path / "later.yaml").write_text((HISTORY / "meridian-2026-04.yaml").read_text(),
                                         encoding="utf-8")
    saved = runner.invoke(app, ["assess", str(answers), "-f", "json"]).stdout
    (tmp_path / "site-01.json").write_text(saved, encoding="utf-8")
    result = runner.invoke(app, ["trend", str(tmp_path), "-f", "json"])
    assert result.exit_code == 0
    assert f"warning: {answers} (2026-01-09) is read twice, as its answers and as a result " \
        "saved from them: give only one" in result.stderr
    once = runner.invoke(app, ["trend", str(answers), str(tmp_path / "later.yaml")])
    assert "read twice" not in once.stderr


def test_sparkline_and_chart() -> None:
    assert sparkline([1, 2, None, 4], 4) == "▁▂·█"
    trend = trend_files(expand([str(HISTORY)]))
    chart = score_chart(trend)
    assert len(chart) == 2 * (4 - 1) + 1 + 2
    assert chart[0] == " 4 ┤" and chart[-3].startswith(" 1 ┤")
    assert sum(line.count("●") for line in chart) == 4
    assert "2026-01-09" in chart[-1] and "2026-10-02" in chart[-1]


@pytest.mark.parametrize(("fmt", "needle"), [
    ("rich", "Levels over time"), ("markdown", "| **Overall** | 1 | 1 | 2 | 2 |"),
    ("json", '"per_quarter"')])
def test_cli_formats(runner, fmt: str, needle: str) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["trend", str(HISTORY), "-f", fmt])
    assert result.exit_code == 0, result.output
    assert needle in result.stdout
    if fmt == "json":
        assert len(json.loads(result.stdout)["points"]) == 4


def test_empty_folder_exits_2(runner, tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["trend", str(tmp_path)])
    assert result.exit_code == 2
    assert "no .yaml, .yml or .json files in this folder" in result.stderr


def test_folder_is_searched_like_assess_folders(tmp_path) -> None:  # type: ignore[no-untyped-def]
    early, late = sorted(HISTORY.iterdir())[:2]
    (tmp_path / "2026").mkdir()
    (tmp_path / "2026" / late.name).write_bytes(late.read_bytes())
    (tmp_path / early.name).write_bytes(early.read_bytes())
    (tmp_path / ".cxmaturity.yaml").write_text("fail-under: 2\n", encoding="utf-8")
    trend = trend_files(expand([str(tmp_path)]))
    assert [p.file for p in trend.points] == [str(tmp_path / early.name),
                                              str(tmp_path / "2026" / late.name)]


def test_a_file_named_again_inside_a_folder_is_read_once(runner) -> None:  # type: ignore[no-untyped-def]
    again = [str(HISTORY / "meridian-2026-01.yaml"), f"{HISTORY}/./meridian-2026-04.yaml"]
    result = runner.invoke(app, ["trend", str(HISTORY), *again, "-f", "json"])
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)["points"]) == 4
    assert "warning" not in result.stderr
