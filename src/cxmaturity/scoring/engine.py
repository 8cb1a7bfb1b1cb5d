"""Scoring: a checked submission in, an explained :class:`Assessment` out. Pure and deterministic.

The rules are in :mod:`cxmaturity.scoring.levels` and the rubric's `scoring:` block;
docs/scoring.md explains them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from cxmaturity import __version__
from cxmaturity.load.index import RubricIndex, band_views
from cxmaturity.load.submission import Submission
from cxmaturity.model import bands
from cxmaturity.model.result import (
    Assessment,
    Blocker,
    DimensionResult,
    EvidenceItem,
    Flag,
    MetricPlacement,
    Move,
    Outlook,
    Overall,
    RoadmapStep,
    RubricStamp,
    Trait,
)
from cxmaturity.model.rubric import NOT_APPLICABLE, UNKNOWN, Dimension, Metric, Question, Rubric
from cxmaturity.scoring import levels
from cxmaturity.scoring.levels import Weighed


@dataclass
class _Found:
    """One answer or metric while scoring: what the rule reads and what the report shows."""

    kind: str
    id: str
    label: str
    given: str
    low: int
    high: int
    weight: float
    note: str | None

    @property
    def weighed(self) -> Weighed:
        return Weighed(self.low, self.high, self.weight)


@dataclass
class _Tally:
    """Evidence gathered for one dimension while scoring."""

    found: list[_Found] = field(default_factory=list)
    unanswered: list[str] = field(default_factory=list)
    applicable: float = 0.0

    @property
    def answered(self) -> float:
        return sum(item.weight for item in self.found)

    @property
    def weighed(self) -> list[Weighed]:
        return [item.weighed for item in self.found]


def score(sub: Submission, *, target: int | None = None) -> Assessment:
    """Score a submission. `target` is the level to plan for (default: one above overall)."""
    rubric = sub.rubric
    tallies = _gather(sub)
    spans = {dim.id: levels.span_of(tallies[dim.id].weighed, rubric.top)
             for dim in rubric.dimensions}
    caps = _caps(sub, tallies)
    overall_level = _overall_level(rubric, spans, caps)
    dimensions = [_dimension(sub, dim, tallies[dim.id], spans[dim.id], overall_level)
                  for dim in rubric.dimensions]
    overall = _overall(sub, dimensions, spans, tallies, caps)
    goal = target if target is not None else (overall.level or 0) + 1
    dimensions = [_with_plan(sub, dim, tallies[dim.id], goal) for dim in dimensions]
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
        flags=tuple(_flags(rubric, dimensions, tallies)),
        next=_outlook(sub, overall.level, goal, dimensions),
        facts=sub.loaded.index.facts,
    )


def _overall_level(rubric: Rubric, spans: dict[str, levels.Span | None],
                   caps: dict[str, int]) -> int | None:
    """The overall rule over the counted dimensions' spans, held at or below every cap."""
    assessed = [(span, d.weight) for d in rubric.dimensions
                if d.in_overall and (span := spans[d.id]) is not None]
    if not assessed:
        return None
    rule = rubric.scoring.overall
    level = levels.overall(rule.method, assessed, rubric.top, rule.max_gap)[0]
    return min([level, *caps.values()])


def _caps(sub: Submission, tallies: dict[str, _Tally]) -> dict[str, int]:
    """Metric id to the highest level its value allows, for metrics that cap the overall."""
    return {item.id: item.high for tally in tallies.values() for item in tally.found
            if item.kind == "metric" and sub.loaded.index.metrics[item.id].caps_overall}


def _respondent(name: str, role: str | None) -> str:
    return f"{name} ({role})" if role else name


def _stamp(sub: Submission) -> RubricStamp:
    rubric = sub.rubric
    src = rubric.source
    return RubricStamp(id=rubric.id, version=rubric.version, title=rubric.title,
                       sha256=sub.loaded.sha256,
                       source=src.cited)


def _gather(sub: Submission) -> dict[str, _Tally]:
    rubric = sub.rubric
    index = sub.loaded.index
    tallies = {dim.id: _Tally() for dim in rubric.dimensions}
    for question in rubric.questions:
        tally = tallies[question.dimension]
        option = sub.responses[question.id]
        if option == NOT_APPLICABLE:
            continue
        tally.applicable += question.weight
        if option == UNKNOWN:
            tally.unanswered.append(question.id)
            continue
        entry = sub.answers.answers.get(question.id)
        low, high = question.supports[option]
        tally.found.append(_Found("answer", question.id, question.text,
                                  index.labels[question.scale][option], low, high,
                                  question.weight, entry.evidence if entry else None))
    for metric in rubric.metrics:
        tally = tallies[metric.dimension]
        tally.applicable += metric.weight
        value = sub.metric_values[metric.id]
        if value is None:
            tally.unanswered.append(metric.id)
            continue
        measured = sub.answers.metrics.get(metric.id)
        low, high = bands.place(metric, value, sub.target(metric.id)).range
        tally.found.append(_Found("metric", metric.id, metric.name,
                                  bands.format_value(metric, value), low, high, metric.weight,
                                  measured.evidence if measured else None))
    return tallies


def _dimension(sub: Submission, dim: Dimension, tally: _Tally, span: levels.Span | None,
               overall: int | None) -> DimensionResult:
    rubric = sub.rubric
    answered = tally.answered
    coverage = answered / tally.applicable if tally.applicable else 0.0
    weighed = tally.weighed
    level = None if span is None else levels.place(span, overall or 1)
    evidence = tuple(_evidence(item, dim.id, level) for item in tally.found)
    return DimensionResult(
        id=dim.id, name=dim.name, weight=dim.weight,
        status="assessed" if level is not None else "not-assessed",
        score=None if level is None else round(levels.position(weighed, level, rubric.top), 4),
        level=level, level_name=rubric.level(level).name if level else None,
        span=span, coverage=round(coverage, 4), evidence=evidence,
        unanswered=tuple(tally.unanswered),
        looks_like=_looks_like(rubric, dim.id, level) if level else (),
        counted=dim.in_overall,
        conflicts=tuple(e.id for e in evidence if e.fits != "yes"),
        raise_by_one=_moves(_changes(sub, dim.id, tally, level + 1), _homes(sub))
        if level is not None and level < rubric.top else (),
        blockers=(), advice=None)


def _evidence(item: _Found, dimension: str, level: int | None) -> EvidenceItem:
    return EvidenceItem(
        kind="answer" if item.kind == "answer" else "metric", id=item.id, dimension=dimension,
        label=item.label, given=item.given, supports=(item.low, item.high),
        fits="yes" if level is None else levels.fits(item.weighed, level),
        weight=item.weight, note=item.note)


def _looks_like(rubric: Rubric, dimension: str, level: int) -> tuple[Trait, ...]:
    """The rubric's traits of `level` in `dimension`."""
    return tuple(Trait(text=c.text, basis=c.basis) for c in rubric.level(level).characteristics
                 if c.dimension == dimension)


@dataclass(frozen=True)
class _Option:
    """A change open to one item: what it would read, and the levels it would support."""

    item: str
    kind: str
    label: str
    given: str
    current: tuple[int, int] | None
    to: str
    new: tuple[int, int]
    weight: float
    order: int


def _changes(sub: Submission, dimension: str, tally: _Tally, level: int) -> list[_Option]:
    """The fewest changes of answers or metric values that make `dimension` reach `level`:
    the changes that gain the most first (each item counts on its own, so this is optimal),
    each the least change that gains that much. Empty if no change could do it."""
    needed = levels.shortfall(tally.weighed, level)
    best: list[tuple[float, _Option]] = []
    for options in _open_changes(sub, dimension):
        gains = [(levels.gain(o.current, o.new, level, o.weight), o) for o in options]
        top = max((g for g, _ in gains), default=0.0)
        if top > 1e-9:
            best.append(next((g, o) for g, o in gains if g == top))
    best.sort(key=lambda pair: (-pair[0], pair[1].order))
    chosen: list[_Option] = []
    gained = 0.0
    for amount, option in best:
        if gained > needed + 1e-9:
            break
        gained += amount
        chosen.append(option)
    return chosen if gained > needed + 1e-9 else []


def _moves(options: Iterable[_Option], dimension: dict[str, str]) -> tuple[Move, ...]:
    """Changes as the result shows them; of two changes to one item, the further one."""
    kept: dict[str, _Option] = {}
    for option in options:
        if option.item not in kept or option.new > kept[option.item].new:
            kept[option.item] = option
    return tuple(Move(kind="answer" if o.kind == "answer" else "metric", item=o.item,
                      dimension=dimension[o.item], label=o.label, given=o.given, to=o.to)
                 for o in kept.values())


def _open_changes(sub: Submission, dimension: str) -> Iterator[list[_Option]]:
    """For each applicable item of `dimension`, the answers or bands it could move to,
    least mature first."""
    index = sub.loaded.index
    for order, question in enumerate(index.by_dimension_questions.get(dimension, ())):
        yield list(_question_options(sub, index, question, order))
    for order, metric in enumerate(index.by_dimension_metrics.get(dimension, ()), start=10_000):
        yield list(_metric_options(sub, metric, order))


def _question_options(sub: Submission, index: RubricIndex, question: Question,
                      order: int) -> Iterator[_Option]:
    option = sub.responses[question.id]
    if option == NOT_APPLICABLE:
        return
    labels = index.labels[question.scale]
    current = None if option == UNKNOWN else question.supports[option]
    given = "unknown" if option == UNKNOWN else labels[option]
    for candidate in labels:
        if candidate != option:
            yield _Option(question.id, "answer", question.text, given, current,
                          labels[candidate], question.supports[candidate], question.weight,
                          order)


def _metric_options(sub: Submission, metric: Metric, order: int) -> Iterator[_Option]:
    value = sub.metric_values[metric.id]
    target = sub.target(metric.id)
    try:
        placed = bands.ordered(metric, target)
    except bands.MissingTarget:
        return
    current = None if value is None else bands.place(metric, value, target).range
    given = bands.format_value(metric, value)
    order_of = placed if metric.better != "lower" else list(reversed(placed))
    for band in order_of:
        if value is not None and bands.place(metric, value, target) == band:
            continue
        yield _Option(metric.id, "metric", metric.name, given, current,
                      bands.reach_phrase(metric, band), band.range, metric.weight, order)


def _with_plan(sub: Submission, dim: DimensionResult, tally: _Tally,
               goal: int) -> DimensionResult:
    """Add the blockers to `goal` and the rubric's advice for the dimension's next level."""
    rubric = sub.rubric
    if dim.level is None or dim.level >= goal or goal > rubric.top:
        return dim
    spec = sub.loaded.index.dimensions[dim.id]
    return dim.model_copy(update={
        "blockers": tuple(_blockers(sub, dim.id, tally.found, goal)),
        "advice": spec.advance.get(dim.level + 1),
    })


def _blockers(sub: Submission, dimension: str, found: Iterable[_Found],
              goal: int) -> Iterator[Blocker]:
    """The evidence whose range rules `goal` out (it allows only lower levels)."""
    index = sub.loaded.index
    for item in found:
        if item.high >= goal:
            continue
        if item.kind == "metric":
            metric = index.metrics[item.id]
            value = sub.metric_values[item.id]
            assert value is not None
            text = bands.shortfall(metric, value, goal, sub.target(item.id),
                                   sub.rubric.level_term)
            yield Blocker(dimension=dimension, item=item.id, text=text,
                          supports=(item.low, item.high), target=goal, toward=None)
        else:
            question = index.questions[item.id]
            contrast = question.contrast
            text = question.shortfall or (contrast.low if contrast else
                                          f"{question.text} Answered: {item.given}.")
            yield Blocker(dimension=dimension, item=item.id, text=text,
                          supports=(item.low, item.high), target=goal,
                          toward=contrast.high if contrast else None)


def _overall(sub: Submission, dims: list[DimensionResult],
             spans: dict[str, levels.Span | None], tallies: dict[str, _Tally],
             caps: dict[str, int]) -> Overall:
    rubric = sub.rubric
    rule = rubric.scoring.overall
    counted = {d.id for d in rubric.dimensions if d.in_overall}
    assessed = [d for d in dims if d.level is not None and d.id in counted]
    not_assessed = tuple(d.id for d in dims if d.level is None)
    if not assessed:
        return Overall(level=None, name=None, score=None, mean_score=None, method=rule.method,
                       rationale=rule.rationale, limited_by=(), not_assessed=not_assessed)
    placed = [(spans[d.id] or (1, 1), d.weight) for d in assessed]
    free = levels.overall(rule.method, placed, rubric.top)[0]
    uncapped, value = levels.overall(rule.method, placed, rubric.top, rule.max_gap)
    if rule.method == "weakest-link" and uncapped == free:
        value = min((d.score or 0.0 for d in assessed if d.level == uncapped), default=value)
    level = min([uncapped, *caps.values()])
    if level < uncapped:
        value = level + 0.5  # held below what the dimensions reach: as high as level L goes
    lowest = min(high for (_, high), _ in placed)
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
        raise_by_one=_moves(_overall_changes(sub, assessed, spans, tallies, caps, level + 1),
                            _homes(sub)) if level < rubric.top else ())


def _overall_changes(sub: Submission, assessed: list[DimensionResult],
                     spans: dict[str, levels.Span | None], tallies: dict[str, _Tally],
                     caps: dict[str, int], goal: int) -> list[_Option]:
    """Changes that raise the overall level to `goal`: each capping metric moved far enough,
    then dimensions whose evidence does not yet show `goal` reached, in order of how few
    changes each needs (heavier first on a tie), until the overall rule gives `goal`. Empty
    if even that would not."""
    rubric = sub.rubric
    rule = rubric.scoring.overall
    lifted = [_lift_cap(sub, metric_id, goal) for metric_id, cap in caps.items() if cap < goal]
    if any(option is None for option in lifted):
        return []
    chosen: list[_Option] = [option for option in lifted if option is not None]
    costs: list[tuple[int, float, str, list[_Option]]] = []
    for dim in assessed:
        span = spans[dim.id]
        if span is not None and span[0] < goal:
            changes = _changes(sub, dim.id, tallies[dim.id], goal)
            if changes:
                costs.append((len(changes), -dim.weight, dim.id, changes))
    costs.sort(key=lambda c: (c[0], c[1]))
    placed = {d.id: (spans[d.id] or (1, 1), d.weight) for d in assessed}
    if levels.overall(rule.method, list(placed.values()), rubric.top, rule.max_gap)[0] >= goal:
        return chosen
    for _, _, dim_id, changes in costs:
        placed[dim_id] = ((goal, max(goal, placed[dim_id][0][1])), placed[dim_id][1])
        chosen += changes
        if levels.overall(rule.method, list(placed.values()), rubric.top,
                          rule.max_gap)[0] >= goal:
            return chosen
    return []


def _lift_cap(sub: Submission, metric_id: str, goal: int) -> _Option | None:
    """The least change of a capping metric that lets the overall level reach `goal`."""
    metric = sub.loaded.index.metrics[metric_id]
    for option in _metric_options(sub, metric, 0):
        if option.new[1] >= goal and (option.current is None or option.new > option.current):
            return option
    return None


def _homes(sub: Submission) -> dict[str, str]:
    """Question and metric id to its dimension id."""
    index = sub.loaded.index
    return {**{q.id: q.dimension for q in index.questions.values()},
            **{m.id: m.dimension for m in index.metrics.values()}}


def _confidence(dims: list[DimensionResult], tallies: dict[str, _Tally]) -> float:
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


def _flags(rubric: Rubric, dims: list[DimensionResult],
           tallies: dict[str, _Tally]) -> Iterable[Flag]:
    term = rubric.level_term
    share = rubric.scoring.conflict_share
    for dim in dims:
        answered = tallies[dim.id].answered
        against = [e for e in dim.evidence if e.fits != "yes"]
        weight = sum(e.weight for e in against)
        if dim.level is None or not against or weight + 1e-9 < share * answered:
            continue
        said = "; ".join(f"{e.id}: {e.given}" for e in against)
        yield Flag(kind="conflict", dimension=dim.id, items=tuple(e.id for e in against),
                   message=f"{dim.name}: evidence weighing {weight:g} of {answered:g} does not "
                   f"fit {term} {dim.level} ({said})")
    spread = rubric.scoring.inconsistency_spread
    for item in (e for d in dims for e in d.evidence if e.kind == "metric"):
        apart = [d for d in dims if d.id != item.dimension and d.level is not None
                 and _distance(item.supports, d.level) >= spread]
        if apart:
            names = ", ".join(f"{d.name} at {term} {d.level}" for d in apart)
            yield Flag(kind="inconsistency", dimension=None,
                       items=(item.id, *(d.id for d in apart)),
                       message=f"{item.label} {item.given} points to {term} "
                       f"{_span(item.supports)}, but {names}")


def _distance(supports: tuple[int, int], level: int) -> int:
    """How many levels `level` lies outside a range (0 inside it)."""
    low, high = supports
    return low - level if level < low else (level - high if level > high else 0)


def _span(supports: tuple[int, int]) -> str:
    low, high = supports
    return f"{low}" if low == high else f"{low}-{high}"


def _outlook(sub: Submission, current: int | None, goal: int,
             dims: list[DimensionResult]) -> Outlook | None:
    rubric = sub.rubric
    if current is None or goal > rubric.top or goal <= current:
        return None
    level = rubric.level(goal)
    here = rubric.level(current)
    aspects = sub.loaded.index.aspects
    roadmap = _roadmap(sub.loaded.index.dimensions, goal, dims)
    return Outlook(
        number=goal, name=level.name, summary=level.summary,
        outcomes=tuple((aspects.get(o.aspect, o.aspect), o.expect) for o in level.outcomes),
        measures=level.metrics_that_matter,
        shift_headline=here.shift_forward.headline if here.shift_forward else None,
        shift_steps=here.shift_forward.steps if here.shift_forward else (),
        blockers=tuple(b for step in roadmap for b in step.blockers),
        roadmap=roadmap)


def _roadmap(specs: dict[str, Dimension], goal: int,
             dims: list[DimensionResult]) -> tuple[RoadmapStep, ...]:
    """Dimensions below `goal`, by priority = (goal - score) x weight, largest first; ties
    keep the rubric's order. docs/scoring.md documents the rule."""
    steps = []
    for dim in dims:
        if dim.level is None or dim.score is None or dim.level >= goal:
            continue
        gap = goal - dim.score
        advance = specs[dim.id].advance
        steps.append(RoadmapStep(
            dimension=dim.id, name=dim.name, level=dim.level, score=dim.score, target=goal,
            gap=round(gap, 4), weight=dim.weight, priority=round(gap * dim.weight, 4),
            blockers=dim.blockers,
            guidance=tuple((n, advance[n]) for n in range(dim.level + 1, goal + 1)
                           if n in advance)))
    return tuple(sorted(steps, key=lambda step: -step.priority))
