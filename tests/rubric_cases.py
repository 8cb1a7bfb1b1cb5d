"""The rubrics the scoring properties run on: every bundled rubric, the tiny test rubric, and
the tiny rubric with the weighted-mean overall rule (so both overall rules are covered), and
the KPI test rubric (metrics compared with targets)."""

from __future__ import annotations

import functools

from cxmaturity.catalog import LoadedRubric, bundled_ids, load_rubric, parse_rubric

from .conftest import DATA

TINY = DATA / "rubrics" / "tiny.yaml"
KPI = DATA / "rubrics" / "kpi.yaml"
TINY_WEIGHTED = "tiny-weighted-mean"

#: Names for pytest ids: bundled ids, then the test rubrics.
CASES = [*bundled_ids(), "tiny", TINY_WEIGHTED, "kpi"]


@functools.cache
def loaded(case: str) -> LoadedRubric:
    """The rubric of a case, loaded once."""
    if case in ("tiny", "kpi"):
        return load_rubric(str(DATA / "rubrics" / f"{case}.yaml"))
    if case == TINY_WEIGHTED:
        text = TINY.read_text(encoding="utf-8")
        weighted = text.replace("overall: {method: weakest-link}",
                                "overall: {method: weighted-mean, tolerance: 0.25}")
        assert weighted != text
        return parse_rubric(weighted.encode(), f"{TINY_WEIGHTED}.yaml")
    return load_rubric(case)


def reference(case: str) -> str:
    """What an answers file's `rubric:` key says for a case read from disk."""
    return str(DATA / "rubrics" / f"{case}.yaml") if case in ("tiny", "kpi") else case
