"""Time and memory of the answers loader on the worst inputs the limits allow.

    python benchmarks/worst_cases.py

Each case is an answers file just inside or just past a limit in docs/limits.md; the
table gives the outcome, the wall time of reading, checking and (if valid) scoring
it, and the peak growth of the Python heap meanwhile (tracemalloc, in a second run).
Figures go to the README's "Reliability" section.
"""

from __future__ import annotations

import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from cxmaturity.errors import InputError
from cxmaturity.load.submission import check_submission
from cxmaturity.scoring.engine import score
from cxmaturity.yaml.reader import parse_bytes
from cxmaturity.yaml.scalars import MAX_BYTES, MAX_DEPTH, MAX_NODES, MAX_STRING

HEAD = "rubric: contact-center-ai-maturity\norganization: Worst case\ndate: 2026-01-01\n"


def _fill(line: Callable[[int], str], budget: int = MAX_BYTES) -> str:
    parts, size, i = [HEAD], len(HEAD), 0
    while True:
        piece = line(i)
        if size + len(piece) > budget:
            return "".join(parts)
        parts.append(piece)
        size += len(piece)
        i += 1


CASES: dict[str, Callable[[], str]] = {
    "1 MB of unknown question ids": lambda: _fill(
        lambda i: f"  q{i}: yes\n" if i else "answers:\n"),
    "24,990 unknown question ids": lambda: _fill(
        lambda i: f"  q{i}: yes\n" if i else "answers:\n", len(HEAD) + 10 + 24_990 * 11),
    f"{MAX_NODES - 10:,} values in a flow list": lambda: HEAD + "notes: [" + "1," * (
        MAX_NODES - 10) + "]\n",
    f"{MAX_NODES + 1:,} values (past the limit)": lambda: HEAD + "notes: [" + "1," * (
        MAX_NODES + 1) + "]\n",
    "1 MB of long evidence notes": lambda: _fill(
        lambda i: "answers:\n" if not i else f"  q{i}: {{answer: yes, evidence: "
        f"{'x' * (MAX_STRING - 100)}}}\n"),
    f"nesting {MAX_DEPTH} deep": lambda: HEAD + "notes: " + "[" * (MAX_DEPTH - 1) + "]" * (
        MAX_DEPTH - 1) + "\n",
    "nesting 100,000 deep": lambda: HEAD + "notes: " + "[" * 100_000 + "]" * 100_000 + "\n",
    "a 1 MB comment and a valid file": lambda: "#" + "x" * (MAX_BYTES - 200) + "\n" + HEAD,
    "1 MB + 1 byte": lambda: "#" + "x" * MAX_BYTES + "\n" + HEAD,
}


def outcome_of(raw: bytes) -> str:
    """What reading, checking and (if valid) scoring an answers file gives."""
    try:
        score(check_submission(parse_bytes(raw, "worst.yaml"), Path(".")))
    except InputError as error:
        first = error.problems[0].message
        return f"exit 2: {first[:48]}" + (f" (+{len(error.problems) - 1})"
                                          if len(error.problems) > 1 else "")
    return "scored"


def measure(text: str) -> tuple[str, float, float]:
    """Outcome, seconds, and peak heap growth (MB, from a second, traced run)."""
    raw = text.encode()
    start = time.perf_counter()
    outcome = outcome_of(raw)
    seconds = time.perf_counter() - start
    tracemalloc.start()
    outcome_of(raw)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return outcome, seconds, peak / 1024**2


def main() -> None:
    print("| input | bytes | outcome | time | heap peak |\n|---|---:|---|---:|---:|")
    for name, make in CASES.items():
        text = make()
        outcome, seconds, peak = measure(text)
        print(f"| {name} | {len(text.encode()):,} | {outcome} | {seconds:.2f} s "
              f"| {peak:.0f} MB |")


if __name__ == "__main__":
    main()
