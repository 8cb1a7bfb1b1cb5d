"""Rubrics as Rich renderables: the catalogue table and a readable view of one rubric."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from cxmaturity.escape.terminal import prose, text
from cxmaturity.model.bands import format_value, ordered, target_phrase
from cxmaturity.model.rubric import Level, Metric, Rubric
from cxmaturity.report.bullets import bullet_rows
from cxmaturity.report.explain import percent_text


def catalogue(rubrics: list[Rubric]) -> RenderableType:
    """A table of rubrics: id, title, version, levels."""
    table = Table(title="Bundled rubrics", title_justify="left", expand=False)
    for column in ("id", "title", "version", "levels"):
        table.add_column(column)
    for rubric in rubrics:
        levels = ", ".join(f"{lv.number} {lv.name}" for lv in rubric.levels)
        table.add_row(text(rubric.id), text(rubric.title), text(rubric.version), text(levels))
    return table


def rubric_view(rubric: Rubric) -> RenderableType:
    """The whole rubric: source and what is interpretation, the rule, the source's findings,
    each level in full (traits, what is measured, outcomes, how to move on), dimensions,
    metric bands, scales and questions."""
    src = rubric.source
    head = Text.assemble((prose(rubric.title), "bold"),
                         f"  {prose(rubric.id)} {prose(rubric.version)}\n",
                         f"Source: {prose(src.cited)}")
    if src.document:
        head.append(f"\nDocument: {prose(src.document)}")
    if rubric.description:
        head.append(f"\n{prose(rubric.description)}")
    if src.notes:
        head.append(f"\nSource and interpretation: {prose(src.notes)}", style="dim")
    for line in _rule(rubric).split("\n"):
        head.append(f"\n{prose(line)}")
    facts = [f for f in rubric.facts if f.level is None and f.dimension is None]
    return Group(head, *_bullets("In the source", [_marked(f.text, f.basis) for f in facts]),
                 Text(""), _levels(rubric), *(_level(rubric, lv) for lv in rubric.levels),
                 Text(""),
                 _dimensions(rubric), *_metrics(rubric), _scales(rubric), *_questions(rubric))


def _flat(said: str) -> str:
    return " ".join(said.split())


def _marked(said: str, basis: str) -> str:
    return said + (" (interpretation)" if basis == "interpretation" else "")


def _rule(rubric: Rubric) -> str:
    rule = rubric.scoring.overall
    said = f"Overall rule: {rule.method}"
    if rule.max_gap is not None:
        said += f", at most {rule.max_gap} above the weakest dimension"
    caps = [m.id for m in rubric.metrics if m.caps_overall]
    if caps:
        said += f", capped by {', '.join(caps)}"
    return (said + f"; insufficient evidence below {percent_text(rubric.scoring.min_confidence)} "
            f"answered" + (f"\nWhy: {_flat(rule.rationale)}" if rule.rationale else ""))


def _bullets(title: str, lines: list[str]) -> list[RenderableType]:
    if not lines:
        return []
    return [Text(""), text(title, "bold"), bullet_rows(lines)]


def _level(rubric: Rubric, level: Level) -> RenderableType:
    """One level in full, as the source describes it and the rubric places it."""
    names = {d.id: d.name for d in rubric.dimensions}
    term = rubric.level_term
    parts: list[RenderableType] = [Text(""), text(f"{term} {level.number} · {level.name}",
                                                  "bold")]
    parts += _bullets("Looks like", [
        (f"{names[c.dimension]}: " if c.dimension in names else "") + _marked(c.text, c.basis)
        for c in level.characteristics])
    parts += _bullets("Measured", list(level.metrics_that_matter))
    aspects = {a.id: a.name for a in rubric.outcome_aspects}
    parts += _bullets("Outcomes", [f"{aspects.get(o.aspect, o.aspect)}: {o.expect}"
                                   for o in level.outcomes])
    facts = [f for f in rubric.facts if f.level == level.number]
    parts += _bullets("In the source", [
        (f"{names[f.dimension]}: " if f.dimension in names else "") + _marked(f.text, f.basis)
        for f in facts])
    if level.shift_forward:
        parts += _bullets(f"Moving on: {level.shift_forward.headline}",
                          list(level.shift_forward.steps))
    return Group(*parts)


def _table(title: str, *columns: str) -> Table:
    table = Table(title=text(title), title_justify="left", show_lines=False, expand=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    return table


def _levels(rubric: Rubric) -> Table:
    table = _table(f"{rubric.level_term}s", "#", "id", "name", "summary")
    for lv in rubric.levels:
        table.add_row(str(lv.number), text(lv.id), text(lv.name), text(lv.summary))
    return table


def _dimensions(rubric: Rubric) -> Table:
    table = _table("Dimensions", "id", "name", "weight", "evidence")
    for dim in rubric.dimensions:
        count = sum(q.dimension == dim.id for q in rubric.questions)
        metrics = [m.id for m in rubric.metrics if m.dimension == dim.id]
        evidence = f"{count} question(s)" + (f", {', '.join(metrics)}" if metrics else "")
        weight = f"{dim.weight:g}" if dim.in_overall else f"{dim.weight:g} (context, not counted)"
        table.add_row(text(dim.id), text(dim.name), weight, text(evidence))
    return table


def _metrics(rubric: Rubric) -> list[RenderableType]:
    tables: list[RenderableType] = []
    for metric in rubric.metrics:
        if metric.target is not None:
            tables.append(text(_target_line(metric), "italic"))
            continue
        tables.append(text(f"Metric {metric.id}: {metric.name} ({metric.unit}; a value on an "
                           f"edge: {metric.edges}; between bands: {metric.gaps})", "italic"))
        table = _table("", "level", "supports", "from", "to", "basis")
        for band in ordered(metric):
            table.add_row(str(band.level), _span(band.range),
                          text(format_value(metric, band.min)) if band.min is not None else "-",
                          text(format_value(metric, band.max)) if band.max is not None else "-",
                          band.basis)
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
    table = _table("Answer scales", "id", "options (id: label - meaning)")
    for scale in rubric.scales:
        table.add_row(text(scale.id), Text("\n").join(text(f"{o.id}: {o.described}")
                                                      for o in scale.options))
    return table


def _questions(rubric: Rubric) -> list[RenderableType]:
    tables: list[RenderableType] = []
    for dim in rubric.dimensions:
        questions = [q for q in rubric.questions if q.dimension == dim.id]
        if not questions:
            continue
        table = _table(f"Questions: {dim.name}", "id", "question", "scale", "answer → levels")
        for q in questions:
            origin = (f" (the source's signal of level {q.signal_of})" if q.signal_of else
                      f" (from level {q.trait_of}'s traits: interpretation)" if q.trait_of
                      else "")
            table.add_row(text(q.id), text(q.text + origin), text(q.scale),
                          text(" ".join(f"{o}→{_span(r)}" for o, r in q.supports.items())))
        tables.append(table)
    return tables


def _span(supported: tuple[int, int]) -> str:
    low, high = supported
    return f"{low}" if low == high else f"{low}-{high}"
