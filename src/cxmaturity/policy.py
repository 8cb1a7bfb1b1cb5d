"""The policy file, `.cxmaturity.yaml`: the gates and defaults of `assess` for a repository.

It is found by walking up from the current folder (or named with `--config`); paths in it
are relative to the folder that holds it. Options on the command line win over it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ConfigDict, Field, field_validator

from cxmaturity.errors import Problem, UsageError
from cxmaturity.rubric import Frozen

POLICY_FILE = ".cxmaturity.yaml"


def parse_share(raw: Any) -> float:
    """A share from 0 to 1, written `0.6` or `60%`; ValueError otherwise."""
    text = str(raw).strip()
    try:
        value = float(text[:-1]) / 100 if text.endswith("%") else float(text)
    except ValueError:
        raise ValueError(f"{raw!r} is not a share; write 60% or 0.6") from None
    if not 0 <= value <= 1:
        raise ValueError(f"{raw!r} is outside 0-100%; write 60% or 0.6")
    return value


def _level(value: Any) -> Any:
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


class Policy(Frozen):
    """Settings of `.cxmaturity.yaml`; keys are spelled like the options (`fail-under`)."""

    model_config = ConfigDict(populate_by_name=True)  # merged with Frozen's config

    format: str | None = Field(default=None, description="Default output format.")
    jobs: int | None = Field(default=None, ge=1, description="Processes to score with.")
    fail_under: str | None = Field(default=None, alias="fail-under")
    fail_under_dimension: dict[str, str] = Field(default_factory=dict,
                                                 alias="fail-under-dimension")
    min_confidence: float | None = Field(default=None, alias="min-confidence")
    baseline: str | None = Field(default=None, description="Relative to this file.")
    fail_on_regression: bool = Field(default=False, alias="fail-on-regression")
    max_age: int | None = Field(default=None, ge=0, alias="max-age")

    @field_validator("fail_under", mode="before")
    @classmethod
    def _level_text(cls, value: Any) -> Any:
        return _level(value)

    @field_validator("fail_under_dimension", mode="before")
    @classmethod
    def _levels_text(cls, value: Any) -> Any:
        return {k: _level(v) for k, v in value.items()} if isinstance(value, dict) else value

    @field_validator("min_confidence", mode="before")
    @classmethod
    def _share(cls, value: Any) -> Any:
        return None if value is None else parse_share(value)


def find_policy(start: Path) -> Path | None:
    """The nearest `.cxmaturity.yaml` in `start` or a folder above it."""
    for folder in (start, *start.parents):
        candidate = folder / POLICY_FILE
        if candidate.is_file():
            return candidate
    return None


def load_policy(path: Path) -> Policy:
    """Read and validate a policy file; InputError with located problems if it is wrong."""
    from cxmaturity.validation import validate
    from cxmaturity.yamlsafe import read_yaml_file

    return validate(read_yaml_file(str(path)), Policy)


def dimension_gate(text: str) -> tuple[str, str]:
    """`ID=LEVEL` of `--fail-under-dimension` as a pair."""
    dimension, sep, level = text.partition("=")
    if not sep or not dimension.strip() or not level.strip():
        raise UsageError([Problem("--fail-under-dimension", f'"{text}" is not ID=LEVEL',
                                  hint="for example --fail-under-dimension data=2")])
    return dimension.strip(), level.strip()
