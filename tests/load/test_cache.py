"""The cache of validated bundled rubrics (load/cache.py): a rubric read back is the rubric
validation gives, field by field and type by type; an entry is found by content (the rubric's
bytes and the code that reads them), so an edited rubric or changed code never reads an old
one; a broken, foreign or unreachable entry is ignored; a folder that cannot be written is
no error; and results are the same with the cache, without it, and on a first run."""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from cxmaturity.load import cache, catalog
from cxmaturity.load.bundled import bundled_ids
from cxmaturity.load.catalog import load_rubric, parse_rubric
from cxmaturity.load.submission import read_submission
from cxmaturity.model.rubric import Rubric
from cxmaturity.scoring.engine import score

from ..conftest import DATA, EXAMPLES, RUBRICS

BUNDLED = "contact-center-ai-maturity"
POSIX = hasattr(os, "geteuid")


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty cache folder of this test's own, and no rubric remembered in the process."""
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.FOLDER_VARIABLE, str(folder))
    monkeypatch.delenv(cache.OFF_VARIABLE, raising=False)
    catalog._load.cache_clear()
    yield folder
    catalog._load.cache_clear()


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The rubric files validated from their bytes (not read back from the cache)."""
    seen: list[str] = []
    original = catalog.validate_rubric

    def counting(raw: bytes, shown: str, *, bundled: bool = False) -> Rubric:
        seen.append(Path(shown).name)
        return original(raw, shown, bundled=bundled)

    monkeypatch.setattr(catalog, "validate_rubric", counting)
    return seen


def entries(folder: Path) -> list[Path]:
    return sorted((folder / "rubrics").glob("*.json")) if (folder / "rubrics").is_dir() else []


def again(reference: str = BUNDLED) -> Rubric:
    """The rubric loaded as a new process would load it."""
    catalog._load.cache_clear()
    return load_rubric(reference).rubric


def validated(path: Path) -> Rubric:
    return parse_rubric(path.read_bytes(), str(path)).rubric


def assert_identical(restored: Any, original: Any) -> None:
    """The same values of the same types, and the same fields set, all the way down."""
    assert type(restored) is type(original)
    if isinstance(original, BaseModel):
        assert restored.model_fields_set == original.model_fields_set
        for name in type(original).model_fields:
            assert_identical(getattr(restored, name), getattr(original, name))
    elif isinstance(original, (tuple, list)):
        assert len(restored) == len(original)
        for mine, theirs in zip(restored, original, strict=True):
            assert_identical(mine, theirs)
    elif isinstance(original, dict):
        assert list(restored) == list(original)
        assert all(type(a) is type(b) for a, b in zip(restored, original, strict=True))
        for key in original:
            assert_identical(restored[key], original[key])
    else:
        assert restored == original


@pytest.mark.parametrize("rubric_id", bundled_ids())
def test_a_bundled_rubric_is_cached_once_and_read_back_as_validated(
        rubric_id: str, store: Path, parsed: list[str]) -> None:
    first = load_rubric(rubric_id).rubric
    assert parsed == [f"{rubric_id}.yaml"] and len(entries(store)) == 1
    second = again(rubric_id)
    assert parsed == [f"{rubric_id}.yaml"], "the second load validated the file again"
    assert_identical(second, first)
    assert_identical(second, validated(RUBRICS / f"{rubric_id}.yaml"))
    assert second == first and repr(second) == repr(first)


@pytest.mark.parametrize("name", ["tiny", "tiny-format1", "kpi"])
def test_the_test_rubrics_come_back_the_same(name: str) -> None:
    """Rebuilt from its JSON, a rubric is its validated self (format 1 after conversion,
    targets, bands with `supports`, dimension advice keyed by level)."""
    original = validated(DATA / "rubrics" / f"{name}.yaml")
    for metric in original.metrics:  # views worked out and kept on the instance...
        assert isinstance(metric.sorted_bands, tuple)
    assert original.scales_by_id  # ...are not part of the rubric
    restored = cache.rebuild(Rubric, original.model_dump(mode="json", exclude_unset=True))
    assert_identical(restored, original)
    assert cache.same(restored, original)


def test_a_rubric_named_by_path_is_not_cached(store: Path) -> None:
    load_rubric(str(DATA / "rubrics" / "tiny.yaml"))
    assert entries(store) == []


def test_results_are_the_same_with_the_cache_without_it_and_on_a_first_run(
        store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = sorted(EXAMPLES.glob("*.yaml"))

    def results() -> list[str]:
        catalog._load.cache_clear()
        return [score(read_submission(str(f))).model_dump_json() for f in files]

    first = results()  # fills the cache
    assert len(entries(store)) == len(bundled_ids())
    cached = results()
    monkeypatch.setenv(cache.OFF_VARIABLE, "1")
    uncached = results()
    assert cached == first == uncached


@pytest.fixture
def own_bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder of bundled rubrics this test may edit: a copy of the default one."""
    bundle = tmp_path / "bundled"
    bundle.mkdir()
    shutil.copy(RUBRICS / f"{BUNDLED}.yaml", bundle)
    monkeypatch.setattr(catalog, "bundled_dir", lambda: bundle)
    return bundle / f"{BUNDLED}.yaml"


def test_an_edited_rubric_is_validated_again_not_read_from_the_cache(
        store: Path, own_bundle: Path, parsed: list[str]) -> None:
    title = again().title
    edited = own_bundle.read_text(encoding="utf-8").replace(f"title: {title}",
                                                            "title: Edited in place")
    assert edited != own_bundle.read_text(encoding="utf-8")
    status = own_bundle.stat()
    own_bundle.write_text(edited, encoding="utf-8")
    os.utime(own_bundle, ns=(status.st_atime_ns, status.st_mtime_ns))  # only the bytes tell
    assert again().title == "Edited in place"
    assert len(parsed) == 2 and len(entries(store)) == 2
    assert again().title == "Edited in place" and len(parsed) == 2


def test_an_entry_is_found_by_the_rubric_bytes_and_the_code_that_read_them(
        store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rubric = again()
    cache.store("a" * 64, rubric)
    assert cache.restore("a" * 64) == rubric
    assert cache.restore("b" * 64) is None
    monkeypatch.setattr(cache, "fingerprint", lambda: "other code")
    assert cache.restore("a" * 64) is None


def test_the_fingerprint_follows_the_source_of_the_layers_that_read_rubrics(
        tmp_path: Path) -> None:
    package = tmp_path / "cxmaturity"
    for layer in ("", "escape", "yaml", "model", "load", "report"):
        (package / layer).mkdir(parents=True, exist_ok=True)
        (package / layer / "module.py").write_text("x = 1\n", encoding="utf-8")

    def now() -> str:
        cache.code_fingerprint.cache_clear()
        return cache.code_fingerprint(package)

    before = now()
    assert now() == before
    (package / "report" / "module.py").write_text("x = 22\n", encoding="utf-8")
    assert now() == before  # a layer above load/ cannot change what a rubric reads as
    for layer in ("", "yaml", "model", "load"):
        source = package / layer / "module.py"
        status = source.stat()
        source.write_text("x = 2\n", encoding="utf-8")  # same size, same time: not seen...
        os.utime(source, ns=(status.st_atime_ns, status.st_mtime_ns))
        assert now() == before
        os.utime(source, ns=(status.st_atime_ns, status.st_mtime_ns + 1))  # ...as by Python
        changed = now()
        assert changed != before
        source.write_text("x = 10\n", encoding="utf-8")
        assert now() != changed
        before = now()
    cache.code_fingerprint.cache_clear()


def _broken_entries(good: bytes) -> dict[str, bytes]:
    header, _, body = good.partition(b"\n")
    other = body.replace(b'"format":2', b'"format":1')

    def signed(text: bytes) -> bytes:
        named = header.split(b'"sha256": ')[0] + b'"sha256": "' + \
            hashlib.sha256(text).hexdigest().encode() + b'"}'
        return named + b"\n" + text

    return {
        "empty": b"",
        "not JSON": b"\x00\xff garbage",
        "cut short": good[:len(good) // 2],
        "body edited": header + b"\n" + other,
        "no header": body,
        "another key": b'{"key": "' + b"0" * 64 + b'", "sha256": "' +
                       hashlib.sha256(body).hexdigest().encode() + b'"}\n' + body,
        "a list": signed(b"[1, 2]"),
        "an unknown field": signed(body.replace(b'"title"', b'"titel"', 1)),
        "a wrong type": signed(body.replace(b'"levels":[', b'"levels":[1,', 1)),
        "deeply nested": signed(b"[" * 100_000 + b"]" * 100_000),
    }


@pytest.mark.parametrize("kind", sorted(_broken_entries(b"{}\n{}")))
def test_a_broken_entry_is_ignored_and_replaced(kind: str, store: Path,
                                                parsed: list[str]) -> None:
    expected = again()
    [entry] = entries(store)
    broken = _broken_entries(entry.read_bytes())[kind]
    entry.write_bytes(broken)
    assert_identical(again(), expected)
    assert len(parsed) == 2, "the broken entry was used"
    assert entry.read_bytes() != broken  # a good entry took its place
    again()
    assert len(parsed) == 2


def test_an_unwritable_cache_folder_is_no_error(store: Path, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv(cache.FOLDER_VARIABLE, str(blocker / "cache"))
    assert again().id == BUNDLED and again().id == BUNDLED


@pytest.mark.skipif(not POSIX or os.geteuid() == 0, reason="needs file modes that bind")
def test_a_read_only_cache_folder_is_no_error(store: Path, parsed: list[str]) -> None:
    store.mkdir(mode=0o500)
    try:
        assert again().id == BUNDLED and again().id == BUNDLED
        assert len(parsed) == 2
    finally:
        store.chmod(0o700)


def test_the_cache_can_be_turned_off(store: Path, parsed: list[str],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    again()
    monkeypatch.setenv(cache.OFF_VARIABLE, "1")
    shutil.rmtree(store)
    again()
    again()
    assert len(parsed) == 3 and not store.exists()


def test_the_folder_defaults_to_the_xdg_cache(monkeypatch: pytest.MonkeyPatch,
                                              tmp_path: Path) -> None:
    monkeypatch.delenv(cache.FOLDER_VARIABLE, raising=False)
    monkeypatch.delenv(cache.OFF_VARIABLE, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.folder() == tmp_path / "cxmaturity"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/ignored")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache.folder() == tmp_path / "home" / ".cache" / "cxmaturity"
    monkeypatch.setenv(cache.OFF_VARIABLE, "yes")
    assert cache.folder() is None


@pytest.mark.skipif(not POSIX, reason="POSIX owners and modes")
def test_the_folder_and_entries_are_private(store: Path) -> None:
    again()
    [entry] = entries(store)
    assert (store.stat().st_mode & 0o777, (store / "rubrics").stat().st_mode & 0o777,
            entry.stat().st_mode & 0o777) == (0o700, 0o700, 0o600)


@pytest.mark.skipif(not POSIX, reason="POSIX owners and modes")
def test_an_entry_others_could_have_written_is_not_read(store: Path,
                                                        parsed: list[str]) -> None:
    again()
    [entry] = entries(store)
    entry.chmod(0o620)  # the group may write
    again()
    assert len(parsed) == 2
    [entry] = entries(store)
    entry.chmod(0o600)
    target = store / "elsewhere.json"
    entry.rename(target)
    entry.symlink_to(target)  # a link is not followed
    again()
    assert len(parsed) == 3
    if os.geteuid() == 0:  # root may give the entry to someone else
        [entry] = entries(store)
        os.chown(entry, 65534, -1)
        again()
        assert len(parsed) == 4


def test_old_entries_and_left_over_temporary_files_are_removed(
        store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rubric = again()
    monkeypatch.setattr(cache, "KEEP", 3)
    folder = store / "rubrics"
    [first] = entries(store)
    os.utime(first, (500_000, 500_000))  # the oldest
    stale = folder / ".entry-killed.tmp"
    fresh = folder / ".entry-writing.tmp"
    for number, path in enumerate((stale, fresh)):
        path.write_bytes(b"half an entry")
        os.utime(path, (0, 0) if number == 0 else None)
    for number in range(5):
        cache.store(f"{number:064d}", rubric)
        newest = folder / f"{cache.key(f'{number:064d}')}.json"
        os.utime(newest, (1_000_000 + number, 1_000_000 + number))  # written in this order
    names = {p.name for p in folder.iterdir()}
    assert names == {f"{cache.key(f'{n:064d}')}.json" for n in (2, 3, 4)} | {fresh.name}
    assert cache.restore(f"{4:064d}") == rubric
