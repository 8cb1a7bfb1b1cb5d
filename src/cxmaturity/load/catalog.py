"""Finding and loading rubrics: the bundled ones by id, others by path; each validated once
per process, and a bundled one once per version of it and of this package (through
:mod:`cxmaturity.load.cache`)."""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass
from pathlib import Path

from cxmaturity.errors import EmptyFile, InputError, Problem, RubricNotFound
from cxmaturity.escape.controls import without_surrogates
from cxmaturity.files import entry_kind
from cxmaturity.load import cache
from cxmaturity.load.bundled import bundled_dir, bundled_ids
from cxmaturity.load.containment import check_contained, rubric_roots
from cxmaturity.load.index import RubricIndex
from cxmaturity.load.integrity import integrity_problems
from cxmaturity.load.kinds import expect_kind
from cxmaturity.load.validation import did_you_mean, located, validate
from cxmaturity.model.rubric import Rubric
from cxmaturity.yaml.reader import YamlDocument, parse_bytes, read_limited

#: The advice for an empty rubric file.
EMPTY_RUBRIC = ("start from a copy of a bundled rubric (`rubrics/` in the package); the format: "
                "docs/rubric-format.md")


@dataclass(frozen=True)
class LoadedRubric:
    """A validated rubric with where it came from and a hash of its bytes. (Its YAML
    document, with the marks that locate errors, is not kept: no one reads it once the
    rubric is valid; `rubric validate` reads the file itself.)"""

    rubric: Rubric
    path: str
    sha256: str

    @functools.cached_property
    def index(self) -> RubricIndex:
        """Look-ups into the rubric, built on first use and shared by every answers file."""
        return RubricIndex.of(self.rubric)


def is_path_reference(reference: str) -> bool:
    """Whether a rubric reference names a file rather than a bundled id."""
    return "/" in reference or "\\" in reference or reference.endswith((".yaml", ".yml"))


def find_rubric(reference: str, *, relative_to: Path | None = None,
                within: tuple[Path, ...] | None = None) -> tuple[Path, bool]:
    """The file a reference points to, and whether it is bundled; RubricNotFound if none, or
    if it lies outside every folder of `within` (given for references read from files, see
    :mod:`cxmaturity.load.containment`)."""
    if is_path_reference(reference):
        path = Path(reference).expanduser()
        if not path.is_absolute() and relative_to is not None:
            path = relative_to / path
        shown = without_surrogates(str(path))
        if within is not None:
            check_contained(path, within, shown)
        entry = entry_kind(path)
        if entry == "file":
            return path, False
        message, hint = {
            "folder": ("the rubric is a folder, not a file", "name the rubric's .yaml file"),
            "other": ("the rubric is not a regular file", "name the rubric's .yaml file"),
            "missing": ("rubric file not found", _missing_hint(reference, relative_to)),
        }.get(entry, (f"cannot read rubric: {entry}", "name the rubric's .yaml file"))
        raise RubricNotFound([Problem(shown, message, hint=hint)])
    if not reference.strip():
        raise RubricNotFound([Problem(reference or '""', "no rubric is named",
                                      hint=f"name a bundled rubric ({', '.join(bundled_ids())}) "
                                      "or a rubric file's path")])
    path = bundled_dir() / f"{reference}.yaml"
    if entry_kind(path) == "file":
        return path, True
    ids = bundled_ids()
    hint = did_you_mean(reference, ids) or _local_hint(reference, relative_to) or \
        f"bundled rubrics: {', '.join(ids)}"
    raise RubricNotFound([Problem(reference, "no bundled rubric with this id", hint=hint)])


def _missing_hint(reference: str, relative_to: Path | None) -> str:
    if Path(reference).expanduser().is_absolute():
        return "check the path"
    if relative_to is None:
        return "check the path (relative to the current folder)"
    return "paths are relative to the answers file (to the current folder for standard input)"


def _local_hint(reference: str, relative_to: Path | None) -> str | None:
    """For a name that is not a bundled id but is a file or folder where paths are read
    from: how to name it as a path (a rubric file's name has a `/` or ends in .yaml)."""
    kind = entry_kind(Path(reference) if relative_to is None else relative_to / reference)
    if kind == "file":
        return f"there is a file named {reference} here: to read it as a rubric, write it " \
            f"as a path, ./{reference}"
    if kind == "folder":
        return f"{reference} is a folder here: name the rubric's .yaml file in it"
    return None


def load_rubric(reference: str, *, relative_to: Path | None = None,
                within: tuple[Path, ...] | None = None) -> LoadedRubric:
    """Find, read, validate and integrity-check a rubric (cached per file version)."""
    path, bundled = find_rubric(reference, relative_to=relative_to, within=within)
    shown = without_surrogates(str(path))
    try:
        status = path.stat()
    except OSError as exc:
        raise InputError([Problem(shown, f"cannot read rubric: {exc.strerror}")]) from None
    version = (status.st_dev, status.st_ino, status.st_mtime_ns, status.st_size)
    return _load(str(path), shown, version, bundled)


class Rubrics:
    """The rubrics of one run, each resolved once: answers files that name the same bundled
    rubric, or the same rubric path from the same folder, share one look-up, with no
    file-system check per file. The next run (command) looks again."""

    #: Look-ups kept at most (rubric paths named from many folders).
    KEEP = 256

    def __init__(self, rubric_root: Path | None = None) -> None:
        self.rubric_root = rubric_root
        self._found: dict[tuple[str, str], LoadedRubric] = {}

    def load(self, reference: str, base: Path) -> LoadedRubric:
        """The rubric an answers file in `base` names (see :func:`load_rubric`); a rubric
        named by path must lie inside the rubric root (:mod:`cxmaturity.load.containment`)."""
        key = (reference, str(base) if is_path_reference(reference) else "")
        found = self._found.get(key)
        if found is None:
            found = load_rubric(reference, relative_to=base,
                                within=rubric_roots(base, self.rubric_root))
            if len(self._found) >= self.KEEP:
                self._found.clear()
            self._found[key] = found
        return found


@functools.lru_cache(maxsize=32)
def _load(path: str, shown: str, version: tuple[int, int, int, int],
          bundled: bool) -> LoadedRubric:
    """`version` (device, inode, mtime, size) tells one version of one file from another.
    A bundled rubric is read back from the cache when it holds the validated rubric of
    these very bytes, and put in the cache when it does not."""
    raw = read_limited(path, shown)
    sha256 = hashlib.sha256(raw).hexdigest()
    rubric = cache.restore(sha256) if bundled else None
    if rubric is None:
        rubric = validate_rubric(raw, shown, bundled=bundled)
        if bundled:
            cache.store(sha256, rubric)
    return LoadedRubric(rubric, shown, sha256)


def parse_rubric(raw: bytes, shown: str) -> LoadedRubric:
    """A rubric's bytes (read from `shown`), validated, with their hash."""
    return LoadedRubric(validate_rubric(raw, shown), shown, hashlib.sha256(raw).hexdigest())


def validate_rubric(raw: bytes, shown: str, *, bundled: bool = False) -> Rubric:
    """Parse, validate and integrity-check a rubric's bytes (read from `shown`; `bundled`:
    one of ours, which no look-alike check applies to). Problems never quote the file's
    values: a path in an answers file may name a file that is not a rubric at all, and its
    content must not reach a report."""
    try:
        doc = parse_bytes(raw, shown)
    except EmptyFile as empty:
        raise empty.hinted(EMPTY_RUBRIC) from None
    expect_kind(doc, "rubric")
    rubric = validate(doc, Rubric, quote=False)
    problems = rubric_problems(doc, rubric, bundled=bundled)
    if problems:
        raise InputError(problems)
    return rubric


def rubric_problems(doc: YamlDocument, rubric: Rubric, *, bundled: bool = False
                    ) -> list[Problem]:
    """What keeps a valid rubric from loading: broken references and duplicate ids, else a
    look-alike of a bundled rubric (`bundled`: one of ours, which that check skips)."""
    return integrity_problems(doc, rubric) or ([] if bundled else _look_alike(doc, rubric))


def _look_alike(doc: YamlDocument, rubric: Rubric) -> list[Problem]:
    """A rubric that gives a bundled rubric's id and version must be that rubric: every
    report and gate names a rubric by them, so another rubric under them would pass for the
    bundled one (a copy of the bundled one is that rubric; another version of it says so)."""
    if rubric.id not in bundled_ids():
        return []
    bundled = load_rubric(rubric.id).rubric
    if bundled.version != rubric.version or bundled == rubric:
        return []
    return [located(doc, ("version",), f'the id and version are those of the bundled rubric '
                    f'"{rubric.id}" {rubric.version}, but the content differs from it',
                    "give your rubric an id of its own, or a version of its own (e.g. "
                    f"{rubric.version}-ours), so that no report passes it off as the bundled one")]
