"""Writing reports: devices and pipes written directly, every write error an exit 2 with the
old file intact, no report over an input, no temporary file left by a killed run, backup
names that cannot run out, and no fork while a progress bar's thread runs."""

from __future__ import annotations

import errno
import multiprocessing
import os
import signal
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from cxmaturity.cli import app
from cxmaturity.errors import OutputError, Problem
from cxmaturity.files import TEMP_MARK, AtomicWriter, keep_copy, write_atomic
from cxmaturity.load.inputs import collect_inputs
from cxmaturity.run.batch import Settings, run

from ..conftest import DATA

ANSWERS = DATA / "answers" / "tiny-mid.yaml"


def test_a_device_is_written_to_not_replaced(runner) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["assess", str(ANSWERS), "-f", "json", "-o", os.devnull])
    assert result.exit_code == 0, result.output
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_a_named_pipe_is_written_to_not_replaced(runner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    fifo = tmp_path / "report.pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    result = runner.invoke(app, ["assess", str(ANSWERS), "-f", "json", "-o", str(fifo)])
    reader.join(timeout=10)
    assert result.exit_code == 0, result.output
    assert stat.S_ISFIFO(fifo.stat().st_mode) and b'"schema_version"' in received[0]
    assert [p.name for p in tmp_path.iterdir()] == ["report.pipe"]


@pytest.mark.parametrize("name", ["report.html", "report.md", "report.json", "report.txt"])
def test_a_file_that_cannot_be_scored_leaves_the_report_file_as_it_was(  # type: ignore[no-untyped-def]
        runner, tmp_path: Path, name: str) -> None:
    """One broken file has no report in these formats (its error goes to standard error): an
    earlier report is kept, not emptied, and no empty file is made."""
    broken = tmp_path / "broken.yaml"
    broken.write_text(ANSWERS.read_text(encoding="utf-8").replace("date: ", "date: x"),
                      encoding="utf-8")
    report = tmp_path / name
    report.write_text("last quarter's report\n", encoding="utf-8")
    result = runner.invoke(app, ["assess", str(broken), "-o", str(report)])
    assert result.exit_code == 2
    assert report.read_text(encoding="utf-8") == "last quarter's report\n"
    assert f"note: {report} was not written: there is no report, as nothing could be scored " \
        "(a file there is kept as it was)" in result.stderr
    report.unlink()
    assert runner.invoke(app, ["assess", str(broken), "-o", str(report)]).exit_code == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.yaml"]


def test_a_format_that_records_errors_writes_them(runner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    broken = tmp_path / "broken.yaml"
    broken.write_text("rubric: tiny\n", encoding="utf-8")
    report = tmp_path / "report.jsonl"
    assert runner.invoke(app, ["assess", str(broken), "-o", str(report)]).exit_code == 2
    assert '"status":"error"' in report.read_text(encoding="utf-8")


def test_a_full_device_is_exit_2_with_a_message(runner) -> None:  # type: ignore[no-untyped-def]
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full here")
    result = runner.invoke(app, ["assess", str(ANSWERS), "-f", "json", "-o", "/dev/full"])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: /dev/full: cannot write: ")


def test_standard_output_on_a_full_device_is_exit_2() -> None:
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full here")
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "cxmaturity", "assess", str(ANSWERS), "-f",
                               "json"], stdout=full, stderr=subprocess.PIPE, text=True,
                              timeout=60)
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith("error: standard output: cannot write: ")
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EIO, errno.EPIPE])
def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary(
        tmp_path: Path, monkeypatch, code: int) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "report.json"
    target.write_text("earlier\n")
    writer = AtomicWriter(target)
    monkeypatch.setattr(os, "fsync", lambda fd: (_ for _ in ()).throw(OSError(code, "x")))
    writer.write("new")
    with pytest.raises(OutputError, match=r"report\.json: cannot write"):
        writer.commit()
    assert target.read_text() == "earlier\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_a_failed_streamed_write_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("earlier\n")
    writer = AtomicWriter(target)

    class Full:
        def write(self, text: str) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

        def close(self) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

    writer._handle = Full()  # type: ignore[assignment]
    with pytest.raises(OutputError, match="No space left on device"):
        writer.write("x")
    assert target.read_text() == "earlier\n" and len(list(tmp_path.iterdir())) == 1


def test_the_report_is_never_written_over_an_input(runner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    answers = tmp_path / "a.yaml"
    answers.write_bytes(ANSWERS.read_bytes().replace(b"../rubrics/tiny.yaml",
                                                     str(DATA / "rubrics" / "tiny.yaml").encode()))
    other_name = tmp_path / "same.yaml"
    os.link(answers, other_name)
    before = answers.read_bytes()
    for output in (answers, other_name):
        result = runner.invoke(app, ["assess", str(answers), "-f", "json", "-o", str(output)])
        assert result.exit_code == 2
        assert "is also an input" in result.stderr
    compared = runner.invoke(app, ["compare", str(answers), str(answers), "-o", str(answers)])
    assert compared.exit_code == 2 and "is also an input" in compared.stderr
    assert answers.read_bytes() == before


def test_the_report_is_never_written_over_a_rubric_or_answers_people_wrote(  # type: ignore[no-untyped-def]
        runner, tmp_path: Path) -> None:
    """The rubric an answers file names is read only while scoring, so `-o` at it replaced it
    with the report (an adversarial review); another site's answers file went the same way."""
    (tmp_path / ".git").mkdir()
    rubric = tmp_path / "mine.yaml"
    rubric.write_bytes((DATA / "rubrics" / "tiny.yaml").read_bytes())
    answers = tmp_path / "a.yaml"
    answers.write_bytes(ANSWERS.read_bytes().replace(b"../rubrics/tiny.yaml", b"mine.yaml"))
    other = tmp_path / "other-site.yaml"
    other.write_bytes(answers.read_bytes())
    kept = {path: path.read_bytes() for path in (rubric, other)}
    runs = [["assess", str(answers), "-f", "json"], ["assess", "--merge", str(answers),
            str(answers), "-f", "markdown"], ["compare", str(answers), str(answers)],
            ["trend", str(answers), "-f", "markdown"]]
    for command in runs:
        for output, kind in ((rubric, "a rubric"), (other, "an answers file")):
            result = runner.invoke(app, [*command, "-o", str(output)])
            assert result.exit_code == 2, (command, result.output)
            assert result.stderr == (f"error: {output}: holds {kind}; writing the report there "
                                     "would overwrite it; choose another --output file\n")
    assert {path: path.read_bytes() for path in kept} == kept
    report = tmp_path / "report.json"  # a report of ours is replaced, as before
    for _ in range(2):
        assert runner.invoke(app, ["assess", str(answers), "-o", str(report)]).exit_code == 0


def test_no_report_is_written_to_a_yaml_name(runner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Else the report written there once would be refused as someone's file the next time."""
    for name in ("out.yaml", "OUT.YML"):
        result = runner.invoke(app, ["assess", str(ANSWERS), "-f", "json", "-o",
                                     str(tmp_path / name)])
        assert result.exit_code == 2
        assert result.stderr == (f"error: {tmp_path / name}: no report is YAML: a .yaml or .yml "
                                 "name is for the files people write (answers, rubrics); name "
                                 "the report by its format (.json, .md, .html, .txt, ...)\n")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("text", [
    "rubric: tiny\norganization: X\nanswers:\n  t1: [partly\n",  # a YAML mistake
    "rubric: tiny\n\torganization: X\n",  # a tab
    "a: 1\na: 2\n",  # a duplicate key
    "organization: Caf\xe9\n",  # not UTF-8
])
def test_a_yaml_file_too_broken_to_tell_its_kind_is_not_written_over(  # type: ignore[no-untyped-def]
        runner, tmp_path: Path, text: str) -> None:
    """No report is YAML: an existing `.yaml` file is someone's, whether or not it reads."""
    mine = tmp_path / "mine.yaml"
    mine.write_bytes(text.encode("latin-1"))
    result = runner.invoke(app, ["assess", str(ANSWERS), "-o", str(mine)])
    assert result.exit_code == 2
    assert result.stderr == (f"error: {mine}: is a YAML file, and no report is one (people "
                             "write YAML files: answers, rubrics); writing the report there "
                             "would overwrite it; choose another --output file\n")
    assert mine.read_bytes() == text.encode("latin-1")


def test_the_report_is_never_written_over_a_file_found_in_a_folder(  # type: ignore[no-untyped-def]
        runner, tmp_path: Path) -> None:
    text = ANSWERS.read_text().replace("../rubrics/tiny.yaml", str(DATA / "rubrics" / "tiny.yaml"))
    for i in range(20):
        (tmp_path / "sites" / f"{i:02}").mkdir(parents=True)
        (tmp_path / "sites" / f"{i:02}" / "a.yaml").write_text(text)
    last = tmp_path / "sites" / "19" / "a.yaml"
    linked = tmp_path / "report.jsonl"
    linked.symlink_to(last)  # the report named by another name than the walk finds
    for output in (last, linked):
        result = runner.invoke(app, ["assess", str(tmp_path / "sites"), "-f", "jsonl", "-o",
                                     str(output)])
        assert result.exit_code == 2 and result.stdout == ""
        assert result.stderr == (f"error: {output}: is also an input ({last}); writing the "
                                 "report there would overwrite it; choose another --output "
                                 "file\n")
    assert last.read_text() == text


def test_the_report_is_never_written_over_a_policy_or_the_baseline_it_names(  # type: ignore[no-untyped-def]
        runner, tmp_path: Path) -> None:
    text = ANSWERS.read_text().replace("../rubrics/tiny.yaml", str(DATA / "rubrics" / "tiny.yaml"))
    (tmp_path / "sites" / "one").mkdir(parents=True)
    (tmp_path / "sites" / "one" / "a.yaml").write_text(text)
    saved = runner.invoke(app, ["assess", str(tmp_path / "sites"), "-f", "jsonl",
                                "--no-config"]).stdout
    (tmp_path / "sites" / "base.jsonl").write_text(saved)
    policy = tmp_path / "sites" / "one" / ".cxmaturity.yaml"
    policy.write_text("fail_under: 1\nbaseline: ../base.jsonl\n")
    for output in (policy, tmp_path / "sites" / "base.jsonl"):
        before = output.read_text()
        result = runner.invoke(app, ["assess", str(tmp_path / "sites"), "-f", "jsonl", "-o",
                                     str(output)])
        assert result.exit_code == 2, result.output
        assert f"{output}: is also an input" in result.stderr
        assert output.read_text() == before


def test_a_pool_is_not_started_when_the_report_cannot_be_written(  # type: ignore[no-untyped-def]
        runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[int] = []
    monkeypatch.setattr("cxmaturity.run.batch.run", lambda *args: started.append(1))
    result = runner.invoke(app, ["assess", str(ANSWERS), str(ANSWERS.parent), "-f", "jsonl",
                                 "-o", str(tmp_path / "missing" / "out.jsonl")])
    assert result.exit_code == 2 and "cannot write here" in result.stderr
    assert started == []


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_temporary_files_of_killed_runs_are_removed(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    stale = tmp_path / f".report.json{TEMP_MARK}{_dead_pid()}-abcd1234.tmp"
    live = tmp_path / f".report.json{TEMP_MARK}{os.getpid()}-efgh5678.tmp"
    other = tmp_path / f".other.json{TEMP_MARK}{_dead_pid()}-abcd1234.tmp"
    for path in (stale, live, other):
        path.write_text("half")
    write_atomic(target, "whole")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [target.name, live.name, other.name])


def test_a_terminated_run_leaves_no_temporary_file(tmp_path: Path) -> None:
    folder = tmp_path / "sites"
    folder.mkdir()
    text = ANSWERS.read_text().replace("../rubrics/tiny.yaml", str(DATA / "rubrics" / "tiny.yaml"))
    for i in range(400):
        (folder / f"s{i:03}.yaml").write_text(text)
    output = tmp_path / "out.jsonl"
    child = subprocess.Popen([sys.executable, "-m", "cxmaturity", "assess", str(folder), "-f",
                              "jsonl", "-j", "1", "-o", str(output)], stderr=subprocess.PIPE)
    seen = False
    for _ in range(3000):  # wait until the temporary file exists, then stop the run
        seen = any(TEMP_MARK in p.name for p in tmp_path.iterdir())
        if seen or child.poll() is not None:
            break
        threading.Event().wait(0.01)
    child.terminate()
    _, err = child.communicate(timeout=30)
    assert seen and child.returncode == 143, err.decode()
    assert [p.name for p in tmp_path.iterdir() if TEMP_MARK in p.name] == []


@pytest.fixture
def swallowing(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Install the tool's signal handlers, and a way to send this process a signal whose
    exception a library swallows (as pydantic may, turning it into a validation error)."""
    import cxmaturity.cli.errors as errors

    monkeypatch.setattr(errors, "_ARRIVED", [])
    before = signal.getsignal(signal.SIGTERM)
    errors.stop_on_signals()

    def swallow(signum: int) -> bool:
        try:
            os.kill(os.getpid(), signum)
        except (SystemExit, KeyboardInterrupt):
            return True
        return False

    yield swallow
    signal.signal(signal.SIGTERM, before)
    signal.signal(signal.SIGINT, signal.default_int_handler)


def _three_sites(folder: Path) -> None:
    for name in ("s0.yaml", "s1.yaml", "s2.yaml"):
        (folder / name).write_bytes(ANSWERS.read_bytes().replace(
            b"../rubrics/tiny.yaml", str(DATA / "rubrics" / "tiny.yaml").encode()))


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_signal_a_library_swallowed_still_ends_the_run(  # type: ignore[no-untyped-def]
        runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, swallowing,
        signum: int, code: int) -> None:
    """A signal that lands inside pydantic can come out as a validation error of the file
    being read (a review saw false "is not a valid id" errors and exit 2): the run stops
    with the signal's exit, says nothing false of the file, and writes no report."""
    import cxmaturity.run.batch as batch

    real = batch.assess_one
    scored: list[str] = []

    def interrupted(path: str, *args: object, **kwargs: object) -> object:
        scored.append(Path(path).name)
        if path.endswith("s1.yaml") and swallowing(signum):
            scored.append("swallowed")
            return batch.Outcome(path, problems=(Problem(path, "is not a valid id"),))
        return real(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(batch, "assess_one", interrupted)
    _three_sites(tmp_path)
    result = runner.invoke(app, ["assess", str(tmp_path), "-f", "jsonl", "-j", "1", "-o",
                                 str(tmp_path / "out.jsonl")])
    assert result.exit_code == code
    assert scored == ["s0.yaml", "s1.yaml", "swallowed"]  # stopped at the signal
    assert "is not a valid id" not in result.stderr
    assert not (tmp_path / "out.jsonl").exists()


def test_validate_stops_at_a_swallowed_signal_too(  # type: ignore[no-untyped-def]
        runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, swallowing) -> None:
    import cxmaturity.author.checks as checks

    real = checks.check_answers
    checked: list[str] = []

    def interrupted(file: str, *args: object, **kwargs: object) -> object:
        checked.append(Path(file).name)
        if file.endswith("s1.yaml") and swallowing(signal.SIGTERM):
            return [Problem(file, "is not a valid id")]
        return real(file, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(checks, "check_answers", interrupted)
    _three_sites(tmp_path)
    result = runner.invoke(app, ["validate", str(tmp_path)])
    assert result.exit_code == 143
    assert checked == ["s0.yaml", "s1.yaml"]
    assert "is not a valid id" not in result.stdout


def test_backup_names_cannot_run_out(tmp_path: Path) -> None:
    original = tmp_path / "answers.yaml"
    (tmp_path / "answers.yaml.orig").write_text("0")
    for number in range(1, 1001):
        (tmp_path / f"answers.yaml.orig.{number}").write_text(str(number))
    copy = keep_copy(original, "mine")
    assert copy.name == "answers.yaml.orig.1001" and copy.read_text() == "mine"


def test_workers_start_before_any_thread(tmp_path: Path) -> None:
    text = ANSWERS.read_text().replace("../rubrics/tiny.yaml", str(DATA / "rubrics" / "tiny.yaml"))
    for i in range(12):
        (tmp_path / f"s{i}.yaml").write_text(text)
    outcomes = run(collect_inputs([str(tmp_path)]), Settings(), jobs=2)
    assert len(multiprocessing.active_children()) == 2  # forked already, with one thread
    assert sum(1 for _ in outcomes) == 12


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_signal_a_library_wraps_still_ends_the_run_as_the_signal(signum: int,
                                                                   code: int) -> None:
    """pydantic building a validator when SIGTERM came handed on the handler's SystemExit
    inside its own SchemaError: the run exited 70 ("internal error") instead of 143."""
    script = f"""
import os, signal, sys, time, typer
from cxmaturity.cli.errors import handled, stop_on_signals

@handled
def command() -> int:
    try:
        os.kill(os.getpid(), {int(signum)})
        time.sleep(5)
    except BaseException:
        raise RuntimeError("a library's own error") from None
    return 0

stop_on_signals()
typer.run(command)
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=30, check=False)
    assert done.returncode in (code, -signum), done.stderr
    assert "internal error" not in done.stderr and "Traceback" not in done.stderr
