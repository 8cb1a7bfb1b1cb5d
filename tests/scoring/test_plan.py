"""The roadmap: dimensions below the target ordered by gap x weight, each with its blockers
(worst first) and the rubric's guidance for every level up to the target."""

from __future__ import annotations

from pathlib import Path

from cxmaturity.load.submission import read_submission
from cxmaturity.scoring.engine import score

from ..conftest import DATA

TINY = DATA / "rubrics" / "tiny.yaml"


def _assess(write, answers: str, target: int | None = None):  # type: ignore[no-untyped-def]
    path: Path = write("a.yaml", f"rubric: {TINY}\norganization: T\ndate: 2026-01-01\n"
                       f"answers: {answers}\n")
    return score(read_submission(str(path)), target=target)


def test_weight_breaks_equal_gaps(write) -> None:  # type: ignore[no-untyped-def]
    # Both dimensions score 1.0 (gap 1 to Level 2); data weighs 2, so it comes first.
    result = _assess(write, "{t1: 'no', t2: 'no', d1: 'no', d2: 'no'}")
    steps = result.next.roadmap
    assert [(s.dimension, s.gap, s.weight, s.priority) for s in steps] == [
        ("data", 1.0, 2.0, 2.0), ("tools", 1.0, 1.0, 1.0)]


def test_gap_times_weight_and_equal_priorities_keep_the_rubric_order(write) -> None:  # type: ignore[no-untyped-def]
    # Planned for Level 3: tools at 1.0 (gap 2, x1 = 2.0), data at 2.0 (gap 1, x2 = 2.0).
    result = _assess(write, "{t1: 'no', t2: 'no', d1: 'yes', d2: partial}", target=3)
    assert [(s.dimension, s.gap, s.priority) for s in result.next.roadmap] == [
        ("tools", 2.0, 2.0), ("data", 1.0, 2.0)]


def test_guidance_covers_every_level_up_to_the_target(write) -> None:  # type: ignore[no-untyped-def]
    result = _assess(write, "{t1: 'no', t2: 'no', d1: 'no', d2: 'no'}", target=3)
    tools = next(s for s in result.next.roadmap if s.dimension == "tools")
    assert tools.guidance == ((2, "Buy a tool."), (3, "Connect the tools."))


def test_blockers_in_rubric_order_and_outlook_follows_the_roadmap(write) -> None:  # type: ignore[no-untyped-def]
    result = _assess(write, "{t1: partial, t2: 'no', d1: 'no', d2: 'no'}", target=3)
    data = next(s for s in result.next.roadmap if s.dimension == "data")
    assert [b.item for b in data.blockers] == ["d1", "d2"]
    assert result.next.blockers == tuple(b for s in result.next.roadmap for b in s.blockers)
