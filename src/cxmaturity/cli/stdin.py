"""Standard input for the commands that take `-` as a file: read once, and at most as much
as any input may hold (so the reader's size limit applies as it does to a file)."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from cxmaturity.errors import Problem, UsageError
from cxmaturity.load.inputs import STDIN
from cxmaturity.yaml.scalars import MAX_BYTES


def read_stdin(arguments: Sequence[str]) -> bytes | None:
    """The bytes of standard input when `-` is among `arguments` (once at most), else None."""
    count = sum(argument == STDIN for argument in arguments)
    if count > 1:
        raise UsageError([Problem(STDIN, "standard input can be read only once",
                                  hint="give `-` for one of the files")])
    return sys.stdin.buffer.read(MAX_BYTES + 1) if count else None
