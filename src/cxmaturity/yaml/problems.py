"""YAML syntax errors as located problems in our words: at the line where the mistake is
(PyYAML often notices it lines later), with what to do about it."""

from __future__ import annotations

import re

import yaml

from cxmaturity.errors import Problem

GENERIC_HINT = "check indentation, colons and quotes on that line"
#: A line that reads as `key: value` (or `- key: value`), inside a quoted string's text.
_KEY_LINE = re.compile(r"\n[ \t]*(?:- )?[\w-]+:(?:[ \t]|$)", re.MULTILINE)
_CLOSERS = {"{": "}", "[": "]"}
#: A line that YAML reads as the start of the next key: message and hint.
_NO_COLON = ("invalid YAML: this line is not `key: value` (no colon after the key)",
             "add `: ` after the key, or indent the line if it continues the value above")
#: A key's colon: followed by a space, or ending the text.
_VALUE_COLON = re.compile(r":(?:[ \t]|$)")


def syntax_problem(exc: yaml.MarkedYAMLError, text: str, file: str) -> Problem:
    """The problem a syntax error stands for, located where it can be fixed."""
    problem, context = exc.problem or "", exc.context or ""
    noticed, started = exc.problem_mark, exc.context_mark
    tab = _tab_in_indentation(text, noticed)
    if tab is not None:
        return Problem(file, "tabs are not allowed for indentation", *tab, hint="use spaces")
    if started is not None and "simple key" in context:
        return _at(file, started, *_NO_COLON)
    if started is not None and "quoted scalar" in context and "end of stream" in problem:
        return _at(file, started, "invalid YAML: this quote is never closed",
                   "add the closing quote")
    if started is not None and "flow" in context and noticed is not None \
            and noticed.line > started.line:
        opened = _character(text, started)
        return _at(file, started, f"invalid YAML: this `{opened}` is never closed",
                   f"close it with `{_CLOSERS.get(opened, opened)}`, or look for a missing "
                   "comma")
    runaway = _runaway_quote(text, noticed)
    if runaway is not None and noticed is not None:  # (a runaway is found only where noticed)
        return _at(file, runaway, "invalid YAML: this quote is not closed on its line, so the "
                   f"quoted text runs on to line {noticed.line + 1}",
                   "add the closing quote on this line")
    if "mapping values are not allowed" in problem and noticed is not None:
        stray = _stray_colon(file, text, noticed)
        if stray is not None:
            return stray
    message = f"invalid YAML: {context + ', ' if context else ''}{problem or 'syntax error'}"
    mark = noticed or started
    return Problem(file, message) if mark is None else _at(file, mark, message, GENERIC_HINT)


def _stray_colon(file: str, text: str, noticed: yaml.Mark) -> Problem | None:
    """A `key:` where YAML takes no key, told apart by its line: after another `key: ` on the
    same line (a value that holds a colon and a space); on a line indented deeper than the
    line above (which YAML reads as going on with the value above); or after a line with no
    colon at all (which YAML reads as the start of this key). None if it is none of these."""
    lines = text.splitlines()
    line = lines[noticed.line] if noticed.line < len(lines) else ""
    if _VALUE_COLON.search(line[:noticed.column]):
        return _at(file, noticed, "invalid YAML: this value holds `: ` (a colon and a space), "
                   "which YAML reads as the start of a key", "put the whole value in quotes, "
                   'e.g. `evidence: "Agents said: it helps"`')
    above = next(((number, lines[number]) for number in range(noticed.line - 1, -1, -1)
                  if lines[number].strip() and not lines[number].lstrip().startswith("#")),
                 None)
    if above is None:
        return None
    number, before = above
    if _indent(line) > _indent(before):
        return Problem(file, "invalid YAML: this line is indented more than the line above "
                       "it, so it cannot start a key of its own", noticed.line + 1,
                       _indent(line) + 1, hint="indent it like the keys beside it, or quote "
                       "the value above if this line belongs to it")
    if not _VALUE_COLON.search(before):
        return Problem(file, _NO_COLON[0], number + 1, _indent(before) + 1, hint=_NO_COLON[1])
    return None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _runaway_quote(text: str, noticed: yaml.Mark | None) -> yaml.Mark | None:
    """Where a quoted string opens that ends on the line where the error was noticed, having
    run over lines that read as keys (`date: ...`): the mark of a quote left open, whose
    text ran on to the next quote, which opened another string. A string that merely
    spans lines, with no key inside, is left to the error's own place."""
    if noticed is None:
        return None
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if isinstance(token, yaml.ScalarToken) and token.style in ('"', "'") \
                    and token.start_mark.line < noticed.line == token.end_mark.line \
                    and _KEY_LINE.search(text, token.start_mark.index, token.end_mark.index):
                opened: yaml.Mark = token.start_mark
                return opened
            if token.start_mark.line > noticed.line:
                break
    except yaml.YAMLError:
        pass
    return None


def _at(file: str, mark: yaml.Mark, message: str, hint: str) -> Problem:
    return Problem(file, message, mark.line + 1, mark.column + 1, hint=hint)


def _tab_in_indentation(text: str, mark: yaml.Mark | None) -> tuple[int, int] | None:
    """Line and column of a tab in the indentation of the line an error was noticed on."""
    if mark is None:
        return None
    lines = text.splitlines()
    if mark.line >= len(lines):
        return None
    line = lines[mark.line]
    indentation = line[:len(line) - len(line.lstrip(" \t"))]
    return (mark.line + 1, indentation.index("\t") + 1) if "\t" in indentation else None


def _character(text: str, mark: yaml.Mark) -> str:
    lines = text.splitlines()
    if mark.line < len(lines) and mark.column < len(lines[mark.line]):
        return lines[mark.line][mark.column]
    return "{"


#: Line breaks as YAML (and libyaml's marks) count them.
LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def character_problem(exc: yaml.reader.ReaderError, text: str, file: str) -> Problem:
    """A character YAML forbids (a control character, say), located from its offset."""
    before = LINE_BREAK.split(text[:max(0, min(exc.position, len(text)))])
    line, column = len(before), len(before[-1]) + 1
    code = exc.character if isinstance(exc.character, int) else ord(exc.character)
    return Problem(file, f"invalid YAML: character U+{code:04X} is not allowed", line, column,
                   hint='remove it, or write it in a quoted string as an escape such as '
                   '"\\u0007"')
