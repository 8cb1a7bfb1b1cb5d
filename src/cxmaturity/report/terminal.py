"""The Rich terminal report of one assessment. It renders; it decides nothing."""

from __future__ import annotations

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from cxmaturity.escape.terminal import prose, text
from cxmaturity.model.result import (
    Assessment,
    BandView,
    DimensionResult,
    Disagreement,
    Fact,
    MetricPlacement,
)
from cxmaturity.report.bullets import bullet_rows, section
from cxmaturity.report.charts import band_scale
from cxmaturity.report.explain import (
    FIT_MARKS,
    answered_text,
    between_levels,
    counted_note,
    evidence_legend,
    fact_text,
    facts_about,
    move_text,
    no_plan,
    percent_text,
    rule_line,
    span_text,
    trait_text,
)
from cxmaturity.report.palette import level_rank

LEVEL_STYLES = ("red", "yellow", "cyan", "green")


def level_style(level: int | None, top: int) -> str:
    """A colour per level, the same in every table."""
    return "dim" if level is None else LEVEL_STYLES[level_rank(level, top)]


def render(result: Assessment) -> RenderableType:
    """The whole report, top to bottom."""
    parts: list[RenderableType | None] = [_header(result), _verdict(result), _source(result),
                                          _ladder(result), _dimensions(result)]
    parts += [_metric(result, m) for m in result.metrics]
    parts += [section("Flags", [f.message for f in result.flags], "yellow")]
    parts += [section("Respondents disagree (more than one step apart)",
                       [disagreement_line(d) for d in result.disagreements], "yellow")]
    parts += _plan(result)
    return Group(*[p for p in parts if p is not None])


def disagreement_line(item: Disagreement) -> Text:
    """One disagreement: the question, who said what, and the answer kept."""
    said = "; ".join(f"{who}: {answer}" for who, answer in item.answers)
    return text(f"{item.label} [{item.item}] {said} → kept {item.consensus}")


def _header(result: Assessment) -> RenderableType:
    lines = Text()
    lines.append(prose(result.organization), style="bold")
    if result.site:
        lines.append(f" · {prose(result.site)}")
    lines.append(f"\nAssessed {result.date.isoformat()}")
    if result.assessor:
        lines.append(f" by {prose(result.assessor)}")
    if result.respondents:
        lines.append(f"\nRespondents: {', '.join(prose(r) for r in result.respondents)}")
    if result.merged_from:
        lines.append(f"\nMerged from {len(result.merged_from)} answers files "
                     "(consensus: lower median per question)")
    lines.append(f"\nRubric: {prose(result.rubric.title)} {prose(result.rubric.version)}",
                 style="dim")
    lines.append(f"\nSource: {prose(result.rubric.source)}", style="dim")
    return Panel(lines, title="cxmaturity assessment", title_align="left", box=box.ROUNDED)


def _verdict(result: Assessment) -> RenderableType:
    overall = result.overall
    top = len(result.ladder)
    verdict = Text()
    if overall.level is None:
        verdict.append("Not assessed: no answer or metric carries evidence.", style="bold red")
        return Padding(verdict, (1, 0, 0, 1), expand=False)
    term = prose(result.level_term)
    verdict.append(f"{term} {overall.level} of {top} · {prose(overall.name)}",
                   style=f"bold {level_style(overall.level, top)}")
    if overall.score is not None:
        verdict.append(f"   score {overall.score:.2f}")
    verdict.append(f"   confidence {percent_text(result.confidence)}")
    if result.status == "insufficient-evidence":
        verdict.append(f"\nINSUFFICIENT EVIDENCE: only {percent_text(result.confidence)} of "
                       "the rubric's weight is answered (needs "
                       f"{percent_text(result.min_confidence)}). "
                       "Treat the level as provisional.", style="bold red")
    verdict.append(f"\n{prose(rule_line(result))}")
    for line in between_levels(result):
        verdict.append(f"\n{prose(line)}")
    if overall.not_assessed:
        names = [prose(d.name) for d in result.dimensions if d.id in overall.not_assessed]
        verdict.append(f"\nNot assessed (no evidence): {', '.join(names)}.", style="yellow")
    return Padding(verdict, (1, 0, 0, 1), expand=False)


def _source(result: Assessment) -> RenderableType | None:
    """The source's findings about the whole model and about the level reached."""
    found = facts_about(result)
    if result.overall.level is not None:
        found += facts_about(result, level=result.overall.level)
    return section("In the source", [fact_text(f) for f in found], "blue", (1, 0, 0, 1))


def _ladder(result: Assessment) -> RenderableType:
    table = Table(box=None, show_header=False, padding=(0, 1),
                  title=text(f"{result.level_term} ladder"),
                  title_justify="left", title_style="bold")
    table.add_column(width=2)
    table.add_column(justify="right", width=2)
    table.add_column()
    table.add_column(style="dim")
    top = len(result.ladder)
    for level in reversed(result.ladder):
        here = level.number == result.overall.level
        table.add_row("▶" if here else "", str(level.number),
                      text(level.name, f"bold {level_style(level.number, top)}" if here
                           else ""),
                      "◀ you are here" if here else "")
    return Padding(table, (1, 0, 0, 1), expand=False)


def _dimensions(result: Assessment) -> RenderableType:
    top = len(result.ladder)
    table = Table(box=box.SIMPLE_HEAD, title="Dimensions", title_justify="left",
                  title_style="bold", expand=False, padding=(0, 1))
    table.add_column("Dimension", ratio=3, overflow="fold")
    table.add_column(text(result.level_term), ratio=2)
    table.add_column("Allows", justify="right", width=6)
    table.add_column("Score", justify="right", width=5)
    table.add_column("Answered", justify="right", width=8)
    for dim in result.dimensions:
        table.add_row(text(dim.name if dim.counted else f"{dim.name} (context)"),
                      _dimension_level(dim, top),
                      "-" if dim.span is None else span_text(dim.span),
                      "-" if dim.score is None else f"{dim.score:.2f}", answered_text(dim))
    legend = text(evidence_legend(result.level_term), "dim")
    details = [_why(dim, result.level_term,
                    facts_about(result, dimension=dim.id, level=dim.level))
               for dim in result.dimensions if dim.evidence]
    return Padding(Group(table, legend, Text(""), *details), (1, 0, 0, 1), expand=False)


def _dimension_level(dim: DimensionResult, top: int) -> Text:
    if dim.level is None:
        return Text("not assessed", style="dim italic")
    return text(f"{dim.level} {dim.level_name}", level_style(dim.level, top))


def _why(dim: DimensionResult, term: str, dim_facts: list[Fact]) -> RenderableType:
    title = Text()
    title.append(prose(dim.name), style="bold")
    title.append(f" · {prose(term)} {dim.level}")
    if not dim.counted:
        title.append(f" ({counted_note(dim.counted)})", style="dim")
    rows = Table.grid(padding=(0, 1))
    rows.add_column(justify="right", width=5, no_wrap=True)
    rows.add_column()
    for trait in dim.looks_like:
        rows.add_row("", text(f"looks like: {trait_text(trait)}", "italic"))
    for fact in dim_facts:
        rows.add_row("", text(f"in the source: {fact_text(fact)}", "dim"))
    for item in dim.evidence:
        line = Text()
        line.append(f"{prose(item.label)} ", style="dim")
        line.append(f"→ {prose(item.given)}")
        mark = Text(f"{FIT_MARKS[item.fits]} {span_text(item.supports)}",
                    style="" if item.fits == "yes" else "yellow")
        rows.add_row(mark, line)
        if item.note:
            rows.add_row("", text(f"evidence: {item.note}", "dim italic"))
    if dim.unanswered:
        rows.add_row("", text(f"unknown: {', '.join(dim.unanswered)}", "yellow"))
    if dim.not_applicable:
        rows.add_row("", text(f"n/a: {', '.join(dim.not_applicable)}", "dim"))
    if dim.raise_by_one and dim.level is not None:
        moves = "; ".join(move_text(m) for m in dim.raise_by_one)
        rows.add_row("", text(f"to reach {term} {dim.level + 1}: {moves}", "cyan"))
    return Padding(Group(title, rows), (0, 0, 1, 0), expand=False)


def _metric(result: Assessment, metric: MetricPlacement) -> RenderableType:
    line = Text()
    term = prose(result.level_term)
    line.append(f"{prose(metric.name)}: {prose(metric.shown)}", style="bold")
    if metric.target_shown is not None or not metric.bands:
        return Padding(_target_line(metric, line, term, len(result.ladder)), (0, 0, 1, 1),
                       expand=False)
    if metric.level is not None:
        line.append(f" → {term} {metric.level} band")
    if metric.better:
        line.append(f"   ({prose(metric.better)} is better)", style="dim")
    return Padding(Group(line, BandBar(metric, len(result.ladder))), (0, 0, 1, 1),
                   expand=False)


def _target_line(metric: MetricPlacement, line: Text, term: str, top: int) -> Text:
    """A target metric on one line: value, target, met or missed (`term` shown as given)."""
    if metric.target_shown is None:
        line.append("   no target set", style="yellow")
        return line
    line.append(f"   target {prose(metric.target_shown)}")
    if metric.level is not None:
        met = max(b.level for b in metric.bands) == metric.level
        line.append("   ✓ met" if met else "   ✗ missed", style=level_style(metric.level, top))
        line.append(f" → {term} {metric.level}")
    return line


class BandBar:
    """A metric's bands drawn to scale (gaps as dots), each labelled, with a marker under the
    value: as wide as the space it is given, up to BAR_WIDTH."""

    def __init__(self, metric: MetricPlacement, top: int) -> None:
        self.metric = metric
        self.top = top

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield _band_bar(self.metric, self.top, max(MIN_BAR, min(BAR_WIDTH, options.max_width)))

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(MIN_BAR, min(BAR_WIDTH, options.max_width))


#: The band bar's width where there is room, and the least it is drawn at.
BAR_WIDTH = 60
MIN_BAR = 20


def _band_bar(metric: MetricPlacement, top: int, width: int) -> Text:
    """The bar, `width` columns wide, with its labels, the value's marker and a legend."""
    start, end = band_scale(metric)
    span = end - start
    bar, labels = Text(), [" "] * width
    previous: BandView | None = None
    for cell in range(width):
        value = start + (cell + 0.5) * span / width
        band = next((b for b in metric.bands if (b.min is None or b.min <= value)
                     and (b.max is None or value < b.max)), None)
        if band is None:
            bar.append("·", style="dim")
        else:
            bar.append("━" if band.basis == "source" else "┄",
                       style=level_style(band.level, top))
            if previous is None or band.level != previous.level:
                label = f"L{band.level}"
                labels[cell:cell + len(label)] = list(label)
        previous = band
    lines = [Text("".join(labels[:width]).rstrip()), bar]
    if metric.value is not None:
        position = min(width - 1, max(0, int((metric.value - start) / span * width)))
        shown = prose(metric.shown)
        marker = f"▲ {shown}"
        if position + len(marker) > width:  # near the right end: the value left of the mark
            marker = f"{shown} ▲"
            position = max(0, position + 1 - len(marker))
        lines.append(Text(" " * position + marker))
    legend = [f"{start:g} … {end:g}", "━ source band", "┄ interpretation", "· gap"]
    lines += [Text(line, style="dim") for line in _fit(legend, width)]
    return Text("\n").join(lines)


def _fit(parts: list[str], width: int, gap: str = "   ") -> list[str]:
    """`parts` joined by `gap` into as few lines of at most `width` as they fit in."""
    lines: list[str] = []
    for part in parts:
        if lines and len(lines[-1]) + len(gap) + len(part) <= width:
            lines[-1] += gap + part
        else:
            lines.append(part)
    return lines


def _plan(result: Assessment) -> list[RenderableType | None]:
    outlook = result.next
    if outlook is None:
        why = no_plan(result)
        return [_raise(result), section("Next", [why] if why else [], "green")]
    dims = {d.id: d for d in result.dimensions}
    steps: list[str | Text | Table] = [
        _labelled(dims[s.dimension].name, dims[s.dimension].advice or "")
        for s in outlook.roadmap if dims[s.dimension].advice]
    if outlook.shift_headline:
        steps.append(_labelled("Shift forward", outlook.shift_headline))
        if outlook.shift_steps:
            steps.append(bullet_rows(outlook.shift_steps, mark="-", width=1))
    outcomes: list[str | Text] = [_labelled(aspect, expect) for aspect, expect in outlook.outcomes]
    outcomes += [_labelled("Measured", measure) for measure in outlook.measures]
    outcomes += [_labelled("In the source", fact_text(f))
                 for f in facts_about(result, level=outlook.number)]
    term = result.level_term
    return [
        _raise(result),
        _blockers(result),
        section("Next steps", steps, "cyan"),
        section(f"What to expect at {term} {outlook.number}", outcomes, "green"),
    ]


def _raise(result: Assessment) -> RenderableType | None:
    """The fewest changes found that would raise the overall level by one."""
    moves = result.overall.raise_by_one
    if not moves or result.overall.level is None:
        return None
    names = {d.id: d.name for d in result.dimensions}
    lines: list[str | Text] = [_labelled(names[m.dimension], move_text(m)) for m in moves]
    return section(f"Fewest changes to reach {result.level_term} {result.overall.level + 1}",
                    lines, "cyan")


def _labelled(label: str, said: str) -> Text:
    line = Text()
    line.append(f"{prose(label)}: ", style="bold")
    line.append(prose(said))
    return line


def _blockers(result: Assessment, shown: int = 2) -> RenderableType | None:
    """Blockers grouped by dimension, biggest gap first; the rest are counted, not listed."""
    outlook = result.next
    assert outlook is not None
    names = {d.id: d.name for d in result.dimensions}
    grouped: dict[str, list[str]] = {}
    for blocker in outlook.blockers:
        said = f"{blocker.text} → aim for: {blocker.toward}" if blocker.toward else blocker.text
        grouped.setdefault(blocker.dimension, []).append(said)
    lines: list[str | Text] = []
    for dimension, texts in grouped.items():
        extra = len(texts) - shown
        more = f" (+{extra} more)" if extra > 0 else ""
        lines.append(_labelled(names[dimension], "; ".join(texts[:shown]) + more))
    return section(f"What blocks {result.level_term} {outlook.number} ({outlook.name})", lines,
                    "red")
