"""The characters that steer a display instead of being read, and how every medium shows them.

A terminal obeys escape sequences (ESC, CSI as U+009B, OSC links and clipboard writes), a
log or a table breaks on a line break, and bidirectional overrides reorder what a reviewer
reads ("Trojan Source"). Such a character in text from others is shown as an escape,
`\\x1b` or `\\u202e`, so it stays visible and inert. A byte of a file name that is not UTF-8
(Python keeps it as a lone surrogate) is shown as the byte, `\\xff`. Every medium module
starts from :func:`visible`; JSON alone keeps the exact text, encoded by JSON's own rules.

GitHub Actions reads a log line that starts with `::` (after spaces) or holds `##[` anywhere
as a workflow command. :func:`defanged` breaks both sequences in text from others with a
backslash, so no wrapping or placement can start a command from data.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable


class Pattern:
    """A regular expression compiled when first used. Compiling these classes of characters
    beyond Latin-1 takes about 2 ms together, which a run that writes only JSON need not pay
    on every start (docs/performance.md)."""

    def __init__(self, source: str) -> None:
        self.source = source

    @functools.cached_property
    def compiled(self) -> re.Pattern[str]:
        return re.compile(self.source)

    def search(self, text: str) -> re.Match[str] | None:
        return self.compiled.search(text)

    def sub(self, replacement: str | Callable[[re.Match[str]], str], text: str) -> str:
        return self.compiled.sub(replacement, text)


#: C0 controls, DEL and C1 controls; bidirectional marks and overrides; line and paragraph
#: separators; lone surrogates (undecodable file-name bytes); the two non-characters
#: U+FFFE and U+FFFF, which XML 1.0 also forbids.
_BEYOND_C0 = ("\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029"
              "\ud800-\udfff\ufffe\uffff")
STEERING = Pattern(f"[\x00-\x1f{_BEYOND_C0}]")
#: The steering characters other than C0 controls (which JSON and others escape already).
BEYOND_C0 = Pattern(f"[{_BEYOND_C0}]")
_WITHOUT_NEWLINE = Pattern(f"[\x00-\x09\x0b-\x1f{_BEYOND_C0}]")
_BREAKS = Pattern("[ \t\n\r\f\v\x85\u2028\u2029]*[\t\n\r\f\v\x85\u2028\u2029]"
                  "[ \t\n\r\f\v\x85\u2028\u2029]*")
_SURROGATE = Pattern("[\ud800-\udfff]")
_COMMAND_START = Pattern(r"(?<=:):")
_LEGACY_COMMAND = "##["
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def shown(character: str) -> str:
    """How one steering character is written instead: `\\n`, `\\t`, `\\x1b`, `\\u202e`,
    or `\\xff` for an undecodable byte of a file name."""
    if character in _NAMED:
        return _NAMED[character]
    code = ord(character)
    if 0xDC80 <= code <= 0xDCFF:  # os.fsdecode's surrogateescape of one byte
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def visible(text: str, *, newlines: bool = False) -> str:
    """`text` with every steering character written as an escape (line breaks kept when
    `newlines`)."""
    pattern = _WITHOUT_NEWLINE if newlines else STEERING
    return pattern.sub(lambda match: shown(match.group()), text)


def folded(text: str) -> str:
    """`text` on one line: each run of line breaks and tabs (with the spaces around it) becomes
    one space. For running text; names and keys keep their breaks, shown by :func:`visible`."""
    return _BREAKS.sub(" ", text)


def defanged(text: str) -> str:
    """`text` with `::` and `##[` broken by a backslash (`:\\:`, `##\\[`), so that no part of
    it can be read as a GitHub workflow command wherever it lands on a line."""
    return _COMMAND_START.sub(r"\\:", text).replace(_LEGACY_COMMAND, "##\\[")


def has_steering(text: str, *, newlines: bool = False) -> bool:
    """Whether `text` holds a character :func:`visible` would escape."""
    pattern = _WITHOUT_NEWLINE if newlines else STEERING
    return pattern.search(text) is not None


def without_surrogates(text: str) -> str:
    """`text` (a file name) with each byte that was not UTF-8 written as `\\xff`, so that it
    can be written to any output; the rest is kept exactly."""
    return _SURROGATE.sub(lambda match: shown(match.group()), text)
