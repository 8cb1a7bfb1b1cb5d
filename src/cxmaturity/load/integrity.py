"""Cross-reference checks a schema cannot express: ids that must exist, match or be unique.

A rubric that fails these cannot be scored, so they are errors, not lint.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import chain

from cxmaturity.errors import Problem, capped
from cxmaturity.load.validation import did_you_mean, located
from cxmaturity.model import bands
from cxmaturity.model.rubric import Metric, Rubric
from cxmaturity.yaml.reader import YamlDocument
from cxmaturity.yaml.scalars import dotted


def integrity_problems(doc: YamlDocument, rubric: Rubric) -> list[Problem]:
    """Every broken reference, duplicate id or out-of-range level in `rubric`."""
    findings = chain(_levels(rubric), _unique_ids(rubric), _references(rubric),
                     _questions(rubric), _metrics(rubric))
    return capped((located(doc, path, message, hint) for path, message, hint in findings),
                  doc.file)


Broken = tuple[tuple[str | int, ...], str, "str | None"]


def _levels(rubric: Rubric) -> Iterator[Broken]:
    for i, level in enumerate(rubric.levels):
        if level.number != i + 1:
            yield (("levels", i, "number"), f"level number {level.number} out of order",
                   f"levels are numbered 1..{rubric.top} from least to most mature; "
                   f"this one should be {i + 1}")


def _unique_ids(rubric: Rubric) -> Iterator[Broken]:
    groups: dict[str, Iterable[str]] = {
        "levels": (lv.id for lv in rubric.levels),
        "dimensions": (d.id for d in rubric.dimensions),
        "scales": (s.id for s in rubric.scales),
        "questions": (q.id for q in rubric.questions),
        "metrics": (m.id for m in rubric.metrics),
        "outcome_aspects": (a.id for a in rubric.outcome_aspects),
    }
    for group, ids in groups.items():
        yield from _duplicates((group,), list(ids))
    for i, scale in enumerate(rubric.scales):
        yield from _duplicates(("scales", i, "options"), [o.id for o in scale.options])


def _duplicates(path: tuple[str | int, ...], ids: list[str]) -> Iterator[Broken]:
    first: dict[str, int] = {}
    for i, item in enumerate(ids):
        if item in first:
            yield ((*path, i, "id"), f'duplicate id "{item}"',
                   f"ids must be unique; the first is {dotted((*path, first[item], 'id'))}")
        first.setdefault(item, i)


def _unknown(path: tuple[str | int, ...], what: str, value: str,
             known: Iterable[str]) -> Broken:
    names = sorted(known)
    return path, f'unknown {what} "{value}"', did_you_mean(value, names) or (
        f"known: {', '.join(names)}" if names else f"define a {what} first")


def _references(rubric: Rubric) -> Iterator[Broken]:
    dims = {d.id for d in rubric.dimensions}
    aspects = {a.id for a in rubric.outcome_aspects}
    for i, level in enumerate(rubric.levels):
        for j, trait in enumerate(level.characteristics):
            if trait.dimension is not None and trait.dimension not in dims:
                yield _unknown(("levels", i, "characteristics", j, "dimension"), "dimension",
                               trait.dimension, dims)
        for j, outcome in enumerate(level.outcomes):
            if outcome.aspect not in aspects:
                yield _unknown(("levels", i, "outcomes", j, "aspect"), "outcome aspect",
                               outcome.aspect, aspects)
    for i, fact in enumerate(rubric.facts):
        if fact.dimension is not None and fact.dimension not in dims:
            yield _unknown(("facts", i, "dimension"), "dimension", fact.dimension, dims)
        if fact.level is not None and not 1 <= fact.level <= rubric.top:
            yield (("facts", i, "level"), f"level {fact.level} does not exist",
                   f"use 1..{rubric.top}")
    for i, dim in enumerate(rubric.dimensions):
        for target in dim.advance:
            if not 2 <= target <= rubric.top:
                yield (("dimensions", i, "advance", target),
                       f"advice for level {target}, which does not exist",
                       f"use a level between 2 and {rubric.top}")
    for i, scale in enumerate(rubric.scales):
        options = {o.id for o in scale.options}
        for alias, option in scale.aliases.items():
            if option not in options:
                yield _unknown(("scales", i, "aliases", alias), "option", option, options)


def _questions(rubric: Rubric) -> Iterator[Broken]:
    dims = {d.id for d in rubric.dimensions}
    scales = rubric.scales_by_id
    for i, question in enumerate(rubric.questions):
        where = ("questions", i)
        if question.dimension not in dims:
            yield _unknown((*where, "dimension"), "dimension", question.dimension, dims)
        for key, tag in (("signal_of", question.signal_of), ("trait_of", question.trait_of)):
            if tag is not None and not 1 <= tag <= rubric.top:
                yield (*where, key), f"level {tag} does not exist", f"use 1..{rubric.top}"
        scale = scales.get(question.scale)
        if scale is None:
            yield _unknown((*where, "scale"), "scale", question.scale, scales)
            continue
        options = [o.id for o in scale.options]
        missing = [o for o in options if o not in question.supports]
        if missing:
            yield ((*where, "supports"), f"no levels given for option(s) {', '.join(missing)}",
                   f'give the levels of every option of scale "{scale.id}"')
        for option, supported in question.supports.items():
            if option not in options:
                yield _unknown((*where, "supports", option), "option", option, options)
            else:
                yield from _range((*where, "supports", option), supported, rubric.top)


def _range(where: tuple[str | int, ...], supported: tuple[int, int],
           top: int) -> Iterator[Broken]:
    low, high = supported
    if low == high and not 1 <= low <= top:
        yield where, f"level {low} is outside the rubric's levels", f"use 1..{top}"
    elif not 1 <= low <= high <= top:
        yield (where, f"levels [{low}, {high}] are not a range of the rubric's levels",
               f"write the lowest and the highest level, each from 1 to {top}")


def _metrics(rubric: Rubric) -> Iterator[Broken]:
    dims = {d.id for d in rubric.dimensions}
    for i, metric in enumerate(rubric.metrics):
        if metric.dimension not in dims:
            yield _unknown(("metrics", i, "dimension"), "dimension", metric.dimension, dims)
        yield from _scoring_of(rubric, i, metric)
        yield from _bands(rubric, i, metric)


def _scoring_of(rubric: Rubric, i: int, metric: Metric) -> Iterator[Broken]:
    """A metric is scored by bands or by a target, never both or neither."""
    where = ("metrics", i)
    if bool(metric.bands) == (metric.target is not None):
        yield (where, f'metric "{metric.id}" needs either `bands` or `target`, not '
               f'{"both" if metric.bands else "neither"}',
               "bands place a value on the ladder; a target splits it into met and missed")
    if metric.target is None:
        return
    target = metric.target
    if metric.better is None:
        yield ((*where, "target"), "a target needs `better: higher` or `better: lower`",
               "say which way is more mature")
    for key, level in (("met", target.met), ("missed", target.missed)):
        if not 1 <= level <= rubric.top:
            yield ((*where, "target", key), f"level {level} does not exist",
                   f"use 1..{rubric.top}")
    if target.met <= target.missed:
        yield ((*where, "target", "met"), f"meeting the target (level {target.met}) must point "
               f"higher than missing it (level {target.missed})", None)
    low, high = metric.limits
    value = target.value
    if value is not None and ((low is not None and value < low) or
                              (high is not None and value > high)):
        yield ((*where, "target", "value"), f"target {value:g} is outside the metric's range",
               "check `minimum`, `maximum` and `unit`")


def _bands(rubric: Rubric, i: int, metric: Metric) -> Iterator[Broken]:
    for j, band in enumerate(metric.bands):
        where = ("metrics", i, "bands", j)
        if not 1 <= band.level <= rubric.top:
            yield ((*where, "level"), f"level {band.level} does not exist",
                   f"use 1..{rubric.top}")
        if band.supports is not None:
            yield from _range((*where, "supports"), band.supports, rubric.top)
            if not band.supports[0] <= band.level <= band.supports[1]:
                yield ((*where, "supports"), f"the band of level {band.level} does not "
                       f"support its own level", "include `level` in `supports`")
        if band.min is not None and band.max is not None and band.min >= band.max:
            yield (where, f"band is empty: min {band.min:g} is not below max {band.max:g}",
                   "swap or correct the edges")
    if metric.better is not None and metric.bands:
        levels = [b.level for b in bands.ordered(metric)]
        rising = levels if metric.better == "higher" else levels[::-1]
        if rising != sorted(rising):
            yield (("metrics", i, "bands"), f"band levels do not rise as values get "
                   f"{'higher' if metric.better == 'higher' else 'lower'} "
                   f"(levels by value: {', '.join(map(str, levels))})",
                   "reorder the levels, or correct `better`")
