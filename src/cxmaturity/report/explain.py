"""The sentences that explain a level, shared by the terminal, Markdown and HTML reports: the
overall rule, where the dimensions sit around the overall level, how evidence lines read, and
the changes that would raise a level. Plain text; each reporter renders it its own way."""

from __future__ import annotations

from cxmaturity.model.result import Assessment, DimensionResult, Fact, Move, Trait


def evidence_legend(term: str) -> str:
    """How evidence lines read (shown once, before the evidence), in the rubric's term."""
    terms = f"{term.lower()}s"
    return (f"Allows: the {terms} a dimension's evidence cannot tell apart. Each answer shows "
            f"the {terms} it is consistent with (1-2: {term} 1 or 2); ✓ fits the dimension's "
            f"{term.lower()}, ↓ says it is lower, ↑ says higher.")

#: The mark of each `fits` value of an evidence item.
FIT_MARKS = {"yes": "✓", "lower": "↓", "higher": "↑"}


def percent_text(share: float) -> str:
    """A share from 0 to 1 as every report shows it: `75%` (the gates' messages, in the
    run layer below the reports, write the same with `:.0%`)."""
    return f"{share * 100:.0f}%"


def answered_text(dim: DimensionResult) -> str:
    """A dimension's answered share as shown: `75%`, or `n/a` when nothing in it applies
    (every item answered `n/a`, which is no evidence but not a gap either)."""
    if dim.level is None and dim.coverage == 0 and not dim.unanswered:
        return "n/a"
    return percent_text(dim.coverage)


def span_text(levels: tuple[int, int]) -> str:
    """A range of levels as shown: `2` or `1-2`."""
    low, high = levels
    return f"{low}" if low == high else f"{low}-{high}"


def rule_line(result: Assessment) -> str:
    """The overall rule in one sentence, and what holds the level where it is."""
    overall = result.overall
    term = result.level_term
    if overall.method == "weakest-link":
        line = f"Weakest link: the highest {term.lower()} every dimension's evidence shows reached."
        names = {d.id: d.name for d in result.dimensions}
        if overall.level is not None and overall.level < len(result.ladder) \
                and overall.limited_by and not overall.capped_by:
            line += (f" Held at {term} {overall.level} by: "
                     f"{', '.join(names[d] for d in overall.limited_by)}.")
        return line
    return (f"Median: the highest {term.lower()} that more of the dimensions' weight reaches "
            f"than falls short of.")


def between_levels(result: Assessment) -> list[str]:
    """Where the operation sits between levels: dimensions above the overall level (its
    traits of higher levels), dimensions below it, a cap, and how far the next level is."""
    term = result.level_term
    overall = result.overall
    dims = {d.id: d for d in result.dimensions}
    metrics = {m.id: m for m in result.metrics}
    lines = []
    for metric_id in overall.capped_by:
        metric = metrics[metric_id]
        lines.append(f"Held at {term} {overall.level} by {metric.name} {metric.shown}: the "
                     f"source ties each {term.lower()} to this figure.")
    if overall.held_back_by and overall.level is not None:
        names = ", ".join(dims[d].name for d in overall.held_back_by)
        allowed = (dims[overall.held_back_by[0]].span or (1, 1))[1]
        lines.append(f"Held at {term} {overall.level} by {names}: its evidence allows no more "
                     f"than {term} {allowed}, and the rubric lets the operation sit at most "
                     f"{_count(overall.level - allowed, term.lower())} above its weakest "
                     f"dimension.")
    above: dict[int, list[str]] = {}
    for dim_id in overall.above:
        above.setdefault(dims[dim_id].level or 0, []).append(dims[dim_id].name)
    for level in sorted(above):
        lines.append(f"With {term} {level} traits in: {', '.join(above[level])}.")
    if overall.below:
        held = [f"{dims[d].name} ({term} {dims[d].level})" for d in overall.below]
        lines.append(f"Behind the rest: {', '.join(held)}.")
    moves = overall.raise_by_one
    if moves and overall.level is not None:
        count = len({m.dimension for m in moves})
        lines.append(f"To reach {term} {overall.level + 1}: {_count(len(moves), 'change')} of "
                     f"answers or figures, in {_count(count, 'dimension')} (see below).")
    return lines


def move_text(move: Move) -> str:
    """One change that would raise a level: `journey-measures: 2 - Slightly → 4 - Mostly`."""
    return f"{move.item}: {move.given} → {move.to}"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def trait_text(trait: Trait) -> str:
    """A level's trait, marked where the rubric rather than the source places it."""
    return trait.text + (" (interpretation)" if trait.basis == "interpretation" else "")


def fact_text(fact: Fact) -> str:
    """A finding of the source, marked where it is the rubric's reading."""
    return fact.text + (" (interpretation)" if fact.basis == "interpretation" else "")


def facts_about(result: Assessment, *, level: int | None = None,
                dimension: str | None = None) -> list[Fact]:
    """The source's findings about the whole model (no arguments), about one level, or about
    one dimension at its level (`dimension` and `level`: findings for that dimension that
    name no level or that level)."""
    if dimension is None:
        return [f for f in result.facts if f.dimension is None and f.level == level]
    return [f for f in result.facts
            if f.dimension == dimension and f.level in (None, level)]


def no_plan(result: Assessment) -> str | None:
    """Why a scored result has no plan: the top level is reached, or `--target` asked for a
    level already reached (None when it has a plan or no level)."""
    level, term = result.overall.level, result.level_term
    if result.next is not None or level is None:
        return None
    if level == len(result.ladder):
        return f"Top {term.lower()} reached: keep measuring over time."
    return (f"{term} {level} is at or above the --target level, so there is no plan toward "
            f"it; without --target the plan is for {term} {level + 1}.")


def counted_note(counted: bool) -> str:
    """What a report says of a dimension left out of the overall level."""
    return "" if counted else "context: not counted in the overall level"
