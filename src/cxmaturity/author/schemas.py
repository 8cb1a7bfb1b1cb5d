"""JSON Schemas of the rubric and answers files, generated from the models, for editors.

A third schema describes rubric self-test cases (see :mod:`cxmaturity.author.selftest`).
The schemas are JSON Schema draft-07, which common YAML editors (the YAML language
server, JetBrains IDEs) understand. The answers schema also admits the short forms
the models accept (`q1: yes` for `q1: {answer: yes}`, a bare metric value, a
respondent given as a name).
"""

from __future__ import annotations

import enum
import json
from collections.abc import Iterable
from typing import Any

from cxmaturity.author.selftest import Case
from cxmaturity.escape.jsondoc import document
from cxmaturity.model import bands
from cxmaturity.model.answers import NOT_APPLICABLE_SPELLINGS, Answers
from cxmaturity.model.rubric import UNKNOWN, Question, Rubric

DRAFT = "http://json-schema.org/draft-07/schema#"
class SchemaKind(str, enum.Enum):
    """The files a schema describes."""

    rubric = "rubric"
    answers = "answers"
    case = "case"

_SCALAR: dict[str, Any] = {"type": ["string", "number", "boolean", "null"]}


def schema(kind: str) -> dict[str, Any]:
    """The JSON Schema of a `rubric` or an `answers` file, as a mapping."""
    if kind == "rubric":
        generated = Rubric.model_json_schema()
        title = "cxmaturity rubric"
    elif kind == "answers":
        generated = _answers_short_forms(Answers.model_json_schema())
        title = "cxmaturity answers file"
    elif kind == "case":
        generated = _case()
        title = "cxmaturity rubric self-test case"
    else:
        raise ValueError(f"unknown schema kind {kind!r}")
    return {"$schema": DRAFT, **generated, "title": title}


def render(kind: str, rubric: Rubric | None = None) -> str:
    """The schema as the JSON text committed under `schemas/` (or for one rubric's answers),
    inert in a terminal or a CI log like every JSON we write: a rubric's texts are others'."""
    found = answers_for(rubric) if rubric is not None else schema(kind)
    return document(json.dumps(found, indent=2, ensure_ascii=False)) + "\n"


def answers_for(rubric: Rubric) -> dict[str, Any]:
    """The answers schema narrowed to one rubric: its question and metric ids, each with
    its text as description, and each question's allowed answers, so editors complete them."""
    document = schema("answers")
    document["title"] = f"cxmaturity answers file for {rubric.id} {rubric.version}"
    props = document["properties"]
    props["answers"] = {
        "type": "object", "additionalProperties": False,
        "description": "Answers by question id.",
        "properties": {q.id: _question(rubric, q) for q in rubric.questions}}
    props["metrics"] = {
        "type": "object", "additionalProperties": False,
        "description": "Measured values by metric id.",
        "properties": {m.id: {"$ref": "#/$defs/MetricEntry",
                              "description": f"{m.name}: {bands.unit_phrase(m)}. "
                              f"{' '.join(m.description.split())}"}
                       for m in rubric.metrics}}
    return document


def _question(rubric: Rubric, question: Question) -> dict[str, Any]:
    scale = rubric.scale_of(question)
    words = [o.id for o in scale.options] + list(scale.aliases) + [UNKNOWN]
    words += sorted(NOT_APPLICABLE_SPELLINGS)
    spellings = dict.fromkeys(v for w in words for v in (w, w.capitalize(), w.upper()))
    allowed: list[Any] = [*spellings, None]
    allowed += [int(w) for w in words if w.isdigit()]
    allowed += [w == "true" for w in words if w in ("true", "false")]
    labels = " | ".join(f"{o.id}: {o.described}" for o in scale.options)
    text = " ".join(f"{question.text} {question.help or ''}".split())
    answer = [{"enum": allowed},
              {"type": "string", "pattern": _any_case(o.label for o in scale.options)}]
    return {"description": f"{text} Answers: {labels} | unknown | n/a.",
            "anyOf": [*answer,
                      {"type": "object", "additionalProperties": False, "required": ["answer"],
                       "properties": {"answer": {"anyOf": answer},
                                      "evidence": {"type": ["string", "null"]}}}]}


#: Characters a JSON Schema pattern (ECMA-262) must escape outside a character class, and
#: inside one.
_REGEX_SPECIAL = frozenset("\\^$.|?*+()[]{}/")
_CLASS_SPECIAL = frozenset("\\]^-")


def _any_case(labels: Iterable[str]) -> str:
    """A pattern matching any of `labels` as answers files may write them, as
    :mod:`cxmaturity.load.options` reads them: each character in any case that case-folds
    to the label's (and `ß` also as `ss`), any run of spaces for a space, and spaces around.
    The tool folds whole strings, so the few spellings that fold only together (`STRAßE` for
    a label `Strasse`) it accepts and this pattern does not: the schema is the stricter.
    Valid in Python and in ECMA-262's Unicode mode (no escapes it rejects, such as `\\-`
    outside a class)."""
    def one(label: str) -> str:
        return r"\s+".join("".join(_folding(c) for c in word) for word in label.split())
    return rf"^\s*(?:{'|'.join(one(label) for label in labels)})\s*$"


def _folding(char: str) -> str:
    """`char` and every single character that reads as it (`ß` also as `ss`)."""
    fold = char.casefold()
    same = _class(_folding_to(char))
    if len(fold) == 1:
        return same
    return f"(?:{same}|{''.join(_class(_folding_to(part)) for part in fold)})"


def _folding_to(char: str) -> list[str]:
    fold = char.casefold()
    found = {char, char.lower(), char.upper(), char.title(), fold, fold.upper(), fold.title()}
    return sorted(c for c in found if len(c) == 1 and c.lower().casefold() == fold)


def _class(chars: list[str]) -> str:
    if len(chars) == 1:
        return f"\\{chars[0]}" if chars[0] in _REGEX_SPECIAL else chars[0]
    return "[" + "".join(f"\\{c}" if c in _CLASS_SPECIAL else c for c in chars) + "]"


def _case() -> dict[str, Any]:

    generated = Case.model_json_schema()
    answers = _answers_short_forms(Answers.model_json_schema())
    defs = generated.setdefault("$defs", {})
    defs.update(answers.pop("$defs"))
    defs["Answers"] = answers
    generated["properties"]["assessment"] = {
        "$ref": "#/$defs/Answers",
        "description": "An answers file; `rubric` may be left out to mean the rubric under test."}
    return generated


def _answers_short_forms(generated: dict[str, Any]) -> dict[str, Any]:
    defs = generated["$defs"]
    for name in ("AnswerEntry", "MetricEntry", "Respondent"):
        full = defs[name]
        short = {"Respondent": {"type": "string"}, "AnswerEntry": _SCALAR,
                 "MetricEntry": {"type": ["string", "number", "null"]}}[name]
        defs[name] = {"description": full.get("description", ""),
                      "anyOf": [short, {k: v for k, v in full.items() if k != "description"}]}
    defs["AnswerEntry"]["anyOf"][1]["properties"]["answer"] = {
        **_SCALAR, "description": "An option id of the question's scale, `unknown` or `n/a`."}
    return generated
