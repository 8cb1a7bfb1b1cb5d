"""What every output of cxmaturity must be, whatever text from others it carries: well-formed
in its format, and inert in a terminal, a CI log, a spreadsheet and a Markdown renderer.
Shared by the hostile corpus (tests/cli/test_hostile.py), the property test
(tests/report/test_output_safety.py) and the long fuzz run (tests/fuzz/)."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET

from cxmaturity.escape.controls import BEYOND_C0, STEERING
from cxmaturity.escape.spreadsheet import FORMULA_START

#: A cell cxmaturity computed (a level, score or share), which may start with a minus sign.
_NUMBER = re.compile(r"^-?\d+(\.\d+)?(e[-+]?\d+)?$")
_ANNOTATION = re.compile(r"^::error file=[^:,\n]*(,line=\d+(,col=\d+)?)?,title=[^:,\n]*::")
_OWN_HTML = {"<sub>", "</sub>"}


def check_lines(text: str) -> None:
    """Plain text for a terminal or a log: no control character but line breaks, no line that
    a GitHub runner reads as a command."""
    assert not STEERING.search(text.replace("\n", "")), repr(text)
    assert "##[" not in text, text
    for line in text.splitlines():
        assert not line.lstrip().startswith("::"), line


def check_markdown(text: str) -> None:
    """Markdown whose links, images and HTML are only ours (none, and `<sub>`)."""
    from markdown_it import MarkdownIt

    check_lines(text)
    for token in MarkdownIt("commonmark").enable("table").parse(text):
        for inner in [token, *(token.children or ())]:
            assert inner.type not in ("link_open", "image", "html_block"), inner
            if inner.type == "html_inline":
                assert inner.content in _OWN_HTML, inner


def check_csv(text: str) -> None:
    assert "\r" not in text and "##[" not in text
    assert not STEERING.search(text.replace("\n", ""))
    for row in csv.reader(io.StringIO(text)):
        for cell in row:
            assert _NUMBER.match(cell) or not cell.lstrip(" ").startswith(FORMULA_START), cell


def check_json(text: str, *, lines: bool = False) -> None:
    for document in text.splitlines() if lines else [text]:
        json.loads(document)
    assert "##[" not in text and not BEYOND_C0.search(text)


def check_junit(text: str) -> None:
    ET.fromstring(text)
    assert "##[" not in text and not STEERING.search(text.replace("\n", ""))


def check_github(text: str) -> None:
    for line in text.splitlines():
        assert not STEERING.search(line), repr(line)
        if line.startswith("::"):
            assert _ANNOTATION.match(line), line
        else:
            check_lines(line)


def check_html(text: str) -> None:
    assert "##[" not in text and not STEERING.search(text.replace("\n", ""))
    for tag in ("<script", "<img", "<iframe", "<a "):
        assert tag not in text.lower(), tag


CHECKS = {"rich": check_lines, "text": check_lines, "markdown": check_markdown,
          "csv": check_csv, "json": check_json, "jsonl": lambda t: check_json(t, lines=True),
          "junit": check_junit, "github": check_github, "html": check_html}


def check_output(output_format: str, text: str) -> None:
    """Assert that `text`, the report in `output_format`, is well-formed and inert."""
    if text:
        CHECKS[output_format](text)
