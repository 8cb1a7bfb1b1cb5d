"""The valid files every fuzzer starts from: shipped examples and rubrics, and test data."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cxmaturity.yaml.reader import parse_yaml

ROOT = Path(__file__).resolve().parents[2]


def _texts(*folders: Path) -> list[str]:
    return [p.read_text(encoding="utf-8") for folder in folders
            for p in sorted(folder.glob("*.yaml"))]


ANSWERS_TEXTS = _texts(ROOT / "examples", ROOT / "tests" / "data" / "answers")
RUBRIC_TEXTS = _texts(ROOT / "rubrics", ROOT / "tests" / "data" / "rubrics")


def structures(texts: list[str]) -> list[Any]:
    """The parsed form of each text."""
    return [parse_yaml(text, "seed.yaml").value for text in texts]


ANSWERS_STRUCTURES = structures(ANSWERS_TEXTS)
RUBRIC_STRUCTURES = structures(RUBRIC_TEXTS)


def _report_rubric() -> dict[str, Any]:
    """The tiny test rubric with every optional text a report can show filled in."""
    rubric: dict[str, Any] = parse_yaml(
        (ROOT / "tests" / "data" / "rubrics" / "tiny.yaml").read_text(), "tiny.yaml").value
    rubric.update(level_term="Level", description="A rubric.")
    rubric["questions"][0]["help"] = "What it means."
    rubric["levels"][1]["metrics_that_matter"] = ["Cost"]
    rubric["scoring"]["overall"]["rationale"] = "Why."
    return rubric


#: A rubric and an answers file (naming it as `../rubric.yaml`) whose text fields the
#: reporters' property test and fuzz target fill with any text.
REPORT_RUBRIC = _report_rubric()
REPORT_ANSWERS: dict[str, Any] = {
    "rubric": "../rubric.yaml", "organization": "Org", "site": "North", "date": "2026-01-01",
    "assessor": "Ann", "respondents": [{"name": "Bo", "role": "Lead"}],
    "metrics": {"coverage": {"value": "22%", "evidence": "Report", "period": "Q1"}},
    "answers": {"t1": {"answer": "yes", "evidence": "Seen."}, "t2": "partial", "d1": "yes",
                "d2": "no"},
    "notes": "None."}
