"""Scoring: a checked submission in, an explained :class:`Assessment` out. Pure and
deterministic. The rules are in :mod:`cxmaturity.scoring.levels` and the rubric's `scoring:`
block; docs/scoring.md explains them."""

from __future__ import annotations

from collections.abc import Iterable

from cxmaturity import __version__
from cxmaturity.load.index import band_views
from cxmaturity.load.submission import Submission
from cxmaturity.model import bands
from cxmaturity.model.result import (
    Assessment,
    DimensionResult,
    EvidenceItem,
    MetricPlacement,
    Overall,
    RubricStamp,
    Trait,
)
from cxmaturity.model.rubric import Dimension, Rubric
from cxmaturity.scoring import levels
from cxmaturity.scoring.changes import changes_to_reach, moves, overall_changes
from cxmaturity.scoring.evidence import DimensionEvidence, Evidence, gather, overall_caps
from cxmaturity.scoring.flags import flags
from cxmaturity.scoring.plan import outlook, plan_for


def score(sub: Submission, *, target: int | None = None) -> Assessment:
    """Score a submission. `target` is the level to plan for (default: one above overall)."""
    rubric = sub.rubric
    tallies = gather(sub)
    spans = {dim.id: levels.span_of(tallies[dim.id].weighed, rubric.top)
             for dim in rubric.dimensions}
    caps = overall_caps(sub, tallies)
    overall_level = _overall_level(rubric, spans, caps)
    goal = target if target is not None else (overall_level or 0) + 1
    dimensions = [_dimension(sub, dim, tallies[dim.id], spans[dim.id], overall_level, goal)
                  for dim in rubric.dimensions]
    overall = _overall(sub, dimensions, spans, tallies, caps, overall_level)
    confidence = _confidence(dimensions, tallies)
    sufficient = confidence + 1e-9 >= rubric.scoring.min_confidence
    return Assessment(
        tool_version=__version__,
        file=sub.file,
        rubric=_stamp(sub),
        organization=sub.answers.organization,
        site=sub.answers.site,
        date=sub.answers.date,
        assessor=sub.answers.assessor,
        respondents=tuple(_respondent(r.name, r.role) for r in sub.answers.respondents),
        status="scored" if sufficient else "insufficient-evidence",
        confidence=round(confidence, 4),
        min_confidence=rubric.scoring.min_confidence,
        level_term=rubric.level_term,
        overall=overall,
        ladder=sub.loaded.index.ladder,
        dimensions=tuple(dimensions),
        metrics=tuple(_placements(sub)),
        flags=tuple(flags(rubric, dimensions, tallies)),
        next=outlook(sub, overall.level, goal, dimensions),
        facts=sub.loaded.index.facts,
    )


def _overall_level(rubric: Rubric, spans: dict[str, levels.Span | None],
                   caps: dict[str, int]) -> int | None:
    """The overall rule over the counted dimensions' spans, held at or below every cap."""
    assessed = [levels.Weighed(*span, d.weight) for d in rubric.dimensions
                if d.in_overall and (span := spans[d.id]) is not None]
    if not assessed:
        return None
    rule = rubric.scoring.overall
    level = levels.overall(rule.method, assessed, rubric.top, rule.max_gap)[0]
    return min([level, *caps.values()])


def _respondent(name: str, role: str | None) -> str:
    return f"{name} ({role})" if role else name


def _stamp(sub: Submission) -> RubricStamp:
    """Which rubric scored the file (built once per loaded rubric)."""
    return sub.loaded.index.shared(("stamp",), _new_stamp, sub.rubric, sub.loaded.sha256)


def _new_stamp(rubric: Rubric, sha256: str) -> RubricStamp:
    return RubricStamp(id=rubric.id, version=rubric.version, title=rubric.title, sha256=sha256,
                       source=rubric.source.cited)


def _dimension(sub: Submission, dim: Dimension, tally: DimensionEvidence,
               span: levels.Span | None, overall: int | None, goal: int) -> DimensionResult:
    """Where `dim` stands, placed in its span nearest the `overall` level, with what would
    raise it by one and its blockers to `goal`."""
    rubric = sub.rubric
    answered = tally.answered
    coverage = answered / tally.applicable if tally.applicable else 0.0
    weighed = tally.weighed
    level = None if span is None else levels.place(span, overall or 1)
    evidence = tuple(_evidence(sub, item, dim.id, level) for item in tally.found)
    return DimensionResult(
        id=dim.id, name=dim.name, weight=dim.weight,
        status="assessed" if level is not None else "not-assessed",
        score=None if level is None else round(levels.position(weighed, level, rubric.top), 4),
        level=level, level_name=rubric.level(level).name if level else None,
        span=span, coverage=round(coverage, 4), evidence=evidence,
        unanswered=tuple(tally.unanswered),
        not_applicable=tuple(tally.not_applicable),
        looks_like=_looks_like(sub, dim.id, level) if level else (),
        counted=dim.in_overall,
        conflicts=tuple(e.id for e in evidence if e.fits != "yes"),
        raise_by_one=moves(changes_to_reach(sub, dim.id, tally, level + 1))
        if level is not None and level < rubric.top else (),
        **plan_for(sub, dim, level, tally, goal))


def _evidence(sub: Submission, item: Evidence, dimension: str,
              level: int | None) -> EvidenceItem:
    """The evidence as the report shows it. An answer without a note is the same for every
    file that gives it at the same dimension level, so it is built once per rubric (keyed by
    its option, not its label: two options may share a label)."""
    if item.kind == "answer" and item.note is None:
        return sub.loaded.index.shared(("evidence", item.id, item.option, level),
                                       _evidence_item, item, dimension, level)
    return _evidence_item(item, dimension, level)


def _evidence_item(item: Evidence, dimension: str, level: int | None) -> EvidenceItem:
    return EvidenceItem(
        kind="answer" if item.kind == "answer" else "metric", id=item.id, dimension=dimension,
        label=item.label, given=item.given, supports=(item.low, item.high),
        fits="yes" if level is None else levels.fits(item.weighed, level),
        weight=item.weight, note=item.note)


def _looks_like(sub: Submission, dimension: str, level: int) -> tuple[Trait, ...]:
    """The rubric's traits of `level` in `dimension` (built once per rubric)."""
    return sub.loaded.index.shared(("looks-like", dimension, level), _traits, sub.rubric,
                                   dimension, level)


def _traits(rubric: Rubric, dimension: str, level: int) -> tuple[Trait, ...]:
    return tuple(Trait(text=c.text, basis=c.basis) for c in rubric.level(level).characteristics
                 if c.dimension == dimension)


def _overall(sub: Submission, dims: list[DimensionResult],
             spans: dict[str, levels.Span | None], tallies: dict[str, DimensionEvidence],
             caps: dict[str, int], level: int | None) -> Overall:
    """The overall `level` (from :func:`_overall_level`) explained: its score, and where
    the dimensions and caps sit around it."""
    rubric = sub.rubric
    rule = rubric.scoring.overall
    counted = {d.id for d in rubric.dimensions if d.in_overall}
    assessed = [d for d in dims if d.level is not None and d.id in counted]
    not_assessed = tuple(d.id for d in dims if d.level is None)
    if level is None:  # no counted dimension assessed
        return Overall(level=None, name=None, score=None, mean_score=None, method=rule.method,
                       rationale=rule.rationale, limited_by=(), not_assessed=not_assessed)
    placed = [levels.Weighed(*(spans[d.id] or (1, 1)), d.weight) for d in assessed]
    free = levels.overall(rule.method, placed, rubric.top)[0]
    uncapped, value = levels.overall(
        rule.method, placed, rubric.top, rule.max_gap,
        positions=[levels.position(tallies[d.id].weighed, span.low, rubric.top)
                   for d, span in zip(assessed, placed, strict=True)])
    if level < uncapped:
        value = level + 0.5  # held below what the dimensions reach: as high as level L goes
    lowest = min(span.high for span in placed)
    total = sum(d.weight for d in assessed)
    mean = sum((d.score or 0) * d.weight for d in assessed) / total
    return Overall(
        level=level, name=rubric.level(level).name, score=round(value, 4),
        mean_score=round(mean, 4), method=rule.method, rationale=rule.rationale,
        limited_by=tuple(d.id for d in assessed if d.level == level),
        above=tuple(d.id for d in assessed if (d.level or 0) > level),
        below=tuple(d.id for d in assessed if (d.level or 0) < level),
        capped_by=tuple(m for m, cap in caps.items() if cap < uncapped and cap == level),
        held_back_by=tuple(d.id for d in assessed if (spans[d.id] or (1, 1))[1] == lowest)
        if uncapped < free and uncapped == level else (),
        not_assessed=not_assessed,
        raise_by_one=moves(overall_changes(sub, assessed, spans, tallies, caps, level + 1))
        if level < rubric.top else ())


def _confidence(dims: list[DimensionResult], tallies: dict[str, DimensionEvidence]) -> float:
    weights = [(d.weight, d.coverage) for d in dims if tallies[d.id].applicable > 0]
    total = sum(w for w, _ in weights)
    return sum(w * c for w, c in weights) / total if total else 0.0


def _placements(sub: Submission) -> Iterable[MetricPlacement]:
    banded = sub.loaded.index.banded
    for metric in sub.rubric.metrics:
        value = sub.metric_values[metric.id]
        given = sub.target(metric.id)
        target = bands.target_of(metric, given)
        if metric.target is None:
            views = banded[metric.id]
        else:
            views = band_views(metric.bands if target is None else bands.ordered(metric, given))
        yield MetricPlacement(
            id=metric.id, name=metric.name, dimension=metric.dimension, unit=metric.unit,
            value=value, shown=bands.format_value(metric, value),
            level=None if value is None else bands.place(metric, value, given).level,
            bands=views,
            better=metric.better, target=target,
            target_shown=None if target is None else bands.target_phrase(metric, target))
