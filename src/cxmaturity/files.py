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


class AtomicWriter:
    """A text file written piece by piece that appears at `path` only on :meth:`commit`;
    :meth:`discard` (or an exception inside a ``with`` block) leaves `path` untouched."""

    def __init__(self, path: Path) -> None:
        self.path = path
        folder = path.parent if str(path.parent) else Path(".")
        try:
            fd, self._temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp",
                                              dir=folder)
        except OSError as exc:
            raise InputError([Problem(str(path), f"cannot write here: {exc.strerror}",
                                      hint="check that the folder exists and is writable")]
                             ) from None
        self._handle = os.fdopen(fd, "w", encoding="utf-8", newline="")

    def write(self, text: str) -> None:
        """Append `text` to the pending file."""
        self._handle.write(text)

    def commit(self) -> None:
        """Flush, sync and move the pending file into place."""
        try:
            self._handle.flush()
            os.fsync(self._handle.fileno())
            self._handle.close()
            os.replace(self._temp, self.path)
        except OSError as exc:
            self.discard()
            raise InputError([Problem(str(self.path), f"cannot write: {exc.strerror}")]
                             ) from None

    def discard(self) -> None:
        """Drop the pending file."""
        self._handle.close()
        if os.path.exists(self._temp):
            os.unlink(self._temp)

    def __enter__(self) -> AtomicWriter:
        return self

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        if kind is None:
            self.commit()
        else:
            self.discard()
