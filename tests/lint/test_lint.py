"""The rubric linter and `rubric validate`: each rule has a case file under tests/data/lint/
whose `# expect: line:col severity rule` lines list exactly what it must report."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cxmaturity.author.checks import check_rubric
from cxmaturity.cli import app
from cxmaturity.lint import RULES

from ..conftest import DATA, ROOT, RUBRICS

CASES = sorted((DATA / "lint").glob("*.yaml"))
EXPECT = re.compile(r"^# expect: (\d+):(\d+) (error|warning) ([\w-]+)$", re.MULTILINE)


def expected(path: Path) -> set[tuple[int, int, str, str]]:
    text = path.read_text(encoding="utf-8")
    return {(int(a), int(b), c, d) for a, b, c, d in EXPECT.findall(text)}


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_lint_case(path: Path) -> None:
    found = {(f.line, f.column, f.severity, f.rule)
             for f in check_rubric(str(path))}
    assert found == expected(path)


def test_every_rule_has_a_case() -> None:
    covered = {rule for path in CASES for *_, rule in expected(path)}
    assert {rule.id for rule in RULES} - covered == set()


@pytest.mark.parametrize("rubric", sorted(RUBRICS.glob("*.yaml")), ids=lambda p: p.stem)
def test_bundled_rubrics_are_lint_clean(runner, rubric: Path) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["rubric", "validate", "--strict", str(rubric)])
    assert result.exit_code == 0, result.stdout
    assert result.stdout == "1 file checked: no problems\n"


def test_finding_format_is_file_line_col_severity_message_path(runner) -> None:  # type: ignore[no-untyped-def]
    path = DATA / "lint" / "band-gap.yaml"
    result = runner.invoke(app, ["rubric", "validate", str(path)])
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        f"{path}:25:7: warning: values from 50 to 60 fall in no band, so they are rejected "
        "(metrics[0].bands) [band-gap]; add a band, or declare `gaps: lower` or "
        "`gaps: higher` (or `gaps: error` to keep rejecting them)",
        "1 file checked: 0 error(s), 1 warning(s)"]


def test_strict_makes_warnings_exit_1(runner) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["rubric", "validate", "--strict",
                                 str(DATA / "lint" / "band-gap.yaml")])
    assert result.exit_code == 1


def test_errors_exit_2(runner) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["rubric", "validate", str(DATA / "lint" / "clean.yaml"),
                                 str(DATA / "lint" / "band-overlap.yaml")])
    assert result.exit_code == 2
    assert result.stdout.endswith("2 files checked: 1 error(s), 0 warning(s)\n")


def test_every_schema_error_is_reported_at_once(runner, write) -> None:  # type: ignore[no-untyped-def]
    path = write("bad.yaml", "format: 1\nid: bad\nversion: 1\ntitle: Bad\n"
                 "source: {model: M, publisher: P, year: 2026}\nlevels:\n"
                 "  - {number: 1, id: a, name: A, summary: s, colour: red}\n"
                 "  - {number: 2, id: b, name: B}\n"
                 "dimensions:\n  - {id: d, name: D, description: x, wieght: 2}\n")
    result = runner.invoke(app, ["rubric", "validate", str(path)])
    assert result.exit_code == 2
    assert result.stdout.splitlines() == [
        f"{path}:3:10: error: expected text (got 1) (version) [schema]; "
        "put the text in quotes",
        f'{path}:7:45: error: unknown key "colour" (levels[0].colour) [schema]; allowed keys: '
        "number, id, name, summary, characteristics, metrics_that_matter, outcomes, "
        "shift_forward",
        f'{path}:8:5: error: missing required key "summary" (levels[1]) [schema]; add it',
        f'{path}:10:38: error: unknown key "wieght" (dimensions[0].wieght) [schema]; '
        'did you mean "weight"?',
        "1 file checked: 4 error(s), 0 warning(s)"]


def test_broken_references_are_errors(runner, write) -> None:  # type: ignore[no-untyped-def]
    text = (DATA / "lint" / "clean.yaml").read_text().replace("dimension: tools, text",
                                                              "dimension: tols, text")
    result = runner.invoke(app, ["rubric", "validate", str(write("ref.yaml", text))])
    assert result.exit_code == 2
    assert 'unknown dimension "tols" (questions[0].dimension) [reference]; did you mean ' \
        '"tools"?' in result.stdout


@pytest.mark.parametrize(("text", "message"), [
    ("id: [\n", "invalid YAML"), ("a: 1\na: 2\n", "duplicate key 'a'")])
def test_yaml_errors_are_located(runner, write, text: str, message: str) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["rubric", "validate", str(write("y.yaml", text))])
    assert result.exit_code == 2
    assert message in result.stdout and "[yaml]" in result.stdout


def test_a_file_that_is_not_there_is_a_file_error_not_a_yaml_one(runner, tmp_path) -> None:  # type: ignore[no-untyped-def]
    missing = tmp_path / "nope.yaml"
    for command in (["rubric", "validate"], ["validate"]):
        result = runner.invoke(app, [*command, str(missing)])
        assert result.exit_code == 2
        assert result.stdout.splitlines()[0].startswith(
            f"{missing}: error: {'rubric ' if command[0] == 'rubric' else ''}file not found "
            "[file]")


def test_unknown_bundled_id_is_an_error(runner) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["rubric", "validate", "contact-center-ai-maturty"])
    assert result.exit_code == 2
    assert 'did you mean "contact-center-ai-maturity"?' in result.stdout


@pytest.mark.parametrize(("old", "new", "message"), [
    ('supports: {"yes": 2, "no": 1}', 'supports: {"yes": 5, "no": 1}',
     "17:75: error: level 5 is outside the rubric's levels (questions[0].supports.yes) "
     "[reference]; use 1..2"),
    ('supports: {"yes": 2, "no": 1}', 'supports: {"yes": 2, "no": [2, 1]}',
     "17:84: error: levels [2, 1] are not a range of the rubric's levels "
     "(questions[0].supports.no) [reference]; write the lowest and the highest level, each "
     "from 1 to 2"),
    ("{level: 2, min: 50", "{level: 3, min: 50",
     "26:17: error: level 3 does not exist (metrics[0].bands[1].level) [reference]; use 1..2"),
    ("{id: q1,", "{id: q1, signal_of: 7,",
     "17:25: error: level 7 does not exist (questions[0].signal_of) [reference]; use 1..2"),
    ("  - {number: 2, id: high,", "  - {number: 2, id: low,",
     '9:21: error: duplicate id "low" (levels[1].id) [reference]; ids must be unique; the '
     "first is levels[0].id"),
])
def test_references_to_unknown_levels_and_duplicates(runner, write, old: str, new: str,
                                                     message: str) -> None:  # type: ignore[no-untyped-def]
    text = (DATA / "lint" / "clean.yaml").read_text()
    assert old in text
    path = write("r.yaml", text.replace(old, new))
    result = runner.invoke(app, ["rubric", "validate", str(path)])
    assert result.exit_code == 2
    assert f"{path}:{message}" in result.stdout.splitlines()


def test_the_docs_list_every_rule_as_declared() -> None:
    docs = (ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")
    rows = [f"| `{rule.id}` | {rule.severity} | {rule.finds} |" for rule in RULES]
    assert "\n".join(rows) in docs
