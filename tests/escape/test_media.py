"""Each output medium's escaping (src/cxmaturity/escape/), on the inputs that steered them."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest

from cxmaturity.escape import (
    controls,
    github,
    html,
    jsondoc,
    markdown,
    spreadsheet,
    terminal,
    xml10,
)

#: Text that steered a terminal, a log, a spreadsheet or a Markdown renderer (issue 11).
HOSTILE = ("\x1b[2J\x1b]8;;https://x.example\x1b\\link\x1b]8;;\x1b\\ \x1b]52;c;ZXZpbA==\x07"
           "\u009b31m \u202egnp.exe\u202c [/x] [link=https://x.example]hi[/link] :smile:\n"
           "::stop-commands::t ##[add-mask]s\r=1+1 ![i](https://t.example/p.png) <img src=x>"
           "\n# heading `code` | cell \ufffe \udcff")


def test_controls_are_shown_not_obeyed() -> None:
    shown = controls.visible(HOSTILE)
    assert not controls.has_steering(shown)
    assert "\\x1b[2J" in shown and "\\x9b31m" in shown and "\\u202e" in shown
    assert "\\n" in shown and "\\r" in shown and "\\ufffe" in shown
    assert "\\xff" in shown  # an undecodable file-name byte, as the byte


def test_newlines_may_be_kept() -> None:
    assert controls.visible("a\nb\x1b", newlines=True) == "a\nb\\x1b"


def test_workflow_command_sequences_are_broken() -> None:
    text = controls.defanged(":::a ##[x ::y")
    assert "::" not in text and "##[" not in text


@pytest.mark.parametrize("value", [HOSTILE, "::error::x", "  ::warning::y", ":::", "##[x"])
def test_terminal_lines_steer_nothing(value: str) -> None:
    for shown in (terminal.line(value), terminal.prose(value)):
        assert "\n" not in shown and not controls.has_steering(shown)
        assert not shown.lstrip().startswith("::") and "##[" not in shown


def test_prose_folds_line_breaks_and_names_keep_them_visible() -> None:
    assert terminal.prose("a\n  b\tc") == "a b c"
    assert terminal.line("a\nb") == "a\\nb"


def test_rich_never_reads_markup_or_emoji_codes_from_data() -> None:
    buffer = io.StringIO()
    terminal.console(file=buffer, width=200, no_color=True).print(
        terminal.text("[/x] [link=https://x.example]hi[/link] :smile: [bold]b[/bold]"))
    assert buffer.getvalue().strip() == "[/x] [link=https://x.example]hi[/link] :smile: " \
        "[bold]b[/bold]"


def test_rich_console_reads_no_markup_in_plain_strings() -> None:
    buffer = io.StringIO()
    terminal.console(file=buffer, width=200, no_color=True).print("[/x] :smile:")
    assert buffer.getvalue().strip() == "[/x] :smile:"


def test_markdown_inline_opens_no_construct() -> None:
    from markdown_it import MarkdownIt

    cell = markdown.inline(HOSTILE)
    tokens = MarkdownIt("commonmark").enable("table").parse(f"| a |\n|---|\n| {cell} |\n")
    kinds = {t.type for t in tokens} | {c.type for t in tokens for c in t.children or ()}
    assert not kinds & {"link_open", "image", "html_inline", "html_block", "heading_open",
                        "code_inline", "em_open", "strong_open"}
    assert sum(t.type == "td_open" for t in tokens) == 1
    assert "\n" not in cell and not controls.has_steering(cell)


@pytest.mark.parametrize("value", ["# title", "- item", "+ item", "1. one", "2) two",
                                   "> quote", "    code", "***", "<div>x</div>"])
def test_markdown_inline_starts_no_block(value: str) -> None:
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").parse(f"- {markdown.inline(value)}\n")
    assert [t.type for t in tokens] == ["bullet_list_open", "list_item_open", "paragraph_open",
                                        "inline", "paragraph_close", "list_item_close",
                                        "bullet_list_close"]


@pytest.mark.parametrize("value", ["---", "-- -", "===", "= =", "___", "***", "-", "="])
def test_markdown_inline_on_a_line_of_its_own_is_no_rule_or_underline(value: str) -> None:
    """A rubric step or summary of `---` became a horizontal rule (a review); `===` under a
    line of text would make it a heading."""
    from markdown_it import MarkdownIt

    for page in (f"{markdown.inline(value)}\n", f"Text above\n{markdown.inline(value)}\n"):
        tokens = MarkdownIt("commonmark").parse(page)
        assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"], page


def test_markdown_keeps_ordinary_text_readable() -> None:
    assert markdown.inline("AI Bolt-On 2.00 (north)") == "AI Bolt-On 2.00 (north)"


def test_a_name_ending_in_a_line_break_still_closes_its_emphasis() -> None:
    """A YAML block scalar ends in a line break; folded to a space it left `**Name **`, which
    CommonMark shows with its asterisks."""
    from markdown_it import MarkdownIt

    name = markdown.inline("Data and context\n")
    html = MarkdownIt("commonmark").render(f"**{name}**\n")
    assert html == "<p><strong>Data and context</strong></p>\n"


@pytest.mark.parametrize("value", ["a`b", "``x", "`", "a|b", ""])
def test_markdown_code_spans_hold_their_text(value: str) -> None:
    from markdown_it import MarkdownIt

    span = markdown.code(value)
    tokens = MarkdownIt("commonmark").parseInline(span)[0].children or []
    assert [t.type for t in tokens] == ["code_inline"]
    assert tokens[0].content.strip(" ") == value.replace("|", "\\|").strip(" ")


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", " =1",
                                   "=HYPERLINK(\"http://x\")"])
def test_spreadsheet_cells_are_never_formulas(value: str) -> None:
    text = spreadsheet.cell(value)
    assert text.startswith("'") or text.startswith("\\")
    buffer = io.StringIO()
    csv.writer(buffer).writerow([text, "x"])
    assert next(csv.reader(io.StringIO(buffer.getvalue())))[0] == text


def test_spreadsheet_cells_are_one_line() -> None:
    assert "\n" not in spreadsheet.cell("a\nb") and "\x1b" not in spreadsheet.cell("\x1b")


def test_xml_is_well_formed_whatever_the_text() -> None:
    document = (f"<a b={xml10.attribute(HOSTILE)}>{xml10.text(HOSTILE, newlines=True)}"
                f"<c>{xml10.text(HOSTILE)}</c></a>")
    root = ET.fromstring(document)
    assert "\n" not in document and "##[" not in document
    assert root.text is not None and "\n" in root.text  # kept, as a character reference


def test_html_finalize_escapes_text_and_keeps_numbers() -> None:
    shown = str(html.finalize("<b>\x1b\n##[x"))
    assert shown == "&lt;b&gt;\\x1b&#10;##&#91;x"
    assert html.finalize(3) == 3


def test_json_keeps_the_data_and_is_inert() -> None:
    original = json.dumps({"a": HOSTILE.replace("\udcff", "")}, ensure_ascii=False)
    inert = jsondoc.document(original)
    assert json.loads(inert) == json.loads(original)
    assert "##[" not in inert and not controls.BEYOND_C0.search(inert)


def test_github_commands_keep_data_in_its_field() -> None:
    line = github.annotation("error", HOSTILE, title="t", file="::a,b:c\n.yaml", line=3)
    assert line.endswith("\n") and line.count("\n") == 1
    head, _, message = line[2:].partition("::")
    assert head.startswith("error file=%3A%3Aa%2Cb%3Ac%0A.yaml,line=3,title=t")
    assert "%0A" in message and not controls.has_steering(message.removesuffix("\n"))


def test_json_escapes_delete_though_it_is_ascii() -> None:
    # Found by the thorough property run: a plain-ASCII shortcut let DEL through.
    assert jsondoc.document('{"a": "x\x7fy"}') == '{"a": "x\\u007fy"}'
