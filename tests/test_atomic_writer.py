"""A streamed report file appears whole, or the earlier file stays untouched."""

from __future__ import annotations

from pathlib import Path

import pytest

from cxmaturity.errors import OutputError
from cxmaturity.files import AtomicWriter


def test_file_appears_only_when_complete(tmp_path: Path) -> None:
    target = tmp_path / "report.jsonl"
    with AtomicWriter(target) as sink:
        sink.write("one\n")
        assert not target.exists()
        sink.write("two\n")
    assert target.read_text() == "one\ntwo\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.jsonl"]


def test_failure_leaves_the_earlier_file(tmp_path: Path) -> None:
    target = tmp_path / "report.jsonl"
    target.write_text("earlier\n")
    with pytest.raises(RuntimeError), AtomicWriter(target) as sink:
        sink.write("half")
        raise RuntimeError("interrupted")
    assert target.read_text() == "earlier\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.jsonl"]


def test_missing_folder_is_a_located_error(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="cannot write here"):
        AtomicWriter(tmp_path / "nope" / "report.csv")


def test_written_files_get_the_usual_permissions(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import os

    from cxmaturity.files import write_atomic

    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "new.txt", "x")
        kept = tmp_path / "kept.txt"
        kept.write_text("old")
        kept.chmod(0o640)
        write_atomic(kept, "new")
    finally:
        os.umask(old)
    assert (tmp_path / "new.txt").stat().st_mode & 0o777 == 0o644
    assert kept.stat().st_mode & 0o777 == 0o640 and kept.read_text() == "new"
