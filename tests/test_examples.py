"""Every shipped example scores the level its name promises, with enough evidence; every
shipped YAML file (rubrics, examples) is valid."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cxmaturity.load.bundled import bundled_dir, bundled_ids
from cxmaturity.load.catalog import load_rubric
from cxmaturity.load.submission import check_submission, read_submission
from cxmaturity.scoring.engine import score
from cxmaturity.yaml.reader import parse_bytes

from .conftest import EXAMPLES, ROOT, RUBRICS

EXAMPLE_FILES = sorted(EXAMPLES.glob("*.yaml"))


def expected_level(path: Path) -> int:
    match = re.search(r"-level(\d+)$", path.stem)
    assert match, f"{path.name}: example names end in -levelN"
    return int(match.group(1))


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=[p.name for p in EXAMPLE_FILES])
def test_example_scores_its_level(path: Path) -> None:
    result = score(read_submission(str(path)))
    assert result.overall.level == expected_level(path)
    assert result.status == "scored"
    assert all(d.status == "assessed" for d in result.dimensions)


def test_the_four_whitepaper_organizations_are_shipped() -> None:
    default = [p for p in EXAMPLE_FILES
               if read_submission(str(p)).rubric.id == "contact-center-ai-maturity"]
    assert sorted(expected_level(p) for p in default) == [1, 2, 3, 4]


@pytest.mark.parametrize("rubric_id", bundled_ids())
def test_bundled_rubric_is_valid_and_named_by_its_id(rubric_id: str) -> None:
    assert load_rubric(rubric_id).rubric.id == rubric_id


def test_bundled_rubrics_are_the_checkout_rubrics() -> None:
    assert sorted(p.name for p in bundled_dir().glob("*.yaml")) == sorted(
        p.name for p in RUBRICS.glob("*.yaml"))
    assert "contact-center-ai-maturity" in bundled_ids()


def test_readme_answers_example_is_valid() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("## The answers file", 1)[1].split("```yaml\n", 1)[1].split("```", 1)[0]
    sub = check_submission(parse_bytes(block.encode(), "README.md"), ROOT / "examples")
    assert sub.responses["unified-platform"] == "no"
    assert sub.metric_values["automation-coverage"] == 20
