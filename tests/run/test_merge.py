"""Several interviewees for one site: the consensus rule, disagreement flags, and errors
(tests/data/interviews: Ana, Ben and Cy answer the tiny rubric)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cxmaturity.cli import app
from cxmaturity.errors import InputError, UsageError
from cxmaturity.run.merge import merge_files, merge_inputs
from cxmaturity.scoring.engine import score

from ..conftest import DATA, EXAMPLES

FOLDER = DATA / "interviews"
FILES = [str(FOLDER / name) for name in ("ana.yaml", "ben.yaml", "cy.yaml")]
TINY = DATA / "rubrics" / "tiny.yaml"


def test_lower_median_answer_is_kept() -> None:
    merged = merge_files(FILES)
    responses = merged.submission.responses
    # t1: yes, partial, yes -> yes; t2: yes, no, partial -> partial; d1: yes, yes, partial -> yes
    assert responses == {"t1": "yes", "t2": "partial", "d1": "yes", "d2": "partial"}


def test_even_count_keeps_the_less_mature_middle_answer() -> None:
    merged = merge_files(FILES[:2])
    assert merged.submission.responses["t1"] == "partial"
    assert merged.submission.metric_values["coverage"] == 22.0


def test_unknown_and_na_do_not_vote() -> None:
    # d2: partial, unknown, n/a -> partial
    assert merge_files(FILES).submission.responses["d2"] == "partial"


def test_disagreement_over_one_step_is_flagged_with_each_answer() -> None:
    merged = merge_files(FILES)
    assert [d.item for d in merged.disagreements] == ["t2"]
    flag = merged.disagreements[0]
    assert flag.answers == (("Ana", "Yes"), ("Ben", "No"), ("cy", "Partly"))
    assert (flag.consensus, flag.spread) == ("Partly", 2)


def test_one_step_apart_is_not_flagged() -> None:
    merged = merge_files([FILES[0], FILES[2]])  # t1 yes/yes, t2 yes/partial, d1 yes/partial
    assert merged.disagreements == ()


def test_merged_result_carries_sources_people_and_notes() -> None:
    merged = merge_files(FILES)
    result = merged.annotate(score(merged.submission))
    assert result.merged_from == tuple(FILES)
    assert result.respondents == ("Ana (Ops lead)", "Ben", "cy")
    assert str(result.date) == "2026-05-03"
    t2 = next(e for d in result.dimensions for e in d.evidence if e.id == "t2")
    # Cy's "Partly" is kept: Ana's and Ben's notes back other answers, and say so
    assert t2.note == ("Ana (answered Yes): Ana says the tools are linked. / "
                       "Ben (answered No): Ben rekeys data between tools.")


def test_a_note_on_an_answer_that_was_not_kept_names_its_own_answer(write) -> None:  # type: ignore[no-untyped-def]
    """A consultant's review: the kept 4% was shown with the note of the person who said 55%."""
    head = f"rubric: {TINY}\norganization: Test Org\nsite: North\ndate: 2026-05-01\n"
    sam = write("sam.yaml", head + "respondents: [{name: Sam}]\nmetrics:\n"
                "  coverage: {value: 55%, evidence: Vendor dashboard}\n"
                "answers:\n  t1: {answer: 'yes', evidence: Copilot for all}\n")
    dana = write("dana.yaml", head + "respondents: [{name: Dana}]\nmetrics:\n"
                 "  coverage: {value: 4%, evidence: Our own count}\nanswers:\n  t1: 'no'\n")
    merged = merge_files([str(sam), str(dana)])
    result = score(merged.submission)
    notes = {e.id: (e.given, e.note) for d in result.dimensions for e in d.evidence}
    assert notes["coverage"] == ("4%", "Sam (answered 55%): Vendor dashboard / "
                                       "Dana: Our own count")
    assert notes["t1"] == ("No", "Sam (answered Yes): Copilot for all")


def test_another_site_is_a_located_error(write) -> None:  # type: ignore[no-untyped-def]
    other = write("other.yaml", f"rubric: {TINY}\norganization: Test Org\nsite: South\n"
                  "date: 2026-05-01\n")
    with pytest.raises(InputError) as caught:
        merge_files([FILES[0], str(other)])
    assert str(caught.value) == (f'{other}:3:1: site "South" differs from "North" in '
                                 f"{FILES[0]} (site); merge only interviews of one "
                                 "organization and site")


@pytest.mark.parametrize("fmt", ["github", "junit", "jsonl"])
def test_a_broken_interview_is_reported_by_every_format_and_keeps_the_report_file(  # type: ignore[no-untyped-def]
        runner, write, tmp_path: Path, fmt: str) -> None:
    broken = write("broken.yaml", Path(FILES[1]).read_text(encoding="utf-8").replace(
        "date: 2026-05-03", "date: 03/05/2026").replace("../rubrics/tiny.yaml", str(TINY)))
    anywhere = {"CXMATURITY_RUBRIC_ROOT": "/"}
    result = runner.invoke(app, ["assess", "--merge", FILES[0], str(broken), "-f", fmt],
                           env=anywhere)
    assert result.exit_code == 2
    assert str(broken) in result.stdout and "not a date" in result.stdout  # not only stderr
    report = tmp_path / "report.html"
    report.write_text("last time's\n", encoding="utf-8")
    kept = runner.invoke(app, ["assess", "--merge", FILES[0], str(broken), "-o", str(report)],
                         env=anywhere)
    assert kept.exit_code == 2 and report.read_text(encoding="utf-8") == "last time's\n"
    assert f"note: {report} was not written" in kept.stderr


def test_one_file_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="at least two answers files"):
        merge_files(FILES[:1])


def test_standard_input_is_no_interview_file(runner) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["assess", "--merge", "-", FILES[0]],
                           input=Path(FILES[1]).read_text(encoding="utf-8"))
    assert result.exit_code == 2
    assert result.stderr.startswith("error: --merge: merges answers files, not standard input "
                                    "(-); save each interview as a file")


def test_folder_convention_reads_every_yaml_file() -> None:
    merged = merge_inputs([str(FOLDER)])
    assert [Path(f).name for f in merged.sources] == ["ana.yaml", "ben.yaml", "cy.yaml"]


def test_folders_and_files_mix_as_they_do_for_assess(tmp_path: Path) -> None:
    """`--merge site/ extra.yaml` said `site: is a directory, not a file` (a review)."""
    merged = merge_inputs([str(FOLDER), FILES[0]])  # a file in the folder is kept once
    assert [Path(f).name for f in merged.sources] == ["ana.yaml", "ben.yaml", "cy.yaml"]
    merged = merge_inputs([FILES[2], str(FOLDER)])  # in path order, as `assess` takes them
    assert [Path(f).name for f in merged.sources] == ["ana.yaml", "ben.yaml", "cy.yaml"]
    with pytest.raises(UsageError, match=r"no \.yaml answers files in this folder"):
        merge_inputs([FILES[0], str(tmp_path)])


def test_folder_convention_skips_a_hidden_policy_file(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()  # a repository: its answers files may name its rubrics
    (tmp_path / "rubrics").mkdir()
    (tmp_path / "rubrics" / "tiny.yaml").write_bytes(TINY.read_bytes())
    site = tmp_path / "site"
    site.mkdir()
    for name in ("ana.yaml", "ben.yaml"):
        (site / name).write_bytes((FOLDER / name).read_bytes())
    (site / ".cxmaturity.yaml").write_text("fail-under: 2\n", encoding="utf-8")
    merged = merge_inputs([str(site)])
    assert [Path(f).name for f in merged.sources] == ["ana.yaml", "ben.yaml"]


@pytest.mark.parametrize(("fmt", "needle"), [
    ("rich", "Respondents disagree (more than one step apart)"),
    ("json", '"disagreements": ['),
    ("markdown", "## Respondents disagree"),
    ("html", '<section class="card" id="disagreements">'),
])
def test_disagreements_show_in_every_format(runner, fmt: str, needle: str) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["assess", "--merge", *FILES, "--format", fmt])
    assert result.exit_code == 0, result.output
    assert needle in result.stdout
    assert "Do the tools talk to each other?" in result.stdout
    if fmt == "json":
        assert json.loads(result.stdout)["disagreements"][0]["item"] == "t2"


def test_several_files_without_merge_are_scored_one_by_one(runner) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["assess", *FILES[:2], "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["file"] for r in records] == FILES[:2]
    assert all(r["assessment"]["merged_from"] == [] for r in records)


def test_shipped_interviews_merge_with_disagreements() -> None:
    merged = merge_files(sorted(str(p) for p in (EXAMPLES / "interviews").glob("*.yaml")))
    result = score(merged.submission)
    assert result.overall.level == 2
    assert {d.item for d in merged.disagreements} == {"unified-platform", "one-customer-view"}

