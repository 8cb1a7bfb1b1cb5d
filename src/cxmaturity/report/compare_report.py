"""Renderers of a :class:`~cxmaturity.model.comparison.Comparison`: Rich for the terminal,
Markdown for pull requests and wikis (JSON is :mod:`cxmaturity.report.json_report`)."""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from cxmaturity.escape.markdown import code, inline
from cxmaturity.escape.terminal import prose, text
from cxmaturity.model.comparison import Comparison, LevelChange, Snapshot
from cxmaturity.report.bullets import section
from cxmaturity.report.formats import Renderer
from cxmaturity.report.text import rendered

ARROWS = {"up": "▲", "down": "▼", "same": "=", "newly-assessed": "+",
          "no-longer-assessed": "-", "not-assessed": " "}
STYLES = {"up": "green", "down": "red", "same": "dim", "newly-assessed": "cyan",
          "no-longer-assessed": "yellow", "not-assessed": "dim"}


def _level(level: int | None) -> str:
    return "-" if level is None else str(level)


def _score(value: float | None, signed: bool = False) -> str:
    if value is None:
        return "-"
    return f"{value:+.2f}" if signed else f"{value:.2f}"


def _scores(change: LevelChange) -> str:
    """The score before and after (`1.50 → 2.25`)."""
    return f"{_score(change.before_score)} → {_score(change.after_score)}"


def _side(snap: Snapshot, term: str) -> str:
    level = "not assessed" if snap.level is None else f"{term} {snap.level} {snap.level_name}"
    return f"{snap.date.isoformat()}  {level}  ({snap.file})"


def _changes_table(comparison: Comparison) -> Table:
    table = Table(box=box.SIMPLE_HEAD, title=text(f"{comparison.level_term}s and scores"),
                  title_justify="left", title_style="bold", padding=(0, 1))
    for header, justify in (("", "left"), ("", "left"), ("Before", "right"),
                            ("After", "right"), ("Score", "right"), ("Δ score", "right")):
        table.add_column(header, justify=justify)  # type: ignore[arg-type]
    rows: list[LevelChange] = [comparison.overall, *comparison.dimensions]
    for change in rows:
        style = STYLES[change.direction]
        table.add_row(Text(ARROWS[change.direction], style=style),
                      text(change.name, "bold" if change.id == "overall" else ""),
                      _level(change.before_level), Text(_level(change.after_level), style=style),
                      _scores(change), _score(change.score_delta, signed=True))
    return table


def render_compare(comparison: Comparison) -> RenderableType:
    """The comparison for a terminal."""
    names = {c.id: c.name for c in comparison.dimensions}
    head = Text("cxmaturity compare", style="bold")
    term = comparison.level_term
    head.append(f"\n  before  {prose(_side(comparison.old, term))}"
                f"\n  after   {prose(_side(comparison.new, term))}"
                f"\n  {comparison.days} days apart")
    answers = [f"{a.label} [{a.id}]: {a.before} → {a.after}" for a in comparison.answers]
    parts = [
        Padding(head, (0, 0, 1, 0)), _changes_table(comparison),
        section(f"Answers changed ({len(answers)})", answers, "cyan"),
        section("New blockers", [f"{names.get(b.dimension, b.dimension)}: {b.text}"
                                  for b in comparison.new_blockers], "red"),
        section("Resolved blockers", [f"{names.get(b.dimension, b.dimension)}: {b.text}"
                                       for b in comparison.resolved_blockers], "green"),
        section("Notes", list(comparison.notes), "yellow"),
    ]
    return Group(*[p for p in parts if p is not None])


def render_compare_markdown(comparison: Comparison) -> str:
    """The comparison as a Markdown document."""
    names = {c.id: c.name for c in comparison.dimensions}
    old, new, term = comparison.old, comparison.new, comparison.level_term
    lines = [f"# {inline(new.organization)}{' · ' + inline(new.site) if new.site else ''}: "
             f"{old.date.isoformat()} → {new.date.isoformat()}", "",
             f"- Before: {inline(_side(old, term))}", f"- After: {inline(_side(new, term))}",
             f"- {comparison.days} days apart", "",
             "| | | Before | After | Score | Δ score |", "|---|---|---:|---:|---:|---:|"]
    for change in (comparison.overall, *comparison.dimensions):
        name = f"**{inline(change.name)}**" if change.id == "overall" else inline(change.name)
        lines.append(f"| {ARROWS[change.direction]} | {name} | {_level(change.before_level)} | "
                     f"{_level(change.after_level)} | {_scores(change)} | "
                     f"{_score(change.score_delta, signed=True)} |")
    if comparison.answers:
        lines += ["", f"## Answers changed ({len(comparison.answers)})", "",
                  "| Question | Before | After |", "|---|---|---|"]
        lines += [f"| {inline(a.label)} ({code(a.id)}) | {inline(a.before)} | "
                  f"{inline(a.after)} |" for a in comparison.answers]
    for title, blockers in (("New blockers", comparison.new_blockers),
                            ("Resolved blockers", comparison.resolved_blockers)):
        if blockers:
            lines += ["", f"## {title}", ""]
            lines += [f"- {inline(names.get(b.dimension, b.dimension))}: {inline(b.text)}"
                      for b in blockers]
    if comparison.notes:
        lines += ["", "## Notes", ""] + [f"- {inline(note)}" for note in comparison.notes]
    return "\n".join(lines) + "\n"


class RichComparison(Renderer[Comparison]):
    """`--format rich`: colour on a terminal, plain text in a pipe or file."""

    def render(self, subject: Comparison) -> str:
        return rendered(render_compare(subject), self.context)


class MarkdownComparison(Renderer[Comparison]):
    """`--format markdown`."""

    def render(self, subject: Comparison) -> str:
        return render_compare_markdown(subject)
