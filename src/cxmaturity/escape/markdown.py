"""Text from others in GitHub-flavoured Markdown: a pull-request comment, a job summary, a wiki.

:func:`inline` makes any text one inert run of inline text: line breaks folded to spaces,
control characters shown as escapes, and every character that could open a construct
backslash-escaped, so data never makes a link, an image, raw HTML, a heading, a list item, a
table cell, a rule, emphasis or math. :func:`code` puts text in a code span it cannot leave. Not
prevented: GitHub may still show a bare web address as a link (with the address as its
text), turn `@name` into a mention and `#12` into an issue link, as in any text a person
writes in a comment.
"""

from __future__ import annotations

import re

from cxmaturity.escape.controls import defanged, folded, visible

#: Characters that open or close an inline construct anywhere in a line (CommonMark allows a
#: backslash before any ASCII punctuation); `#` also keeps `##[` out of a log.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&#$])")
#: A list item's marker at the start of the text (`- x`, `+ x`, `1. x`, `1) x`).
_LIST_MARKER = re.compile(r"^([-+]|\d{1,9}[.)])(?=\s|$)")
#: Text that would be a line of its own making a thematic break (`---`) or underlining the
#: line above as a heading (`===`): only `-`, `=` and spaces.
_RULE = re.compile(r"[-=][-= \t]*")
_BACKTICKS = re.compile(r"`+")


def inline(value: object) -> str:
    """`value` as inert inline Markdown, safe in a paragraph, a heading, a list item or a
    table cell."""
    flat = _SPECIAL.sub(r"\\\1", visible(folded(str(value))).strip(" "))
    flat = _LIST_MARKER.sub(lambda m: m.group()[:-1] + "\\" + m.group()[-1], flat)
    if _RULE.fullmatch(flat):
        flat = "\\" + flat
    return defanged(flat)


class Markdown(str):
    """Text already written as Markdown by this module (a template shows it as it is)."""


def finalize(value: object) -> object:
    """What a Markdown template shows for `value`: text as :func:`inline`, our own Markdown
    and numbers as they are."""
    if isinstance(value, str) and not isinstance(value, Markdown):
        return inline(value)
    return value


def code(value: object) -> str:
    """`value` as a code span: fenced by more backticks than it holds, pipes escaped for a
    table cell (GitHub reads `\\|` in a cell's code span as `|`)."""
    flat = defanged(visible(folded(str(value)))).replace("|", "\\|")
    fence = "`" * (1 + max((len(run) for run in _BACKTICKS.findall(flat)), default=0))
    pad = " " if flat.startswith("`") or flat.endswith("`") or not flat.strip() else ""
    return f"{fence}{pad}{flat}{pad}{fence}"
