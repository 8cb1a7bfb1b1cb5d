"""What a fresh process loads (docs/performance.md, "Cold start"): a single `assess FILE
--format json` loads no pool, no merging, no baseline reader, no text renderer and no
authoring tools, and with the rubric cache filled it builds no rubric validator; `--help`
and shell completion of rubric ids load neither the YAML reader nor the models."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from ..conftest import EXAMPLES

PROBE = """
import contextlib, io, json, os, sys
sys.argv = ["cxmaturity", *sys.argv[1:]]
from cxmaturity.cli import main
with contextlib.redirect_stdout(io.StringIO()) as out:
    try:
        main()
    except SystemExit:
        pass
rubric = sys.modules.get("cxmaturity.model.rubric")
json.dump({"modules": sorted(sys.modules), "out": out.getvalue(),
           "rubric_built": getattr(getattr(rubric, "Rubric", None), "__pydantic_complete__",
                                   None)}, sys.__stdout__)
"""

#: Loaded only by what a single JSON assessment does not do.
NOT_FOR_ONE_FILE = ("multiprocessing", "cxmaturity.run.merge", "cxmaturity.run.baseline",
                    "rich", "jinja2", "cxmaturity.report.terminal", "cxmaturity.lint",
                    "cxmaturity.author")


def probe(*arguments: str, env: dict[str, str] | None = None) -> dict[str, object]:
    done = subprocess.run([sys.executable, "-c", PROBE, *arguments], capture_output=True,
                          text=True, check=True, env={**os.environ, **(env or {})})
    found: dict[str, object] = json.loads(done.stdout)
    return found


def loaded(found: dict[str, object], prefix: str) -> bool:
    modules = found["modules"]
    assert isinstance(modules, list)
    return any(m == prefix or m.startswith(prefix + ".") for m in modules)


def test_a_single_json_assessment_loads_only_what_it_uses() -> None:
    example = str(EXAMPLES / "healthcare-level2.yaml")
    probe("assess", example, "--format", "json")  # fills the rubric cache if it is empty
    found = probe("assess", example, "--format", "json")
    assert json.loads(str(found["out"]))["overall"]["level"] == 2
    assert [m for m in NOT_FOR_ONE_FILE if loaded(found, m)] == []
    assert found["rubric_built"] is False, "the rubric was validated, not read from the cache"


def test_without_the_cache_the_rubric_is_validated() -> None:
    found = probe("assess", str(EXAMPLES / "healthcare-level2.yaml"), "--format", "json",
                  env={"CXMATURITY_NO_CACHE": "1"})
    assert found["rubric_built"] is True


def test_help_and_completion_load_no_yaml_and_no_models() -> None:
    helped = probe("--help")
    completed = probe(env={"_CXMATURITY_COMPLETE": "complete_bash",
                           "COMP_WORDS": "cxmaturity rubric show contact", "COMP_CWORD": "3"})
    assert "contact-center-ai-maturity" in str(completed["out"])
    for found in (helped, completed):
        assert not loaded(found, "yaml") and not loaded(found, "cxmaturity.model")
