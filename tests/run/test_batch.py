"""Batches: which files are found, in what order, and that processes change nothing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from cxmaturity.load.inputs import STDIN, collect_inputs, discover
from cxmaturity.model.records import Tally
from cxmaturity.run.batch import AHEAD, CHUNK, Settings, assess_one, run
from cxmaturity.run.gates import Gates, LevelGate

from ..conftest import answers


def test_folders_are_searched_recursively_in_path_order(folder: Path) -> None:
    found = collect_inputs([str(folder), str(folder / "north" / "site-1.yaml")])
    names = [str(Path(p).relative_to(folder)) for p in found]
    assert names == [*(f"north/site-{i}.yaml" for i in range(5)), "south/broken.yaml",
                     *(f"south/site-{i}.yml" for i in range(5))]


def test_stdin_comes_first(folder: Path) -> None:
    assert collect_inputs([str(folder / "south"), STDIN])[0] == STDIN


def test_a_broken_file_does_not_stop_the_batch(folder: Path) -> None:
    outcomes = list(run(collect_inputs([str(folder)]), Settings(), jobs=1))
    assert len(outcomes) == 11
    broken = [o for o in outcomes if o.broken]
    assert [Path(o.file).name for o in broken] == ["broken.yaml"]
    assert broken[0].problems[0].line == 3  # the end of the file, where "[" is left open
    tally = Tally()
    for outcome in outcomes:
        tally.add(outcome)
    assert (tally.files, tally.broken, tally.exit_code) == (11, 1, 2)


def test_parallel_results_are_identical_to_serial(folder: Path) -> None:
    inputs = collect_inputs([str(folder)])
    settings = Settings(gates=Gates(fail_under=(LevelGate("mid"),)))
    serial = list(run(inputs, settings, jobs=1))
    parallel = list(run(inputs, settings, jobs=2))
    assert serial == parallel
    assert any(o.gates for o in serial) and any(not o.gates for o in serial if not o.broken)


@pytest.mark.parametrize(("broken", "gated", "code"), [(0, 0, 0), (0, 3, 1), (1, 3, 2)])
def test_exit_code_rule(broken: int, gated: int, code: int) -> None:
    assert Tally(files=5, broken=broken, gated=gated).exit_code == code


def test_stdin_paths_are_relative_to_the_current_folder() -> None:
    outcome = assess_one(STDIN, Settings(), answers().encode())
    assert outcome.file == "<stdin>" and not outcome.broken
    assert outcome.assessment().organization == "Org"


class _Counted:
    """A stream of paths that counts how many were taken from it."""

    def __init__(self, paths: list[str]) -> None:
        self.paths, self.taken = paths, 0

    def __iter__(self) -> Iterator[str]:
        for path in self.paths:
            self.taken += 1
            yield path


@pytest.mark.parametrize("jobs", [1, 2])
def test_run_reads_its_inputs_as_the_outcomes_are_read(tmp_path: Path, jobs: int) -> None:
    (tmp_path / "a.yaml").write_text(answers())
    stream = _Counted([str(tmp_path / "a.yaml")] * 5000)
    outcomes = run(stream, Settings(), jobs=jobs)
    ahead = jobs * 16 * CHUNK + 1  # looked at to choose the chunk size
    assert stream.taken <= ahead
    for _ in range(3000):  # well past the paths looked at first
        next(outcomes)
    # then a chunk at a time as outcomes are read, never more than AHEAD a process waiting
    assert stream.taken <= 3000 + AHEAD * jobs * CHUNK
    assert sum(1 for _ in outcomes) == 2000 and stream.taken == 5000


def test_standard_input_first_in_a_stream_is_scored_first(folder: Path) -> None:
    stdin = answers(d2="yes").encode()
    outcomes = list(run(discover([STDIN, str(folder)]), Settings(), jobs=2, stdin=stdin))
    assert outcomes[0].file == "<stdin>" and not outcomes[0].broken
    assert [o.file for o in outcomes[1:]] == collect_inputs([str(folder)])
