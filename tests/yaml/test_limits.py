"""Every documented input limit (docs/limits.md), at the limit and one past it."""

from __future__ import annotations

import contextlib
import os
import threading
from pathlib import Path

import pytest

from cxmaturity.errors import MAX_PROBLEMS, InputError
from cxmaturity.load.catalog import parse_rubric
from cxmaturity.load.submission import read_submission
from cxmaturity.model.rubric import MAX_QUESTIONS
from cxmaturity.scoring.engine import score
from cxmaturity.yaml.reader import parse_bytes, parse_yaml, read_limited, read_yaml_file
from cxmaturity.yaml.scalars import MAX_BYTES, MAX_DEPTH, MAX_DIGITS, MAX_NODES, MAX_STRING

from ..conftest import DATA

TINY = DATA / "rubrics" / "tiny.yaml"
HEAD = f"rubric: {TINY}\norganization: Test\ndate: 2026-01-01\n"


def sized(size: int) -> bytes:
    """A valid YAML file of exactly `size` bytes: one value after a long comment."""
    tail = b"\na: 1\n"
    return b"#" + b"x" * (size - 1 - len(tail)) + tail


def test_file_size_at_the_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "at.yaml"
    path.write_bytes(sized(MAX_BYTES))
    assert read_yaml_file(str(path)).value == {"a": 1}
    assert parse_bytes(sized(MAX_BYTES), "at.yaml").value == {"a": 1}


def test_file_size_one_byte_past_the_limit_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "past.yaml"
    path.write_bytes(sized(MAX_BYTES + 1))
    with pytest.raises(InputError, match=rf"past\.yaml: file is larger than {MAX_BYTES} bytes"):
        read_yaml_file(str(path))


def test_a_pipe_is_read_whole_in_pieces_up_to_the_limit(tmp_path: Path) -> None:
    """Not a regular file, so no size to go by: read piece by piece, and stopped one byte past
    the limit."""
    fifo = tmp_path / "answers.yaml"
    os.mkfifo(fifo)
    body = b"organization: Pipe\n" + b"# padding\n" * 20_000
    for sent, expected in ((body, body), (b"#" * (MAX_BYTES + 5000), None)):
        writer = threading.Thread(target=fifo.write_bytes, args=(sent,))
        writer.start()
        try:
            data = read_limited(str(fifo), "answers.yaml")
        finally:
            with contextlib.suppress(OSError):  # the reader stopped early: unblock the writer
                os.close(os.open(fifo, os.O_RDONLY | os.O_NONBLOCK))
            writer.join(timeout=10)
        assert data == (expected if expected is not None else sent[:MAX_BYTES + 1])


def test_a_huge_rubric_file_is_rejected_after_reading_one_megabyte(write,  # type: ignore[no-untyped-def]
                                                                   tmp_path: Path) -> None:
    # Found while fuzzing: rubrics were read whole before the size check, so a rubric path
    # pointing at a huge file (here 8 GB, sparse) could exhaust memory.
    huge = tmp_path / "huge.yaml"
    with huge.open("wb") as handle:
        handle.truncate(8 * 1024**3)
    answers = write("a.yaml", "rubric: huge.yaml\norganization: X\ndate: 2026-01-01\n")
    with pytest.raises(InputError, match=rf"huge\.yaml: file is larger than {MAX_BYTES} bytes"):
        read_submission(str(answers))


@pytest.mark.parametrize("nest", [
    lambda n: "[" * n + "]" * n,
    lambda n: "".join(f"{'  ' * i}k{i}:\n" for i in range(n - 1)) + "  " * (n - 1) + "{}\n",
])
def test_nesting_depth_at_and_past_the_limit(nest) -> None:  # type: ignore[no-untyped-def]
    assert parse_yaml(nest(MAX_DEPTH), "x.yaml").value is not None
    with pytest.raises(InputError, match=f"nesting is deeper than {MAX_DEPTH} levels"):
        parse_yaml(nest(MAX_DEPTH + 1), "x.yaml")


@pytest.mark.parametrize("text", [
    "[" * 100_000 + "]" * 100_000,
    "- " * 100_000 + "x",
])
def test_very_deep_nesting_is_rejected_without_crashing(text: str) -> None:
    # Which layer stops it (our reader or PyYAML's own guard, new in 6.0.4) is not the
    # point: the file is rejected with one located problem, and nothing crashes.
    with pytest.raises(InputError) as info:
        parse_yaml(text, "deep.yaml")
    (problem,) = info.value.problems
    assert problem.file == "deep.yaml" and problem.line == 1 and problem.column


def test_number_of_values_at_and_past_the_limit() -> None:
    # The top-level list is one value, so MAX_NODES - 1 items make exactly MAX_NODES values.
    assert len(parse_yaml("[" + "1," * (MAX_NODES - 1) + "]", "x.yaml").value) == MAX_NODES - 1
    with pytest.raises(InputError, match=f"the file has more than {MAX_NODES} values"):
        parse_yaml("[" + "1," * MAX_NODES + "]", "x.yaml")


def test_string_length_at_and_past_the_limit() -> None:
    assert parse_yaml("a: " + "x" * MAX_STRING, "x.yaml").value["a"] == "x" * MAX_STRING
    with pytest.raises(InputError, match=f"a value is longer than {MAX_STRING} characters"):
        parse_yaml("a: " + "x" * (MAX_STRING + 1), "x.yaml")


def rubric_with(questions: int) -> bytes:
    """The tiny rubric with `questions` questions in its tools dimension."""
    text = TINY.read_text(encoding="utf-8")
    start, end = text.index("questions:\n"), text.index("metrics:\n")
    asked = "".join(f"  - {{id: q{i}, dimension: tools, text: Q{i}?, scale: ynp, "
                    f'supports: {{"yes": 3, partial: 2, "no": 1}}}}\n'
                    for i in range(questions))
    return (text[:start] + "questions:\n" + asked + text[end:]).encode()


def test_number_of_questions_at_the_limit_scores(write) -> None:  # type: ignore[no-untyped-def]
    rubric = write("big.yaml", rubric_with(MAX_QUESTIONS).decode())
    answers = "".join(f"  q{i}: yes\n" for i in range(MAX_QUESTIONS))
    path = write("a.yaml", f"rubric: {rubric}\norganization: X\ndate: 2026-01-01\n"
                 f"answers:\n{answers}")
    result = score(read_submission(str(path)))
    assert result.dimensions[0].level == 3 and len(result.dimensions[0].evidence) == 2000


def test_number_of_questions_past_the_limit_is_rejected() -> None:
    with pytest.raises(InputError) as info:
        parse_rubric(rubric_with(MAX_QUESTIONS + 1), "big.yaml")
    assert str(info.value) == (f"big.yaml:26:3: has {MAX_QUESTIONS + 1} items; at most "
                               f"{MAX_QUESTIONS} are allowed (questions)")


def unknown_answers(count: int) -> str:
    return HEAD + "answers:\n" + "".join(f"  x{i}: yes\n" for i in range(count))


def test_problems_at_the_limit_are_all_reported(write) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError) as info:
        read_submission(str(write("a.yaml", unknown_answers(MAX_PROBLEMS))))
    assert len(info.value.problems) == MAX_PROBLEMS
    assert all(p.line for p in info.value.problems)


def test_problems_past_the_limit_are_counted(write) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError) as info:
        read_submission(str(write("a.yaml", unknown_answers(MAX_PROBLEMS + 5))))
    *shown, summary = info.value.problems
    assert len(shown) == MAX_PROBLEMS and shown[-1].path == f"answers.x{MAX_PROBLEMS - 1}"
    assert str(summary).endswith(f"a.yaml: 5 more problem(s) not shown; fix the first "
                                 f"{MAX_PROBLEMS} and run again")


@pytest.mark.parametrize("digits", [MAX_DIGITS + 1, 4301, 10_000])
def test_a_long_integer_is_a_located_error(digits: int) -> None:
    with pytest.raises(InputError) as raised:
        parse_yaml(f"a: 1\nb: {'7' * digits}\n", "x.yaml")
    problem = raised.value.problems[0]
    assert (problem.line, problem.column, problem.path) == (2, 4, "b")


def test_an_integer_at_the_limit_is_read() -> None:
    assert parse_yaml(f"b: {'7' * MAX_DIGITS}\n", "x.yaml").value == {"b": int("7" * MAX_DIGITS)}
