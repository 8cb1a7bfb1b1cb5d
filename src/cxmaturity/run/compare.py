"""Two assessments of one site, before and after: what moved, which answers changed, which
blockers are new and which are resolved. Pure data; reporters render a :class:`Comparison`."""

from __future__ import annotations

from pathlib import Path

from cxmaturity.errors import OptionError, Problem, UsageError
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
        try:
            goal = resolve_level(before.ladder, target, "--target", before.level_term)
        except UsageError as error:  # the command line's level: its usage follows
            raise OptionError(error.problems) from None
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
    answers = tuple(_answer_changes(old, new))
    common = {"level_term": new.level_term, "old": _snapshot(old), "new": _snapshot(new),
              "days": (new.date - old.date).days, "overall": overall, "dimensions": dims,
              "answers": answers}
    goals = [r.next.number for r in (old, new) if r.next]
    if len(set(goals)) > 1:  # blockers to different levels cannot be told apart as moves
        term = new.level_term
        return Comparison(**common, new_blockers=(), resolved_blockers=(), notes=(
            f"Blockers are not compared: the two were planned for different targets "
            f"({term} {goals[0]} and {term} {goals[1]}), so each lists what blocks another "
            f"level. Compare the answers files (with --target if needed), or save both "
            f"results with the same --target, to compare them.", *_notes(old, new)))
    before, after = _blockers(old), _blockers(new)
    resolved, unanswered, lapsed = _gone([b for key, b in before.items() if key not in after],
                                         {answer.id: answer for answer in answers})
    return Comparison(
        **common, new_blockers=tuple(b for key, b in after.items() if key not in before),
        resolved_blockers=tuple(resolved),
        notes=(*_notes(old, new),
               *_not_resolved(unanswered, lapsed, {a.id for a in answers}, new, names)))


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
    # A question with no evidence and not unanswered was answered n/a; under a changed rubric
    # it may also be one that one of the two rubrics did not ask.
    absent = "n/a" if old.rubric.sha256 == new.rubric.sha256 else "n/a or not asked"
    missing = ("", "", absent, None)
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
        versions = f"{old.rubric.version} → {new.rubric.version}" \
            if old.rubric.version != new.rubric.version else \
            f"still version {new.rubric.version}: its content changed, its version did not"
        notes.append(f"The rubric changed between the two ({versions}); some movement may "
                     "come from the rubric.")
    if not same_site(old, new):
        notes.append(f"Different sites: {old.organization} · {old.site or '-'} and "
                     f"{new.organization} · {new.site or '-'}.")
    if new.date < old.date:
        notes.append("The new assessment is dated before the old one.")
    return notes


def _gone(blockers: list[Blocker], changed: dict[str, AnswerChange]
          ) -> tuple[list[Blocker], list[Blocker], list[Blocker]]:
    """Blockers of OLD that NEW lacks: resolved (answered so that the target is allowed),
    no longer answered (now `unknown` or `n/a`), and the rest (not answered differently, or
    not enough: the target moved, or the dimension reached it through other answers)."""
    resolved, unanswered, lapsed = [], [], []
    for blocker in blockers:
        change = changed.get(blocker.item)
        supports = None if change is None else change.after_supports
        if change is not None and supports is None:
            unanswered.append(blocker)
        elif supports is not None and supports[1] >= blocker.target:
            resolved.append(blocker)
        else:
            lapsed.append(blocker)
    return resolved, unanswered, lapsed


def _not_resolved(unanswered: list[Blocker], lapsed: list[Blocker], changed: set[str],
                  new: Assessment, names: dict[str, str]) -> list[str]:
    """Notes on the blockers that are gone without being resolved, and why: each gone
    because its dimension now reaches the target through other answers, or because the new
    assessment was planned toward another level; `changed`: the items answered differently."""
    def listed(blockers: list[Blocker]) -> str:
        return "; ".join(f"{names.get(b.dimension, b.dimension)}: {b.text}" for b in blockers)

    def count(blockers: list[Blocker]) -> str:
        return f"{len(blockers)} blocker{'s' if len(blockers) > 1 else ''}"

    notes = []
    if unanswered:
        notes.append(f"{count(unanswered)} no longer counted, because the answer is now "
                     f"unknown or n/a, not resolved: {listed(unanswered)}.")
    levels = {d.id: d.level for d in new.dimensions}
    groups: dict[tuple[bool, bool], list[Blocker]] = {}
    for blocker in lapsed:
        level = levels.get(blocker.dimension)
        reached = level is not None and level >= blocker.target
        groups.setdefault((blocker.item in changed, reached), []).append(blocker)
    for (answered, reached), blockers in groups.items():
        target = f"{new.level_term} {blockers[0].target}"
        why = (f"{target} was reached through other changes" if reached
               else "the new assessment was planned toward another level")
        said = (f"though the new answer still does not allow {target}" if answered
                else "though not answered differently")
        notes.append(f"{count(blockers)} no longer shown, {said} ({why}), so not counted as "
                     f"resolved: {listed(blockers)}.")
    return notes


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
