"""Writing answers files: a template with every question as comments, or a draft in progress.

The layout is the same for both: the header, the metrics with their units, then the
answers grouped by dimension, each question preceded by its text, its help and the
answers it accepts. Values are written so that the strict reader gives them back as
they were.
"""

from __future__ import annotations

import datetime as dt
import shlex
import textwrap
from dataclasses import dataclass, field
from typing import Any

import yaml

from cxmaturity.errors import InputError
from cxmaturity.escape.terminal import prose
from cxmaturity.load.catalog import is_path_reference
from cxmaturity.model import bands
from cxmaturity.model.rubric import NOT_APPLICABLE, UNKNOWN, Metric, Question, Rubric
from cxmaturity.yaml.reader import parse_yaml

HEADER_KEYS = ("rubric", "organization", "site", "date", "assessor", "respondents")
#: Comment lines fit yamllint's default line length.
WIDTH = 80
#: The widest option id an option's meaning is written beside (a longer one gets its line).
ID_COLUMN = 20
#: The first line of a template: editors with the YAML language server complete and check
#: the file against the schema it names (made by `cxmaturity schema answers`).
MODELINE = "# yaml-language-server: $schema=answers.schema.json"


@dataclass
class Draft:
    """The content of an answers file: header keys, metrics and answers, as YAML values."""

    header: dict[str, Any] = field(default_factory=dict)
    metrics: dict[str, Any] = field(default_factory=dict)
    answers: dict[str, Any] = field(default_factory=dict)


def scalar(value: Any) -> str:
    """`value` as YAML text that the strict (YAML 1.2) reader reads back unchanged."""
    text = _dump(value)
    if isinstance(value, (str, dict, list)) and _reread(text) != value:
        return _quoted(value)  # e.g. `0E0`: text to PyYAML (YAML 1.1), a number in YAML 1.2
    return text


def _dump(value: Any, style: str | None = None) -> str:
    text: str = yaml.safe_dump(value, default_flow_style=True, default_style=style,
                               allow_unicode=True, width=10**9, sort_keys=False)
    return text.removesuffix("\n").removesuffix("\n...").strip()


def _quoted(value: Any) -> str:
    """Every string inside `value` double-quoted, with YAML's escapes (U+0085 as `\\N`)."""
    if isinstance(value, str):
        return _dump(value, style='"')
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_quoted(k)}: {_quoted(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_quoted(v) for v in value) + "]"
    return _dump(value)


def _reread(text: str) -> Any:
    try:
        return parse_yaml(f"v: {text}\n", "<value>").value["v"]
    except InputError:
        return None


def _comment(text: str, indent: str, lead: str = "") -> list[str]:
    """Rubric text as YAML comment lines (a comment cannot hold control characters, and is
    printed where a terminal or a CI log reads it), after `lead` on the first line and
    aligned under the text after it on the others."""
    lines = textwrap.wrap(" ".join(prose(text).split()), WIDTH - len(indent) - 2,
                          initial_indent=lead, subsequent_indent=" " * len(lead),
                          break_long_words=False, break_on_hyphens=False) or [""]
    return [f"{indent}# {line}".rstrip() for line in lines]


def _allowed(rubric: Rubric, question: Question, indent: str) -> list[str]:
    """The answers a question accepts, as comment lines: on one line, or, when the rubric
    says what its options mean, one option a line with its meaning."""
    options = rubric.scale_of(question).options
    if all(o.description is None for o in options):
        return _comment("answers: " + " | ".join(
            [*(f"{o.id} ({o.label})" for o in options), UNKNOWN, NOT_APPLICABLE]), indent)
    column = max((len(o.id) for o in options if len(o.id) <= ID_COLUMN), default=0) + 2
    lines = [f"{indent}# answers:"]
    for option in options:
        if len(option.id) + 2 > column:  # a long id on its own line, its meaning below it
            lines += [f"{indent}#   {option.id}"]
            lines += _comment(option.described, indent, " " * (column + 2))
        else:
            lines += _comment(option.described, indent, f"  {option.id:<{column}}")
    return [*lines, f"{indent}#   {UNKNOWN} | {NOT_APPLICABLE}"]


def render(rubric: Rubric, draft: Draft, *, pending: str, title: str,
           command: str | None = None, document_start: bool = False) -> str:
    """The answers file text. Questions and metrics missing from `draft` are written as
    `unknown` when `pending` is `"unknown"`, or as commented-out keys when it is `"comment"`;
    `command`, after the title, is one comment line to copy, never wrapped;
    `document_start` puts `---` between the title and the keys (yamllint expects it).
    """
    out = [comment for line in title.splitlines() for comment in _comment(line, "")]
    out += [] if command is None else [f"# {prose(command).strip()}"]
    out += ["---"] if document_start else []
    header = {**{k: None for k in HEADER_KEYS}, **draft.header}
    header = {k: v for k, v in header.items() if k not in ("metrics", "answers")}
    out += [f"{scalar(k)}: {scalar(v)}" for k, v in header.items()
            if k != "notes" and (v is not None or k in ("site", "assessor"))]
    out += ["", "metrics:" if rubric.metrics else "metrics: {}"]
    for metric in rubric.metrics:
        out += _comment(f"{metric.name} ({metric.dimension}): {bands.unit_phrase(metric)}. "
                        f"{metric.description}{_target_note(metric)}", "  ")
        own_target = metric.target is not None and metric.target.value is None
        out.append(_entry(metric.id, draft.metrics, pending,
                          f"{{value: {UNKNOWN}, target: {UNKNOWN}}}" if own_target else UNKNOWN))
    out += ["", "answers:" if rubric.questions else "answers: {}"]
    for dim in rubric.dimensions:
        questions = [q for q in rubric.questions if q.dimension == dim.id]
        if not questions:
            continue
        out += ["", f"  # == {prose(dim.name)} =="]
        for question in questions:
            out += ["", *_comment(question.text, "  ")]
            if question.help:
                out += _comment(question.help, "  ")
            out += _allowed(rubric, question, "  ")
            out.append(_entry(question.id, draft.answers, pending))
    if draft.header.get("notes") is not None:
        out += ["", f"notes: {scalar(draft.header['notes'])}"]
    return "\n".join(out) + "\n"


def _target_note(metric: Metric) -> str:
    if metric.target is None:
        return ""
    if metric.target.value is None:
        return " Give your own `target:` with the value."
    return (f" Target: {bands.target_phrase(metric, metric.target.value)} unless you set your own "
            "`target:`.")


def _entry(key: str, given: dict[str, Any], pending: str, unknown: str = UNKNOWN) -> str:
    if key in given:
        return f"  {scalar(key)}: {scalar(given[key])}"
    if pending == "comment":
        return f"  # {scalar(key)}:"
    return f"  {scalar(key)}: {unknown}"


def template(rubric: Rubric, reference: str, today: dt.date) -> str:
    """An answers skeleton for `rubric`: every question unknown; it validates as it is."""
    title = (f"Answers for {rubric.title} ({rubric.id} {rubric.version}).\n"
             "Replace each `unknown` with one of the answers listed above it, or `n/a`;\n"
             "add evidence as `question-id: {answer: yes, evidence: \"...\"}`,\n"
             "or for a metric `metric-id: {value: 20%, evidence: \"...\"}`.\n"
             "Check it: cxmaturity validate FILE\n"
             "Score it: cxmaturity assess FILE\n"
             "Completion in an editor (the schema the first line names"
             + ("; run this in\nthe folder of this file, which the rubric's path is relative "
                "to):" if is_path_reference(reference) else "):"))
    command = f"cxmaturity schema answers -r {shlex.quote(reference)} > answers.schema.json"
    draft = Draft(header={"rubric": reference, "organization": "", "date": today})
    return f"{MODELINE}\n" + render(rubric, draft, pending="unknown", title=title,
                                     command=command, document_start=True)
