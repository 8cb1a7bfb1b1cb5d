"""Where a rubric named by path inside an answers file may be read from.

An answers file can come from anyone (a pull request), and `rubric: ../../x` or an absolute
path would read any file on the machine. So a rubric named by path must lie, once symbolic
links are followed, inside the answers file's repository: the nearest folder above it that
holds `.git`. Outside a repository, inside the current folder or the answers file's own
folder. Whoever runs the tool may name another folder instead (`--rubric-root DIR`, or
`CXMATURITY_RUBRIC_ROOT`; `/` allows any). Rubrics named on the command line are the
user's own choice and are not checked. See README "Security".
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path

from cxmaturity.errors import Problem, RubricNotFound

#: The environment variable that names the folder rubrics must lie in.
ROOT_VARIABLE = "CXMATURITY_RUBRIC_ROOT"


@functools.lru_cache(maxsize=1024)
def repository_of(folder: str) -> Path | None:
    """The nearest folder at or above `folder` (absolute) that holds `.git` (a folder, or a
    file as in a worktree), or None."""
    for candidate in (Path(folder), *Path(folder).parents):
        if os.path.lexists(candidate / ".git"):
            return candidate
    return None


@dataclass(frozen=True)
class OwnRoot:
    """The folder a rubric named in an answers file may lie in wherever cxmaturity runs
    (without `--rubric-root`): the file's repository, else the file's own folder (and, then
    only, also the current folder, which depends on where it runs)."""

    folder: Path
    is_repository: bool


def own_root(answers_folder: Path) -> OwnRoot:
    folder = Path(os.path.abspath(answers_folder))
    repository = repository_of(str(folder))
    return OwnRoot(repository, True) if repository is not None else OwnRoot(folder, False)


def rubric_roots(answers_folder: Path, configured: Path | None = None) -> tuple[Path, ...]:
    """The folders a rubric named in an answers file in `answers_folder` may lie in."""
    if configured is not None:
        return (configured,)
    own = own_root(answers_folder)
    if own.is_repository:
        return (own.folder,)
    here = Path.cwd()
    return (here,) if own.folder == here else (here, own.folder)


def lies_within(path: Path, roots: tuple[Path, ...]) -> bool:
    """Whether `path`, links followed, lies inside a folder of `roots` (OSError or
    ValueError for a name the system refuses)."""
    real = Path(os.path.realpath(path))
    return any(real.is_relative_to(os.path.realpath(root)) for root in roots)


def check_contained(path: Path, roots: tuple[Path, ...], reference: str) -> None:
    """RubricNotFound if `path` (links followed) lies outside every folder of `roots`."""
    try:
        if lies_within(path, roots):
            return
    except (OSError, ValueError):  # a NUL character, a name the system refuses
        raise RubricNotFound([Problem(reference, "the rubric path is not a valid path",
                                      hint="name the rubric's .yaml file")]) from None
    where = " or ".join(str(root) for root in roots)
    raise RubricNotFound([Problem(reference, f"the rubric lies outside {where}",
                                  hint="keep rubrics inside the repository of the answers "
                                  "file (outside a git repository: its folder or the current "
                                  "one; `git init` in a folder above both makes that the "
                                  f"repository), or allow a folder with --rubric-root DIR (or "
                                  f"{ROOT_VARIABLE})")])
