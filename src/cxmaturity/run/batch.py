"""Scoring many answers files: find them, score each (in parallel if asked), stream outcomes.

One broken file never stops the batch; it becomes an :class:`Outcome` with its problems.
Outcomes come back in input order (sorted by path), whatever the number of processes.
A pool's :mod:`multiprocessing` and merging (:mod:`.merge`) are imported when used: a single
assessment uses neither (docs/performance.md).
"""

from __future__ import annotations

import os
import signal
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING

from cxmaturity.errors import CxError, InputError, Problem
from cxmaturity.escape.controls import without_surrogates
from cxmaturity.load.catalog import Rubrics
from cxmaturity.load.inputs import STDIN, STDIN_NAME, base_folder, folder_of, read_document
from cxmaturity.load.submission import Submission, check_submission
from cxmaturity.model.ladder import resolve_level
from cxmaturity.model.records import Digest, Outcome
from cxmaturity.run.gates import Gates, failed_gates, moved
from cxmaturity.run.policy import ancestors
from cxmaturity.scoring.engine import score
from cxmaturity.yaml.reader import YamlDocument

if TYPE_CHECKING:
    from multiprocessing.pool import AsyncResult, Pool

    from cxmaturity.run.merge import Merged

#: Files sent to a worker process at a time, at most.
CHUNK = 64
#: Chunks in flight for each worker process: enough to keep each busy, few enough that a
#: slow reader of the report holds back the scoring instead of piling outcomes up.
AHEAD = 4


@dataclass(frozen=True)
class Settings:
    """How each file is scored: the gates, the level to plan for, and where rubrics named
    by path may lie."""

    gates: Gates = field(default_factory=Gates)
    """The gates of every file not governed by a policy file of :attr:`by_folder`."""
    target: str | None = None
    keep: bool = False
    """Keep the full :class:`Assessment` on each outcome (single-file reports)."""
    rubric_root: Path | None = None
    """The folder rubrics named by path must lie in (None: each file's repository)."""
    by_folder: Mapping[str, Gates] = field(default_factory=dict)
    """The gates of the policy file in each folder (absolute) that holds one, when files
    are governed by more than one: a file takes those of the nearest at or above its folder.
    One entry per policy file, however many files there are."""

    @property
    def every_gates(self) -> tuple[Gates, ...]:
        """The gates of every policy in force (and of files no policy file governs)."""
        return (self.gates, *self.by_folder.values())

    def gates_for(self, path: str) -> Gates:
        """The gates of the input `path`."""
        if not self.by_folder:
            return self.gates
        folders = ancestors(os.path.abspath(folder_of(path)))
        return next((self.by_folder[f] for f in folders if f in self.by_folder), self.gates)


def assess_one(path: str, settings: Settings, raw: bytes | None = None,
               rubrics: Rubrics | None = None) -> Outcome:
    """Score one file (or `raw` bytes read from standard input); never raises CxError.
    `rubrics` resolves each rubric once for a whole run."""
    shown = STDIN_NAME if path == STDIN else without_surrogates(path)
    try:
        doc = read_document(path, raw)
    except CxError as error:
        if path != STDIN and os.path.isdir(path):
            return Outcome(shown, problems=(_folder_problem(path, shown),))
        return Outcome(shown, problems=error.problems)
    try:
        sub = check_submission(doc, base_folder(path), rubric_root=settings.rubric_root,
                               rubrics=rubrics)
        return _scored(sub, settings, settings.gates_for(path), doc, shown)
    except CxError as error:
        return Outcome(shown, problems=error.problems)


def assess_merged(paths: Sequence[str], settings: Settings) -> Outcome:
    """One assessment combined from several respondents' files, or a folder of them
    (see docs/merge.md). A bad answers file makes an outcome with its problems, as in
    :func:`assess_one`, so that every format reports it; a wrong use of --merge (one file,
    a folder without answers files) raises UsageError."""
    from cxmaturity.run.merge import merge_inputs

    try:
        merged = merge_inputs(paths, rubric_root=settings.rubric_root)
    except InputError as error:
        return Outcome(" + ".join(without_surrogates(p) for p in paths),
                       problems=error.problems)
    return _scored(merged.submission, settings, settings.gates, None, None, merged)


def _scored(sub: Submission, settings: Settings, gates: Gates, doc: YamlDocument | None,
            shown: str | None, merged: Merged | None = None) -> Outcome:
    """The outcome of scoring a checked submission: its result, digest and failed gates."""
    rubric = sub.rubric
    goal = resolve_level(rubric.levels, settings.target, "--target", rubric.level_term,
                         rubric.id) \
        if settings.target else None
    result = score(sub, target=goal)
    if merged is not None:
        result = merged.annotate(result)
    before = gates.earlier(result)
    note = moved(before, result)  # to another rubric since the baseline
    failures = failed_gates(result, rubric, gates, doc, None if note else before)
    return Outcome(shown or result.file, result.model_dump_json(), Digest.of(result),
                   tuple(failures), result=result if settings.keep else None,
                   compared=before is not None, notes=(note,) if note else ())


def _folder_problem(path: str, shown: str) -> Problem:
    """Why a folder came back from the walk: it could not be listed."""
    try:
        os.scandir(path).close()
    except OSError as exc:
        return Problem(shown, f"cannot read folder: {exc.strerror}")
    return Problem(shown, "is a directory, not a file")


_settings = Settings()
_rubrics = Rubrics()


def _install(settings: Settings) -> None:
    global _settings, _rubrics
    _settings = settings
    _rubrics = Rubrics(settings.rubric_root)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the pool ends its workers with SIGTERM
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle, once


def _assess_chunk(paths: list[str]) -> list[Outcome]:
    return [assess_one(path, _settings, rubrics=_rubrics) for path in paths]


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def run(inputs: Iterable[str], settings: Settings, jobs: int,
        stdin: bytes | None = None) -> Iterator[Outcome]:
    """Outcomes of `inputs` in order (`-`, standard input, if first, as :func:`discover`
    yields it); `jobs` processes score files when the batch is large. `inputs` may be a
    stream of any length: it is read as the outcomes are, at most 1,024 paths a process ahead
    (enough to choose the chunk size) and then a few chunks.

    The worker processes are started here, before the first outcome is asked for, so they
    are forked while this process has a single thread (a progress bar's thread starts
    later; forking a process with threads can deadlock)."""
    files = iter(inputs)
    head = list(islice(files, jobs * 16 * CHUNK + 1))  # enough to choose the chunk size
    rubrics = Rubrics(settings.rubric_root)
    first = [assess_one(STDIN, settings, stdin, rubrics)] if head[:1] == [STDIN] else []
    head = head[len(first):]
    if jobs <= 1 or len(head) < 4 * jobs:
        return chain(first, (assess_one(path, settings, rubrics=rubrics)
                             for path in chain(head, files)))
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    chunk = max(1, min(CHUNK, len(head) // (jobs * 16)))
    pool = context.Pool(jobs, initializer=_install, initargs=(settings,))
    return chain(first, _pooled(pool, chain(head, files), chunk, AHEAD * jobs))


def _pooled(pool: Pool, files: Iterator[str], chunk: int, ahead: int) -> Iterator[Outcome]:
    """Outcomes from `pool` in input order, `chunk` files a task, at most `ahead` tasks in
    flight: a chunk is sent when the oldest has come back and been read, so neither paths
    nor outcomes pile up, however slowly the report is read (`Pool.imap` takes outcomes as
    fast as the processes make them, and would hold them all for a slow reader)."""
    pending: deque[AsyncResult[list[Outcome]]] = deque()
    with pool:
        while batch := list(islice(files, chunk)):
            pending.append(pool.apply_async(_assess_chunk, (batch,)))
            if len(pending) >= ahead:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
