"""Rubric format 1, read as format 2 (docs/rubric-format.md, "Format 1"): an answer's level x
(`indicates`) becomes the range [floor x, ceil x] (`supports`); the dimension rule and
tolerance, which ranges replace, and a metric's unused `shortfall` phrase are dropped; the
overall method keeps format 1's default, the weakest link, and reads its weighted mean as
the median. `cxmaturity rubric validate` warns (`format-1`) on every such rubric.
"""

from __future__ import annotations

import math
from typing import Any


def as_format_2(data: Any) -> Any:
    """A rubric document of format 1 as the same rubric in format 2; anything else as is."""
    if not isinstance(data, dict) or data.get("format") != 1:
        return data
    converted = dict(data)
    questions = data.get("questions")
    if isinstance(questions, list):
        converted["questions"] = [_question_from_format_1(q) for q in questions]
    metrics = data.get("metrics")
    if isinstance(metrics, list):  # a metric's shortfall phrase was never shown
        converted["metrics"] = [{k: v for k, v in m.items() if k != "shortfall"}
                                if isinstance(m, dict) else m for m in metrics]
    scoring = data.get("scoring", {})
    if isinstance(scoring, dict):
        scoring = {k: v for k, v in scoring.items() if k != "dimension"}
        overall = scoring.get("overall", {})
        if isinstance(overall, dict):
            # format 1's default was weakest-link; its weighted mean of single levels has
            # no meaning for ranges, and reads as the median.
            method = overall.get("method", "weakest-link")
            scoring["overall"] = {
                **{k: v for k, v in overall.items() if k != "tolerance"},
                "method": "median" if method == "weighted-mean" else method}
        converted["scoring"] = scoring
    return converted


def _question_from_format_1(question: Any) -> Any:
    if not isinstance(question, dict) or "indicates" not in question \
            or not isinstance(question["indicates"], dict):
        return question
    converted = {k: v for k, v in question.items() if k != "indicates"}
    converted["supports"] = {option: _range_of_point(point)
                             for option, point in question["indicates"].items()}
    return converted


def _range_of_point(point: Any) -> Any:
    """A format 1 level as a range: `2` is [2, 2], `2.5` is [2, 3]."""
    if isinstance(point, (int, float)) and not isinstance(point, bool) and math.isfinite(point):
        return [math.floor(point), math.ceil(point)]
    return point
