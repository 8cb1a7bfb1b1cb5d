"""One mistake never hides another: schema errors and what the rest of the file gets wrong
against its rubric are reported together, in file order."""

from __future__ import annotations

from cxmaturity.cli import app
from cxmaturity.load.salvage import read_answers
from cxmaturity.yaml.reader import parse_yaml

from ..conftest import DATA

TINY = DATA / "rubrics" / "tiny.yaml"
MISTAKES = (f"rubric: {TINY}\norganization: X\ndate: 30/11/2026\nsitte: A\n"
            "metrics: {coverage: 0.5, cover: 3}\n"
            "answers:\n  t1: maybe\n  t2: {answer: yes, evidnce: x}\n  t9: yes\n")


def test_every_class_of_mistake_is_reported_at_once(runner, write) -> None:  # type: ignore[no-untyped-def]
    path = write("a.yaml", MISTAKES)
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 2
    found = [line.split(": error: ", 1)[1].split(" [")[0].split(" (")[0]
             for line in result.stdout.splitlines()[:-1]]
    assert found == [
        "not a date", 'unknown key "sitte"', "0.5 is ambiguous: percentages are written 0-100, "
        "so write 50% for that share, or 0.5% if you mean less than one percent",
        'unknown metric "cover"', '"maybe" is not an answer to this question',
        'unknown key "evidnce"', 'unknown question "t9"']
    assert result.stdout.splitlines()[-1] == "1 file checked: 7 error(s), 0 warning(s)"


def test_assess_reports_them_all_too(runner, write) -> None:  # type: ignore[no-untyped-def]
    path = write("a.yaml", MISTAKES)
    result = runner.invoke(app, ["assess", str(path)])
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 7


def test_a_wrong_rubric_key_stops_at_the_schema() -> None:
    doc = parse_yaml("rubric: [a]\norganization: X\ndate: 2026-01-01\n", "a.yaml")
    answers, problems = read_answers(doc)
    assert answers is None
    assert [p.path for p in problems] == ["rubric"]


def test_the_parts_in_error_are_set_aside_and_the_rest_kept() -> None:
    doc = parse_yaml("organization: 12\ndate: soon\nsite: [x]\n"
                     "answers: {a: yes, b: {answer: yes, bogus: 1}}\n", "a.yaml")
    answers, problems = read_answers(doc)
    assert answers is not None and len(problems) == 4
    assert (answers.organization, answers.site, list(answers.answers)) == ("", None, ["a"])
