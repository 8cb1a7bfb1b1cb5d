"""The committed JSON Schemas are current, every shipped file names its schema on its first
line, and the schemas accept every shipped file (so an editor shows no false errors)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft7Validator

from cxmaturity.author.schemas import SchemaKind, _any_case, render, schema
from cxmaturity.cli import app
from cxmaturity.load.catalog import load_rubric
from cxmaturity.load.options import label_key
from cxmaturity.model.answers import normalize_answer
from cxmaturity.yaml.reader import read_yaml_file

from ..conftest import EXAMPLES, ROOT, RUBRICS

SCHEMAS = ROOT / "schemas"
KINDS = [kind.value for kind in SchemaKind]
SHIPPED = [(p, "rubric") for p in sorted(RUBRICS.glob("*.yaml"))] + [
    (p, "answers") for p in sorted(EXAMPLES.glob("*.yaml"))] + [
    (p, "case") for p in sorted(RUBRICS.glob("cases/*/*.yaml"))]


@pytest.mark.parametrize("kind", KINDS)
def test_committed_schema_is_current(kind: str) -> None:
    committed = (SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8")
    assert committed == render(kind), (
        f"schemas/{kind}.schema.json is stale: run "
        f"`cxmaturity schema {kind} > schemas/{kind}.schema.json`")


@pytest.mark.parametrize("kind", KINDS)
def test_schema_is_a_valid_draft7_schema(kind: str) -> None:
    Draft7Validator.check_schema(schema(kind))
    assert schema(kind)["$schema"] == "http://json-schema.org/draft-07/schema#"


@pytest.mark.parametrize(("path", "kind"), SHIPPED, ids=[p.name for p, _ in SHIPPED])
def test_first_line_is_the_modeline(path: Path, kind: str) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    up = "../" * len(path.relative_to(ROOT).parts[:-1])
    assert first == f"# yaml-language-server: $schema={up}schemas/{kind}.schema.json"
    assert (path.parent / f"{up}schemas/{kind}.schema.json").resolve().is_file()


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    return value


@pytest.mark.parametrize(("path", "kind"), SHIPPED, ids=[p.name for p, _ in SHIPPED])
def test_schema_accepts_shipped_file(path: Path, kind: str) -> None:
    document = _jsonable(read_yaml_file(str(path)).value)
    errors = [e.message for e in Draft7Validator(schema(kind)).iter_errors(document)]
    assert errors == []


def test_schema_rejects_an_unknown_key_as_an_editor_would() -> None:
    document = {"organization": "X", "date": "2026-01-01", "answrs": {}}
    errors = list(Draft7Validator(schema("answers")).iter_errors(document))
    assert [e.validator for e in errors] == ["additionalProperties"]


def test_short_answer_forms_are_accepted() -> None:
    document = {"organization": "X", "date": "2026-01-01", "respondents": ["Ann"],
                "metrics": {"m": "12%"}, "answers": {"q": True, "r": {"answer": "yes"}}}
    assert list(Draft7Validator(schema("answers")).iter_errors(document)) == []


@pytest.mark.parametrize("kind", KINDS)
def test_schema_command_prints_the_committed_file(runner, kind: str) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["schema", kind])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == json.loads((SCHEMAS / f"{kind}.schema.json").read_text())


def test_schema_command_rejects_unknown_kind(runner) -> None:  # type: ignore[no-untyped-def]
    assert runner.invoke(app, ["schema", "report"]).exit_code == 2


def test_rubric_specific_answers_schema_accepts_the_examples() -> None:
    from cxmaturity.author.schemas import answers_for
    from cxmaturity.load.catalog import load_rubric

    for path in sorted(EXAMPLES.glob("*.yaml")):
        document = _jsonable(read_yaml_file(str(path)).value)
        own = answers_for(load_rubric(document["rubric"]).rubric)
        Draft7Validator.check_schema(own)
        assert [e.message for e in Draft7Validator(own).iter_errors(document)] == []
    narrowed = answers_for(load_rubric("contact-center-ai-maturity").rubric)
    wrong = {"organization": "X", "date": "2026-01-01", "metrics": {"coverage": 3},
             "answers": {"automation-reach": "maybe", "knowledge-documented": "Yes",
                         "unified-platform": 3, "cross-channel-view": {"answer": "no"},
                         "automaton-reach": "yes"}}
    errors = sorted(".".join(map(str, e.absolute_path)) or e.validator
                    for e in Draft7Validator(narrowed).iter_errors(wrong))
    assert errors == ["answers", "answers.automation-reach", "metrics"]


def test_schema_rubric_option_only_for_answers(runner) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["schema", "answers", "-r", "contact-center-ai-maturity"])
    assert result.exit_code == 0
    assert "knowledge-documented" in json.loads(result.stdout)["properties"]["answers"][
        "properties"]
    result = runner.invoke(app, ["schema", "rubric", "-r", "contact-center-ai-maturity"])
    assert result.exit_code == 2
    assert "only `schema answers` takes a rubric" in result.stderr


@pytest.mark.parametrize("rubric_id", ["contact-center-ai-maturity", "ai-readiness-cohorts"])
def test_a_rubric_schema_takes_report_labels_as_the_tool_does(  # type: ignore[no-untyped-def]
        runner, write, rubric_id: str) -> None:
    rubric = load_rubric(rubric_id).rubric
    generated = json.loads(runner.invoke(app, ["schema", "answers", "--rubric",
                                               rubric_id]).stdout)
    validator = Draft7Validator(generated)
    question = rubric.questions[0]
    scale = rubric.scale_of(question)
    for option in scale.options:
        for written in (option.label, option.label.lower(), f"  {option.label.upper()} ",
                        option.label + "x"):
            text = (f"rubric: {rubric_id}\norganization: X\ndate: 2026-01-01\n"
                    f"answers:\n  {question.id}: {json.dumps(written)}\n")
            tool = runner.invoke(app, ["validate", str(write("a.yaml", text))]).exit_code == 0
            document = _jsonable(read_yaml_file(str(write("a.yaml", text))).value)
            assert (list(validator.iter_errors(document)) == []) == tool == (
                not written.endswith("x")), written


@pytest.mark.parametrize(("label", "written", "taken"), [
    ("Straße", "STRASSE", True), ("Straße", "strasse", True), ("Straße", "Strase", False),
    ("\u0131", "I", False), ("ǅemal", "ǄEMAL", True), ("ǅemal", "ǆemal", True),
    ("(a+b)? [c]/d", "(A+B)? [C]/D", True), ("(a+b)? [c]/d", "ab [c]/d", False)])
def test_label_patterns_read_labels_as_the_tool_does(label: str, written: str,
                                                     taken: bool) -> None:
    assert (label_key(normalize_answer(written)) == label_key(label)) is taken
    assert bool(re.match(_any_case([label]), written)) is taken
