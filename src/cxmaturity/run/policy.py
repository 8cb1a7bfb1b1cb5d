"""The policy file, `.cxmaturity.yaml` (or `.cxmaturity.yml`): a repository's gates and
defaults for `assess`.

As ruff finds its configuration, each scored file is governed by the nearest policy file at
or above its folder (standard input: the current folder); `.cxmaturity.yaml` wins over
`.cxmaturity.yml` in one folder; `--config FILE` names one policy for every file. An entry
named like a policy file that cannot be read as one (a folder, a dangling link, a link
loop) is an error, never skipped. Paths in a policy are relative to the folder that holds
it. Options on the command line win over every policy file (docs/ci.md).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from pydantic import ConfigDict, Field, ValidationInfo, field_validator

from cxmaturity.errors import EmptyFile, InputError, Problem, UsageError
from cxmaturity.escape.controls import without_surrogates
from cxmaturity.load.percentages import parse_percentage
from cxmaturity.load.validation import validate
from cxmaturity.model.rubric import Frozen
from cxmaturity.run.gates import DimensionGate, Gates, LevelGate, Standing
from cxmaturity.yaml.reader import read_yaml_file

#: Names of the policy file, the first winning when a folder holds both.
POLICY_FILES = (".cxmaturity.yaml", ".cxmaturity.yml")


def _level(value: Any) -> Any:
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


def _levels(value: Any) -> Any:
    return {k: _level(v) for k, v in value.items()} if isinstance(value, dict) else value


class RubricPolicy(Frozen):
    """Level gates for the files of one rubric, replacing the policy's own for them."""

    model_config = ConfigDict(populate_by_name=True, defer_build=True)

    fail_under: str | None = Field(default=None, alias="fail-under")
    fail_under_dimension: dict[str, str] = Field(default_factory=dict,
                                                 alias="fail-under-dimension")

    _level_text = field_validator("fail_under", mode="before")(_level)
    _levels_text = field_validator("fail_under_dimension", mode="before")(_levels)


class Policy(Frozen):
    """Settings of a policy file; keys are spelled like the options (`fail-under`). The
    validators are built when a policy file is first read (`defer_build`): runs without
    one use :data:`NO_POLICY`."""

    model_config = ConfigDict(populate_by_name=True, defer_build=True)  # and Frozen's

    format: str | None = Field(default=None, description="Default output format.")
    jobs: int | None = Field(default=None, ge=1, description="Processes to score with.")
    fail_under: str | None = Field(default=None, alias="fail-under")
    fail_under_dimension: dict[str, str] = Field(default_factory=dict,
                                                 alias="fail-under-dimension")
    min_confidence: float | None = Field(default=None, alias="min-confidence",
                                         description="A share from 0 to 1 (written 60%).")
    baseline: str | None = Field(default=None, description="Relative to this file; turns "
                                 "the regression gate on.")
    fail_on_regression: bool = Field(default=False, alias="fail-on-regression")
    max_age: int | None = Field(default=None, ge=0, alias="max-age")
    rubrics: dict[str, RubricPolicy] = Field(
        default_factory=dict, description="Level gates per rubric id.")

    _level_text = field_validator("fail_under", mode="before")(_level)
    _levels_text = field_validator("fail_under_dimension", mode="before")(_levels)

    @field_validator("min_confidence", mode="before")
    @classmethod
    def _share(cls, value: Any) -> Any:
        return None if value is None else parse_percentage(value) / 100

    @field_validator("baseline")
    @classmethod
    def _named(cls, value: str | None) -> str | None:
        if value is not None and not value.strip():
            raise ValueError("an empty path names no baseline; name the file, or remove the "
                             "key to compare with none")
        return value

    @field_validator("rubrics")
    @classmethod
    def _rubric_ids(cls, value: dict[str, RubricPolicy]) -> dict[str, RubricPolicy]:
        if any(not rubric.strip() for rubric in value):
            raise ValueError("an empty rubric id gates no rubric; write the id of the rubric "
                             "whose files the gates are for")
        return value

    @field_validator("fail_on_regression")
    @classmethod
    def _not_off_with_a_baseline(cls, value: bool, info: ValidationInfo) -> bool:
        if not value and info.data.get("baseline"):
            raise ValueError("`fail-on-regression: false` contradicts `baseline:`, which turns "
                             "the regression gate on; remove one of the two")
        return value


#: The settings of files no policy file governs: every default.
NO_POLICY = Policy.model_construct()


def find_policy(folder: str) -> Path | None:
    """The nearest policy file at or above `folder`; InputError if the nearest entry named
    like one is not a readable file."""
    return _nearest(os.path.abspath(folder), {})


def _check_file(path: Path) -> None:
    shown = without_surrogates(str(path))
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise InputError([Problem(shown, "the policy file is a link to nothing",
                                  hint="fix or remove the link")]) from None
    except OSError as exc:
        raise InputError([Problem(shown, f"cannot read the policy file: {exc.strerror}",
                                  hint="fix or remove it")]) from None
    if not stat.S_ISREG(mode):
        raise InputError([Problem(shown, "the policy file is not a regular file",
                                  hint="a policy is a YAML file; rename what is there")])


def load_policy(path: Path) -> Policy:
    """Read and validate a policy file; InputError with located problems if it is wrong."""
    try:
        doc = read_yaml_file(str(path))
    except EmptyFile as empty:
        raise empty.hinted("a policy file holds settings such as `fail_under: 2`, or remove "
                           "it (docs/ci.md, \"The policy file\")") from None
    return validate(doc, Policy)


class PolicyFinder:
    """:func:`find_policy` for the folders of a stream of files, one after another. It
    remembers the answers for the folders on the path of the last folder asked about, and
    forgets the rest: files come in path order, so every folder above them is asked about
    again and again while its files and sub-folders pass, and memory stays bounded by the
    depth of the tree, however many files and folders there are."""

    def __init__(self) -> None:
        self._found: dict[str, Path | None] = {}
        self._last: tuple[str, Path | None] | None = None

    def __call__(self, folder: str) -> Path | None:
        """The policy file governing `folder` (absolute)."""
        if self._last is not None and self._last[0] == folder:
            return self._last[1]
        found = _nearest(folder, self._found)
        self._found = {above: self._found[above] for above in ancestors(folder)
                       if above in self._found}
        self._last = (folder, found)
        return found


def ancestors(folder: str) -> Iterator[str]:
    """`folder` (absolute) and each folder above it, up to the root: where to look, nearest
    first, for the policy file that governs a file in `folder`."""
    while True:
        yield folder
        parent = os.path.dirname(folder)
        if parent == folder:
            return
        folder = parent


def _nearest(folder: str, found: dict[str, Path | None]) -> Path | None:
    """:func:`find_policy` of `folder`, remembering the answer for it and every folder above
    it that was looked at, so a large tree is walked once."""
    chain: list[str] = []
    result: Path | None = None
    for current in ancestors(folder):
        if current in found:
            result = found[current]
            break
        chain.append(current)
        here = next((Path(current) / name for name in POLICY_FILES
                     if os.path.lexists(Path(current) / name)), None)
        if here is not None:
            _check_file(here)
            result = here
            break
    for seen in chain:
        found[seen] = result
    return result


def gates(policy: Policy, base: Path, given: Gates, given_baseline: Path | None,
          baselines: Mapping[Path, Mapping[str, Standing]],
          source: Path | None = None) -> Gates:
    """The gates of files governed by `policy` (whose paths are relative to `base`): each
    gate given on the command line (`given`, `given_baseline`) wins over the policy's. A
    baseline, from either, turns the regression gate on. `baselines` holds each baseline
    file's standings, loaded once; `source`, the policy's file, is named when it asks for a
    regression gate without a baseline."""
    level_gates = given.fail_under or tuple(_policy_levels(policy))
    dimension_gates = given.fail_under_dimension or tuple(_policy_dimensions(policy))
    baseline = given_baseline or (base / policy.baseline if policy.baseline else None)
    regression = given.fail_on_regression or policy.fail_on_regression or baseline is not None
    if regression and baseline is None:
        if given.fail_on_regression or source is None:
            raise UsageError([Problem("--fail-on-regression", "needs a baseline to compare "
                                      "with", hint="add --baseline OLD.json (or baseline: in "
                                      "the policy)")])
        raise InputError([Problem(without_surrogates(str(source)), "`fail-on-regression: true` "
                                  "needs a baseline to compare with", hint="add `baseline:` "
                                  "to this policy, or pass --baseline OLD.json")])
    return Gates(
        fail_under=level_gates, fail_under_dimension=dimension_gates,
        min_confidence=given.min_confidence if given.min_confidence is not None
        else policy.min_confidence,
        max_age=given.max_age if given.max_age is not None else policy.max_age,
        baseline=baselines[baseline] if baseline is not None else {},
        fail_on_regression=regression, today=given.today)


def baseline_of(policy: Policy, base: Path, given: Path | None) -> Path | None:
    """The baseline file the gates of `policy` compare with, if any."""
    return given or (base / policy.baseline if policy.baseline else None)


def _policy_levels(policy: Policy) -> Iterable[LevelGate]:
    if policy.fail_under is not None:
        yield LevelGate(policy.fail_under)
    for rubric, own in policy.rubrics.items():
        if own.fail_under is not None:
            yield LevelGate(own.fail_under, rubric)


def _policy_dimensions(policy: Policy) -> Iterable[DimensionGate]:
    for dimension, level in policy.fail_under_dimension.items():
        yield DimensionGate(dimension, level)
    for rubric, own in policy.rubrics.items():
        for dimension, level in own.fail_under_dimension.items():
            yield DimensionGate(dimension, level, rubric)
