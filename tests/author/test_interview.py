"""`cxmaturity interview`, driven with typed input: answers, evidence, skip, back, unknown,
help, a save after every answer, resume, and an interrupted run that loses nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from cxmaturity.cli import app
from cxmaturity.load.submission import read_submission
from cxmaturity.yaml.reader import read_yaml_file

from ..conftest import DATA

TINY = str(DATA / "rubrics" / "tiny.yaml")
HEADER = "Acme\n\n2026-05-01\nPat\n"  # organization, site (none), date, assessor


def run(runner, out: Path, typed: str, *extra: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, ["interview", "-o", str(out), *extra], input=typed)


def answers(out: Path) -> dict[str, object]:
    return dict(read_yaml_file(str(out)).value.get("answers") or {})


def test_a_whole_interview(runner, tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "a.yaml"
    typed = (HEADER
             + "0.3\n30%\nIVR report\n"      # metric: ambiguous value refused, then 30%
             + "maybe\n?\n1\n\n"             # t1: invalid, help, then option 1 (yes)
             + "b\n\n"                       # back to t1, Enter keeps it
             + "partial\nTwo tools share a queue.\n"  # t2 by id, with evidence
             + "on\n\n"                      # d1 by alias (on -> yes)
             + "u\n")                        # d2 unknown
    result = run(runner, out, typed, "--rubric", TINY)
    assert result.exit_code == 0, result.output
    assert "'0.3' is ambiguous" in result.stdout
    assert '"maybe" is not an answer here; type 1 or yes, 2 or partial, 3 or no' in (
        result.stdout)
    assert "(now: yes; Enter keeps it)" in result.stdout
    assert "every question answered" in result.stdout
    value = read_yaml_file(str(out)).value
    assert value["organization"] == "Acme" and value["date"] == "2026-05-01"
    assert value["metrics"] == {"coverage": {"value": "30%", "evidence": "IVR report"}}
    assert answers(out) == {"t1": "yes", "t2": {"answer": "partial",
                                                "evidence": "Two tools share a queue."},
                            "d1": "yes", "d2": "unknown"}
    assert runner.invoke(app, ["validate", "--strict", str(out)]).exit_code == 0
    assert read_submission(str(out)).rubric.id == "tiny"


def test_quit_then_resume_where_it_stopped(runner, tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "a.yaml"
    result = run(runner, out, HEADER + "12\n\ns\nno\n\nq\n", "--rubric", TINY)
    assert result.exit_code == 0 and "run the same command to resume" in result.stdout
    assert answers(out) == {"t2": "no"}
    assert "  # t1:\n" in out.read_text()           # skipped: still to answer
    result = run(runner, out, "3\n\nn/a\n\nyes\n\n")  # t1, d1, d2 (skipped t1 comes first)
    assert result.exit_code == 0, result.output
    assert "Resuming" in result.stdout and "[2/5]" in result.stdout
    assert answers(out) == {"t1": "no", "t2": "no", "d1": "n/a", "d2": "yes"}
    assert read_yaml_file(str(out)).value["metrics"] == {"coverage": 12}
    result = run(runner, out, "")
    assert "Every question in" in result.stdout and result.exit_code == 0


def test_end_of_input_saves_and_stops(runner, tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "a.yaml"
    result = run(runner, out, HEADER + "unknown\n", "--rubric", TINY)
    assert result.exit_code == 0
    assert read_yaml_file(str(out)).value["metrics"] == {"coverage": "unknown"}


def test_ctrl_c_keeps_every_answer_given(runner, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "a.yaml"
    replies = iter(["Acme", "", "", "", "12", "", "yes", ""])

    def typed(prompt: str = "") -> str:
        try:
            return next(replies)
        except StopIteration:
            raise KeyboardInterrupt from None

    monkeypatch.setattr("builtins.input", typed)
    result = runner.invoke(app, ["interview", "-o", str(out), "--rubric", TINY])
    assert result.exit_code == 130
    assert "Every answer given so far is saved" in result.stdout
    assert answers(out) == {"t1": "yes"}
    assert [p.name for p in tmp_path.iterdir()] == ["a.yaml"]


def test_a_crash_while_saving_leaves_the_previous_file(runner, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "a.yaml"
    assert run(runner, out, HEADER + "12\n\nq\n", "--rubric", TINY).exit_code == 0
    before = out.read_text()

    def crash(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("cxmaturity.files.os.fsync", crash)
    result = run(runner, out, "yes\n\n")
    assert result.exit_code == 130
    assert out.read_text() == before
    assert [p.name for p in tmp_path.iterdir()] == ["a.yaml"]


def test_resume_refuses_another_rubric(runner, tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "a.yaml"
    run(runner, out, HEADER + "q\n", "--rubric", TINY)
    result = run(runner, out, "", "--rubric", "contact-center-ai-maturity")
    assert result.exit_code == 2
    assert 'this file answers rubric "tiny", not "contact-center-ai-maturity"' in result.stderr


def test_an_invalid_existing_file_is_reported_and_left_alone(runner, write) -> None:  # type: ignore[no-untyped-def]
    out = write("a.yaml", f"rubric: {TINY}\norganization: X\ndate: 2026-01-01\n"
                "answers: {t1: perhaps}\n")
    result = run(runner, out, "")
    assert result.exit_code == 2
    assert f'{out}:4:15: "perhaps" is not an answer to this question' in result.stderr
    assert out.read_text().endswith("answers: {t1: perhaps}\n")


@pytest.mark.parametrize("typed", ["", "\n\n"])
def test_organization_is_required(runner, tmp_path, typed: str) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "a.yaml"
    result = run(runner, out, typed, "--rubric", TINY)
    assert result.exit_code == 0 and not out.exists()


def test_a_template_is_interviewed_with_ask_unknown_and_kept(runner, tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "a.yaml"
    assert runner.invoke(app, ["template", "-r", TINY, "-o", str(out)]).exit_code == 0
    original = out.read_text()
    result = run(runner, out, "")
    assert "(5 as unknown: --ask-unknown goes through them)" in result.stdout
    # The template's empty header is asked first (it was left empty: a review)
    result = run(runner, out, "Acme\nNorth\n2026-05-02\n\n40\n\nyes\n\nq\n", "--ask-unknown")
    assert result.exit_code == 0, result.output
    assert f"its original is kept as {out}.orig" in result.stdout
    assert (tmp_path / "a.yaml.orig").read_text() == original
    value = read_yaml_file(str(out)).value
    assert {k: value[k] for k in ("organization", "site", "date", "assessor")} == {
        "organization": "Acme", "site": "North", "date": "2026-05-02", "assessor": None}
    assert "\ndate: 2026-05-02\n" in out.read_text()
    assert value["metrics"] == {"coverage": 40}
    assert answers(out) == {"t1": "yes", "t2": "unknown", "d1": "unknown", "d2": "unknown"}
    run(runner, out, "q\n")                       # written by the interview: no new copy
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml", "a.yaml.orig"]


def test_a_metric_whose_target_the_rubric_leaves_open_asks_for_it(runner, write) -> None:  # type: ignore[no-untyped-def]
    text = (DATA / "rubrics" / "tiny.yaml").read_text()
    start = text.index("metrics:")
    end = text.index("scoring:")
    rubric = write("r.yaml", text[:start] + (
        "metrics:\n  - {id: cost, name: Cost, dimension: tools, description: Cost per "
        "contact., unit: number, minimum: 0, better: lower, target: {met: 2, missed: 1}}\n")
        + text[end:])
    out = rubric.parent / "a.yaml"
    result = run(runner, out, HEADER + "4.2\n\nabc\n3.5\nfinance report\nq\n",
                 "--rubric", str(rubric))
    assert result.exit_code == 0, result.output
    assert "give your own target" in result.stdout
    assert "type your target, e.g. 75" in result.stdout
    assert "'abc' is not a number" in result.stdout
    assert read_yaml_file(str(out)).value["metrics"] == {
        "cost": {"value": 4.2, "target": 3.5, "evidence": "finance report"}}
    assert runner.invoke(app, ["validate", str(out)]).exit_code == 0
    template = rubric.parent / "t.yaml"
    assert runner.invoke(app, ["template", "-r", str(rubric), "-o", str(template)]).exit_code == 0
    assert "  cost: {value: unknown, target: unknown}\n" in template.read_text()
    assert runner.invoke(app, ["validate", str(template)]).exit_code == 0


def test_each_option_is_shown_with_what_it_means(runner, tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "a.yaml"
    result = run(runner, out, HEADER + "q\n", "--rubric", "ai-performance-stages")
    assert result.exit_code == 0, result.output
    assert ("  4) automated-steps  As automated steps - AI does the routine work around "
            "interactions.\n") in result.stdout
