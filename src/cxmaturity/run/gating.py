"""Which gates apply to which scored file: the options given on the command line, over the
policy file that governs each file (:mod:`cxmaturity.run.policy`, docs/ci.md)."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from cxmaturity.escape.controls import without_surrogates
from cxmaturity.load.inputs import folder_of
from cxmaturity.run.batch import Settings
from cxmaturity.run.gates import Gates, Standing
from cxmaturity.run.policy import (
    NO_POLICY,
    Policy,
    PolicyFinder,
    baseline_of,
    find_policy,
    gates,
    load_policy,
)


@dataclass(frozen=True)
class Plan:
    """How a batch is scored, and which policy files say so."""

    settings: Settings
    defaults: Policy
    """The policy whose `format` and `jobs` apply: `--config`'s, else the one governing the
    folder that holds every input."""
    governed: Mapping[str, int]
    """Each policy file in force (`none` for files without one) and how many files it
    governs, for `--verbose`."""
    count: int
    """How many inputs there are (the total of a progress bar)."""
    read: tuple[Path, ...] = ()
    """The policy files and baseline files read, which the report must not overwrite."""


@dataclass(frozen=True)
class Survey:
    """What one pass over the inputs tells before any is scored: how many there are, which
    policy file governs how many of them, and the folder that holds them all."""

    count: int
    governed: Mapping[Path | None, int]
    common: str | None
    """The deepest folder (absolute) holding every input (the current folder if there is
    none); None for inputs on different drives (Windows)."""


def survey(inputs: Iterable[str], governing: Callable[[str], Path | None]) -> Survey:
    """Count `inputs` and the files each policy file governs (`governing` names the policy
    of a folder, asked again only when the folder changes), holding nothing per file: the
    inputs may be a stream of millions."""
    count = 0
    governed: Counter[Path | None] = Counter()
    common: str | None = None
    folder, policy = None, None
    for path in inputs:
        count += 1
        here = folder_of(path)
        if here != folder:
            folder = here
            absolute = os.path.abspath(folder)
            policy = governing(absolute)
            common = absolute if count == 1 else _common(common, absolute)
        governed[policy] += 1
    return Survey(count, governed, common if count else os.path.abspath("."))


def _common(common: str | None, folder: str) -> str | None:
    """The deepest folder holding both `common` and `folder` (None: no such folder)."""
    try:
        return None if common is None else os.path.commonpath([common, folder])
    except ValueError:  # different drives (Windows)
        return None


def plan(inputs: Iterable[str], given: Gates, *, baseline: Path | None = None,
         config: Path | None = None, policies: bool = True, target: str | None = None,
         keep: bool = False, rubric_root: Path | None = None) -> Plan:
    """The settings of each input: `given` gates (from the command line) over the policy of
    `config`, or of each file (unless `policies` is off). `inputs` are gone through once,
    before any is scored, so every policy file that governs one of them is read and checked
    first; the settings then name each policy's gates by its folder, not each file's."""
    governing = _governing(config, policies)
    found = survey(inputs, governing)
    loaded = {path: (load_policy(path), path.parent) if path else (NO_POLICY, Path.cwd())
              for path in found.governed or {None: 0}}
    wanted = {baseline_of(policy, base, baseline) for policy, base in loaded.values()} - {None}
    baselines: dict[Path, Mapping[str, Standing]] = {}
    read = [path for path in loaded if path is not None]
    if wanted:
        from cxmaturity.run.baseline import load_baseline  # only with a baseline

        read_baselines = [(file, load_baseline(file)) for file in wanted if file is not None]
        baselines = {file: baseline.standings for file, baseline in read_baselines}
        read += [path for _, baseline in read_baselines for path in baseline.files]
    gates_of = {path: gates(policy, base, given, baseline, baselines, path)
                for path, (policy, base) in loaded.items()}
    common = _common_policy(found.common, config, policies)
    default = gates_of[common] if common in gates_of else next(iter(gates_of.values()))
    by_folder = {str(path.parent): own for path, own in gates_of.items()
                 if path is not None} if len(gates_of) > 1 else {}
    settings = Settings(gates=gates_of.get(None, default), target=target, keep=keep,
                        rubric_root=rubric_root, by_folder=by_folder)
    defaults = NO_POLICY if common is None else (
        loaded[common][0] if common in loaded else load_policy(common))
    return Plan(settings, defaults, _shown(found.governed), found.count, tuple(read))


def _shown(governed: Mapping[Path | None, int]) -> dict[str, int]:
    """How many files each policy governs, by the name `--verbose` shows, in name order."""
    counts = Counter[str]()
    for path, count in governed.items():
        counts[without_surrogates(str(path)) if path else "none"] += count
    return dict(sorted(counts.items()))


def _governing(config: Path | None, policies: bool) -> Callable[[str], Path | None]:
    """The policy file of a folder: none (policies off), `config`, or the nearest one."""
    if not policies:
        return lambda folder: None
    if config is not None:
        return lambda folder: config
    return PolicyFinder()


def _common_policy(common: str | None, config: Path | None, policies: bool) -> Path | None:
    """The policy governing the folder that holds every input (standard input: here)."""
    if not policies or config is not None:
        return config if policies else None
    return None if common is None else find_policy(common)
