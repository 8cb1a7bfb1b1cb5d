"""The HTML and Markdown reports: self-contained, escaped, and carrying every section."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from rich.console import Console

from cxmaturity.cli import app
from cxmaturity.escape.markdown import inline
from cxmaturity.load.submission import read_submission
from cxmaturity.model.result import BandView, MetricPlacement
from cxmaturity.report.charts import band_strip
from cxmaturity.report.html import render_html
from cxmaturity.report.markdown import render_markdown
from cxmaturity.report.terminal import BandBar
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


def test_a_long_dimension_name_stays_inside_the_radar(healthcare) -> None:  # type: ignore[no-untyped-def]
    """A 75-character name ran above the drawing's top edge; the table keeps it whole."""
    from cxmaturity.report.charts import radar

    long = "Customer data foundations, governance, lineage and shared context " * 2
    first = healthcare.dimensions[0].model_copy(update={"name": long})
    chart = radar(healthcare.model_copy(update={"dimensions": (first,
                                                               *healthcare.dimensions[1:])}))
    top = chart.spokes[0]  # the first spoke points straight up
    assert len(top.lines) == 4 and top.lines[-1].endswith("…")
    assert all(len(line) <= 26 for line in top.lines)
    highest = top.label_y - 6 * (len(top.lines) - 1) + 4 - 12  # the template's first line
    assert highest >= chart.top_edge
    assert radar(healthcare).spokes[1].lines == ("Channels and", "integration")


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


def test_markdown_and_html_list_the_fewest_changes_the_summary_counts(healthcare) -> None:  # type: ignore[no-untyped-def]
    """"To reach Level 3: 9 changes ... (see below)" names changes that every format lists,
    each with its dimension, in the order the text report gives them."""
    moves = healthcare.overall.raise_by_one
    assert len(moves) == 9
    text = render_markdown(healthcare)
    assert "To reach Level 3: 9 changes of answers or figures, in 5 dimensions (see below)." \
        in text
    section = text[text.index("\n## Fewest changes to reach Level 3\n"):
                   text.index("\n## Roadmap to Level 3")]
    listed = [line for line in section.splitlines() if line.startswith("- ")]
    assert listed[0] == "- Automation coverage: automation-coverage: 16% → 30% or more"
    assert [line.split(": ")[1] for line in listed] == [m.item for m in moves]
    page = render_html(healthcare)
    fewest = page[page.index('id="fewest"'):page.index('id="roadmap"')]
    assert "<h2>Fewest changes to reach Level 3</h2>" in fewest
    assert fewest.count("<li>") == 9
    assert "<li><strong>Planning and forecasting</strong>: architecture-strategy: 2 - Slightly " \
        "→ 4 - Mostly</li>" in fewest


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


def test_every_html_band_strip_draws_each_band_with_the_value_on_it(runner, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Target metrics have two open-ended bands (missed, met) around one edge: their strips
    were drawn on a scale from the target to itself, every band 0 wide (a review)."""
    out = tmp_path / "bank.html"
    assert runner.invoke(app, ["assess", str(EXAMPLES / "retail-bank-level2.yaml"),
                               "-o", str(out)]).exit_code == 0
    page = out.read_text()
    strips = re.findall(r'<svg class="strip".*?</svg>', page, re.S)
    assert len(strips) == 6
    for strip in strips:
        widths = [float(w) for w in re.findall(r'y="14" width="([0-9.]+)"', strip)]
        assert len(widths) == 2 and all(w > 0 for w in widths), strip
        marker = float(re.findall(r'<rect x="([0-9.-]+)" y="10"', strip)[0]) + 1.5
        assert 0 < marker < 1000, strip
    scales = re.findall(r"scale (\S+) \u2013 (\S+);", page)
    assert len(scales) == 6 and all(start != end for start, end in scales)


@pytest.mark.parametrize(("edges", "value", "unit"), [
    ([(None, 0), (0, None)], 5, "count"),          # a band of negative values, open below 0
    ([(0, 100), (100, None)], 80, "percent"),      # a band of 100% and more
    ([(0, 10), (10, 20)], 100000, "count"),        # a value far above every band (a typo)
    ([(10, 20), (20, 30)], -100000, "count"),      # and far below
    ([(None, 75), (75, None)], None, "percent"),   # a target, no value
])
def test_every_band_shows_on_the_text_bar_and_the_html_strip(
        edges: list[tuple[float | None, float | None]], value: float | None, unit: str) -> None:
    """A review found bands 0 wide: an open band cut off at 0 or 100, or every band squeezed
    into a corner by a value far outside them."""
    bands = tuple(BandView(level=level, supports=(level, level), min=low, max=high,
                           basis="source") for level, (low, high) in enumerate(edges, 1))
    metric = MetricPlacement(id="m", name="M", dimension="d", unit=unit, value=value,
                             shown=str(value), level=None, bands=bands)
    console = Console(width=40, record=True, color_system=None)
    console.print(BandBar(metric, len(bands)))
    labels = console.export_text().splitlines()[0].split()
    assert labels == [f"L{level}" for level in range(1, len(bands) + 1)]
    widths = [segment.width for segment in band_strip(metric, len(bands)).segments]
    assert all(width >= 10 for width in widths), widths  # each at least a tenth of the strip


def test_open_ended_bands_each_show_on_the_text_band_chart() -> None:
    """Bands open at both ends (at most 20, 20-60, 60 or more) showed only the middle one."""
    bands = (BandView(level=3, supports=(3, 3), min=None, max=20, basis="interpretation"),
             BandView(level=2, supports=(2, 2), min=20, max=60, basis="interpretation"),
             BandView(level=1, supports=(1, 1), min=60, max=None, basis="interpretation"))
    metric = MetricPlacement(id="asa", name="Speed of answer", dimension="d", unit="seconds",
                             value=20, shown="20 s", level=3, bands=bands, better="lower")
    console = Console(width=60, record=True, color_system=None)
    console.print(BandBar(metric, 3))
    labels, bar, marker, legend = console.export_text().splitlines()[:4]
    assert labels.split() == ["L3", "L2", "L1"]
    assert "·" not in bar and marker.strip() == "▲ 20 s"
    assert legend.startswith("0 … 80")


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_a_dimension_answered_all_n_a_reads_n_a_not_0_percent(write, runner, fmt: str) -> None:  # type: ignore[no-untyped-def]
    """"Answered 0%" read as "nobody answered" for questions that do not apply (a review)."""
    path = write("na.yaml", f"rubric: {TINY}\norganization: T\ndate: 2026-01-01\n"
                 "metrics: {coverage: 22%}\nanswers: {t1: 'yes', t2: partial, d1: n/a, d2: n/a}\n")
    result = runner.invoke(app, ["assess", str(path), "-f", fmt])
    assert result.exit_code == 0, result.output
    rows = result.stdout.split("</tr>") if fmt == "html" else result.stdout.splitlines()
    row = next(row for row in rows if "Data" in row and "not assessed" in row)
    assert "n/a" in row and "0%" not in row


@pytest.mark.parametrize(("fmt", "said"), [
    ("text", "n/a: d2"), ("markdown", "- Not applicable (n/a): d2"),
    ("html", '<p class="muted">Not applicable (n/a): d2</p>'),
    ("json", '"not_applicable": [\n        "d2"\n      ]')])
def test_every_report_lists_the_questions_answered_n_a(write, runner, fmt: str,  # type: ignore[no-untyped-def]
                                                        said: str) -> None:
    """An `n/a` answer left no trace in any report, while `unknown` ones were listed (a
    newcomer's review): what was left out must show."""
    path = write("na.yaml", f"rubric: {TINY}\norganization: T\ndate: 2026-01-01\n"
                 "metrics: {coverage: 22%}\nanswers: {t1: 'yes', t2: partial, d1: 'no', "
                 "d2: n/a}\n")
    result = runner.invoke(app, ["assess", str(path), "-f", fmt])
    assert result.exit_code == 0, result.output
    assert said in result.stdout
