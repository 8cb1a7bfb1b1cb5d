"""Writing reports safely: a file appears whole or not at all, a device or pipe is written to
directly (never replaced by a file), and every write error is an expected failure.

A regular file is written to a temporary file beside it (`.NAME.cxmaturity-PID-XXXX.tmp`)
and renamed over it when complete. A run stopped by SIGTERM or Ctrl-C removes its temporary
files as it exits, whenever the signal came (each is recorded as it is created, with the
signals held, and an exit hook removes what is recorded); a run that is killed cannot, so
the next write to the same file removes those whose process has ended.
"""

from __future__ import annotations

import atexit
import contextlib
import glob
import itertools
import os
import signal
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

from cxmaturity.errors import OutputError, Problem

#: What marks a temporary file of ours, between the target's name and the process id.
TEMP_MARK = ".cxmaturity-"
#: Temporary files of this process not yet renamed into place or removed.
_PENDING: set[str] = set()


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """SIGINT and SIGTERM wait while a temporary file is created and recorded, so that
    neither can stop the run between the two (where the exit hook would miss the file)."""
    if not hasattr(signal, "pthread_sigmask"):  # pragma: no cover - not on POSIX
        yield
        return
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


@atexit.register
def _remove_pending() -> None:
    for temp in list(_PENDING):
        with contextlib.suppress(OSError):
            os.unlink(temp)
    _PENDING.clear()


def _mode_for(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _is_special(path: Path) -> bool:
    """Whether `path` exists as something other than a regular file or a folder (a device
    such as /dev/null, a named pipe, a socket)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def _failed(path: Path, exc: OSError, kept: bool) -> OutputError:
    hint = "the file was left as it was" if kept else None
    return OutputError([Problem(str(path), f"cannot write: {exc.strerror or exc}", hint=hint)])


class AtomicWriter:
    """A text file written piece by piece that appears at `path` only on :meth:`commit`;
    :meth:`discard` (or an exception inside a ``with`` block) leaves `path` untouched. A
    device or a named pipe at `path` is written to directly instead. With `skip_if_empty`,
    a ``with`` block that wrote no text leaves `path` untouched too (see :attr:`written`)."""

    def __init__(self, path: Path, *, skip_if_empty: bool = False) -> None:
        self.path = path
        self.direct = _is_special(path)
        self.skip_if_empty = skip_if_empty
        self.written = False
        """Whether any text was written."""
        self._temp: str | None = None
        if path.is_dir():
            raise OutputError([Problem(str(path), "is a folder, not a file",
                                       hint="name a file to write the report to")])
        try:
            if self.direct:
                self._handle = open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115
                return
            folder = path.parent if str(path.parent) else Path(".")
            remove_stale_temporaries(folder, path.name)
            with _signals_held():
                fd, self._temp = tempfile.mkstemp(
                    prefix=f".{path.name}{TEMP_MARK}{os.getpid()}-", suffix=".tmp", dir=folder)
                _PENDING.add(self._temp)
        except OSError as exc:
            raise OutputError([Problem(str(path), f"cannot write here: {exc.strerror}",
                                       hint="check that the folder exists and is writable")]
                              ) from None
        self._handle = os.fdopen(fd, "w", encoding="utf-8", newline="")

    def write(self, text: str) -> None:
        """Append `text` to the pending file."""
        self.written = self.written or bool(text)
        try:
            self._handle.write(text)
        except OSError as exc:
            self.discard()
            raise _failed(self.path, exc, kept=not self.direct) from None

    def commit(self) -> None:
        """Flush, sync and move the pending file into place, with the permissions a plain
        write would give (the existing file's, else 0666 less the umask)."""
        try:
            self._handle.flush()
            if not self.direct:
                os.fsync(self._handle.fileno())
            self._handle.close()
            if self._temp is not None:
                os.chmod(self._temp, _mode_for(self.path))
                os.replace(self._temp, self.path)
                _PENDING.discard(self._temp)
                self._temp = None
        except OSError as exc:
            self.discard()
            raise _failed(self.path, exc, kept=not self.direct) from None
        except BaseException:
            self.discard()
            raise

    def discard(self) -> None:
        """Drop the pending file; never raises (it runs while another error is handled)."""
        with contextlib.suppress(OSError):  # what could not be flushed goes with the file
            self._handle.close()
        if self._temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(self._temp)
            _PENDING.discard(self._temp)
            self._temp = None

    def __enter__(self) -> AtomicWriter:
        return self

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        if kind is None and (self.written or not self.skip_if_empty):
            self.commit()
        else:
            self.discard()


def write_atomic(path: Path, text: str) -> None:
    """Write `text` to `path` through a temporary file and a rename, so readers never see a
    half-written file and a failure leaves any previous file untouched."""
    with AtomicWriter(path) as writer:
        writer.write(text)


def keep_copy(path: Path, text: str) -> Path:
    """Write `text` to a new file beside `path`: `NAME.orig`, else the first free name of
    `NAME.orig.1`, `NAME.orig.2`, ... (names never run out, and no file is replaced)."""
    for number in itertools.count():
        copy = path.with_name(f"{path.name}.orig" + (f".{number}" if number else ""))
        try:
            fd = os.open(copy, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        except OSError as exc:
            raise _failed(copy, exc, kept=False) from None
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
        except OSError as exc:
            os.unlink(copy)
            raise _failed(copy, exc, kept=False) from None
        return copy
    raise AssertionError("unreachable")  # pragma: no cover


def remove_stale_temporaries(folder: Path, name: str) -> None:
    """Remove temporary files left for `folder/name` by runs that were killed (their process
    is gone); those of running processes are left alone."""
    prefix = str(folder / f".{name}{TEMP_MARK}")
    for found in glob.glob(glob.escape(prefix) + "*-*.tmp"):
        pid = found.removeprefix(prefix).partition("-")[0]
        if pid.isdigit() and not _alive(int(pid)):
            with contextlib.suppress(OSError):
                os.unlink(found)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # e.g. another user's process: alive
        return True
    return True


def entry_kind(path: Path) -> str:
    """What is at `path`: `file`, `folder`, `other` (a pipe, a device), `missing`, or why
    it cannot be told (a name too long, a link loop)."""
    try:
        mode = os.stat(path).st_mode
    except (FileNotFoundError, NotADirectoryError):
        return "missing"
    except OSError as exc:
        return exc.strerror or "unreadable"
    except ValueError:  # a NUL character in the name
        return "missing"
    return "file" if stat.S_ISREG(mode) else "folder" if stat.S_ISDIR(mode) else "other"
