"""The long fuzz run of the loaders (docs/reliability.md): at least 100,000 inputs by default.

    python -m tests.fuzz.long_run --jobs 2            # 100,000 inputs
    python -m tests.fuzz.long_run --inputs 1000000 --seed 7 --jobs 8 --report fuzz.json

Each target gets a share of the inputs. A crash (an exception other than a located
InputError, an unlocated problem, or a valid generated file that fails to score) is
printed with the smallest input Hypothesis finds, and the run exits 1. At the end it
prints the figures: inputs per target, outcomes, the median, 99th-percentile and slowest
time per input, and peak memory (the largest resident set of any process).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import resource
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st

from cxmaturity.load.bundled import bundled_ids
from cxmaturity.load.catalog import load_rubric
from cxmaturity.load.submission import check_submission
from cxmaturity.scoring.engine import score
from cxmaturity.yaml.reader import parse_bytes

from .seeds import (
    ANSWERS_STRUCTURES,
    ANSWERS_TEXTS,
    REPORT_ANSWERS,
    REPORT_RUBRIC,
    RUBRIC_STRUCTURES,
    RUBRIC_TEXTS,
)
from .strategies import (
    answers_mappings,
    mutated_bytes,
    mutated_structures,
    mutated_texts,
    text_paths,
    to_yaml,
    with_text,
    yaml_texts,
)
from .targets import BASE, answers_outcome, rubric_outcome


def _valid_answers() -> st.SearchStrategy[bytes]:
    cases = [(load_rubric(r), r) for r in bundled_ids()]
    return st.sampled_from(cases).flatmap(
        lambda case: answers_mappings(*case)).map(lambda m: to_yaml(m).encode())


def _must_score(raw: bytes) -> str:
    score(check_submission(parse_bytes(raw, "valid.yaml"), BASE))
    return "scored"


@dataclass
class Target:
    """One input generator and the check every input must pass."""

    name: str
    share: float
    inputs: Callable[[], st.SearchStrategy[Any]]
    check: Callable[[Any], str]
    outcomes: Counter[str] = field(default_factory=Counter)
    times: list[float] = field(default_factory=list)
    crashes: list[str] = field(default_factory=list)


def _now_and_then(text: str) -> bool:
    """Render the Rich report, or every format, for about one input in sixteen (it is the
    slow part)."""
    return len(text) % 16 == 0


_FIELDS = ([("rubric", p) for p in text_paths(REPORT_RUBRIC)]
           + [("answers", p) for p in text_paths(REPORT_ANSWERS)])
_FOLDER = Path(tempfile.mkdtemp(prefix="cxmaturity-fuzz-"))
(_FOLDER / "sites").mkdir()
(_FOLDER / ".git").mkdir()  # a repository, whose answers files may name its rubric


def _any_text() -> st.SearchStrategy[tuple[tuple[str, tuple[Any, ...]], str]]:
    return st.tuples(st.sampled_from(_FIELDS), st.text(max_size=60))


def _reported(case: tuple[tuple[str, tuple[Any, ...]], str]) -> str:
    """Any text in one text field of the answers file or its rubric, reported in every
    format; each report is checked by tests/output_checks.py."""
    (kind, path), text = case
    rubric = with_text(REPORT_RUBRIC, path, text) if kind == "rubric" else REPORT_RUBRIC
    answers = with_text(REPORT_ANSWERS, path, text) if kind == "answers" else REPORT_ANSWERS
    (_FOLDER / "rubric.yaml").write_text(to_yaml(rubric), encoding="utf-8")
    return answers_outcome(to_yaml(answers).encode(), every_format=True,
                           base=_FOLDER / "sites")


TARGETS = [
    Target("answers: YAML-like text", 0.23, yaml_texts,
           lambda t: answers_outcome(t.encode("utf-8", "surrogatepass"))),
    Target("answers: edited files", 0.20, lambda: mutated_texts(ANSWERS_TEXTS),
           lambda t: answers_outcome(t.encode(), rich=_now_and_then(t),
                                     every_format=_now_and_then(t[1:]))),
    Target("answers: edited bytes", 0.20, lambda: mutated_bytes(ANSWERS_TEXTS), answers_outcome),
    Target("answers: edited structures", 0.20, lambda: mutated_structures(ANSWERS_STRUCTURES),
           lambda v: answers_outcome(to_yaml(v).encode())),
    Target("answers: valid, generated", 0.05, _valid_answers, _must_score),
    Target("rubric: edited files", 0.05, lambda: mutated_texts(RUBRIC_TEXTS),
           lambda t: rubric_outcome(t.encode(), every_format=_now_and_then(t))),
    Target("rubric: edited structures", 0.05, lambda: mutated_structures(RUBRIC_STRUCTURES),
           lambda v: rubric_outcome(to_yaml(v).encode())),
    Target("reports: any text in any field", 0.02, _any_text, _reported),
]


def run(target: Target, count: int, seed_value: int) -> None:
    """Feed `count` generated inputs to one target, recording outcomes, time and crashes."""

    @seed(seed_value)
    @settings(max_examples=count, database=None, deadline=None, derandomize=False,
              phases=[Phase.generate, Phase.shrink], report_multiple_bugs=False,
              suppress_health_check=list(HealthCheck))
    @given(target.inputs())
    def feed(value: Any) -> None:
        start = time.perf_counter()
        outcome = target.check(value)
        target.times.append(time.perf_counter() - start)
        target.outcomes[outcome] += 1

    try:
        feed()
    except Exception:  # a crash: keep the minimal example and go on
        text = traceback.format_exc(limit=-6)
        target.crashes.append(text if len(text) < 8000 else f"{text[:6000]}\n...\n{text[-2000:]}")


def _run_one(job: tuple[int, int, int]) -> tuple[Counter[str], list[float], list[str], float]:
    """Run target number `index` in this process; what it found, and this process's peak RSS."""
    index, count, seed_value = job
    target = TARGETS[index]
    print(f"{target.name}: {count} inputs ...", file=sys.stderr, flush=True)
    run(target, count, seed_value)
    return target.outcomes, target.times, target.crashes, _peak_rss_mb()


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=100_000, help="total inputs (default "
                        "100000)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--jobs", type=int, default=1, help="processes (default 1)")
    parser.add_argument("--report", help="also write the figures as JSON to this file")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    jobs = [(i, max(1, round(args.inputs * t.share)), args.seed) for i, t in enumerate(TARGETS)]
    if args.jobs > 1:
        with multiprocessing.Pool(args.jobs) as pool:
            found = pool.map(_run_one, jobs, chunksize=1)
    else:
        found = [_run_one(job) for job in jobs]
    for target, (outcomes, times, crashes, _) in zip(TARGETS, found, strict=True):
        target.outcomes, target.times, target.crashes = outcomes, times, crashes
    peak = max([_peak_rss_mb(), *(rss for *_, rss in found)])
    figures = _figures(args, time.perf_counter() - started, peak)
    print(_markdown(figures))
    if args.report:
        with open(args.report, "w", encoding="utf-8") as handle:
            json.dump(figures, handle, indent=2)
    return 1 if figures["crashes"] else 0


def _figures(args: argparse.Namespace, seconds: float, peak: float) -> dict[str, Any]:
    return {
        "seed": args.seed,
        "inputs": sum(sum(t.outcomes.values()) for t in TARGETS),
        "seconds": round(seconds, 1),
        "jobs": args.jobs,
        "peak_rss_mb": round(peak, 1),
        "crashes": sum(len(t.crashes) for t in TARGETS),
        "targets": [{"name": t.name, "inputs": sum(t.outcomes.values()),
                     "outcomes": dict(sorted(t.outcomes.items())),
                     **_milliseconds(t.times), "crashes": t.crashes}
                    for t in TARGETS],
    }


def _milliseconds(times: list[float]) -> dict[str, float]:
    """Median, 99th percentile and slowest time per input, in milliseconds."""
    ordered = sorted(times) or [0.0]
    def at(share: float) -> float:
        return round(ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000, 1)
    return {"median_ms": at(0.5), "p99_ms": at(0.99), "slowest_ms": round(ordered[-1] * 1000, 1)}


def _markdown(figures: dict[str, Any]) -> str:
    lines = ["| target | inputs | outcomes | median | 99th pct | slowest | crashes |",
             "|---|---:|---|---:|---:|---:|---:|"]
    for t in figures["targets"]:
        outcomes = ", ".join(f"{k} {v:,}" for k, v in t["outcomes"].items())
        lines.append(f"| {t['name']} | {t['inputs']:,} | {outcomes} | {t['median_ms']} ms "
                     f"| {t['p99_ms']} ms | {t['slowest_ms']} ms | {len(t['crashes'])} |")
    lines.append(f"\n{figures['inputs']:,} inputs in {figures['seconds']} s (seed "
                 f"{figures['seed']}), peak memory {figures['peak_rss_mb']} MB, "
                 f"{figures['crashes']} crash(es).")
    for t in figures["targets"]:
        lines += [f"\nCRASH in {t['name']}:\n{crash}" for crash in t["crashes"]]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
