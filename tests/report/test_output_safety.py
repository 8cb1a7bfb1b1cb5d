"""A property over every output format: any text in any text field of an answers file or a
rubric keeps the report well-formed and inert (XML parses, CSV has no formula-leading cell,
no control character or workflow command reaches a terminal, Markdown or GitHub line; see
tests/output_checks.py), Markdown keeps its structure, and nothing exits 70."""

from __future__ import annotations

import functools
import re
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from cxmaturity.cli import app
from cxmaturity.escape.markdown import inline
from cxmaturity.report.formats import Context, Format, reporter
from cxmaturity.run.batch import Settings, assess_one

from ..conftest import cases
from ..fuzz.seeds import REPORT_ANSWERS, REPORT_RUBRIC
from ..fuzz.strategies import text_paths, to_yaml, with_text
from ..output_checks import check_lines, check_output

FIELDS = ([("rubric", p) for p in text_paths(REPORT_RUBRIC)] + [("rubric", ("id",))]
          + [("answers", p) for p in text_paths(REPORT_ANSWERS)])
FORMATS = [f.value for f in Format]
_SGR = re.compile(r"\x1b\[[0-9;]*m")


def _run(field: tuple[str, tuple], text: str, output_format: str, batch: bool):  # type: ignore[no-untyped-def]
    kind, path = field
    rubric = with_text(REPORT_RUBRIC, path, text) if kind == "rubric" else REPORT_RUBRIC
    answers = with_text(REPORT_ANSWERS, path, text) if kind == "answers" else REPORT_ANSWERS
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        (base / ".git").mkdir()
        (base / "rubric.yaml").write_text(to_yaml(rubric), encoding="utf-8")
        (base / "sites").mkdir()
        answers_path = base / "sites" / "a.yaml"
        for name in ("a.yaml", "b.yaml") if batch else ("a.yaml",):
            (base / "sites" / name).write_text(to_yaml(answers), encoding="utf-8")
        target = str(base / "sites") if batch else str(answers_path)
        if output_format == "html" and batch:
            output_format = "markdown"
        result = CliRunner().invoke(app, ["assess", target, "-f", output_format,
                                          "--fail-under", "3", "--max-age", "30"])
        on_terminal = _on_terminal(answers_path) if not batch else ""
    return result, output_format, on_terminal


def _on_terminal(path: Path) -> str:
    """The `rich` report as a terminal gets it (colour on), without our colour codes."""
    outcome = assess_one(str(path), Settings(keep=True))
    report = reporter(Format.rich, Context(single=True, terminal=True, width=80))
    return _SGR.sub("", report.add(outcome) if not outcome.broken else "")


@functools.cache
def _markdown_shape(field: tuple[str, tuple], batch: bool) -> tuple[int, tuple[str, ...]]:
    """The exit code and Markdown block structure with an ordinary text in `field`."""
    result, _, _ = _run(field, "Plain words", "markdown", batch)
    return result.exit_code, _blocks(result.stdout)


def _blocks(text: str) -> tuple[str, ...]:
    from markdown_it import MarkdownIt

    return tuple(t.type for t in MarkdownIt("commonmark").enable("table").parse(text))


@settings(max_examples=cases(80))
@given(st.sampled_from(FIELDS), st.text(max_size=40), st.sampled_from(FORMATS), st.booleans())
def test_any_text_in_any_field_keeps_every_format_well_formed(
        field: tuple[str, tuple], text: str, output_format: str, batch: bool) -> None:
    result, shown_as, on_terminal = _run(field, text, output_format, batch)
    assert result.exit_code in (0, 1, 2), result.output
    assert "internal error" not in result.stderr
    check_lines(result.stderr)
    check_output(shown_as, result.stdout)
    check_lines(on_terminal)
    if shown_as == "markdown" and inline(text).strip():  # empty text may empty a list item
        code, shape = _markdown_shape(field, batch)
        if code == result.exit_code:
            assert _blocks(result.stdout) == shape, result.stdout
