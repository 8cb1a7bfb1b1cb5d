"""JSON Schemas of the rubric and answers files, generated from the models, for editors.

A third schema describes rubric self-test cases (see :mod:`cxmaturity.selftest`).
The schemas are JSON Schema draft-07, which common YAML editors (the YAML language
server, JetBrains IDEs) understand. The answers schema also admits the short forms
the models accept (`q1: yes` for `q1: {answer: yes}`, a bare metric value, a
respondent given as a name).
"""

from __future__ import annotations

import json
from typing import Any

from cxmaturity.answers import Answers
from cxmaturity.rubric import Rubric

DRAFT = "http://json-schema.org/draft-07/schema#"
KINDS = ("rubric", "answers", "case")

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


def render(kind: str) -> str:
    """The schema as the JSON text committed under `schemas/`."""
    return json.dumps(schema(kind), indent=2, ensure_ascii=False) + "\n"


def _case() -> dict[str, Any]:
    from cxmaturity.selftest import Case

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
