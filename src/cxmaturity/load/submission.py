"""An answers file read against its rubric: every answer and metric checked and normalized."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cxmaturity.errors import MAX_PROBLEMS, InputError, Problem, RubricNotFound, capped
from cxmaturity.load.catalog import LoadedRubric, Rubrics
from cxmaturity.load.options import advice, option_for
from cxmaturity.load.percentages import as_written, check_percentage, read_number
from cxmaturity.load.salvage import read_answers
from cxmaturity.load.validation import did_you_mean, located
from cxmaturity.model import bands
from cxmaturity.model.answers import Answers
from cxmaturity.model.rubric import NOT_APPLICABLE, UNKNOWN, Metric, Rubric
from cxmaturity.yaml.reader import YamlDocument, read_yaml_file

if TYPE_CHECKING:
    from cxmaturity.load.index import RubricIndex


@dataclass(frozen=True)
class Submission:
    """A validated answers file, its rubric, and the normalized responses."""

    file: str
    answers: Answers
    loaded: LoadedRubric
    responses: dict[str, str]
    """Question id to option id, `unknown` or `n/a`, for every question of the rubric."""
    metric_values: dict[str, float | None]
    """Metric id to value (percent as 0-100), None if unknown, for every metric."""
    metric_targets: dict[str, float] = field(default_factory=dict)
    """Metric id to the target the answers file sets, for target metrics that set one."""

    def target(self, metric_id: str) -> float | None:
        """The target the answers file sets for a metric, if any."""
        return self.metric_targets.get(metric_id)

    @property
    def rubric(self) -> Rubric:
        return self.loaded.rubric


def read_submission(path: str, display: str | None = None, *,
                    rubric_root: Path | None = None) -> Submission:
    """Read an answers file from disk and check it against its rubric."""
    doc = read_yaml_file(path, display)
    return check_submission(doc, Path(path).parent, rubric_root=rubric_root)


def check_submission(doc: YamlDocument, base: Path, answers: Answers | None = None, *,
                     rubric_root: Path | None = None, rubrics: Rubrics | None = None
                     ) -> Submission:
    """Validate a parsed answers document and resolve it against its rubric, raising
    InputError with every problem at once: schema problems, and what the rest of the file
    gets wrong against its rubric (`answers`: the document already validated, when the
    caller has done that). A rubric named by path must lie inside `rubric_root`, or by
    default the answers file's repository (see :mod:`cxmaturity.load.containment`); a batch
    passes its `rubrics`, which resolves each rubric once and holds the root it was made
    with (`rubric_root` is then not read)."""
    schema: tuple[Problem, ...] = ()
    if answers is None:
        answers, schema = read_answers(doc)
        if answers is None:
            raise InputError(schema)
    try:
        loaded = (rubrics or Rubrics(rubric_root)).load(answers.rubric, base)
    except RubricNotFound as exc:
        first = exc.problems[0]
        raise InputError([*schema, located(doc, ("rubric",), f'{first.message}: '
                                           f'"{answers.rubric}"', first.hint)]) from None
    problems: list[Problem] = list(schema)
    index = loaded.index
    responses = _responses(doc, answers, index, problems)
    targets = _metric_targets(doc, answers, index.metrics, problems)
    metric_values = _metric_values(doc, answers, index.metrics, targets, problems)
    if problems:
        raise InputError(capped(in_file_order(problems), doc.file))
    return Submission(doc.file, answers, loaded, responses, metric_values, targets)


def in_file_order(problems: Iterable[Problem]) -> list[Problem]:
    """Problems by line and column (those without a place first)."""
    return sorted(problems, key=lambda p: (p.line or 0, p.column or 0))


def _responses(doc: YamlDocument, answers: Answers, index: RubricIndex,
               problems: list[Problem]) -> dict[str, str]:
    questions, scales = index.questions, index.scales
    unknown = [qid for qid in answers.answers if qid not in questions]
    for i, qid in enumerate(unknown):
        hint = did_you_mean(qid, questions) if i < MAX_PROBLEMS else None
        problems.append(located(doc, ("answers", qid), f'unknown question "{qid}"',
                                hint or "see `cxmaturity template` for the question ids",
                                prefer_key=True))
    responses: dict[str, str] = {}
    for qid, question in questions.items():
        entry = answers.answers.get(qid)
        given = entry.answer if entry else UNKNOWN
        scale = scales[question.scale]
        option = option_for(given, question, scale)
        if option is None:
            allowed = [o.id for o in scale.options] + [UNKNOWN, NOT_APPLICABLE]
            meant = advice(given, scale)
            hint = f"{meant} (one of: {', '.join(allowed)})" if meant else \
                f"use one of: {', '.join(allowed)}"
            path: tuple[str, ...] = ("answers", qid, "answer")
            if path not in doc.values:
                path = ("answers", qid)
            problems.append(located(doc, path, f'"{given}" is not an answer to this question',
                                    hint))
            option = UNKNOWN
        responses[qid] = option
    return responses


def _metric_targets(doc: YamlDocument, answers: Answers, metrics: dict[str, Metric],
                    problems: list[Problem]) -> dict[str, float]:
    """The operation's own targets, for metrics the rubric scores by target."""
    targets: dict[str, float] = {}
    for mid, entry in answers.metrics.items():
        metric = metrics.get(mid)
        if metric is None or entry.target is None:
            continue
        path = ("metrics", mid, "target")
        if metric.target is None:
            problems.append(located(doc, path, f"{metric.name} is placed in bands, so it "
                                    f"takes no target", "remove `target:`"))
            continue
        try:
            value = parse_number(entry.target, metric)
        except ValueError as exc:
            problems.append(located(doc, path, str(exc), _metric_hint(metric)))
            continue
        if value is not None:
            targets[mid] = value
    return targets


def _metric_values(doc: YamlDocument, answers: Answers, metrics: dict[str, Metric],
                   targets: dict[str, float],
                   problems: list[Problem]) -> dict[str, float | None]:
    known = f"known metrics: {', '.join(sorted(metrics)) or 'none'}"
    unknown = [mid for mid in answers.metrics if mid not in metrics]
    for i, mid in enumerate(unknown):
        hint = did_you_mean(mid, metrics) if i < MAX_PROBLEMS else None
        problems.append(located(doc, ("metrics", mid), f'unknown metric "{mid}"',
                                hint or known, prefer_key=True))
    values: dict[str, float | None] = {}
    for mid, metric in metrics.items():
        entry = answers.metrics.get(mid)
        if entry is None:
            values[mid] = None
            continue
        try:
            values[mid] = parse_metric_value(entry.value, metric, targets.get(mid))
        except bands.MissingTarget as exc:
            problems.append(located(doc, _metric_path(doc, mid), str(exc), f"the rubric sets "
                                    f"no default target for {metric.name}; write your own, "
                                    f"e.g. `{mid}: {{value: {_shown(entry.value)}, target: "
                                    f"...}}`"))
            values[mid] = None
        except bands.InGap as exc:
            problems.append(located(doc, _metric_path(doc, mid), str(exc), "the value may be "
                                    "right: the rubric leaves it uncovered; its author can add "
                                    "a band or declare `gaps:` (`cxmaturity rubric validate` "
                                    "warns of it as band-gap); meanwhile write `unknown`"))
            values[mid] = None
        except ValueError as exc:
            problems.append(located(doc, _metric_path(doc, mid), str(exc),
                                    _metric_hint(metric)))
            values[mid] = None
    return values


def _metric_path(doc: YamlDocument, mid: str) -> tuple[str, ...]:
    """Where a metric's value sits (marks are only looked up once something is wrong)."""
    return ("metrics", mid, "value") if ("metrics", mid, "value") in doc.values else \
        ("metrics", mid)


def _shown(raw: float | str | None) -> str:
    return f"{raw:g}" if isinstance(raw, float) else str(raw)


def _metric_hint(metric: Metric) -> str:
    return f"write {bands.unit_phrase(metric)}, or `unknown`"


def parse_metric_value(raw: Any, metric: Metric, target: float | None = None) -> float | None:
    """A metric value as a float (percent as 0-100), None for unknown; ValueError if invalid
    or if it cannot be placed (in a gap between bands, or with no target to compare it with)."""
    number = parse_number(raw, metric)
    if number is not None:
        bands.place(metric, number, target)
    return number


def parse_number(raw: Any, metric: Metric) -> float | None:
    """A value or target of `metric` as a float (percent as 0-100), None for unknown; read
    as :mod:`cxmaturity.load.percentages` reads every number and percentage."""
    if raw is None or (isinstance(raw, str) and raw.strip().lower() == UNKNOWN):
        return None
    number, had_percent = read_number(raw)
    if metric.unit == "percent":
        check_percentage(number, had_percent, raw)
    elif had_percent:
        raise ValueError(f"{as_written(raw)} has a % sign but {metric.name} is not a percentage")
    limits = metric.limits
    low = -math.inf if limits[0] is None else limits[0]
    high = math.inf if limits[1] is None else limits[1]
    if not low <= number <= high:
        raise ValueError(f"{as_written(raw)} is out of range for {metric.name} ({low:g} to "
                         f"{high:g})")
    return number
