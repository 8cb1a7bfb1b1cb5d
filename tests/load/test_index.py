"""Parts of results shared through a rubric's index never leak one file's answers into
another's result: the order files are scored in changes no byte of any result."""

from __future__ import annotations

from pathlib import Path

from cxmaturity.load.catalog import load_rubric
from cxmaturity.load.submission import read_submission
from cxmaturity.model.result import Assessment
from cxmaturity.scoring.engine import score

from ..conftest import EXAMPLES, RUBRICS


def note(result: Assessment, item: str = "knowledge-documented") -> str | None:
    return next(i.note for d in result.dimensions for i in d.evidence if i.id == item)


def _results(paths: list[Path]) -> dict[str, str]:
    return {p.name: score(read_submission(str(p))).model_dump_json() for p in paths}


def test_scoring_order_does_not_change_results() -> None:
    paths = sorted(EXAMPLES.glob("*.yaml"))
    forward = _results(paths)
    for reference in [p.stem for p in RUBRICS.glob("*.yaml")]:
        load_rubric(reference).index.parts.clear()
    backward = _results(paths[::-1])
    assert forward == backward


def test_answers_with_a_note_keep_it_and_notes_are_not_shared(write) -> None:  # type: ignore[no-untyped-def]
    base = (EXAMPLES / "healthcare-level2.yaml").read_text(encoding="utf-8")
    plain = write("plain.yaml", base)
    noted = write("noted.yaml", base.replace("knowledge-documented: partly",
                                             'knowledge-documented: {answer: partly, '
                                             'evidence: "Wiki audit, May."}'))
    first, second, again = (score(read_submission(str(p))) for p in (plain, noted, plain))

    assert (note(first), note(second), note(again)) == (None, "Wiki audit, May.", None)
    assert first.model_dump_json() == again.model_dump_json()
