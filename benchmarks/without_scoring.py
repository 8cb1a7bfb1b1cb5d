"""A lower bound for the batch: `cxmaturity` as it runs, with only the scoring taken out.

    python benchmarks/without_scoring.py assess FOLDER --format jsonl --jobs 1

Everything else is the tool's own: discovery, reading, the strict parse, validation against
the rubric, gates, the record and writing it. Scoring is replaced by the result of the first
file of each rubric, reused for every later file of that rubric with the file's own name and
organization, so each record is as long as a real one and is serialised in full. The time
this takes against the parse floor is what the design costs before any scoring
(docs/performance.md, "Why the batch target is missed").

It replaces `score` in the module named by TARGET, which is the package's own code, not a
library's; when scoring moves, the error says where to point it.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

#: The module whose `score` the batch calls (see src/cxmaturity/run/batch.py).
TARGET = "cxmaturity.run.batch"


def main() -> None:
    batch = importlib.import_module(TARGET)
    scorer = getattr(batch, "score", None)
    if scorer is None:
        raise SystemExit(f"without_scoring: {TARGET} has no `score` any more; point TARGET in "
                         f"{__file__} at the module the batch scores with")
    reused: dict[str, Any] = {}

    def reuse(sub: Any, *, target: int | None = None) -> Any:
        first = reused.get(sub.rubric.id)
        if first is None:
            first = reused[sub.rubric.id] = scorer(sub, target=target)
        return first.model_copy(update={"file": sub.file,
                                        "organization": sub.answers.organization})

    batch.score = reuse
    from cxmaturity.cli import main as cli_main

    sys.argv = ["cxmaturity", *sys.argv[1:]]
    cli_main()


if __name__ == "__main__":
    main()
