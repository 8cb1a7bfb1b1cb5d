"""The HTML and Markdown reports: self-contained, escaped, and carrying every section."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from cxmaturity.cli import app
from cxmaturity.escape.markdown import inline
from cxmaturity.load.submission import read_submission
from cxmaturity.report.html import render_html
from cxmaturity.report.markdown import render_markdown
from cxmaturity.scoring.engine import score

from ..conftest import DATA, EXAMPLES

TINY = DATA / "rubrics" / "tiny.yaml"


@pytest.fixture(scope="module")
def healthcare():  # type: ignore[no-untyped-def]
    return score(read_submission(str(EXAMPLES / "healthcare-level2.yaml")))


def test_html_is_self_contained(healthcare) -> None:  # type: ignore[no-untyped-def]
    page = render_html(healthcare)
    assert page.startswith("<!DOCTYPE html>")
    for outside in ("http:", "https:", "//", "<script", "@import", "url(", "<link rel=\"style"):
        assert outside not in page.replace("<!DOCTYPE", ""), outside
    assert "@media print" in page and "@media (max-width: 760px)" in page


def test_html_has_every_section(healthcare) -> None:  # type: ignore[no-untyped-def]
    page = render_html(healthcare)
    for section in ("verdict", "radar", "dimensions", "metrics", "roadmap", "evidence"):
        assert f'id="{section}"' in page
    assert "◀ you are here" in page and "Level 2 of 4 · AI Bolt-On" in page
    assert page.count('<polygon class="current"') == 1
    assert page.count('<polygon class="target"') == 1
    assert "Roadmap to Level 3 · AI-Native" in page
    assert "Automation coverage 16% &lt; 30%" in page
    assert "The AI Maturity Model for Contact Centers, Crescendo (2026)" in page
    assert "A vendor upgrade broke an integration last quarter" in page


def test_radar_has_one_spoke_per_dimension(healthcare) -> None:  # type: ignore[no-untyped-def]
    page = render_html(healthcare)
    radar = page[page.index('id="radar"'):page.index('id="dimensions"')]
    assert radar.count("<circle") == len(healthcare.dimensions) == 8
    assert radar.count("<line") == 8


def test_user_text_is_escaped(write) -> None:  # type: ignore[no-untyped-def]
    path: Path = write("a.yaml", f"rubric: {TINY}\norganization: '<script>alert(1)</script>'\n"
                       "date: 2026-01-01\nanswers: {t1: {answer: 'yes', evidence: 'a | b <i>'}}\n")
    result = score(read_submission(str(path)))
    page = render_html(result)
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "a | b &lt;i&gt;" in page
    assert "INSUFFICIENT" not in page and "Insufficient evidence" in page


def test_markdown_sections_and_tables(healthcare) -> None:  # type: ignore[no-untyped-def]
    text = render_markdown(healthcare)
    assert text.startswith("# Meridian Health Network · Patient and provider services\n\n")
    for heading in ("## Where you are", "## Dimensions", "## Automation coverage: 16%",
                    "## Roadmap to Level 3 · AI-Native", "### What to expect at Level 3",
                    "## Evidence"):
        assert f"\n{heading}" in text
    assert "| 2 | AI Bolt-On | ◀ **you are here** |" in text
    assert "\n\n\n" not in text and text.endswith("\n")
    rows = [line for line in text.splitlines() if line.startswith("| Automation coverage |")]
    assert rows[0] == "| Automation coverage | 2 AI Bolt-On | 2 | 2.00 | 100% | `██┆░` |"


def test_markdown_roadmap_states_priority(healthcare) -> None:  # type: ignore[no-untyped-def]
    text = render_markdown(healthcare)
    firsts = re.findall(r"^1\. \*\*(.+?)\*\*: Level (\d) → (\d) \(gap ([\d.]+) \u00d7 weight", text,
                        re.MULTILINE)
    assert firsts and firsts[0][1:3] == ("2", "3")


def test_cell_escapes_pipes_and_newlines() -> None:
    assert inline("a | b\n  c") == "a \\| b c"


@pytest.mark.parametrize("fmt", ["html", "markdown"])
def test_formats_write_files(runner, tmp_path, fmt: str) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / f"report.{fmt}"
    result = runner.invoke(app, ["assess", str(EXAMPLES / "retail-level1.yaml"), "-f", fmt,
                                 "-o", str(target)])
    assert result.exit_code == 0 and result.stdout == ""
    assert "Northwind Retail" in target.read_text(encoding="utf-8")


def test_source_findings_show_beside_the_level(runner) -> None:  # type: ignore[no-untyped-def]
    example = str(EXAMPLES / "parcel-logistics-level1.yaml")
    text = " ".join(runner.invoke(app, ["assess", example]).stdout.split())
    assert "In the source • Of the organizations surveyed, 51.4% were AI-Capable and 48.6% " \
        "AI-Aspirational." in text
    assert "Measuring business impact · Cohort 1 (context: not counted in the overall level)" \
        in text
    assert "in the source: Listed under what AI-Aspirational organizations lack: 35.1%" in text
    document = json.loads(runner.invoke(app, ["assess", example, "-f", "json"]).stdout)
    assert {"text", "level", "dimension", "basis"} <= set(document["facts"][0])
    assert [d["counted"] for d in document["dimensions"]] == [True, True, True, True, False]
    markdown = runner.invoke(app, ["assess", example, "-f", "markdown"]).stdout
    assert "In the source: Of the organizations surveyed, 51.4%" in markdown


def test_next_levels_measures_show_in_the_plan(runner) -> None:  # type: ignore[no-untyped-def]
    example = str(EXAMPLES / "healthcare-level2.yaml")
    text = " ".join(runner.invoke(app, ["assess", example]).stdout.split())
    assert "Measured: CSAT, customer effort and containment, tracked per journey." in text
    document = json.loads(runner.invoke(app, ["assess", example, "-f", "json"]).stdout)
    assert document["next"]["measures"][0].startswith("CSAT, customer effort")
