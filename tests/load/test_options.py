"""Answers that name an option: by id, alias or the label reports show; and the advice for
one that names none (did you mean, or the share a percentage falls in, read from the
rubric's option descriptions)."""

from __future__ import annotations

import pytest

from cxmaturity.author.interview import Interview, steps
from cxmaturity.author.writer import Draft
from cxmaturity.cli import app
from cxmaturity.load.catalog import load_rubric
from cxmaturity.load.options import advice, option_for
from cxmaturity.load.submission import check_submission
from cxmaturity.yaml.reader import parse_bytes

from ..conftest import DATA, ROOT

BUNDLED = load_rubric("contact-center-ai-maturity").rubric
EXTENT = next(s for s in BUNDLED.scales if s.id == "extent")
SHARE = next(s for s in BUNDLED.scales if s.id == "share")
REACH = next(q for q in BUNDLED.questions if q.id == "automation-reach")


@pytest.mark.parametrize(("given", "option"), [
    ("partly", "partly"), ("partial", "partly"), ("3", "partly"), ("3 - partly", "partly"),
    ("3  -  partly", "partly"), ("5 - yes, fully", "yes"), ("unknown", "unknown"),
    ("partially", None), ("3 - mostly", None)])
def test_an_answer_names_an_option_by_id_alias_or_label(given: str, option: str | None) -> None:
    assert option_for(given, REACH, EXTENT) == option


@pytest.mark.parametrize(("given", "hint"), [
    ("partially", 'did you mean "partly"?'),
    ("slighty", 'did you mean "slightly"?'),
    ("3 - partially", 'did you mean "partly"?'),
    ("banana", None)])
def test_did_you_mean_suggests_the_option_an_alias_or_label_stands_for(
        given: str, hint: str | None) -> None:
    assert advice(given, EXTENT) == hint


@pytest.mark.parametrize(("given", "hint"), [
    ("20%", '20% is "few" (about 10-30%)'),
    ("20", '20% is "few" (about 10-30%)'),
    ("5%", '5% is "none" (under 10%)'),
    ("95 %", '95% is "all" (over 90%)'),
    ("30%", '30% is on the edge of "few" (about 10-30%) and "half" (about 30-60%); '
            "choose one"),
    ("150%", None)])
def test_a_percentage_on_a_share_scale_names_the_option_it_falls_in(
        given: str, hint: str | None) -> None:
    assert advice(given, SHARE) == hint


@pytest.mark.parametrize(("description", "holds"), [
    ("about 1000-3000% of it", False),  # a share is written with at most three digits
    ("1" * 20_000, False),  # a run of digits is no share (and costs linear time to read)
    ("between 15.25-25% of it", True), ("under 25.5%", True), ("at least 25%", False)])
def test_only_shares_written_as_shares_are_read_from_descriptions(description: str,
                                                                   holds: bool) -> None:
    scale = SHARE.model_copy(update={"options": (
        SHARE.options[0].model_copy(update={"description": description}),)})
    said = advice("20%", scale)
    assert (said is not None and said.startswith('20% is "')) == holds


def test_share_ranges_come_from_the_rubric_not_from_code(write) -> None:  # type: ignore[no-untyped-def]
    text = (DATA / "rubrics" / "tiny.yaml").read_text(encoding="utf-8").replace(
        'options: [{id: "yes", label: "Yes"}, {id: partial, label: Partly}, '
        '{id: "no", label: "No"}]',
        'options: [{id: "yes", label: "Yes", description: over 75%}, {id: partial, label: '
        'Partly, description: 25 to 75%}, {id: "no", label: "No", description: under 25%}]')
    rubric = write("r.yaml", text)
    answers = write("a.yaml", f"rubric: {rubric}\norganization: X\ndate: 2026-01-01\n"
                    "answers: {t1: 50%}\n")
    from cxmaturity.author.checks import check_answers

    [finding] = [f for f in check_answers(str(answers)) if f.severity == "error"]
    assert finding.hint == ('50% is "partial" (25 to 75%) (one of: yes, partial, no, '
                                    "unknown, n/a)")


def test_the_label_the_report_shows_is_accepted_in_an_answers_file() -> None:
    text = ("organization: X\ndate: 2026-01-01\nanswers:\n  automation-reach: 3 - Partly\n"
            "  time-searching: A Small Part\n")
    sub = check_submission(parse_bytes(text.encode(), "a.yaml"), ROOT)
    assert sub.responses["automation-reach"] == "partly"
    assert sub.responses["time-searching"] == "few"


def test_validate_says_what_a_wrong_answer_probably_means(runner, write) -> None:  # type: ignore[no-untyped-def]
    path = write("a.yaml", "organization: X\ndate: 2026-01-01\nanswers:\n"
                 "  automation-reach: partially\n  time-searching: 20%\n")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 2
    assert result.stdout.splitlines()[:2] == [
        f'{path}:4:21: error: "partially" is not an answer to this question '
        "(answers.automation-reach) [answers]; did you mean \"partly\"? (one of: no, "
        "slightly, partly, mostly, yes, unknown, n/a)",
        f'{path}:5:19: error: "20%" is not an answer to this question (answers.time-searching) '
        '[answers]; 20% is "few" (about 10-30%) (one of: none, few, half, most, all, unknown, '
        "n/a)"]


def test_the_interview_takes_labels_and_says_what_a_typo_means() -> None:
    session = Interview(BUNDLED, Draft({}))
    step = next(s for s in steps(BUNDLED) if s.id == "automation-reach")
    assert session.interpret(step, "3 - Partly").answer == "partly"
    error = session.interpret(step, "partially").error
    assert error is not None and error.startswith(
        '"partially" is not an answer here; did you mean "partly"? type 1 or no,')
    share = next(s for s in steps(BUNDLED) if s.id == "time-searching")
    said = session.interpret(share, "20%").error  # a sentence of its own, then the choices
    assert said is not None and said.startswith(
        '"20%" is not an answer here; 20% is "few" (about 10-30%); type 1 or none,')
