"""The interview: questions asked one at a time, replies understood, the draft kept current.

This module holds no input or output: the CLI asks, this module interprets a reply and
records it in a :class:`~cxmaturity.author.writer.Draft`, and the CLI saves
:meth:`Interview.text` after every answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from cxmaturity.author.writer import Draft, render
from cxmaturity.load.options import advice, option_for
from cxmaturity.load.submission import check_submission, parse_metric_value, parse_number
from cxmaturity.model import bands
from cxmaturity.model.rubric import NOT_APPLICABLE, UNKNOWN, Question, Rubric, Scale
from cxmaturity.yaml.reader import read_yaml_file

Command = Literal["skip", "back", "quit", "help", "keep"]

#: Words that act on the interview rather than answer (checked after the scale's options).
COMMANDS: dict[str, Command] = {
    "s": "skip", "skip": "skip", "b": "back", "back": "back", "q": "quit", "quit": "quit",
    "?": "help", "h": "help", "help": "help", "": "keep",
}
#: The line that tells a file the interview wrote (others are backed up before a rewrite).
MARK = "written by `cxmaturity interview`"
_UNKNOWN_WORDS = {"u", UNKNOWN, "dont know", "don't know"}
_NA_WORDS = {NOT_APPLICABLE, "na", "not applicable", "not-applicable"}


@dataclass(frozen=True)
class Step:
    """One thing to ask: a metric or a question."""

    kind: Literal["metric", "question"]
    id: str
    dimension: str
    text: str
    help: str | None
    choices: tuple[tuple[str, str], ...] = ()
    """(option id, what it reads as) for a question, in scale order."""
    needs_target: bool = False
    """A metric scored by a target the rubric leaves to each operation."""


@dataclass(frozen=True)
class Reply:
    """What a typed reply means: a command, an answer (option id or metric value), or neither."""

    command: Command | None = None
    answer: Any = None
    error: str | None = None


def steps(rubric: Rubric) -> list[Step]:
    """Everything to ask, grouped by dimension: its metrics, then its questions."""
    found: list[Step] = []
    for dim in rubric.dimensions:
        for m in (m for m in rubric.metrics if m.dimension == dim.id):
            own = m.target is not None and m.target.value is None
            found.append(Step("metric", m.id, dim.name, f"{m.name}: {bands.unit_phrase(m)}",
                              " ".join(m.description.split()), needs_target=own))
        for q in (q for q in rubric.questions if q.dimension == dim.id):
            choices = tuple((o.id, o.described) for o in rubric.scale_of(q).options)
            found.append(Step("question", q.id, dim.name, q.text, q.help, choices))
    return found


class Interview:
    """An answers file being filled in, question by question."""

    def __init__(self, rubric: Rubric, draft: Draft, *, ask_unknown: bool = False) -> None:
        self.rubric = rubric
        self.draft = draft
        self.steps = steps(rubric)
        self.ask_unknown = ask_unknown
        self.asked: set[str] = set()
        """Ids answered in this session."""

    def _given(self, step: Step) -> dict[str, Any]:
        return self.draft.metrics if step.kind == "metric" else self.draft.answers

    def current(self, step: Step) -> Any:
        """The recorded answer of a step (without evidence), or None if not asked yet."""
        value = self._given(step).get(step.id)
        if isinstance(value, dict):
            return value.get("value" if step.kind == "metric" else "answer")
        return value

    def pending(self) -> list[int]:
        """Indexes of the steps not answered yet (with `ask_unknown`, also those answered
        `unknown` before this session), in order."""
        return [i for i, step in enumerate(self.steps) if step.id not in self._given(step)
                or (self.ask_unknown and step.id not in self.asked
                    and self.current(step) in (UNKNOWN, None))]

    def after(self, index: int) -> int:
        """The next step after `index` still to answer (`len(steps)` when there is none)."""
        return next((i for i in self.pending() if i > index), len(self.steps))

    def interpret(self, step: Step, typed: str) -> Reply:
        """Understand what was typed at `step`."""
        text = " ".join(typed.strip().lower().split())
        if text in _UNKNOWN_WORDS:
            return Reply(answer=UNKNOWN)
        if text in _NA_WORDS:
            return Reply(answer=NOT_APPLICABLE)
        if step.kind == "question":
            option = self._option(step, text)
            if option is not None:
                return Reply(answer=option)
        elif text not in COMMANDS:
            return self._metric(step, typed.strip())
        if text in COMMANDS:
            return Reply(command=COMMANDS[text])
        allowed = ", ".join(f"{n} or {o}" for n, (o, _) in enumerate(step.choices, 1))
        meant = advice(text, self._scale(step)[1]) if step.kind == "question" else None
        said = "" if meant is None else meant + (" " if meant.endswith("?") else "; ")
        return Reply(error=f'"{typed.strip()}" is not an answer here; {said}type {allowed}, '
                     "u (unknown), n/a, or ? for help")

    def _option(self, step: Step, text: str) -> str | None:
        """The option a reply names: its number in the list, or as an answers file would."""
        ids = [option for option, _ in step.choices]
        if text.isdigit() and 1 <= int(text) <= len(ids):
            return ids[int(text) - 1]
        return option_for(text, *self._scale(step))

    def _scale(self, step: Step) -> tuple[Question, Scale]:
        question = next(q for q in self.rubric.questions if q.id == step.id)
        return question, next(s for s in self.rubric.scales if s.id == question.scale)

    def _metric(self, step: Step, typed: str) -> Reply:
        metric = next(m for m in self.rubric.metrics if m.id == step.id)
        try:
            number = parse_number(typed, metric)
            if not step.needs_target:
                parse_metric_value(typed, metric)
        except ValueError as exc:
            return Reply(error=str(exc))
        return Reply(answer=_as_written(typed, number))

    def interpret_target(self, step: Step, typed: str) -> Reply:
        """Understand a target typed for a metric whose rubric leaves the target open."""
        metric = next(m for m in self.rubric.metrics if m.id == step.id)
        if not typed.strip():
            return Reply(error="type your target, e.g. 75")
        try:
            number = parse_number(typed, metric)
        except ValueError as exc:
            return Reply(error=str(exc))
        if number is None:
            return Reply(error="a value needs a target to be scored; type one, e.g. 75")
        return Reply(answer=_as_written(typed, number))

    def record(self, step: Step, answer: Any, evidence: str | None,
               target: Any = None) -> None:
        """Record an answer (with its evidence note and the metric's own target, if any)."""
        key = "value" if step.kind == "metric" else "answer"
        extra = {k: v for k, v in (("target", target), ("evidence", evidence)) if v}
        self._given(step)[step.id] = {key: answer, **extra} if extra else answer
        self.asked.add(step.id)

    def evidence(self, step: Step) -> str | None:
        """The evidence note recorded for a step."""
        note = self._extra(step, "evidence")
        return None if note is None else str(note)

    def target(self, step: Step) -> Any:
        """The target recorded for a metric step."""
        return self._extra(step, "target")

    def _extra(self, step: Step, key: str) -> Any:
        value = self._given(step).get(step.id)
        return value.get(key) if isinstance(value, dict) else None

    def text(self) -> str:
        """The answers file as it stands; questions not asked yet are commented out."""
        title = (f"Answers for {self.rubric.title} ({self.rubric.id} {self.rubric.version}),\n"
                 f"{MARK}; run it again to continue.\n"
                 "Commented-out questions are not answered yet.")
        return render(self.rubric, self.draft, pending="comment", title=title)


def _as_written(typed: str, number: float | None) -> Any:
    """A metric value as the file should hold it: a plain number stays a number."""
    text = typed.strip()
    try:
        float(text)
    except ValueError:
        return text if number is not None else UNKNOWN
    assert number is not None
    return int(number) if number.is_integer() else number


def resume(path: str) -> tuple[Rubric, Draft]:
    """The rubric and the content of an existing answers file, checked against its rubric."""

    doc = read_yaml_file(path)
    sub = check_submission(doc, Path(path).parent)
    value: dict[str, Any] = doc.value
    header = {k: v for k, v in value.items() if k not in ("metrics", "answers")}
    if header.get("date") == sub.answers.date.isoformat():
        header["date"] = sub.answers.date  # written back as it was, not quoted as a string
    return sub.rubric, Draft(header, dict(value.get("metrics") or {}),
                             dict(value.get("answers") or {}))
