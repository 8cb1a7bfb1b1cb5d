"""Inputs named on the command line: files, folders searched for them (the one search every
command uses), and `-` for standard input, read once by the command line and handed in as
bytes."""

from __future__ import annotations

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


def collect_inputs(arguments: Sequence[str], suffixes: tuple[str, ...] = SUFFIXES) -> list[str]:
    """The files to score: files as named, files ending in `suffixes` (`*.yaml`/`*.yml`)
    under folders (recursively, hidden names skipped), `-` first, the rest sorted by path
    and without repeats."""
    found: set[str] = set()
    for argument in arguments:
        if argument != STDIN and os.path.isdir(argument):
            found.update(_walk(argument, suffixes))
        elif argument != STDIN:
            found.add(argument)
    ordered = sorted(found, key=lambda p: Path(p).parts)
    return [STDIN, *ordered] if STDIN in arguments else ordered


def _walk(top: str, suffixes: tuple[str, ...]) -> Iterator[str]:
    """Answers files under `top`, at any depth (the walk keeps its own stack, so a tree
    thousands of folders deep is no problem); symbolic links to folders are not followed
    (so a link loop cannot trap the walk). A folder that cannot be listed, or a `*.yaml`
    link that cannot be followed (a loop), is yielded itself, to be reported when read."""
    pending = [top]
    while pending:
        folder = pending.pop()
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError:
            yield folder
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_dir(follow_symlinks=False):
                pending.append(entry.path)
            elif entry.name.endswith(suffixes) and _is_file(entry):
                yield entry.path


def _is_file(entry: os.DirEntry[str]) -> bool:
    """A regular file, or a link that cannot be followed (a loop); not a link to a folder,
    a dangling link, a pipe or a device."""
    try:
        return entry.is_file()
    except OSError:
        return True




def named_inputs(arguments: Sequence[str], suffixes: tuple[str, ...] = SUFFIXES) -> list[str]:
    """:func:`collect_inputs`, or UsageError when the arguments name no file at all (only
    folders without a file ending in `suffixes`)."""
    found = collect_inputs(arguments, suffixes)
    if not found:
        endings = " or ".join(f"*{suffix}" for suffix in suffixes)
        raise UsageError([Problem(", ".join(arguments), f"no {endings} files found",
                                  hint="name the folder that holds the answers files")])
    return found


def read_document(argument: str, stdin: bytes | None = None) -> YamlDocument:
    """The document an argument names: a file, or `stdin` (the bytes of standard input) for
    `-`."""
    if argument == STDIN:
        return parse_bytes(stdin or b"", STDIN_NAME)
    return read_yaml_file(argument)


def base_folder(argument: str) -> Path:
    """The folder that paths inside the document are relative to: the file's own, or the
    current folder for standard input."""
    return Path(".") if argument == STDIN else Path(argument).parent


def argument_for(file: str) -> str:
    """How to name a document's file again on a command line (`-` for standard input)."""
    return STDIN if file == STDIN_NAME else file
