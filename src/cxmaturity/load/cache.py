"""A cache of validated bundled rubrics: a single assessment neither parses nor validates the
rubric it is scored against, it reads the validated data back (docs/performance.md, "The
rubric cache").

An entry holds data only, never code: the rubric's fields as JSON, put back together with
pydantic's `model_construct` (no validation, so the rubric models' validators need never be
built). It is found by a key made of the content it stands for: the SHA-256 of the rubric
file's bytes, and a fingerprint of the code that reads rubrics (see :func:`fingerprint`).
An entry is used only if it is a regular file of this user that no one else may write, its
first line names its key and the SHA-256 of the rest, and the rest reads back into the
rubric's models; anything else is ignored (and replaced by the next run that validates the
rubric). Failing to write an entry is never an error.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import stat
import sys
import tempfile
import time
import types
import typing
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import pydantic
import pydantic_core
import yaml
from pydantic import BaseModel

from cxmaturity import __version__
from cxmaturity.model.rubric import Rubric

#: A folder for the cache instead of `$XDG_CACHE_HOME/cxmaturity` (or `~/.cache/cxmaturity`).
FOLDER_VARIABLE = "CXMATURITY_CACHE_DIR"
#: Set to anything but an empty value, no cache is read or written.
OFF_VARIABLE = "CXMATURITY_NO_CACHE"
#: Layers whose code decides what a rubric file reads as (the load layer and every layer
#: below it, which is all it may import: tests/test_architecture.py).
_READERS = ("", "escape", "yaml", "model", "load")
#: Largest entry read (a rubric of the largest size allowed is far smaller).
_MAX_ENTRY = 64 * 1024 * 1024
#: Entries kept: the bundled rubrics under a few versions of the code; older ones go.
KEEP = 32

Restore = Callable[[Any], Any]
ModelT = TypeVar("ModelT", bound=BaseModel)


def folder() -> Path | None:
    """The cache folder (entries are in its `rubrics/`), or None if the cache is off (or
    there is no home folder)."""
    if os.environ.get(OFF_VARIABLE):
        return None
    chosen = os.environ.get(FOLDER_VARIABLE)
    if chosen:
        return Path(chosen).expanduser()
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # unset, empty or relative: the XDG default
        home = os.path.expanduser("~")
        if not os.path.isabs(home):
            return None
        base = os.path.join(home, ".cache")
    return Path(base) / "cxmaturity"


def fingerprint() -> str:
    """What identifies the code that reads a rubric: the versions of this package, Python,
    pydantic and PyYAML, and each source file of the layers that read rubrics by name, size
    and modification time (the test by which Python decides that the compiled code it runs
    is current)."""
    return code_fingerprint(Path(__file__).resolve().parents[1])


@functools.cache
def code_fingerprint(package: Path) -> str:
    """:func:`fingerprint` of the package in the folder `package`."""
    digest = hashlib.sha256(repr((
        __version__, sys.version_info[:2], pydantic.VERSION, pydantic_core.__version__,
        yaml.__version__, yaml.__with_libyaml__)).encode())
    for layer in _READERS:
        try:
            with os.scandir(package / layer) as entries:
                sources = sorted((e.name, e.stat()) for e in entries if e.name.endswith(".py"))
        except OSError:
            sources = []
        for name, status in sources:
            digest.update(f"{layer}/{name} {status.st_size} {status.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def key(sha256: str) -> str:
    """The key of the entry for a rubric file whose bytes have this SHA-256."""
    return hashlib.sha256(f"{sha256} {fingerprint()}".encode()).hexdigest()


def restore(sha256: str) -> Rubric | None:
    """The validated rubric of a file whose bytes have this SHA-256, if a usable entry is
    kept for it, else None."""
    where = folder()
    if where is None:
        return None
    wanted = key(sha256)
    entry = _read_own(where / "rubrics" / f"{wanted}.json")
    if entry is None:
        return None
    header, _, body = entry.partition(b"\n")
    try:
        named = json.loads(header)
        if named != {"key": wanted, "sha256": hashlib.sha256(body).hexdigest()}:
            return None
        return rebuild(Rubric, json.loads(body))
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError):
        return None


def store(sha256: str, rubric: Rubric) -> None:
    """Keep `rubric`, validated from a file whose bytes have this SHA-256, for later runs;
    nothing is kept if the cache is off, cannot be written, or would not give the same rubric
    back."""
    where = folder()
    if where is None:
        return
    data = rubric.model_dump(mode="json", exclude_unset=True)
    try:
        if not same(rebuild(Rubric, data), rubric):
            return
    except TypeError:  # a field of a type rebuild cannot tell
        return
    wanted = key(sha256)
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
    header = json.dumps({"key": wanted, "sha256": hashlib.sha256(body).hexdigest()}).encode()
    with contextlib.suppress(OSError):
        where.mkdir(mode=0o700, parents=True, exist_ok=True)
        (where / "rubrics").mkdir(mode=0o700, exist_ok=True)
        _write_new(where / "rubrics" / f"{wanted}.json", header + b"\n" + body)
        _prune(where / "rubrics")


def same(restored: BaseModel, validated: BaseModel) -> bool:
    """Whether a rebuilt rubric is the validated one: equal, with the same fields set."""
    return restored == validated and restored.model_dump(exclude_unset=True) == \
        validated.model_dump(exclude_unset=True)


def rebuild(model: type[ModelT], data: dict[str, Any]) -> ModelT:
    """An instance of `model` from its `model_dump(mode="json", exclude_unset=True)`,
    unvalidated, with the Python types validation gives (tuples, integer keys, models)."""
    restorers = _restorers(model)
    return model.model_construct(**{name: restorers[name](value)
                                    for name, value in data.items()})


@functools.cache
def _restorers(model: type[BaseModel]) -> dict[str, Restore]:
    return {name: _restorer(info.annotation) for name, info in model.model_fields.items()}


def _same_value(value: Any) -> Any:
    return value


def _restorer(annotation: Any) -> Restore:
    """How a value of this type comes back from JSON; TypeError for a type it cannot tell
    (then :func:`store` keeps nothing, as the rubric would not come back the same)."""
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Annotated:
        return _restorer(args[0])
    if origin in (typing.Union, types.UnionType):
        present = [arg for arg in args if arg is not type(None)]
        if len(present) != 1:
            raise TypeError(f"cannot tell which of {annotation} a cached value is")
        inner = _restorer(present[0])
        return lambda value: None if value is None else inner(value)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return functools.partial(rebuild, annotation)
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            item = _restorer(args[0])
            return tuple if item is _same_value else lambda value: tuple(map(item, value))
        items = [_restorer(arg) for arg in args]
        return lambda value: tuple(f(v) for f, v in zip(items, value, strict=True))
    if origin is dict:
        keys, values = int if args[0] is int else _restorer(args[0]), _restorer(args[1])
        return lambda value: {keys(k): values(v) for k, v in value.items()}
    if annotation in (str, int, float, bool) or origin is typing.Literal:
        return _same_value
    raise TypeError(f"cannot restore a cached {annotation}")


def _read_own(path: Path) -> bytes | None:
    """The bytes of `path` if it is a regular file (not a link) that, where files have
    owners and modes (POSIX), belongs to this user and no one else may write; else None."""
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except (OSError, ValueError):
        return None
    try:
        status = os.fstat(handle)
        if not stat.S_ISREG(status.st_mode) or (hasattr(os, "geteuid") and (
                status.st_uid != os.geteuid() or status.st_mode & 0o022)):
            return None
        with os.fdopen(handle, "rb", closefd=False) as stream:
            return stream.read(_MAX_ENTRY)
    except OSError:
        return None
    finally:
        os.close(handle)


def _prune(entries: Path) -> None:
    """Remove all but the :data:`KEEP` newest entries (older ones are of rubrics or code
    since replaced), and temporary files that a run killed while writing left (after an
    hour)."""
    found: list[tuple[float, str]] = []
    with os.scandir(entries) as listing:
        for entry in listing:
            with contextlib.suppress(OSError):
                found.append((entry.stat(follow_symlinks=False).st_mtime, entry.name))
    kept = {name for _, name in sorted((f for f in found if f[1].endswith(".json")),
                                       reverse=True)[:KEEP]}
    hour_ago = time.time() - 3600
    for when, name in found:
        if (name.endswith(".json") and name not in kept) or \
                (name.endswith(".tmp") and when < hour_ago):
            with contextlib.suppress(OSError):
                os.unlink(entries / name)


def _write_new(path: Path, data: bytes) -> None:
    """Write `data` to `path` (readable by this user only) through a temporary file and a
    rename, so a reader never sees half an entry. Not :class:`cxmaturity.files.AtomicWriter`,
    which writes the user's reports: an entry is bytes, private (0600), needs no fsync (a
    lost entry is made again) and never reports an error (a cache that cannot be written is
    no cache)."""
    handle, temporary = tempfile.mkstemp(prefix=".entry-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
