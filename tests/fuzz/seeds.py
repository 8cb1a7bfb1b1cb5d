"""The valid files every fuzzer starts from: shipped examples and rubrics, and test data."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cxmaturity.yamlsafe import parse_yaml

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
