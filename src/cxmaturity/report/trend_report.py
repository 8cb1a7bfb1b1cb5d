"""Renderers of a :class:`~cxmaturity.model.trend.Trend`: a table of levels per date with sparklines
and pace, and a character chart of the overall score (one column per assessment)."""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from cxmaturity.escape.markdown import inline
from cxmaturity.escape.terminal import prose, text
from cxmaturity.model.trend import Pace, Trend
from cxmaturity.report.formats import Renderer
from cxmaturity.report.terminal import level_style
from cxmaturity.report.text import rendered

SPARKS = "▁▂▄▆█"
COLUMN = 12


def sparkline(levels: list[int | None], top: int) -> str:
    """One character per assessment, taller for higher levels; `·` where not assessed."""
    marks = []
    for level in levels:
        if level is None:
            marks.append("·")
        else:
            marks.append(SPARKS[min(len(SPARKS) - 1, round((level - 1) * 4 / max(top - 1, 1)))])
    return "".join(marks)


def pace_text(pace: Pace, term: str, short: bool = False) -> str:
    """E.g. `+0.27/qtr, Level 3 in ~4.1 qtr` (`+0.27/q, L3 in ~4.1q` when short), or `-`;
    `term` is what the rubric calls its levels."""
    if pace.per_quarter is None:
        return "-"
    unit, level = ("q", term[:1]) if short else (" qtr", f"{term} ")
    text = f"{round(pace.per_quarter, 2) + 0.0:+.2f}/{unit.strip()}"
    if pace.quarters_to_next is not None:
        text += f", {level}{pace.next_level} in ~{pace.quarters_to_next:g}{unit}"
    return text


def score_chart(trend: Trend) -> list[str]:
    """The overall score over time: rows at each level and half level, a dot per date."""
    rows = 2 * (trend.top - 1) + 1
    width = COLUMN * len(trend.points)
    grid = [[" "] * width for _ in range(rows)]
    for i, point in enumerate(trend.points):
        if point.score is None:
            continue
        row = round((min(max(point.score, 1.0), trend.top) - 1) * 2)
        grid[rows - 1 - row][i * COLUMN + COLUMN // 2] = "●"
    lines = []
    for r, cells in enumerate(grid):
        level = trend.top - r / 2
        axis = f"{level:>2g} ┤" if level == int(level) else "   │"
        lines.append((axis + "".join(cells)).rstrip())
    ticks = "".join("┬".center(COLUMN, "─") for _ in trend.points)
    lines.append("   └" + ticks)
    lines.append("    " + "".join(p.date.isoformat().center(COLUMN) for p in trend.points))
    return lines


def _levels_table(trend: Trend) -> Table:
    table = Table(box=box.SIMPLE_HEAD, title=text(f"{trend.level_term}s over time"),
                  title_justify="left", title_style="bold", padding=(0, 1))
    rows = [("Overall", [p.level for p in trend.points], trend.overall)]
    rows += [(name, [p.levels.get(i) for p in trend.points], pace)
             for (i, name), pace in zip(trend.dimensions, trend.paces, strict=True)]
    paces = [pace_text(pace, trend.level_term, short=True) for _, _, pace in rows]
    table.add_column("", min_width=12, ratio=1)
    for point in trend.points:
        table.add_column(f"{point.date.year}\n{point.date:%m-%d}", justify="center",
                         no_wrap=True)
    table.add_column("Trend", no_wrap=True)
    # The pace may wrap before its forecast, never be cut: the forecast is what it says.
    table.add_column("Pace", min_width=max(len(said.rpartition(" ")[0] or said)
                                           for said in paces))
    for (name, levels, _), said in zip(rows, paces, strict=True):
        cells = [Text("-" if lv is None else str(lv), style=level_style(lv, trend.top))
                 for lv in levels]
        table.add_row(text(name, "bold" if name == "Overall" else ""), *cells,
                      sparkline(levels, trend.top), text(said))
    return table


#: What a trend of one date says instead of a pace.
ONE_DATE = "a trend needs assessments on two dates or more"


def span(trend: Trend) -> str:
    """`4 assessments over 273 days`, or what one date means (`1 assessment, on ...`)."""
    count = len(trend.points)
    if trend.days:
        return f"{count} assessments over {trend.days} days"
    on = trend.points[0].date.isoformat()
    return f"1 assessment, on {on}" if count == 1 else f"{count} assessments, all on {on}"


def render_trend(trend: Trend) -> RenderableType:
    """The trend for a terminal."""
    head = text(f"{trend.organization}{' · ' + trend.site if trend.site else ''}", "bold")
    head.append(f"\n{span(trend)} · {prose(trend.rubric)}", style="dim")
    chart = Text("Overall score over time (one column per assessment)\n", style="bold")
    chart.append("\n".join(score_chart(trend)))
    pace = pace_text(trend.overall, trend.level_term)
    note = f"Pace: {pace} overall (least-squares slope of the score; a quarter is 91.25 days)." \
        if trend.days else f"Pace: {ONE_DATE}."
    return Group(Padding(head, (0, 0, 1, 0)), _levels_table(trend), Padding(chart, (0, 0, 1, 1)),
                 text(note, "dim"), *(text(f"Note: {n}", "yellow") for n in trend.notes))


def render_trend_markdown(trend: Trend) -> str:
    """The trend as a Markdown document."""
    dates = [p.date.isoformat() for p in trend.points]
    lines = [f"# {inline(trend.organization)}"
             f"{' · ' + inline(trend.site) if trend.site else ''}: maturity over time", "",
             f"{span(trend)} · {inline(trend.rubric)}", "",
             "| | " + " | ".join(dates) + " | Trend | Pace |",
             "|---|" + "---:|" * len(dates) + "---|---|"]
    rows = [("**Overall**", [p.level for p in trend.points], trend.overall)]
    rows += [(inline(name), [p.levels.get(i) for p in trend.points], pace)
             for (i, name), pace in zip(trend.dimensions, trend.paces, strict=True)]
    for name, levels, pace in rows:
        shown = " | ".join("-" if lv is None else str(lv) for lv in levels)
        lines.append(f"| {name} | {shown} | `{sparkline(levels, trend.top)}` | "
                     f"{inline(pace_text(pace, trend.level_term))} |")
    lines += ["", "Overall score over time:", "", "```", *score_chart(trend), "```", "",
              "Pace is the least-squares slope of the score, in points per quarter (91.25 days)."
              if trend.days else f"Pace: {ONE_DATE}."]
    if trend.notes:
        lines += ["", *(f"- {inline(note)}" for note in trend.notes)]
    return "\n".join(lines) + "\n"


class RichTrend(Renderer[Trend]):
    """`--format rich`: colour on a terminal, plain text in a pipe or file."""

    def render(self, subject: Trend) -> str:
        return rendered(render_trend(subject), self.context)


class MarkdownTrend(Renderer[Trend]):
    """`--format markdown`."""

    def render(self, subject: Trend) -> str:
        return render_trend_markdown(subject)
