"""Which gates apply to which scored file: the options given on the command line, over the
policy file that governs each file (:mod:`cxmaturity.run.policy`, docs/ci.md)."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from cxmaturity.escape.controls import without_surrogates
from cxmaturity.load.inputs import STDIN
from cxmaturity.run.batch import Settings
from cxmaturity.run.gates import Gates, Standing
from cxmaturity.run.policy import (
    NO_POLICY,
    Policy,
    baseline_of,
    find_policy,
    gates,
    governing,
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


def plan(inputs: Sequence[str], given: Gates, *, baseline: Path | None = None,
         config: Path | None = None, policies: bool = True, target: str | None = None,
         keep: bool = False, rubric_root: Path | None = None) -> Plan:
    """The settings of each input: `given` gates (from the command line) over the policy of
    `config`, or of each file (unless `policies` is off)."""
    governing_of: dict[str, Path | None]
    if not policies:
        governing_of = dict.fromkeys(inputs)
    elif config is not None:
        governing_of = dict.fromkeys(inputs, config)
    else:
        governing_of = governing(inputs, STDIN)
    loaded = {path: (load_policy(path), path.parent) if path else (NO_POLICY, Path.cwd())
              for path in set(governing_of.values()) or {None}}
    wanted = {baseline_of(policy, base, baseline) for policy, base in loaded.values()} - {None}
    baselines: dict[Path, Mapping[str, Standing]] = {}
    if wanted:
        from cxmaturity.run.baseline import load_baseline  # only with a baseline

        baselines = {file: load_baseline(file) for file in wanted if file is not None}
    gates_of = {path: gates(policy, base, given, baseline, baselines)
                for path, (policy, base) in loaded.items()}
    common = _common_policy(inputs, config, policies)
    default = gates_of[common] if common in gates_of else next(iter(gates_of.values()))
    by_file = {file: gates_of[path] for file, path in governing_of.items()
               if gates_of[path] is not default}
    settings = Settings(gates=default, target=target, keep=keep, rubric_root=rubric_root,
                        by_file=by_file)
    counts = Counter(without_surrogates(str(path)) if path else "none"
                     for path in governing_of.values())
    defaults = NO_POLICY if common is None else (
        loaded[common][0] if common in loaded else load_policy(common))
    return Plan(settings, defaults, dict(sorted(counts.items())))


def _common_policy(inputs: Sequence[str], config: Path | None, policies: bool) -> Path | None:
    """The policy governing the folder that holds every input (standard input: here)."""
    if not policies or config is not None:
        return config if policies else None
    folders = [os.path.abspath("." if p == STDIN else os.path.dirname(p) or ".")
               for p in inputs] or [os.path.abspath(".")]
    try:
        common = os.path.commonpath(folders)
    except ValueError:  # different drives (Windows)
        return None
    return find_policy(common)
