"""Rubric self-tests: every bundled rubric's golden cases pass and its calibration set meets
the target; `rubric test` reports failures with the difference (exit 1), bad cases with their
location (exit 2), and calibration agreement with a confusion matrix."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cxmaturity.author.calibration import run_calibration
from cxmaturity.author.selftest import cases_dir, run_suite
from cxmaturity.cli import app
from cxmaturity.load.bundled import bundled_ids

from ..conftest import DATA

HEADER = "description: A case.\nexpect: {overall: %s%s}\nassessment:\n" \
         "  organization: X\n  date: 2026-01-01\n"
MID_ANSWERS = "  answers: {t1: partial, t2: partial, d1: partial, d2: partial}\n"


@pytest.mark.parametrize("rubric_id", bundled_ids())
def test_bundled_rubric_cases_pass(rubric_id: str) -> None:
    suite = run_suite(rubric_id)
    assert suite.cases
    failures = {c.name: (c.differences, [str(p) for p in c.problems])
                for c in suite.cases if not c.passed}
    assert failures == {}


def test_bundled_default_rubric_has_the_required_cases() -> None:
    _, folder = cases_dir("contact-center-ai-maturity")
    names = {p.stem for p in folder.glob("*.yaml")}
    assert {"level-1-workflow", "level-2-ai-bolt-on", "level-3-ai-native",
            "level-4-ai-driven", "insufficient-evidence", "foundation-holds-back",
            "not-assessed-dimension"} <= names


@pytest.fixture
def rubric_with_cases(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A copy of the tiny rubric at models/tiny.yaml; returns (rubric, cases folder)."""
    rubric = tmp_path / "models" / "tiny.yaml"
    rubric.parent.mkdir()
    shutil.copy(DATA / "rubrics" / "tiny.yaml", rubric)
    folder = rubric.parent / "cases" / "tiny"
    folder.mkdir(parents=True)
    return rubric, folder


def test_passing_case_by_path(runner, rubric_with_cases) -> None:  # type: ignore[no-untyped-def]
    rubric, folder = rubric_with_cases
    (folder / "mid.yaml").write_text(HEADER % (2, ", dimensions: {tools: 2, data: 2}")
                                     + MID_ANSWERS)
    result = runner.invoke(app, ["rubric", "test", str(rubric)])
    assert result.exit_code == 0, result.stdout
    assert result.stdout.splitlines()[1:] == [
        "  pass  mid", "1 cases: 1 passed, 0 failed, 0 invalid"]


def test_failing_case_shows_the_difference_and_exits_1(runner, rubric_with_cases) -> None:  # type: ignore[no-untyped-def]
    rubric, folder = rubric_with_cases
    (folder / "wrong.yaml").write_text(
        HEADER % (3, ", status: insufficient-evidence, dimensions: {tools: 2, data: null}")
        + MID_ANSWERS)
    result = runner.invoke(app, ["rubric", "test", str(rubric)])
    assert result.exit_code == 1
    assert result.stdout.splitlines()[1:] == [
        "  FAIL  wrong: A case.",
        "    overall: expected 3, got 2",
        "    status: expected insufficient-evidence, got scored",
        "    dimensions.data: expected null, got 2",
        # what decided the level, as a calibration disagreement shows it
        "    rule: Median: the highest level that more of the dimensions' weight reaches than "
        "falls short of.",
        "    To reach Level 3: 1 change of answers or figures, in 1 dimension (see below).",
        "    fewest changes: d2: Partly → Yes",
        "    dimensions: Tools 2 (allows 2), Data 2 (allows 2)",
        "1 cases: 0 passed, 1 failed, 0 invalid"]


def test_invalid_case_is_located_and_exits_2(runner, rubric_with_cases) -> None:  # type: ignore[no-untyped-def]
    rubric, folder = rubric_with_cases
    (folder / "bad.yaml").write_text(HEADER % (2, ", dimensions: {tols: 2}")
                                     + "  answers: {t1: partial, t22: yes}\n")
    result = runner.invoke(app, ["rubric", "test", str(rubric)])
    assert result.exit_code == 2
    assert result.stdout.splitlines()[1:] == [
        "  ERROR bad",
        f'    {folder / "bad.yaml"}:6:26: unknown question "t22" (assessment.answers.t22); '
        'did you mean "t2"?',
        "1 cases: 0 passed, 0 failed, 1 invalid"]
    (folder / "bad.yaml").write_text(HEADER % (2, ", dimensions: {tols: 2}") + MID_ANSWERS)
    result = runner.invoke(app, ["rubric", "test", str(rubric)])
    assert result.exit_code == 2
    assert f'{folder / "bad.yaml"}:2:35: unknown dimension "tols" (expect.dimensions.tols); ' \
        'did you mean "tools"?' in result.stdout


def test_case_keys_are_checked(runner, rubric_with_cases) -> None:  # type: ignore[no-untyped-def]
    rubric, folder = rubric_with_cases
    (folder / "keys.yaml").write_text("description: x\nexpect: {overal: 1}\nassessment: {}\n")
    result = runner.invoke(app, ["rubric", "test", str(rubric)])
    assert result.exit_code == 2
    assert 'unknown key "overal" (expect.overal); did you mean "overall"?' in result.stdout


def test_case_may_name_its_rubric_relative_to_itself(runner, rubric_with_cases) -> None:  # type: ignore[no-untyped-def]
    rubric, folder = rubric_with_cases
    (folder / "named.yaml").write_text(HEADER % (2, "") + "  rubric: ../../tiny.yaml\n"
                                       + MID_ANSWERS)
    assert runner.invoke(app, ["rubric", "test", str(rubric)]).exit_code == 0


def test_rubric_without_cases_passes_with_a_warning(runner, rubric_with_cases) -> None:  # type: ignore[no-untyped-def]
    rubric, folder = rubric_with_cases
    folder.rmdir()
    result = runner.invoke(app, ["rubric", "test", str(rubric)])
    assert result.exit_code == 0
    assert result.stderr == (f"warning: {folder}: no cases and no calibration set for "
                             f"{rubric}, so nothing is tested; add golden cases as <name>.yaml "
                             "files in this folder\n")
    assert result.stdout.splitlines()[-1] == "0 cases: 0 passed, 0 failed, 0 invalid"


@pytest.mark.parametrize("with_cases", [True, False])
def test_a_rubric_that_is_not_valid_is_reported_once_and_exits_2(runner, rubric_with_cases,  # type: ignore[no-untyped-def]
                                                                  with_cases: bool) -> None:
    rubric, folder = rubric_with_cases
    text = rubric.read_text(encoding="utf-8")
    rubric.write_text(text.replace("\nlevels:", "\nlevls:", 1), encoding="utf-8")
    if with_cases:
        for name in ("one", "two"):
            (folder / f"{name}.yaml").write_text(HEADER % (2, "") + MID_ANSWERS)
    else:
        folder.rmdir()
    result = runner.invoke(app, ["rubric", "test", str(rubric), "tiny"])
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len([e for e in errors if 'missing required key "levels"' in e]) == 1
    assert any('unknown key "levls"' in e and e.startswith(f"error: {rubric}:") for e in errors)
    assert "no cases and no calibration set" not in result.stderr
    assert "tiny: no bundled rubric with this id" in result.stderr  # the next one still runs
    assert "cases:" not in result.stdout  # no summary of cases that could not run


def test_case_naming_another_rubric_is_invalid(runner, rubric_with_cases) -> None:  # type: ignore[no-untyped-def]
    rubric, folder = rubric_with_cases
    (folder / "other.yaml").write_text(HEADER % (1, "") + "  rubric: contact-center-ai-maturity\n")
    result = runner.invoke(app, ["rubric", "test", str(rubric)])
    assert result.exit_code == 2
    assert 'the case names rubric "contact-center-ai-maturity"' in result.stdout
    assert "(assessment.rubric); leave `rubric:` out of the assessment" in result.stdout


@pytest.mark.parametrize("rubric_id", bundled_ids())
def test_bundled_calibration_meets_the_target(rubric_id: str) -> None:
    """At least 90% of blind cases exact and all within one level (docs/scoring.md)."""
    calibration = run_calibration(rubric_id)
    assert calibration is not None
    assert [c.name for c in calibration.cases if c.problems] == []
    assert calibration.share(exact=True) >= 0.9
    assert calibration.share(exact=False) == 1.0


def calibration_case(folder: Path, name: str, expected: str, answers: str) -> None:
    case = folder / name
    case.mkdir(parents=True)
    (case / "profile.md").write_text(f"# {name}\n\nKind: typical\n\nA team.\n\n"
                                     f"Expected: {expected}\nReason: Because.\n")
    (case / "answers.yaml").write_text(f"rubric: ../../../tiny.yaml\norganization: X\n"
                                       f"date: 2026-01-01\nanswers: {answers}\n")


def test_calibration_agreement_and_disagreements(runner, rubric_with_cases) -> None:  # type: ignore[no-untyped-def]
    rubric, folder = rubric_with_cases
    folder.rmdir()
    calibration = rubric.parent / "calibration" / "tiny"
    calibration_case(calibration, "agrees", "mid", "{t1: partial, t2: partial, d1: partial, "
                     "d2: partial}")
    calibration_case(calibration, "between", "2 or 3", "{t1: yes, t2: yes, d1: yes, d2: yes}")
    calibration_case(calibration, "disagrees", "1", "{t1: yes, t2: yes, d1: yes, d2: yes}")
    result = runner.invoke(app, ["rubric", "test", str(rubric)])
    lines = result.stdout.splitlines()
    assert lines[:5] == [
        "calibration: 3 cases, exact 67%, within one level 67%",
        "  expected  scored level:   1   2   3",
        "  1                         .   .   1",
        "  2                         .   1   .",
        "  2 or 3                    .   .   1"]
    assert "  DISAGREE disagrees (typical): the profile expects 1, scored 3" in lines
    assert "    profile: Because." in lines
    assert "    fewest changes: " not in "\n".join(lines)  # at the top level: no change raises it
    assert result.exit_code == 1  # below 90% exact, and a case two levels off
    assert "  FAIL  calibration: 2 of 3 exact, below --min-exact 90%; 1 case more than one " \
        "level off" in lines
    (calibration / "disagrees" / "profile.md").write_text("Expected: 3\n")
    result = runner.invoke(app, ["rubric", "test", str(rubric), "--min-exact", "50"])
    assert result.exit_code == 0, result.stdout
    assert result.stdout.startswith("calibration: 3 cases, exact 100%, within one level 100%")
    # written like every other percentage; a bare 0.5 is ambiguous, as elsewhere
    assert runner.invoke(app, ["rubric", "test", str(rubric), "--min-exact", "50%"]
                         ).exit_code == 0
    ambiguous = runner.invoke(app, ["rubric", "test", str(rubric), "--min-exact", "0.5"])
    assert ambiguous.exit_code == 2 and "error: --min-exact: '0.5' is ambiguous" in \
        ambiguous.stderr


def test_the_summary_says_when_calibration_failed_though_every_case_passed(  # type: ignore[no-untyped-def]
        runner, rubric_with_cases) -> None:
    rubric, folder = rubric_with_cases
    (folder / "mid.yaml").write_text(HEADER % (2, "") + MID_ANSWERS)
    calibration_case(rubric.parent / "calibration" / "tiny", "disagrees", "1",
                     "{t1: yes, t2: yes, d1: yes, d2: yes}")
    result = runner.invoke(app, ["rubric", "test", str(rubric)])
    assert result.exit_code == 1
    assert result.stdout.splitlines()[-1] == (
        "1 cases: 1 passed, 0 failed, 0 invalid; calibration below the bar for 1 of 1 "
        "rubric(s)")
    (rubric.parent / "calibration" / "tiny" / "disagrees" / "profile.md").write_text(
        "Expected: 3\n")
    result = runner.invoke(app, ["rubric", "test", str(rubric)])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1] == \
        "1 cases: 1 passed, 0 failed, 0 invalid; calibration passed"
    (rubric.parent / "calibration" / "tiny" / "disagrees" / "profile.md").write_bytes(
        b"Expected: 3\nReason: Caf\xe9\n")
    result = runner.invoke(app, ["rubric", "test", str(rubric)])
    assert result.exit_code == 2
    assert result.stdout.splitlines()[-1] == \
        "1 cases: 1 passed, 0 failed, 0 invalid; calibration has invalid cases"


def test_a_profile_that_cannot_be_read_is_an_error_of_its_case(runner, rubric_with_cases) -> None:  # type: ignore[no-untyped-def]
    rubric, folder = rubric_with_cases
    folder.rmdir()
    calibration = rubric.parent / "calibration" / "tiny"
    calibration_case(calibration, "latin", "2", "{t1: yes}")
    (calibration / "latin" / "profile.md").write_bytes(b"Expected: 2\nReason: Caf\xe9\n")
    (calibration / "folder" / "profile.md").mkdir(parents=True)
    (calibration / "dangling").mkdir()
    (calibration / "dangling" / "profile.md").symlink_to(calibration / "nowhere")
    calibration_case(calibration, "long", "2", "{t1: partial, t2: partial, d1: partial, "
                     "d2: partial}")
    (calibration / "long" / "profile.md").write_text("Expected: 2\nReason: a" + " " * 60_000
                                                     + "b\n")  # read in linear time
    result = runner.invoke(app, ["rubric", "test", str(rubric)])
    assert result.exit_code == 2
    lines = result.stdout.splitlines()
    assert lines[0] == "calibration: 1 cases, exact 100%, within one level 100%"
    profile = calibration / "latin" / "profile.md"
    assert f"    {profile}:2:12: not UTF-8 text (byte 0xE9 at offset 23); save the file as " \
        "UTF-8 (a Latin-1 or Windows-1252 accent is the usual cause)" in lines
    assert f"    {calibration / 'folder' / 'profile.md'}: is a directory, not a file" in lines
    assert f"    {calibration / 'dangling' / 'profile.md'}: file not found" in lines


def test_calibration_profile_without_expectation_is_invalid(runner, rubric_with_cases) -> None:  # type: ignore[no-untyped-def]
    rubric, _ = rubric_with_cases
    calibration = rubric.parent / "calibration" / "tiny"
    calibration_case(calibration, "vague", "1", "{t1: yes}")
    (calibration / "vague" / "profile.md").write_text("# Vague\n\nNo level here.\n")
    result = runner.invoke(app, ["rubric", "test", str(rubric)])
    assert result.exit_code == 2
    assert "  ERROR vague" in result.stdout
    assert "profile.md: no `Expected:` line; add `Expected: <level>`" in result.stdout
