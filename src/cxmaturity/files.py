"""Writing output files safely: whole or not at all."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from cxmaturity.errors import InputError, Problem


def write_atomic(path: Path, text: str) -> None:
    """Write `text` to `path` through a temporary file and a rename, so readers never see a
    half-written file and a failure leaves any previous file untouched."""
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise InputError([Problem(str(path), f"cannot write here: {exc.strerror}",
                                  hint="check that the folder exists and is writable")]) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except OSError as exc:
        os.unlink(temp)
        raise InputError([Problem(str(path), f"cannot write: {exc.strerror}")]) from None
    except BaseException:
        os.unlink(temp)
        raise
