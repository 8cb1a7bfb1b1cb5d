"""Writing output files safely: whole or not at all."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from cxmaturity.errors import InputError, Problem


def _mode_for(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


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
        try:
            self._handle.write(text)
        except OSError as exc:
            self.discard()
            raise InputError([Problem(str(self.path), f"cannot write: {exc.strerror}")]
                             ) from None

    def commit(self) -> None:
        """Flush, sync and move the pending file into place, with the permissions a plain
        write would give (the existing file's, else 0666 less the umask)."""
        try:
            self._handle.flush()
            os.fsync(self._handle.fileno())
            self._handle.close()
            os.chmod(self._temp, _mode_for(self.path))
            os.replace(self._temp, self.path)
        except OSError as exc:
            self.discard()
            raise InputError([Problem(str(self.path), f"cannot write: {exc.strerror}")]
                             ) from None
        except BaseException:
            self.discard()
            raise

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


def write_atomic(path: Path, text: str) -> None:
    """Write `text` to `path` through a temporary file and a rename, so readers never see a
    half-written file and a failure leaves any previous file untouched."""
    with AtomicWriter(path) as writer:
        writer.write(text)
