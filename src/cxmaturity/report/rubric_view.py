"""Rubrics as Rich renderables: the catalogue table and a readable view of one rubric."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from cxmaturity.bands import format_value, ordered, target_phrase
from cxmaturity.rubric import Metric, Rubric


def catalogue(rubrics: list[Rubric]) -> RenderableType:
    """A table of rubrics: id, title, version, levels."""
    table = Table(title="Bundled rubrics", title_justify="left", expand=False)
    for column in ("id", "title", "version", "levels"):
        table.add_column(column)
    for rubric in rubrics:
        levels = ", ".join(f"{lv.number} {lv.name}" for lv in rubric.levels)
        table.add_row(rubric.id, rubric.title, rubric.version, levels)
    return table


def rubric_view(rubric: Rubric) -> RenderableType:
    """The whole rubric: source, levels, dimensions, metric bands, scales and questions."""
    src = rubric.source
    head = Text.assemble((rubric.title, "bold"), f"  {rubric.id} {rubric.version}\n",
                         f"Source: {src.model}, {src.publisher} ({src.year})")
    if rubric.description:
        head.append(f"\n{' '.join(rubric.description.split())}")
    rule = rubric.scoring.overall
    head.append(f"\nOverall rule: {rule.method}; insufficient evidence below "
                f"{rubric.scoring.min_confidence:.0%} answered")
    return Group(head, _levels(rubric), _dimensions(rubric), *_metrics(rubric),
                 _scales(rubric), *_questions(rubric))


def _table(title: str, *columns: str) -> Table:
    table = Table(title=title, title_justify="left", show_lines=False, expand=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    return table


def _levels(rubric: Rubric) -> Table:
    table = _table(f"{rubric.level_term}s", "#", "id", "name", "summary")
    for lv in rubric.levels:
        table.add_row(str(lv.number), lv.id, lv.name, " ".join(lv.summary.split()))
    return table


def _dimensions(rubric: Rubric) -> Table:
    table = _table("Dimensions", "id", "name", "weight", "evidence")
    for dim in rubric.dimensions:
        count = sum(q.dimension == dim.id for q in rubric.questions)
        metrics = [m.id for m in rubric.metrics if m.dimension == dim.id]
        evidence = f"{count} question(s)" + (f", {', '.join(metrics)}" if metrics else "")
        table.add_row(dim.id, dim.name, f"{dim.weight:g}", evidence)
    return table


def _metrics(rubric: Rubric) -> list[RenderableType]:
    tables: list[RenderableType] = []
    for metric in rubric.metrics:
        if metric.target is not None:
            tables.append(Text(_target_line(metric), style="italic"))
            continue
        tables.append(Text(f"Metric {metric.id}: {metric.name} ({metric.unit}; a value on an "
                           f"edge: {metric.edges}; between bands: {metric.gaps})",
                           style="italic"))
        table = _table("", "level", "from", "to", "basis")
        for band in ordered(metric):
            table.add_row(str(band.level), format_value(metric, band.min) if band.min is not None
                          else "-", format_value(metric, band.max) if band.max is not None
                          else "-", band.basis)
        tables.append(table)
    return tables


def _target_line(metric: Metric) -> str:
    target = metric.target
    assert target is not None
    goal = (f"target {target_phrase(metric, target.value)} ({target.basis})"
            if target.value is not None else "each operation sets its own target")
    return (f"Metric {metric.id}: {metric.name} ({metric.unit}; {goal}; met: level "
            f"{target.met}, missed: level {target.missed})")


def _scales(rubric: Rubric) -> Table:
    table = _table("Answer scales", "id", "options (id: label)")
    for scale in rubric.scales:
        table.add_row(scale.id, "; ".join(f"{o.id}: {o.label}" for o in scale.options))
    return table


def _questions(rubric: Rubric) -> list[RenderableType]:
    tables: list[RenderableType] = []
    for dim in rubric.dimensions:
        questions = [q for q in rubric.questions if q.dimension == dim.id]
        if not questions:
            continue
        table = _table(f"Questions: {dim.name}", "id", "question", "scale", "answer → levels")
        for q in questions:
            table.add_row(q.id, q.text, q.scale,
                          " ".join(f"{o}→{_span(r)}" for o, r in q.supports.items()))
        tables.append(table)
    return tables


def _span(supported: tuple[int, int]) -> str:
    low, high = supported
    return f"{low}" if low == high else f"{low}-{high}"
