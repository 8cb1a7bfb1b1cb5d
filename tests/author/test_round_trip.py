"""Round trip, for every bundled rubric: `template` output validates and scores as "nothing
known", and an answers file written the way `interview` writes it scores exactly like the same
answers written by hand."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cxmaturity.author.interview import Interview
from cxmaturity.author.writer import Draft, scalar, template
from cxmaturity.load.bundled import bundled_ids
from cxmaturity.load.submission import check_submission
from cxmaturity.report.json_report import render_json
from cxmaturity.scoring.engine import score
from cxmaturity.yaml.reader import parse_bytes, parse_yaml

from ..conftest import DATA, cases
from ..fuzz.strategies import answers_mappings, to_yaml
from ..rubric_cases import CASES, TINY_WEAKEST, loaded, reference

BASE = DATA / "answers"


def scored_json(text: str) -> str:
    return render_json(score(check_submission(parse_bytes(text.encode(), "answers.yaml"), BASE)))


@pytest.mark.parametrize("case", bundled_ids())
def test_template_validates_and_scores_as_nothing_known(case: str) -> None:
    text = template(loaded(case).rubric, case, dt.date(2026, 1, 1))
    filled = text.replace('organization: ""', "organization: Template test")
    result = score(check_submission(parse_bytes(filled.encode(), "template.yaml"), BASE))
    assert result.status == "insufficient-evidence" and result.confidence == 0
    assert all(d.status == "not-assessed" for d in result.dimensions)


@pytest.mark.parametrize("case", [c for c in CASES if c != TINY_WEAKEST])
@settings(max_examples=cases(15))
@given(data=st.data())
def test_interview_file_scores_like_the_same_answers_by_hand(case: str,
                                                             data: st.DataObject) -> None:
    rubric = loaded(case)
    mapping = data.draw(answers_mappings(rubric, reference(case)))
    draft = Draft(header={k: mapping[k] for k in ("rubric", "organization", "date")},
                  metrics=mapping["metrics"], answers=mapping["answers"])
    written = Interview(rubric.rubric, draft).text()
    assert scored_json(written) == scored_json(to_yaml(mapping))


@pytest.mark.parametrize("text", ["\x85", "a\x85b", "a\u2028b", "\u2029", "a\rb", "tab\there"])
def test_interview_writes_line_break_characters_back_unchanged(text: str) -> None:
    # Found by the round trip above: U+0085 was written raw inside quotes and read back as
    # a space, so an organization or evidence note changed between interview and assess.
    assert parse_yaml(f"v: {scalar(text)}\n", "x.yaml").value["v"] == text


@pytest.mark.parametrize("value", [{"answer": "yes", "evidence": "0E0"},
                                   {"answer": "yes", "evidence": "Two tools, both old"},
                                   {"value": "12%", "target": "1e3"}, ["0E0", "on"]])
def test_interview_writes_entries_with_number_like_text_back_unchanged(value: object) -> None:
    # Found by the round trip above: `{answer: yes, evidence: 0E0}` read back as a number.
    assert parse_yaml(f"v: {scalar(value)}\n", "x.yaml").value["v"] == value
