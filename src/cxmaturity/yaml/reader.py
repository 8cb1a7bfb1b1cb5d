"""A strict, safe YAML reader that remembers where every value came from.

It accepts one document of plain mappings, sequences and scalars, resolves
scalars by YAML 1.2 rules (so `yes`, `no`, `on`, `off` stay words and dates stay
text), and rejects what a hand-written file never needs: duplicate keys, several
documents, anchors and aliases, tags, and absurd sizes or nesting.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from typing import Any, BinaryIO, NamedTuple, NoReturn

import yaml

from cxmaturity.errors import EmptyFile, InputError, Problem
from cxmaturity.escape.controls import without_surrogates
from cxmaturity.yaml import fast
from cxmaturity.yaml.problems import LINE_BREAK, character_problem, syntax_problem
from cxmaturity.yaml.scalars import (
    MAX_BYTES,
    MAX_DEPTH,
    MAX_DIGITS,
    MAX_NODES,
    MAX_STRING,
    Mark,
    Path,
    TooManyDigits,
    dotted,
    resolve_plain,
)

_BaseLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STD = "tag:yaml.org,2002:"


class YamlDocument:
    """A parsed document and where each value and key sits in the file.

    `values` and `keys` map a path to its mark. Read through the fast path, they are
    worked out from the parse tree only when first asked for (usually to report an error).
    """

    def __init__(self, file: str, value: Any, values: dict[Path, Mark] | None = None,
                 keys: dict[Path, Mark] | None = None, *, tree: Any = None) -> None:
        self.file = file
        self.value = value
        self._values = values
        self._keys = keys
        self._tree = tree

    @property
    def values(self) -> dict[Path, Mark]:
        """Where each value starts, by key path (worked out on first use)."""
        return self._marks()[0]

    @property
    def keys(self) -> dict[Path, Mark]:
        """Where each mapping key starts, by key path (worked out on first use)."""
        return self._marks()[1]

    def _marks(self) -> tuple[dict[Path, Mark], dict[Path, Mark]]:
        if self._values is None or self._keys is None:
            self._index()
        assert self._values is not None and self._keys is not None
        return self._values, self._keys

    def sub(self, prefix: Path, value: Any) -> YamlDocument:
        """`value`, found under `prefix` in this file, as a document of its own whose
        marks are those of this file."""
        size = len(prefix)
        return YamlDocument(
            self.file, value,
            {path[size:]: mark for path, mark in self.values.items() if path[:size] == prefix},
            {path[size:]: mark for path, mark in self.keys.items() if path[:size] == prefix})

    def _index(self) -> None:
        self._values, self._keys = {}, {}
        if self._tree is not None:
            fast.index_tree(self._tree, self._values, self._keys)

    def locate(self, path: Path, *, prefer_key: bool = False) -> Mark | None:
        """The mark of the deepest known prefix of `path`."""
        for end in range(len(path), -1, -1):
            prefix = path[:end]
            table = (self.keys, self.values) if prefer_key else (self.values, self.keys)
            for marks in table:
                if prefix in marks:
                    return marks[prefix]
        return None


def _mark(event: yaml.Event) -> Mark:
    start = event.start_mark
    return Mark(start.line + 1, start.column + 1) if start else Mark(1, 1)


class _Frame:
    """An open mapping or sequence while events stream in."""

    __slots__ = ("container", "key", "path")

    def __init__(self, container: dict[Any, Any] | list[Any], path: Path) -> None:
        self.container = container
        self.path = path
        self.key: Any = _NO_KEY


_NO_KEY = object()


class _Builder:
    """Builds plain Python values from parser events, without recursion, recording marks."""

    def __init__(self, doc: YamlDocument) -> None:
        self.doc = doc
        self.count = 0

    def fail(self, event: yaml.Event, message: str, path: Path,
             hint: str | None = None) -> NoReturn:
        mark = _mark(event)
        raise InputError(
            [Problem(self.doc.file, message, mark.line, mark.column, dotted(path) or None, hint)]
        )

    def run(self, loader: Any) -> Any:
        stack: list[_Frame] = []
        root: list[Any] = []
        documents = 0
        while True:
            event = loader.get_event()
            if isinstance(event, yaml.StreamEndEvent):
                break
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    self.fail(event, "the file holds more than one YAML document (a second "
                              "`---`)", (), "keep one assessment per file")
                continue
            if isinstance(event, (yaml.StreamStartEvent, yaml.DocumentEndEvent)):
                continue
            if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                stack.pop()
                continue
            frame = stack[-1] if stack else None
            if frame is not None and isinstance(frame.container, dict) and frame.key is _NO_KEY:
                frame.key = self.key(event, frame)
                continue
            path = self.child_path(frame)
            value = self.node(event, path, len(stack))
            if isinstance(value, (dict, list)):
                stack.append(_Frame(value, path))
            self.attach(frame, root, value)
        if not root:
            raise EmptyFile([Problem(self.doc.file, "file is empty", 1, 1,
                                     hint="start from `cxmaturity template`")])
        return root[0]

    def child_path(self, frame: _Frame | None) -> Path:
        if frame is None:
            return ()
        if isinstance(frame.container, dict):
            return (*frame.path, frame.key)
        return (*frame.path, len(frame.container))

    @staticmethod
    def attach(frame: _Frame | None, root: list[Any], value: Any) -> None:
        if frame is None:
            root.append(value)
        elif isinstance(frame.container, dict):
            frame.container[frame.key] = value
            frame.key = _NO_KEY
        else:
            frame.container.append(value)

    def key(self, event: yaml.Event, frame: _Frame) -> Any:
        if not isinstance(event, yaml.ScalarEvent):
            self.fail(event, "a key must be a plain word or number", frame.path)
        key = self.scalar(event, frame.path)
        if isinstance(key, (bool, float)) or key is None:
            key = event.value
        path = (*frame.path, key)
        if key in frame.container:
            first = self.doc.keys[path]
            self.fail(event, f"duplicate key {key!r} (first at line {first.line})", path,
                      "keep one of the two")
        self.doc.keys[path] = _mark(event)
        return key

    def node(self, event: yaml.Event, path: Path, depth: int) -> Any:
        if isinstance(event, yaml.AliasEvent):
            self.fail(event, "YAML aliases (*name) are not supported", path,
                      "write the value out in full")
        if getattr(event, "anchor", None):
            self.fail(event, "YAML anchors (&name) are not supported", path,
                      "write the value out in full")
        self.count += 1
        if self.count > MAX_NODES:
            self.fail(event, f"the file has more than {MAX_NODES} values", path)
        if depth >= MAX_DEPTH:
            self.fail(event, f"nesting is deeper than {MAX_DEPTH} levels", path)
        self.doc.values[path] = _mark(event)
        if isinstance(event, yaml.MappingStartEvent):
            self.no_tag(event, path)
            return {}
        if isinstance(event, yaml.SequenceStartEvent):
            self.no_tag(event, path)
            return []
        assert isinstance(event, yaml.ScalarEvent)
        return self.scalar(event, path)

    def no_tag(self, event: yaml.Event, path: Path) -> None:
        tag = getattr(event, "tag", None)
        allowed = (None, "!", _STD + "str") if isinstance(event, yaml.ScalarEvent) else (None,)
        if tag not in allowed:
            self.fail(event, f"YAML tags such as {tag!r} are not supported", path,
                      "remove the tag")

    def scalar(self, event: yaml.ScalarEvent, path: Path) -> Any:
        text: str = event.value
        if len(text) > MAX_STRING:
            self.fail(event, f"a value is longer than {MAX_STRING} characters", path)
        self.no_tag(event, path)
        if event.implicit[0] and event.tag is None:
            try:
                return resolve_plain(text)
            except TooManyDigits:
                self.fail(event, f"a number has more than {MAX_DIGITS} digits", path,
                          "put it in quotes if it is text")
        return text


def parse_yaml(text: str, file: str) -> YamlDocument:
    """Parse `text` (read from `file`) into a located document, or raise InputError."""
    if len(text) > MAX_BYTES:
        raise InputError([Problem(file, f"file is larger than {MAX_BYTES} bytes",
                                  hint="split it or remove what is not an answer")])
    if fast.fast_path_safe(text):
        try:
            tree = fast.compose(text)
            if tree is not None:
                return YamlDocument(file, fast.build(tree), tree=tree)
        except (fast.Fallback, yaml.YAMLError):
            pass  # the event reader below gives the exact, located message
    doc = YamlDocument(file, None, {}, {})
    loader = _BaseLoader(text)
    try:
        doc.value = _Builder(doc).run(loader)
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(exc, text, file) from None
    except yaml.reader.ReaderError as exc:
        raise InputError([character_problem(exc, text, file)]) from None
    finally:
        loader.dispose()
    return doc


def _syntax_error(exc: yaml.MarkedYAMLError, text: str, file: str) -> InputError:
    if "nesting" in (exc.problem or ""):
        # PyYAML 6.0.4 and later stop deep flow nesting in the scanner, which reads ahead
        # of the depth check in _Builder.node; the limit is ours either way.
        mark = exc.problem_mark or exc.context_mark
        return InputError([Problem(file, f"nesting is deeper than {MAX_DEPTH} levels",
                                   mark.line + 1 if mark else None,
                                   mark.column + 1 if mark else None, hint="flatten the file")])
    return InputError([syntax_problem(exc, text, file)])


def read_yaml_file(path: str, display: str | None = None) -> YamlDocument:
    """Read and parse a file, turning OS and encoding errors into InputError. The file is
    shown as `display`, by default its path with any byte that is not UTF-8 as `\\xff`."""
    shown = display or without_surrogates(path)
    return parse_bytes(read_limited(path, shown), shown)


def read_limited(path: str, shown: str) -> bytes:
    """At most `MAX_BYTES + 1` bytes of a file (so a huge file costs no memory), or InputError.
    A regular file is read in one piece of its own size; anything else (a pipe, a file that
    grows while it is read) in pieces, up to the limit."""
    try:
        with open(path, "rb", buffering=0) as handle:
            status = os.fstat(handle.fileno())
            return _read_up_to(handle, MAX_BYTES + 1, status.st_size + 1,
                               regular=stat.S_ISREG(status.st_mode))
    except FileNotFoundError:
        raise InputError([Problem(shown, "file not found")]) from None
    except IsADirectoryError:
        raise InputError([Problem(shown, "is a directory, not a file")]) from None
    except OSError as exc:
        raise InputError([Problem(shown, f"cannot read file: {exc.strerror}")]) from None


def _read_up_to(handle: BinaryIO, limit: int, first: int, *, regular: bool) -> bytes:
    """Bytes of `handle` until its end or `limit`, asking first for `first` bytes. A regular
    file that gives less than asked for has ended (no second read to find that out)."""
    pieces: list[bytes] = []
    total = 0
    size = min(first, limit)
    while total < limit:
        asked = min(size, limit - total)
        piece = handle.read(asked)
        if not piece:
            break
        pieces.append(piece)
        total += len(piece)
        if regular and len(piece) < asked:
            break
        size = 1 << 16
    return pieces[0] if len(pieces) == 1 else b"".join(pieces)


def parse_bytes(raw: bytes, file: str) -> YamlDocument:
    """Decode UTF-8 (with or without BOM) and parse."""
    return parse_yaml(text_of(raw, file), file)


def text_of(raw: bytes, file: str) -> str:
    """The text of an input file's bytes (at most `MAX_BYTES`, as :func:`read_limited` reads
    them), or InputError: too large, or not UTF-8 (:func:`decode_utf8`)."""
    if len(raw) > MAX_BYTES:
        raise InputError([Problem(file, f"file is larger than {MAX_BYTES} bytes")])
    return decode_utf8(raw, file)


class BadByte(NamedTuple):
    """The first byte of a file that is not UTF-8: its value, offset in the file, and line
    and column (in characters)."""

    value: int
    offset: int
    line: int
    column: int


def bad_byte(raw: bytes, error: UnicodeDecodeError,
             breaks: re.Pattern[str] = LINE_BREAK) -> BadByte:
    """Where `error` (from decoding `raw` as `utf-8-sig`, which counts after a byte order
    mark) found its byte, lines counted at `breaks` (YAML's line breaks by default)."""
    bom = len(codecs.BOM_UTF8) if raw.startswith(codecs.BOM_UTF8) else 0
    offset = bom + error.start
    before = breaks.split(raw[bom:offset].decode("utf-8"))
    return BadByte(raw[offset], offset, len(before), len(before[-1]) + 1)


def decode_utf8(raw: bytes, file: str) -> str:
    """`raw` as UTF-8 text, a byte order mark dropped; InputError at the line and column
    of the first byte that is not UTF-8 (:func:`bad_byte`), naming UTF-16 when the file
    starts with its byte order mark."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            problem = Problem(file, "UTF-16 text, not UTF-8", 1, 1, hint="save the file as "
                              "UTF-8 (in most editors: Save with Encoding)")
        else:
            bad = bad_byte(raw, exc)
            problem = Problem(file, f"not UTF-8 text (byte 0x{bad.value:02X} at offset "
                              f"{bad.offset})", bad.line, bad.column,
                              hint="save the file as UTF-8 (a Latin-1 or Windows-1252 accent "
                              "is the usual cause)")
        raise InputError([problem]) from None

