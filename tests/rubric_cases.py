"""The rubrics the scoring properties run on: every bundled rubric, the tiny test rubric (median
overall), the tiny rubric under the weakest-link rule (so both overall rules are covered), the
tiny rubric in format 1 (read by conversion), and the KPI test rubric (metrics compared with
targets)."""

from __future__ import annotations

import functools

from cxmaturity.load.bundled import bundled_ids
from cxmaturity.load.catalog import LoadedRubric, load_rubric, parse_rubric

from .conftest import DATA

TINY = DATA / "rubrics" / "tiny.yaml"
KPI = DATA / "rubrics" / "kpi.yaml"
TINY_WEAKEST = "tiny-weakest-link"

#: Names for pytest ids: bundled ids, then the test rubrics.
CASES = [*bundled_ids(), "tiny", TINY_WEAKEST, "tiny-format1", "kpi"]


@functools.cache
def loaded(case: str) -> LoadedRubric:
    """The rubric of a case, loaded once."""
    if case in FROM_DISK:
        return load_rubric(str(DATA / "rubrics" / f"{case}.yaml"))
    if case == TINY_WEAKEST:
        text = TINY.read_text(encoding="utf-8")
        weakest = text.replace("overall: {method: median}", "overall: {method: weakest-link}")
        assert weakest != text
        return parse_rubric(weakest.encode(), f"{TINY_WEAKEST}.yaml")
    return load_rubric(case)


def reference(case: str) -> str:
    """What an answers file's `rubric:` key says for a case read from disk."""
    return str(DATA / "rubrics" / f"{case}.yaml") if case in FROM_DISK else case


FROM_DISK = ("tiny", "tiny-format1", "kpi")
