"""Discovery streams (issue 13, memory): the same files in the same order as sorting every
path by its parts once did, one at a time, before the walk ends."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cxmaturity.errors import UsageError
from cxmaturity.load import inputs
from cxmaturity.load.inputs import STDIN, SUFFIXES, collect_inputs, discover, named_inputs

from ..conftest import cases


def _sorted_the_old_way(arguments: Sequence[str], suffixes: tuple[str, ...] = SUFFIXES
                        ) -> list[str]:
    """Discovery as it was before it streamed: every path found, in a set, sorted by its
    parts (ties, two spellings of one path, by the text, which the set left to chance);
    then, what the old sort did not do, one spelling of each path kept (the first)."""
    found: set[str] = set()
    for argument in arguments:
        if argument != STDIN and os.path.isdir(argument):
            found.update(_old_walk(argument, suffixes))
        elif argument != STDIN:
            found.add(argument)
    ordered = sorted(found, key=lambda p: (Path(p).parts, p))
    once = [p for i, p in enumerate(ordered) if i == 0 or Path(p).parts != Path(
        ordered[i - 1]).parts]
    return [STDIN, *once] if STDIN in arguments else once


def _old_walk(top: str, suffixes: tuple[str, ...]) -> Iterator[str]:
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
            elif entry.name.endswith(suffixes):
                try:
                    if not entry.is_file():
                        continue
                except OSError:
                    pass
                yield entry.path


TRICKY = [
    # names that are prefixes of others, files and folders side by side
    "site.yaml", "site-1.yaml", "site/a.yaml", "site/b/c.yaml", "site-1/a.yaml", "site.yml",
    "site0.yaml", "site_/x.yaml", "Site.yaml", "sité.yaml", "s.yaml/inner.yaml", "s/x.yml",
    "a.yaml", "a-b.yaml", "a b.yaml", "a/b.yaml", "a/b/c.yaml", "a.b/c.yaml", "a0.yaml",
    "notes.txt", ".hidden.yaml", ".git/x.yaml", "deep/" * 12 + "end.yaml", "z/.cxmaturity.yaml",
    "z/y/.x/z.yaml", "-/a.yaml", "--.yaml", "1/2.yaml", "10.yaml", "9.yaml", "~.yaml",
]


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A tree of names that sort in surprising ways, with links, loops and a folder that
    cannot be listed."""
    for name in TRICKY:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists():
            path.write_text("x: 1\n")
    (tmp_path / "loop.yaml").symlink_to("loop.yaml")
    (tmp_path / "site" / "up").symlink_to("..")
    (tmp_path / "link.yaml").symlink_to("a.yaml")
    (tmp_path / "dangling.yaml").symlink_to("nowhere")
    (tmp_path / "site" / "locked").mkdir()
    (tmp_path / "site" / "locked" / "in.yaml").write_text("x: 1\n")
    with open(os.path.join(os.fsencode(tmp_path), b"bad\xff.yaml"), "w") as handle:
        handle.write("x: 1\n")
    real = os.scandir
    locked = tmp_path / "site" / "locked"

    def scandir(path: str) -> Iterator[os.DirEntry[str]]:
        if os.path.abspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", path)
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    return tmp_path


def test_a_folder_streams_in_the_order_of_the_old_sort(tree: Path) -> None:
    found = collect_inputs([str(tree)])
    assert found == _sorted_the_old_way([str(tree)])
    relative = [str(Path(p).relative_to(tree)) for p in found]
    assert "site/locked" in relative and "site/locked/in.yaml" not in relative
    assert relative.index("site/b/c.yaml") < relative.index("site-1/a.yaml") < relative.index(
        "site-1.yaml") < relative.index("site.yaml") < relative.index("site.yml")
    assert relative.index("a/b.yaml") < relative.index("a.yaml") < relative.index("a0.yaml")


@pytest.mark.parametrize("arguments", [
    ["site/b/c.yaml", "./site/b/c.yaml"], ["site", "./site/b/c.yaml"],
    ["a.yaml", "./a.yaml", "a.yaml"], ["site//b/c.yaml", "site/b"]])
def test_a_path_spelled_two_ways_comes_once(
        tree: Path, monkeypatch: pytest.MonkeyPatch, arguments: list[str]) -> None:
    monkeypatch.chdir(tree)
    found = collect_inputs(arguments)
    assert len(found) == len({Path(p).parts for p in found})
    assert found == _sorted_the_old_way(arguments)
    assert [p for p in found if Path(p).parts in {("site", "b", "c.yaml"), ("a.yaml",)}] in (
        [arguments[0]], [arguments[1]]), "the named file comes once, in one of its spellings"


@pytest.mark.parametrize("arguments", [
    ["."], ["./"], ["site", "site/b"], ["site/b", "site"], ["site//", "site"],
    ["a.yaml", ".", "a.yaml"], ["-", "site", "-", "a.yaml"], ["site-1.yaml", "site"],
    ["missing.yaml", "site", "a/b.yaml", "a"], ["./site", "site"], ["site/locked", "site"],
    ["zzz.yaml", "a.yaml", "Site.yaml"], ["loop.yaml", "."], ["notes.txt", "s.yaml"],
])
def test_several_arguments_merge_in_the_order_of_the_old_sort(
        tree: Path, monkeypatch: pytest.MonkeyPatch, arguments: list[str]) -> None:
    monkeypatch.chdir(tree)
    assert collect_inputs(arguments) == _sorted_the_old_way(arguments)


NAMES = st.text(alphabet="ab-._0Z é", min_size=1, max_size=4).filter(
    lambda name: name not in (".", "..") and not name.startswith(" "))
TREES = st.recursive(st.sampled_from(["file.yaml", "file.yml", "file.txt"]),
                     lambda inner: st.dictionaries(NAMES, inner, max_size=5), max_leaves=25)


def _build(folder: Path, shape: object) -> None:
    if not isinstance(shape, dict):
        return
    for name, inside in shape.items():
        if isinstance(inside, dict):
            (folder / name).mkdir()
            _build(folder / name, inside)
        else:
            (folder / (name + inside.removeprefix("file"))).write_text("x: 1\n")


def _every_path(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*"))


@settings(max_examples=cases(60))
@given(shape=st.dictionaries(NAMES, TREES, max_size=6), picks=st.lists(
    st.tuples(st.integers(0, 1000), st.sampled_from(["", "/", "//"])), max_size=4))
def test_generated_trees_and_arguments_stream_in_the_order_of_the_old_sort(
        shape: dict[str, object], picks: list[tuple[int, str]]) -> None:
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        _build(root, shape)
        paths = _every_path(root)
        arguments = [str(root)] + [str(root / paths[i % len(paths)]) + end
                                   for i, end in picks if paths]
        assert collect_inputs(arguments) == _sorted_the_old_way(arguments)
        assert collect_inputs(arguments[1:]) == _sorted_the_old_way(arguments[1:])


def test_discovery_yields_before_the_walk_ends(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    for folder in ("a", "b", "c"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.yaml").write_text("x: 1\n")
    listed: list[str] = []
    real = inputs._listing

    def listing(folder: str, suffixes: tuple[str, ...]):  # type: ignore[no-untyped-def]
        listed.append(os.path.basename(folder))
        return real(folder, suffixes)

    monkeypatch.setattr(inputs, "_listing", listing)
    found = discover([str(tmp_path)])
    assert next(found) == str(tmp_path / "a" / "x.yaml")
    assert listed == [tmp_path.name, "a"]  # b and c not listed yet
    assert list(found) == [str(tmp_path / f / "x.yaml") for f in ("b", "c")]


def test_named_inputs_checks_for_a_file_before_anything_is_read(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(UsageError, match=r"no \*\.yaml or \*\.yml files found"):
        named_inputs([str(tmp_path / "empty")])
    (tmp_path / "b.yaml").write_text("x: 1\n")
    found = named_inputs([str(tmp_path)])
    assert list(found) == [str(tmp_path / "b.yaml")]
