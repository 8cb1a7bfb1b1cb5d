"""What every loader must do with any input: a result, or located problems (exit 2), nothing else.

Each target returns the outcome's name (`scored`, `accepted`, `rejected`) and raises
AssertionError, or lets any unexpected exception through, when the contract breaks.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from rich.console import Console

from cxmaturity.errors import CxError, InputError
from cxmaturity.load.catalog import LoadedRubric, parse_rubric
from cxmaturity.load.submission import Submission, check_submission, parse_metric_value
from cxmaturity.model.records import Digest, Outcome, Tally
from cxmaturity.model.result import Assessment
from cxmaturity.model.rubric import NOT_APPLICABLE, UNKNOWN
from cxmaturity.report.formats import Context, Format, reporter
from cxmaturity.report.json_report import render_json
from cxmaturity.report.terminal import render
from cxmaturity.scoring.engine import score
from cxmaturity.yaml.reader import parse_bytes

from ..output_checks import check_output
from .strategies import band_values, submission

ROOT = Path(__file__).resolve().parents[2]
#: Answers are read as if they sat in tests/data/answers, so `../rubrics/tiny.yaml` resolves.
BASE = ROOT / "tests" / "data" / "answers"
ANSWERS_FILE = "fuzzed-answers.yaml"
RUBRIC_FILE = "fuzzed-rubric.yaml"

#: Problems about a file as a whole, which have no line to point to.
WHOLE_FILE = re.compile(r"^(file is larger than|not UTF-8 text|\d+ more problem\(s\) not shown$)")


def check_located(error: CxError) -> None:
    """Every problem names its file and a line and column, unless it is about the whole file."""
    assert error.problems, "an error without problems"
    for problem in error.problems:
        assert problem.file and problem.message, repr(problem)
        if problem.line is None:
            assert WHOLE_FILE.match(problem.message), f"not located: {problem}"
        else:
            assert problem.line >= 1 and (problem.column or 0) >= 1, repr(problem)


def answers_outcome(raw: bytes, *, rich: bool = False, every_format: bool = False,
                    base: Path = BASE) -> str:
    """Read, check, score and render an answers file's bytes (in every format, checked by
    tests/output_checks.py, when `every_format`)."""
    try:
        sub = check_submission(parse_bytes(raw, ANSWERS_FILE), base)
    except InputError as error:
        check_located(error)
        if every_format:
            report_everywhere(None, error)
        return "rejected"
    result = _render(sub, rich=rich)
    if every_format:
        report_everywhere(result, None)
    return "scored"


def report_everywhere(result: Assessment | None, error: InputError | None) -> None:
    """Every reporter, for one file and for a batch, on a result or on an input's problems;
    each report must be well-formed and inert whatever text the input carried."""
    if result is not None:
        outcome = Outcome(result.file, result.model_dump_json(), Digest.of(result),
                          result=result)
    else:
        assert error is not None
        outcome = Outcome(ANSWERS_FILE, problems=error.problems)
    for output_format in Format:
        for single in (True, False):
            if output_format is Format.html and not single:
                continue
            report = reporter(output_format, Context(single=single, width=80))
            tally = Tally()
            tally.add(outcome)
            text = report.begin() + report.add(outcome) + report.finish(tally)
            check_output(output_format.value, text)


def rubric_outcome(raw: bytes, *, every_format: bool = False) -> str:
    """Read and check a rubric's bytes; if it is valid, score extreme assessments with it
    (and report the highest in every format when `every_format`)."""
    try:
        loaded = parse_rubric(raw, RUBRIC_FILE)
    except InputError as error:
        check_located(error)
        return "rejected"
    results = [_render(sub, rich=False) for sub in extremes(loaded)]
    if every_format:
        report_everywhere(results[2], None)
    return "accepted"


def extremes(loaded: LoadedRubric) -> list[Submission]:
    """Nothing known; every answer at its lowest; every answer at its highest, metrics at edges."""
    rubric = loaded.rubric
    unknown = {q.id: UNKNOWN for q in rubric.questions}
    lowest = {q.id: min(q.supports, key=lambda o: q.supports[o]) for q in rubric.questions}
    highest = {q.id: max(q.supports, key=lambda o: q.supports[o]) for q in rubric.questions}
    edges: dict[str, float | None] = {}
    targets: dict[str, float] = {}
    for metric in rubric.metrics:
        if metric.target is not None and metric.target.value is None:
            targets[metric.id] = metric.minimum if metric.minimum is not None else 0.0
        edges[metric.id] = None
        for value in band_values(metric, targets.get(metric.id)):
            try:
                edges[metric.id] = parse_metric_value(value, metric, targets.get(metric.id))
            except ValueError:
                continue
    nothing = dict.fromkeys(edges)
    not_applicable = {q.id: NOT_APPLICABLE for q in rubric.questions}
    return [submission(loaded, unknown, nothing), submission(loaded, lowest, nothing),
            submission(loaded, highest, edges, targets),
            submission(loaded, not_applicable, edges, targets)]


def _render(sub: Submission, *, rich: bool) -> Assessment:
    result = score(sub)
    assert render_json(result).endswith("}\n")
    if rich:
        Console(file=io.StringIO(), width=100, no_color=True).print(render(result))
    return result
