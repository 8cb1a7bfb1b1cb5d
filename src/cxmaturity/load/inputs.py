"""Inputs named on the command line: files, folders searched for them (the one search every
command uses), and `-` for standard input, read once by the command line and handed in as
bytes."""

from __future__ import annotations

import heapq
import itertools
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from cxmaturity.errors import Problem, UsageError
from cxmaturity.yaml.reader import YamlDocument, parse_bytes, read_yaml_file

#: The argument that means "read one answers file from standard input".
STDIN = "-"
#: How standard input is named in reports.
STDIN_NAME = "<stdin>"
SUFFIXES = (".yaml", ".yml")
#: JSON Schemas for editors (`cxmaturity schema`), which may sit beside assessments.
SCHEMA_SUFFIX = ".schema.json"


def discover(arguments: Sequence[str], suffixes: tuple[str, ...] = SUFFIXES) -> Iterator[str]:
    """The files to score, one at a time: `-` first if given, then files as named and files
    ending in `suffixes` (`*.yaml`/`*.yml`) under folders (recursively, hidden names
    skipped), in path order (by `Path.parts`) and without repeats: a path named twice, or
    spelled two ways with the same parts (`a.yaml`, `./a.yaml`, `a//b.yaml`), comes once.

    Nothing is collected: each folder is listed and sorted when the walk reaches it, so
    memory holds the sorted listings of the folders on the current path, never every path. Several
    arguments stream side by side, merged in path order (docs/cli.md, "Inputs")."""
    if STDIN in arguments:
        yield STDIN
    named = [argument for argument in arguments if argument != STDIN]
    folders = [argument for argument in named if os.path.isdir(argument)]
    files = sorted(set(named).difference(folders), key=_order)
    streams = [*(_walk(folder, suffixes) for folder in folders), *([iter(files)] if files else [])]
    if len(streams) == 1 and not files:
        yield from streams[0]  # one folder's walk: in order and without repeats already
        return
    previous = None
    for parts, path in heapq.merge(*(map(_order, stream) for stream in streams)):
        if parts != previous:  # one path twice (`a.yaml`, `./a.yaml`): side by side
            yield path
        previous = parts


def _order(path: str) -> tuple[tuple[str, ...], str]:
    """Path order: by the parts of the path (so `a/b.yaml` comes before `a-1.yaml`), then by
    the text, to place two spellings of one path (`a//b.yaml`, `a/b.yaml`) one way."""
    return Path(path).parts, path


def collect_inputs(arguments: Sequence[str], suffixes: tuple[str, ...] = SUFFIXES) -> list[str]:
    """:func:`discover` as a list, for commands whose inputs are few by nature (merged
    interviews, a trend, a baseline folder)."""
    return list(discover(arguments, suffixes))


def _walk(top: str, suffixes: tuple[str, ...]) -> Iterator[str]:
    """Answers files under `top`, at any depth, in path order: the names in one folder,
    files and sub-folders alike, are sorted, and a sub-folder's files come where its name
    falls (`site/` before `site-1.yaml`, as `Path.parts` orders them). The walk keeps its
    own stack, so a tree thousands of folders deep is no problem. Symbolic links to folders
    are not followed (so a link loop cannot trap the walk). A folder that cannot be listed,
    or a `*.yaml` link that cannot be followed (a loop), is yielded itself, to be reported
    when read."""
    listing = _listing(top, suffixes)
    if listing is None:
        yield top
        return
    pending = [(top, *listing)]
    while pending:
        folder, names, subfolders = pending[-1]
        name = next(names, None)
        if name is None:
            pending.pop()
            continue
        path = os.path.join(folder, name)
        inner = _listing(path, suffixes) if name in subfolders else None
        if inner is None:
            yield path  # a file, or a folder that cannot be listed
        else:
            pending.append((path, *inner))


def _listing(folder: str, suffixes: tuple[str, ...]) -> tuple[Iterator[str], set[str]] | None:
    """The names in `folder` that the walk visits, sorted, and which of them are sub-folders
    (not links to folders); hidden names and files not ending in `suffixes` left out. None
    if the folder cannot be listed."""
    names: list[str] = []
    subfolders: set[str] = set()
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                if entry.is_dir(follow_symlinks=False):
                    subfolders.add(entry.name)
                    names.append(entry.name)
                elif entry.name.endswith(suffixes) and _is_file(entry):
                    names.append(entry.name)
    except OSError:
        return None
    names.sort()
    return iter(names), subfolders


def _is_file(entry: os.DirEntry[str]) -> bool:
    """A regular file, or a link that cannot be followed (a loop); not a link to a folder,
    a dangling link, a pipe or a device."""
    try:
        return entry.is_file()
    except OSError:
        return True


def named_inputs(arguments: Sequence[str],
                 suffixes: tuple[str, ...] = SUFFIXES) -> Iterator[str]:
    """:func:`discover`, or UsageError, raised here before anything is read, when the
    arguments name no file at all (only folders without a file ending in `suffixes`). The
    walk goes as far as the first file; the rest streams."""
    found = discover(arguments, suffixes)
    first = next(found, None)
    if first is None:
        endings = " or ".join(f"*{suffix}" for suffix in suffixes)
        raise UsageError([Problem(", ".join(arguments), f"no {endings} files found",
                                  hint="name the folder that holds the answers files")])
    return itertools.chain([first], found)


def read_document(argument: str, stdin: bytes | None = None) -> YamlDocument:
    """The document an argument names: a file, or `stdin` (the bytes of standard input) for
    `-`."""
    if argument == STDIN:
        return parse_bytes(stdin or b"", STDIN_NAME)
    return read_yaml_file(argument)


def base_folder(argument: str) -> Path:
    """The folder that paths inside the document are relative to: the file's own, or the
    current folder for standard input."""
    return Path(folder_of(argument))


def folder_of(argument: str) -> str:
    """The folder of an input as given (`.` for standard input and files named without
    one), found without building a `Path`: it is asked of every file of a batch."""
    return "." if argument == STDIN else os.path.dirname(argument) or "."


def argument_for(file: str) -> str:
    """How to name a document's file again on a command line (`-` for standard input)."""
    return STDIN if file == STDIN_NAME else file
