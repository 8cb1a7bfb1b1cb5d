"""Two assessments of one site, before and after: what moved, which answers changed, which
blockers are new and which are resolved. Pure data; reporters render a :class:`Comparison`."""

from __future__ import annotations

from pathlib import Path

from cxmaturity.errors import Problem, UsageError
from cxmaturity.load.inputs import argument_for
from cxmaturity.model.comparison import AnswerChange, Comparison, Direction, LevelChange, Snapshot
from cxmaturity.model.ladder import resolve_level
from cxmaturity.model.result import Assessment, Blocker
from cxmaturity.run.history import load_assessment
from cxmaturity.run.sites import same_name, same_site


def compare_files(old: str, new: str, *, target: str | None = None,
                  stdin: bytes | None = None, rubric_root: Path | None = None) -> Comparison:
    """Compare two files (answers or JSON results; `-` is `stdin`). Answers files are both
    planned against one target: the level above the old overall level, or `target` (a
    level's number, id or name)."""
    before = load_assessment(old, stdin=stdin, rubric_root=rubric_root)
    goal = before.next.number if before.next else None
    if target is not None:
        goal = resolve_level(before.ladder, target, "--target")
        before = load_assessment(old, target=goal, stdin=stdin, rubric_root=rubric_root)
    after = load_assessment(new, target=goal, stdin=stdin, rubric_root=rubric_root)
    return compare(before, after)


def compare(old: Assessment, new: Assessment) -> Comparison:
    """What changed from `old` to `new` (same rubric id)."""
    if old.rubric.id != new.rubric.id:
        raise UsageError([Problem(new.file, f'rubric "{new.rubric.id}" differs from '
                                  f'"{old.rubric.id}" in {old.file}',
                                  hint="compare assessments made with the same rubric")])
    names = {d.id: d.name for d in (*old.dimensions, *new.dimensions)}
    overall = _change("overall", "Overall", old.overall.level, new.overall.level,
                      old.overall.score, new.overall.score)
    dims = tuple(_change(d.id, names[d.id], d.level, n.level, d.score, n.score)
                 for d, n in zip(old.dimensions, new.dimensions, strict=False)
                 if d.id == n.id)
    before, after = _blockers(old), _blockers(new)
    answers = tuple(_answer_changes(old, new))
    changed = {answer.id for answer in answers}
    gone = [b for key, b in before.items() if key not in after]
    return Comparison(
        level_term=new.level_term, old=_snapshot(old), new=_snapshot(new),
        days=(new.date - old.date).days,
        overall=overall, dimensions=dims, answers=answers,
        new_blockers=tuple(b for key, b in after.items() if key not in before),
        resolved_blockers=tuple(b for b in gone if b.item in changed),
        notes=(*_notes(old, new), *_lapsed([b for b in gone if b.item not in changed],
                                           new.level_term)))


def _snapshot(result: Assessment) -> Snapshot:
    return Snapshot(file=result.file, organization=result.organization, site=result.site,
                    date=result.date, rubric=f"{result.rubric.id} {result.rubric.version}",
                    level=result.overall.level, level_name=result.overall.name,
                    score=result.overall.score, status=result.status)


def _change(key: str, name: str, before: int | None, after: int | None,
            old_score: float | None, new_score: float | None) -> LevelChange:
    direction: Direction
    if before is None:
        direction = "not-assessed" if after is None else "newly-assessed"
    elif after is None:
        direction = "no-longer-assessed"
    else:
        direction = "up" if after > before else ("down" if after < before else "same")
    delta = None if old_score is None or new_score is None else round(new_score - old_score, 4)
    return LevelChange(id=key, name=name, before_level=before, after_level=after,
                  before_score=old_score, after_score=new_score, score_delta=delta,
                  direction=direction)


def _answers(result: Assessment) -> dict[str, tuple[str, str, str, tuple[int, int] | None]]:
    """Item id to (dimension, label, answer, levels it supports)."""
    found: dict[str, tuple[str, str, str, tuple[int, int] | None]] = {}
    for dim in result.dimensions:
        for item in dim.evidence:
            found[item.id] = (dim.id, item.label, item.given, item.supports)
        for unknown in dim.unanswered:
            found[unknown] = (dim.id, unknown, "unknown", None)
    return found


def _answer_changes(old: Assessment, new: Assessment) -> list[AnswerChange]:
    before, after = _answers(old), _answers(new)
    missing = ("", "", "n/a", None)
    changes = []
    for key in [*before, *(k for k in after if k not in before)]:
        b, a = before.get(key, missing), after.get(key, missing)
        if b[2] == a[2]:
            continue
        label = a[1] if a[1] != key and a[1] else (b[1] or key)
        changes.append(AnswerChange(id=key, dimension=a[0] or b[0], label=label,
                                    before=b[2], after=a[2], before_supports=b[3],
                                    after_supports=a[3]))
    return changes


def _blockers(result: Assessment) -> dict[tuple[str, str], Blocker]:
    return {(b.dimension, b.item): b for d in result.dimensions for b in d.blockers}


def _notes(old: Assessment, new: Assessment) -> list[str]:
    notes = []
    if old.rubric.sha256 != new.rubric.sha256:
        notes.append(f"The rubric changed between the two ({old.rubric.version} → "
                     f"{new.rubric.version}); some movement may come from the rubric.")
    if not same_site(old, new):
        notes.append(f"Different sites: {old.organization} · {old.site or '-'} and "
                     f"{new.organization} · {new.site or '-'}.")
    old_goal = old.next.number if old.next else None
    new_goal = new.next.number if new.next else None
    if old_goal and new_goal and old_goal != new_goal:
        term = new.level_term
        notes.append(f"Blockers were planned for different targets ({term} {old_goal} and "
                     f"{term} {new_goal}); compare answers files (with --target if needed) "
                     f"to plan both alike.")
    if new.date < old.date:
        notes.append("The new assessment is dated before the old one.")
    return notes


def _lapsed(blockers: list[Blocker], term: str) -> list[str]:
    """A note on blockers that no longer show although their answers did not change: their
    dimension (or the operation) reached the target through other changes."""
    if not blockers:
        return []
    items = ", ".join(dict.fromkeys(b.item for b in blockers))
    several = len(blockers) > 1
    return [f"{len(blockers)} blocker{'s' if several else ''} to {term} {blockers[0].target} "
            f"no longer show{'' if several else 's'}, though "
            f"{'their answers' if several else 'its answer'} did not change ({items}): the "
            f"target was reached through other changes, so {'they are' if several else 'it is'}"
            " not counted as resolved."]


def warnings(comparison: Comparison) -> list[str]:
    """What the person comparing most likely did not mean: NEW dated before OLD, or two
    assessments of different organizations or sites."""
    old, new = comparison.old, comparison.new
    found = []
    if comparison.days < 0:
        found.append(f"{new.file} ({new.date}) is dated before {old.file} ({old.date}); did "
                     f"you mean `cxmaturity compare {argument_for(new.file)} "
                     f"{argument_for(old.file)}`?")
    if not same_site(old, new):
        what = "sites" if same_name(old.organization, new.organization) else "organizations"
        found.append(f"the two assessments are of different {what} ({old.organization} · "
                     f"{old.site or '-'}, and {new.organization} · {new.site or '-'})")
    return found
