"""`cxmaturity template` and `cxmaturity validate`: skeletons that validate as they are, and
answers checked against their rubric without scoring."""

from __future__ import annotations

import datetime as dt
import pathlib

import pytest

from cxmaturity.author.writer import scalar, template
from cxmaturity.cli import app
from cxmaturity.load.catalog import load_rubric
from cxmaturity.load.submission import read_submission
from cxmaturity.scoring.engine import score
from cxmaturity.yaml.reader import parse_yaml

from ..conftest import DATA, EXAMPLES

TINY = str(DATA / "rubrics" / "tiny.yaml")


@pytest.mark.parametrize("value", ["yes", "no", "on", "1e3", "12%", "n/a", "a: b", "#x",
                                   "", "2026-01-01", "null", "Ünïcode", 'say "hi"', 3, 2.5,
                                   True, None, dt.date(2026, 1, 2)])
def test_scalar_reads_back_unchanged(value: object) -> None:
    read = parse_yaml(f"v: {scalar(value)}\n", "t").value["v"]
    assert read == (value.isoformat() if isinstance(value, dt.date) else value)


def test_template_lists_every_question_and_metric_and_validates(runner, tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "answers.yaml"
    result = runner.invoke(app, ["template", "--rubric", TINY, "--output", str(out)])
    assert result.exit_code == 0, result.stderr
    text = out.read_text()
    rubric = load_rubric(TINY).rubric
    for question in rubric.questions:
        assert f"  # {question.text}\n" in text
        assert f"  {question.id}: unknown\n" in text
    assert "  coverage: unknown\n" in text
    assert "  # answers: yes (Yes) | partial (Partly) | no (No) | unknown | n/a\n" in text
    assert "  # == Tools ==\n" in text and "  # == Data ==\n" in text
    # How to give evidence, for an answer and for a metric (fillers missed the metric form)
    assert '`question-id: {answer: yes, evidence: "..."}`' in text
    assert '`metric-id: {value: 20%, evidence: "..."}`' in text
    assert runner.invoke(app, ["validate", str(out)]).exit_code == 0
    result = score(read_submission(str(out)))
    assert result.status == "insufficient-evidence" and result.confidence == 0


def test_an_untouched_template_fails_validate_strict(runner, tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "answers.yaml"
    assert runner.invoke(app, ["template", "--rubric", TINY, "--output", str(out)]).exit_code == 0
    result = runner.invoke(app, ["validate", "--strict", str(out)])
    assert result.exit_code == 1
    lines = [line.split(": ", 1)[1] for line in result.stdout.splitlines()[:-1]]
    assert lines == [
        "warning: the organization is empty (organization) [empty-organization]; name the "
        "organization assessed",
        "warning: every answer is `unknown`: nothing has been answered yet (answers) "
        "[nothing-answered]; replace each `unknown` with one of the answers listed above it, "
        "or `n/a`"]
    assert result.stdout.splitlines()[-1] == "1 file checked: 0 error(s), 2 warning(s)"


def test_template_rubric_path_is_relative_to_the_output(runner, tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "sub" / "answers.yaml"
    out.parent.mkdir()
    assert runner.invoke(app, ["template", "-r", TINY, "-o", str(out)]).exit_code == 0
    assert read_submission(str(out)).rubric.id == "tiny"
    # the schema command in its header names the rubric by that path too: it says where to run it
    header = out.read_text(encoding="utf-8")
    assert "run this in\n# the folder of this file, which the rubric's path is relative to):" \
        in header
    bundled = runner.invoke(app, ["template", "-r", "ai-readiness-cohorts"]).stdout
    assert "# Completion in an editor (the schema the first line names):\n" in bundled


@pytest.mark.parametrize(("rubric", "output", "repository", "warning"), [
    # outside the file's folder, no repository: read only from a folder that holds it
    ("models/mine.yaml", "sites/a.yaml", None, "outside its folder and not in a git "
     "repository, so cxmaturity reads that rubric only when run from a folder that holds it"),
    ("../models/mine.yaml", "a.yaml", None, "outside its folder"),  # run from sites/
    # in one repository with the file: read from anywhere
    ("models/mine.yaml", "sites/a.yaml", ".", None),
    # the file's repository does not hold it: read only with --rubric-root
    ("models/mine.yaml", "sites/a.yaml", "sites", "outside its repository"),
    ("models/mine.yaml", "models/a.yaml", None, None),  # in the file's own folder
])
def test_template_warns_when_its_rubric_is_read_only_from_some_folders(  # type: ignore[no-untyped-def]
        runner, tmp_path, monkeypatch, rubric: str, output: str, repository: str | None,
        warning: str | None) -> None:
    (tmp_path / "models").mkdir()
    (tmp_path / "sites").mkdir()
    (tmp_path / "models" / "mine.yaml").write_text(pathlib.Path(TINY).read_text())
    if repository is not None:
        (tmp_path / repository / ".git").mkdir()
    here = tmp_path / ("sites" if rubric.startswith("..") else "")
    monkeypatch.chdir(here)
    result = runner.invoke(app, ["template", "-r", rubric, "-o", output])
    assert result.exit_code == 0
    if warning is None:
        assert "warning" not in result.stderr
    else:
        assert warning in result.stderr
    written = here / output  # what validate then does from the file's own folder
    monkeypatch.chdir(written.parent)
    checked = runner.invoke(app, ["validate", written.name])
    assert ("the rubric lies outside" in checked.stdout) == (warning is not None)


def test_template_never_overwrites(runner, write) -> None:  # type: ignore[no-untyped-def]
    existing = write("answers.yaml", "mine\n")
    result = runner.invoke(app, ["template", "-o", str(existing)])
    assert result.exit_code == 2 and "file exists; not overwriting it" in result.stderr
    assert existing.read_text() == "mine\n"


def test_bundled_template_to_stdout_is_deterministic_but_for_the_date() -> None:
    rubric = load_rubric("contact-center-ai-maturity").rubric
    text = template(rubric, "contact-center-ai-maturity", dt.date(2026, 5, 1))
    assert "\ndate: 2026-05-01\n" in text
    assert text.count(": unknown\n") == len(rubric.questions) + len(rubric.metrics)


def test_validate_accepts_examples(runner) -> None:  # type: ignore[no-untyped-def]
    files = [str(p) for p in sorted(EXAMPLES.glob("*.yaml"))]
    result = runner.invoke(app, ["validate", "--strict", *files])
    assert result.exit_code == 0
    assert result.stdout == f"{len(files)} files checked: no problems\n"


def test_validate_reports_every_problem_located(runner, write) -> None:  # type: ignore[no-untyped-def]
    path = write("sub/a.yaml", f"rubric: {TINY}\norganization: X\ndate: 2026-01-01\n"
                 "metrics: {coverage: 0.5}\nanswers:\n  t1: maybe\n  d22: yes\n  d1: yes\n")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 2
    assert result.stdout.splitlines() == [
        f"{path}:4:21: error: 0.5 is ambiguous: percentages are written 0-100, so write 50% "
        "for that share, or 0.5% if you mean less than one percent (metrics.coverage) "
        "[answers]; write a percentage, 0-100 (12 or 12%), or `unknown`",
        f'{path}:6:7: error: "maybe" is not an answer to this question (answers.t1) '
        "[answers]; use one of: yes, partial, no, unknown, n/a",
        f'{path}:7:3: error: unknown question "d22" (answers.d22) [answers]; did you mean "d2"?',
        "1 file checked: 3 error(s), 0 warning(s)"]


def first_finding(runner, path: pathlib.Path, code: int) -> str:  # type: ignore[no-untyped-def]
    """The first line `validate` prints for `path`, once its exit code is `code`."""
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == code, result.output
    return str(result.stdout.splitlines()[0])


def test_a_value_in_a_gap_of_the_rubric_is_blamed_on_the_rubric(runner, write) -> None:  # type: ignore[no-untyped-def]
    """Tiny's coverage bands leave 10-20 open; without its `gaps:` rule, 15 fits no band. The
    error names the two bands and sends the user to the rubric, not to the value."""
    rubric = write("gappy.yaml", pathlib.Path(TINY).read_text(encoding="utf-8")
                   .replace("    gaps: lower\n", ""))
    path = write("a.yaml", f"rubric: {rubric}\norganization: X\ndate: 2026-01-01\n"
                 "metrics: {coverage: 15}\nanswers: {t1: yes}\n")
    assert first_finding(runner, path, 2) == (
        f"{path}:4:21: error: 15% falls between two bands of Coverage (level 1 up to 10%, "
        "level 2 from 20%) and the rubric gives no rule for gaps (metrics.coverage) "
        "[answers]; the value may be right: the rubric leaves it uncovered; its author can "
        "add a band or declare `gaps:` (`cxmaturity rubric validate` warns of it as "
        "band-gap); meanwhile write `unknown`")


def test_validate_warns_of_a_date_in_the_future(runner, write) -> None:  # type: ignore[no-untyped-def]
    ahead = dt.date.today() + dt.timedelta(days=30)
    path = write("a.yaml", f"rubric: {TINY}\norganization: X\ndate: {ahead.isoformat()}\n"
                 "answers: {t1: yes, t2: yes, d1: yes, d2: yes}\nmetrics: {coverage: 20%}\n")
    assert first_finding(runner, path, 0) == (
        f"{path}:3:1: warning: the assessment is dated 30 days ahead ({ahead.isoformat()}) "
        "(date) [future-date]; write the day the assessment was made (a `--max-age` gate fails "
        "a future date)")
    assert runner.invoke(app, ["validate", "--strict", str(path)]).exit_code == 1
    tomorrow = write("b.yaml", path.read_text().replace(
        ahead.isoformat(), (dt.date.today() + dt.timedelta(days=1)).isoformat()))
    assert "future-date" not in runner.invoke(app, ["validate", str(tomorrow)]).stdout  # time zones


def test_validate_warns_about_unanswered_questions(runner, write) -> None:  # type: ignore[no-untyped-def]
    path = write("a.yaml", f"rubric: {TINY}\norganization: X\ndate: 2026-01-01\n"
                 "answers:\n  t1: yes\n")
    assert first_finding(runner, path, 0) == (
        f"{path}:4:1: warning: 3 question(s) not answered: t2, d1, d2 (answers) "
        "[missing-answer]; answer them, or write `unknown` to say so")
    assert runner.invoke(app, ["validate", "--strict", str(path)]).exit_code == 1


def test_validate_lists_unanswered_questions_in_the_templates_order(runner, write) -> None:  # type: ignore[no-untyped-def]
    rubric = load_rubric("contact-center-ai-maturity").rubric
    text = template(rubric, "contact-center-ai-maturity", dt.date(2026, 5, 1))
    written = [line.split(":")[0].strip() for line in text.splitlines()
               if line.startswith("  ") and not line.lstrip().startswith("#")]
    in_template = [key for key in written if key in {q.id for q in rubric.questions}]
    assert in_template != [q.id for q in rubric.questions]  # else this proves nothing
    path = write("a.yaml", "rubric: contact-center-ai-maturity\norganization: X\n"
                 "date: 2026-01-01\nanswers: {}\n")
    result = runner.invoke(app, ["validate", str(path)])
    listed = result.stdout.splitlines()[0].split("not answered: ")[1].split(" (answers)")[0]
    assert listed.split(", ") == in_template


def test_validate_reports_schema_problems_in_file_order(runner, write) -> None:  # type: ignore[no-untyped-def]
    path = write("a.yaml", "rubric: contact-center-ai-maturity\norganizaton: X\n"
                 "date: 2026-01-01\nanswer:\n  ai-in-core: no\n")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 2
    assert [line.split(": error")[0] for line in result.stdout.splitlines()[:3]] == [
        f"{path}:1:1", f"{path}:2:1", f"{path}:4:1"]


@pytest.mark.parametrize("command", ["validate", "assess"])
def test_more_problems_than_shown_keeps_the_first_in_file_order(runner, write,  # type: ignore[no-untyped-def]
                                                                command: str) -> None:
    keys = "".join(f"bogus{i:03d}: 1\n" for i in range(130))
    path = write("a.yaml", "rubric: contact-center-ai-maturity\norganization: X\n"
                 f"date: 2026-01-01\n{keys}")
    result = runner.invoke(app, [command, str(path), "--no-config"] if command == "assess"
                           else [command, str(path)])
    assert result.exit_code == 2
    lines = [line for line in (result.stdout + result.stderr).splitlines() if "error" in line]
    assert 'unknown key "bogus000"' in lines[0] and f"{path}:4:1" in lines[0]
    assert 'unknown key "bogus099"' in lines[99] and f"{path}:103:1" in lines[99]
    assert "30 more problem(s) not shown" in lines[100]


def test_validate_unknown_rubric_is_located(runner, write) -> None:  # type: ignore[no-untyped-def]
    path = write("a.yaml", "rubric: contact-center-ai-maturty\norganization: X\n"
                 "date: 2026-01-01\n")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 2
    assert f"{path}:1:9: error: no bundled rubric with this id" in result.stdout


def test_template_says_what_each_option_means_when_the_rubric_does(runner) -> None:  # type: ignore[no-untyped-def]
    """A blind filler picked "Scores drive coaching" for a QA that the system runs on every
    call with people checking it: the template showed "Automated QA" without its meaning."""
    result = runner.invoke(app, ["template", "-r", "ai-performance-stages"])
    assert result.exit_code == 0, result.stderr
    block = result.stdout.split("  qa-mode: unknown\n")[0].rsplit("  # answers:\n", 1)[1]
    assert block.splitlines() == [
        "  #   sampled          Manual sampling - People review a small sample of",
        "  #                    contacts.",
        "  #   scored           AI scores every interaction - Full coverage, findings",
        "  #                    reported.",
        "  #   coached          Scores drive coaching - Each finding becomes a coaching",
        "  #                    action.",
        "  #   automated        Automated QA - QA runs itself with people checking it.",
        "  #   self-optimizing  Self-optimizing - Each interaction refines the system's",
        "  #                    logic.",
        "  #   unknown | n/a"]
    # A scale whose options carry no meaning keeps the one-line list
    assert ("  # answers: no (1 - No, not at all) | slightly (2 - Slightly) | partly (3 -\n"
            in result.stdout)


def test_a_long_option_id_gets_its_own_line_and_its_meaning_below(runner, write) -> None:  # type: ignore[no-untyped-def]
    """An 86-character option id pushed its meaning into one word a line (a review)."""
    long = "partly-" + "x" * 79
    text = (DATA / "rubrics" / "tiny.yaml").read_text(encoding="utf-8").replace(
        "partial", long).replace('{id: "yes", label: "Yes"}',
                                 '{id: "yes", label: "Yes", description: Fully in place.}')
    result = runner.invoke(app, ["template", "-r", str(write("long.yaml", text))])
    assert result.exit_code == 0, result.output
    block = result.stdout.split("  t1: unknown\n")[0].rsplit("  # answers:\n", 1)[1]
    assert block.splitlines() == ["  #   yes  Yes - Fully in place.", f"  #   {long}",
                                  "  #        Partly", "  #   no   No", "  #   unknown | n/a"]
    assert all(len(line) <= 90 for line in block.splitlines() if long not in line)
