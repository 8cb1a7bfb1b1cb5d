"""Scoring many answers files: find them, score each (in parallel if asked), stream outcomes.

One broken file never stops the batch; it becomes an :class:`Outcome` with its problems.
Outcomes come back in input order (sorted by path), whatever the number of processes.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING

from cxmaturity.errors import EXIT_BAD_INPUT, EXIT_GATE_FAILED, EXIT_OK, CxError, Problem
from cxmaturity.escape.controls import without_surrogates
from cxmaturity.run.gates import GateFailure, Gates

if TYPE_CHECKING:
    from multiprocessing.pool import Pool

    from cxmaturity.load.submission import Submission
    from cxmaturity.model.result import Assessment
    from cxmaturity.run.merge import Merged
    from cxmaturity.yaml.reader import YamlDocument

#: The argument that means "read one answers file from standard input".
STDIN = "-"
#: How standard input is named in reports.
STDIN_NAME = "<stdin>"
SUFFIXES = (".yaml", ".yml")


def collect_inputs(arguments: Sequence[str], suffixes: tuple[str, ...] = SUFFIXES) -> list[str]:
    """The files to score: files as named, files ending in `suffixes` (`*.yaml`/`*.yml`)
    under folders (recursively, hidden names skipped), `-` first, the rest sorted by path
    and without repeats."""
    found: set[str] = set()
    for argument in arguments:
        if argument != STDIN and os.path.isdir(argument):
            found.update(_walk(argument, suffixes))
        elif argument != STDIN:
            found.add(argument)
    ordered = sorted(found, key=lambda p: Path(p).parts)
    return [STDIN, *ordered] if STDIN in arguments else ordered


def _walk(top: str, suffixes: tuple[str, ...]) -> Iterator[str]:
    """Answers files under `top`, at any depth (the walk keeps its own stack, so a tree
    thousands of folders deep is no problem); symbolic links to folders are not followed
    (so a link loop cannot trap the walk). A folder that cannot be listed, or a `*.yaml`
    link that cannot be followed (a loop), is yielded itself, to be reported when read."""
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
            elif entry.name.endswith(suffixes) and _is_file(entry):
                yield entry.path


def _is_file(entry: os.DirEntry[str]) -> bool:
    """A regular file, or a link that cannot be followed (a loop); not a link to a folder,
    a dangling link, a pipe or a device."""
    try:
        return entry.is_file()
    except OSError:
        return True


@dataclass(frozen=True)
class Digest:
    """The few facts about one result that tables and gates show."""

    organization: str
    site: str | None
    date: str
    rubric_id: str
    rubric_version: str
    rubric_sha256: str
    status: str
    level: int | None
    level_name: str | None
    score: float | None
    confidence: float
    dimensions: tuple[tuple[str, int | None], ...]
    level_term: str

    @classmethod
    def of(cls, result: Assessment) -> Digest:
        return cls(result.organization, result.site, result.date.isoformat(),
                   result.rubric.id, result.rubric.version, result.rubric.sha256, result.status,
                   result.overall.level, result.overall.name, result.overall.score,
                   result.confidence, tuple((d.id, d.level) for d in result.dimensions),
                   result.level_term)

    @property
    def label(self) -> str:
        """The overall level as the rubric words it, e.g. `Stage 2 Coaching`."""
        if self.level is None:
            return "not assessed"
        return f"{self.level_term} {self.level} {self.level_name}"


@dataclass(frozen=True)
class Outcome:
    """What happened to one input: a result (as JSON and digest) and its failed gates,
    or the problems that kept it from being scored."""

    file: str
    document: str | None = None
    """The assessment as compact JSON (the `--format json` document of one file)."""
    digest: Digest | None = None
    gates: tuple[GateFailure, ...] = ()
    problems: tuple[Problem, ...] = ()
    result: Assessment | None = field(default=None, compare=False, repr=False)
    """The assessment itself, kept only when scored in this process and asked for."""
    compared: bool = False
    """A regression gate found this file in its baseline."""

    @property
    def broken(self) -> bool:
        return self.document is None

    def assessment(self) -> Assessment:
        """The full assessment (parsed back from JSON if it was scored elsewhere)."""
        if self.result is not None:
            return self.result
        from cxmaturity.model.result import Assessment

        assert self.document is not None, "a broken input has no assessment"
        return Assessment.model_validate_json(self.document)


@dataclass
class Tally:
    """Counts over a batch, and the exit code they mean."""

    files: int = 0
    broken: int = 0
    gated: int = 0
    compared: int = 0
    """Scored files that a regression gate found in its baseline."""

    def add(self, outcome: Outcome) -> None:
        self.files += 1
        self.broken += outcome.broken
        self.gated += bool(outcome.gates)
        self.compared += outcome.compared

    @property
    def scored(self) -> int:
        """Inputs that were scored (not broken)."""
        return self.files - self.broken

    @property
    def counted(self) -> str:
        """`1 file` or `N files`."""
        return f"{self.files} file{'' if self.files == 1 else 's'}"

    @property
    def exit_code(self) -> int:
        """2 if any input was bad, else 1 if any gate failed, else 0."""
        if self.broken:
            return EXIT_BAD_INPUT
        return EXIT_GATE_FAILED if self.gated else EXIT_OK


@dataclass(frozen=True)
class Settings:
    """How each file is scored: the gates, the level to plan for, and where rubrics named
    by path may lie."""

    gates: Gates = field(default_factory=Gates)
    """The gates of every file not in :attr:`by_file`."""
    target: str | None = None
    keep: bool = False
    """Keep the full :class:`Assessment` on each outcome (single-file reports)."""
    rubric_root: Path | None = None
    """The folder rubrics named by path must lie in (None: each file's repository)."""
    by_file: Mapping[str, Gates] = field(default_factory=dict)
    """The gates of files governed by another policy file than the rest."""

    def gates_for(self, path: str) -> Gates:
        """The gates of the input `path`."""
        return self.by_file.get(path, self.gates)


def assess_one(path: str, settings: Settings, raw: bytes | None = None) -> Outcome:
    """Score one file (or `raw` bytes read from standard input); never raises CxError."""
    from cxmaturity.load.inputs import base_folder, read_document
    from cxmaturity.load.submission import check_submission

    shown = STDIN_NAME if path == STDIN else without_surrogates(path)
    if path != STDIN and os.path.isdir(path):
        return Outcome(shown, problems=(_folder_problem(path, shown),))
    try:
        doc = read_document(path, raw)
        sub = check_submission(doc, base_folder(path), rubric_root=settings.rubric_root)
        return _scored(sub, settings, settings.gates_for(path), doc, shown)
    except CxError as error:
        return Outcome(shown, problems=error.problems)


def assess_merged(paths: Sequence[str], settings: Settings) -> Outcome:
    """One assessment combined from several respondents' files, or a folder of them
    (see docs/merge.md); unlike :func:`assess_one`, a bad input raises CxError."""
    from cxmaturity.run.merge import merge_inputs

    merged = merge_inputs(paths, rubric_root=settings.rubric_root)
    return _scored(merged.submission, settings, settings.gates, None, None, merged)


def _scored(sub: Submission, settings: Settings, gates: Gates, doc: YamlDocument | None,
            shown: str | None, merged: Merged | None = None) -> Outcome:
    """The outcome of scoring a checked submission: its result, digest and failed gates."""
    from cxmaturity.run.gates import failed_gates, resolve_level
    from cxmaturity.scoring.engine import score

    rubric = sub.rubric
    goal = resolve_level(rubric.levels, settings.target, "--target", rubric.id) \
        if settings.target else None
    result = score(sub, target=goal)
    if merged is not None:
        result = merged.annotate(result)
    failures = failed_gates(result, rubric, gates, doc)
    return Outcome(shown or result.file, result.model_dump_json(), Digest.of(result),
                   tuple(failures), result=result if settings.keep else None,
                   compared=gates.compares(result))


def _folder_problem(path: str, shown: str) -> Problem:
    """Why a folder came back from the walk: it could not be listed."""
    try:
        os.scandir(path).close()
    except OSError as exc:
        return Problem(shown, f"cannot read folder: {exc.strerror}")
    return Problem(shown, "is a directory, not a file")


_settings = Settings()


def _install(settings: Settings) -> None:
    global _settings
    _settings = settings
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the pool ends its workers with SIGTERM


def _assess_in_worker(path: str) -> Outcome:
    return assess_one(path, _settings)


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def run(inputs: Sequence[str], settings: Settings, jobs: int,
        stdin: bytes | None = None) -> Iterator[Outcome]:
    """Outcomes of `inputs` in order; `jobs` processes score files when the batch is large.

    The worker processes are started here, before the first outcome is asked for, so they
    are forked while this process has a single thread (a progress bar's thread starts
    later; forking a process with threads can deadlock)."""
    files = [path for path in inputs if path != STDIN]
    first = [assess_one(STDIN, settings, stdin)] if len(files) < len(inputs) else []
    if jobs <= 1 or len(files) < 4 * jobs:
        return chain(first, (assess_one(path, settings) for path in files))
    import multiprocessing  # only a batch large enough to share out needs it

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    chunk = max(1, min(64, len(files) // (jobs * 16)))
    pool = context.Pool(jobs, initializer=_install, initargs=(settings,))
    return chain(first, _pooled(pool, files, chunk))


def _pooled(pool: Pool, files: list[str], chunk: int) -> Iterator[Outcome]:
    with pool:
        yield from pool.imap(_assess_in_worker, files, chunksize=chunk)
