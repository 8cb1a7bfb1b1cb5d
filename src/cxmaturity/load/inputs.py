"""Inputs named on the command line: files, folders searched for them (by
:func:`cxmaturity.run.batch.collect_inputs`, the one search every command uses), and `-` for
standard input, read once by the command line and handed in as bytes."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from cxmaturity.errors import Problem, UsageError
from cxmaturity.run.batch import STDIN, STDIN_NAME, SUFFIXES, collect_inputs
from cxmaturity.yaml.reader import YamlDocument, parse_bytes, read_yaml_file


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
