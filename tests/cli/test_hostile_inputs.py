"""Inputs that crashed the batch (issue 11) are located errors or are scored: file names of
any bytes, very deep folder trees, oversized standard input, long integers."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cxmaturity.cli import app
from cxmaturity.load.inputs import collect_inputs
from cxmaturity.report.formats import Format
from cxmaturity.yaml.scalars import MAX_BYTES

from ..conftest import answers
from ..output_checks import check_output


@pytest.mark.parametrize("output_format", [f for f in Format if f.value != "html"],
                         ids=str)
def test_a_file_name_that_is_not_utf8_is_scored_and_shown_escaped(
        runner, tmp_path: Path, output_format: Format) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "sites"
    folder.mkdir()
    (folder / "good.yaml").write_text(answers())
    with open(os.path.join(os.fsencode(folder), b"bad\xff\x1b.yaml"), "w") as handle:
        handle.write(answers())
    result = runner.invoke(app, ["assess", str(folder), "-f", output_format.value])
    assert result.exit_code == 0, result.output
    check_output(output_format.value, result.stdout)
    if output_format.value in ("text", "csv", "jsonl", "json"):
        assert "bad\\xff" in result.stdout.replace("\\\\", "\\")


def test_a_folder_tree_a_thousand_deep_is_searched(tmp_path: Path) -> None:
    folders = [tmp_path]
    for _ in range(1000):  # os.makedirs recurses, as the walk once did
        folders.append(folders[-1] / "d")
        folders[-1].mkdir()
    (folders[-1] / "a.yaml").write_text(answers())
    try:
        assert collect_inputs([str(tmp_path)]) == [str(folders[-1] / "a.yaml")]
    finally:  # shutil.rmtree recurses too: remove the tree before pytest tries
        (folders[-1] / "a.yaml").unlink()
        for folder in reversed(folders[1:]):
            folder.rmdir()


def test_standard_input_has_the_file_size_limit(runner) -> None:  # type: ignore[no-untyped-def]
    text = answers() + "#" + "x" * MAX_BYTES + "\n"
    result = runner.invoke(app, ["assess", "-", "-f", "json"], input=text)
    assert result.exit_code == 2
    assert f"error: <stdin>: file is larger than {MAX_BYTES} bytes" in result.stderr
