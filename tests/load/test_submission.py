"""Reading an answers file against its rubric: forms of answers and metrics, and the errors."""

from __future__ import annotations

import pytest

from cxmaturity.cli import app
from cxmaturity.errors import InputError
from cxmaturity.load.submission import read_submission

from ..conftest import DATA

TINY = DATA / "rubrics" / "tiny.yaml"
HEAD = f"rubric: {TINY}\norganization: Test\ndate: 2026-01-01\n"


def load(write, body: str):  # type: ignore[no-untyped-def]
    return read_submission(str(write("a.yaml", HEAD + body)))


def error(write, body: str) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError) as info:
        load(write, body)
    return str(info.value)


@pytest.mark.parametrize(("written", "option"), [
    ("yes", "yes"), ("no", "no"), ("on", "yes"), ("off", "no"), ("true", "yes"),
    ("false", "no"), ("'yes'", "yes"), ("Yes", "yes"), ("NO", "no"), ("partial", "partial"),
    ("unknown", "unknown"), ("n/a", "n/a"), ("NA", "n/a"), ("", "unknown"), ("~", "unknown"),
    ("{answer: yes, evidence: seen in QA}", "yes"),
])
def test_answer_spellings(write, written: str, option: str) -> None:  # type: ignore[no-untyped-def]
    assert load(write, f"answers:\n  t1: {written}\n").responses["t1"] == option


def test_unanswered_questions_are_unknown(write) -> None:  # type: ignore[no-untyped-def]
    sub = load(write, "answers: {}\n")
    assert set(sub.responses.values()) == {"unknown"}


@pytest.mark.parametrize(("written", "value"), [
    ("12", 12.0), ("12%", 12.0), ("'12 %'", 12.0), ("12.5%", 12.5), ("0", 0.0),
    ("0.5%", 0.5), ("100", 100.0), ("1", 1.0), ("unknown", None),
    ("{value: 30%, evidence: WFM report}", 30.0),
])
def test_metric_values(write, written: str, value: float | None) -> None:  # type: ignore[no-untyped-def]
    assert load(write, f"metrics:\n  coverage: {written}\n").metric_values["coverage"] == value


@pytest.mark.parametrize(("written", "message"), [
    ("0.12", "0.12 is ambiguous: percentages are written 0-100, so write 12% for that "
     "share, or 0.12% if you mean less than one percent"),
    ("-1", "-1 is out of range for Coverage (0 to 100)"),
    ("101%", "'101%' is out of range for Coverage (0 to 100)"),
    (".nan", "nan is not a finite number"),
    ("lots", "'lots' is not a number"),
    ("true", "a metric must be a number such as 12 or 12%, not true/false"),
])
def test_bad_metric_values(write, written: str, message: str) -> None:  # type: ignore[no-untyped-def]
    assert message in error(write, f"metrics:\n  coverage: {written}\n")


def test_errors_are_located_and_all_reported(write) -> None:  # type: ignore[no-untyped-def]
    text = error(write, "answers:\n  t1: maybe\n  d22: yes\nmetrics:\n  coverag: 5\n")
    lines = text.splitlines()
    assert lines[0].endswith('a.yaml:5:7: "maybe" is not an answer to this question '
                             "(answers.t1); use one of: yes, partial, no, unknown, n/a")
    assert lines[1].endswith('a.yaml:6:3: unknown question "d22" (answers.d22); did you mean "d2"?')
    assert lines[2].endswith('a.yaml:8:3: unknown metric "coverag" (metrics.coverag); '
                             'did you mean "coverage"?')


def test_unknown_top_level_key(write) -> None:  # type: ignore[no-untyped-def]
    assert 'a.yaml:4:1: unknown key "anwsers" (anwsers); did you mean "answers"?' in error(
        write, "anwsers: {}\n")


def test_missing_organization(write, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = write("b.yaml", f"rubric: {TINY}\ndate: 2026-01-01\n")
    with pytest.raises(InputError, match=r'b\.yaml:1:1: missing required key "organization"'):
        read_submission(str(path))


def test_unknown_bundled_rubric(write) -> None:  # type: ignore[no-untyped-def]
    path = write("c.yaml", "rubric: contact-center-ai-maturty\norganization: X\ndate: 2026-01-01\n")
    with pytest.raises(InputError) as info:
        read_submission(str(path))
    assert str(info.value).endswith(
        'c.yaml:1:9: no bundled rubric with this id: "contact-center-ai-maturty" (rubric); '
        'did you mean "contact-center-ai-maturity"?')


@pytest.mark.parametrize("named", ['""', "'  '"])
def test_an_empty_rubric_is_named_as_such(write, named: str) -> None:  # type: ignore[no-untyped-def]
    """`rubric: ""` was "no bundled rubric with this id", with a hint about a folder (a review)."""
    path = write("e.yaml", f"rubric: {named}\norganization: X\ndate: 2026-01-01\n")
    with pytest.raises(InputError) as info:
        read_submission(str(path))
    assert "e.yaml:1:9: no rubric is named: " in str(info.value)
    assert str(info.value).endswith("(rubric); name a bundled rubric (ai-outcome-alignment, "
                                    "ai-performance-stages, ai-readiness-cohorts, "
                                    "contact-center-ai-maturity) or a rubric file's path")



def test_an_empty_rubric_option_is_named_as_such(runner) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["template", "-r", ""])
    assert result.exit_code == 2 and result.stderr.startswith('error: "": no rubric is named;')


def test_rubric_path_is_relative_to_the_answers_file(write) -> None:  # type: ignore[no-untyped-def]
    rubric = write("sub/r.yaml", TINY.read_text(encoding="utf-8"))
    path = write("sub/d.yaml", "rubric: r.yaml\norganization: X\ndate: 2026-01-01\n")
    assert read_submission(str(path)).loaded.path == str(rubric)


def test_missing_file() -> None:
    with pytest.raises(InputError, match=r"nope\.yaml: file not found"):
        read_submission("nope.yaml")


def test_a_key_that_looks_like_a_pydantic_label_is_reported_as_written(write) -> None:  # type: ignore[no-untyped-def]
    # Found by fuzzing: keys with "[" were taken for pydantic's labels and dropped (exit 70).
    assert 'a.yaml:4:1: unknown key "0[rubric" (0[rubric); did you mean "rubric"?' in error(
        write, "0[rubric: x\n")
    assert 'a.yaml:7:5: unknown key "why[1]" (answers.t1.why[1])' in error(
        write, "answers:\n  t1:\n    answer: yes\n    why[1]: x\n")


def test_a_question_id_that_is_a_number_is_located_at_its_key(write) -> None:  # type: ignore[no-untyped-def]
    assert "a.yaml:5:6: expected text (got 1) (answers[1]); put the text in " \
        "quotes" in error(write, "answers:\n  1: yes\n")


def test_text_that_reads_as_a_number_gets_a_quoting_hint(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # Found by the long fuzz run: `organization: 0E0` is a number under YAML 1.2.
    path = tmp_path / "a.yaml"
    path.write_text(f"rubric: {TINY}\norganization: 0E0\ndate: 2026-01-01\n")
    with pytest.raises(InputError) as info:
        read_submission(str(path))
    assert str(info.value).endswith("a.yaml:2:15: expected text (got 0.0) "
                                    "(organization); put the text in quotes")


def test_comma_in_flow_mapping_text_gets_a_quoting_hint(write) -> None:  # type: ignore[no-untyped-def]
    path = write("a.yaml", f"rubric: {TINY}\norganization: X\ndate: 2026-01-01\nanswers:\n"
                 "  t1: {answer: yes, evidence: Two tools, both old}\n")
    with pytest.raises(InputError) as caught:
        read_submission(str(path))
    text = str(caught.value)
    assert 'a.yaml:5:' in text and 'unknown key "both old"' in text
    assert "put the whole text in quotes" in text
