"""Benchmark `cxmaturity assess` against the floors the issue names, side by side.

    python benchmarks/bench_assess.py                   # 10,000 files, 2 processes
    python benchmarks/bench_assess.py -n 2000 --memory 500,1000,2000

Each figure is the median wall time of --repeat runs of a fresh process (start-up
included), the floor and ours run alternately so machine noise hits both. Reported:

* batch: reading and parsing the N files with PyYAML's CSafeLoader in a pool of the same
  number of processes, against `cxmaturity assess DIR --format jsonl --jobs P`;
* cold start: `cxmaturity assess FILE --format json` against
  `python -c "import typer, yaml, pydantic"`;
* help: `cxmaturity --help` against `python -c "import typer"`;
* stages: in one process, the floor against each stage of ours (strict reader, validation,
  scoring, JSON record), which shows where the time goes;
* memory: the peak resident size of the largest process as N grows.

The package is byte-compiled first, as installing a wheel does: an editable install run with
PYTHONDONTWRITEBYTECODE=1 would otherwise compile every module again on every start, which
the floors (installed libraries) never pay.

This is a script, not a test: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import compileall
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
CLI = str(BIN / "cxmaturity")

FLOOR = """
import sys, os, yaml
from multiprocessing import Pool
def load(path):
    with open(path, "rb") as handle:
        return yaml.load(handle.read(), Loader=yaml.CSafeLoader) is not None
if __name__ == "__main__":
    paths = sorted(os.path.join(d, f) for d, _, fs in os.walk(sys.argv[1]) for f in fs
                   if f.endswith((".yaml", ".yml")))
    with Pool(int(sys.argv[2])) as pool:
        ok = sum(pool.imap(load, paths, chunksize=max(1, len(paths) // (int(sys.argv[2]) * 16))))
    print(ok)
"""

PEAK = """
import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def generate(folder: Path, count: int, broken: int) -> None:
    """`count` valid answers files made from the examples of the default rubric (the
    organization varied), in folders of 500, plus `broken` invalid ones."""
    examples = sorted((ROOT / "examples").glob("*.yaml"))
    templates = [text for text in (p.read_text(encoding="utf-8") for p in examples)
                 if re.search(r"(?m)^rubric: contact-center-ai-maturity$", text)]
    for i in range(count):
        text = templates[i % len(templates)]
        text = re.sub(r"(?m)^organization: (.*)$", rf"organization: \1 {i}", text)
        target = folder / f"batch-{i // 500:03d}" / f"site-{i:05d}.yaml"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    for i in range(broken):
        (folder / f"broken-{i}.yaml").write_text("organization: Broken\ndate: [\n")


def wall(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def compare(floor: list[str], ours: list[str], repeat: int) -> tuple[float, float]:
    """Median wall times of the floor and of ours, run alternately."""
    wall(floor), wall(ours)  # warm the file cache
    floors, mine = [], []
    for _ in range(repeat):
        floors.append(wall(floor))
        mine.append(wall(ours))
    return statistics.median(floors), statistics.median(mine)


def stage_times(folder: Path, limit: int, repeat: int) -> dict[str, float]:
    """Seconds per stage over up to `limit` files in this process (best of `repeat`): the
    floor (`yaml.load` with CSafeLoader), and our pipeline stage by stage."""
    import yaml

    from cxmaturity.batch import Digest, Outcome
    from cxmaturity.report.records import record
    from cxmaturity.scoring import score
    from cxmaturity.submission import check_submission
    from cxmaturity.yamlsafe import parse_bytes

    paths = sorted(folder.rglob("site-*.yaml"))[:limit]
    blobs = [(p.read_bytes(), p.parent) for p in paths]
    best: dict[str, float] = {}
    for _ in range(repeat):
        spent = dict.fromkeys(("floor", "read", "check", "score", "record"), 0.0)
        for blob, base in blobs:
            t0 = time.perf_counter()
            yaml.load(blob, Loader=yaml.CSafeLoader)
            t1 = time.perf_counter()
            doc = parse_bytes(blob, "x.yaml")
            t2 = time.perf_counter()
            sub = check_submission(doc, base)
            t3 = time.perf_counter()
            result = score(sub)
            t4 = time.perf_counter()
            record(Outcome("x.yaml", result.model_dump_json(), Digest.of(result)))
            t5 = time.perf_counter()
            took = (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4)
            for name, seconds in zip(spent, took, strict=True):
                spent[name] += seconds
        best = {k: min(v, best.get(k, v)) for k, v in spent.items()}
    return best


def peak_kib(command: list[str]) -> int:
    done = subprocess.run([sys.executable, "-c", PEAK, *command], capture_output=True,
                          text=True, check=True)
    return int(done.stdout.strip())


def row(name: str, floor: float, ours: float, target: float) -> str:
    ratio = ours / floor
    verdict = "met" if ratio <= target else f"missed by {ratio / target - 1:.0%}"
    return f"| {name} | {floor:.3f} s | {ours:.3f} s | {ratio:.2f}x | {target:g}x ({verdict}) |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=10_000, help="answers files (default 10000)")
    parser.add_argument("--jobs", type=int, default=2, help="processes (default 2)")
    parser.add_argument("--broken", type=int, default=3, help="broken files added (default 3)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure (default 3)")
    parser.add_argument("--memory", default="1000,4000,10000",
                        help="N values for the peak-memory series (default 1000,4000,10000)")
    args = parser.parse_args()
    import cxmaturity

    compileall.compile_dir(Path(cxmaturity.__file__).parent, quiet=1)
    work = Path(tempfile.mkdtemp(prefix="cxmaturity-bench-"))
    try:
        folder = work / "all"
        generate(folder, args.n, args.broken)
        one = next(folder.rglob("site-*.yaml"))
        py = sys.executable
        lines = [f"cxmaturity benchmark: {args.n} files (+{args.broken} broken), "
                 f"{args.jobs} processes, median of {args.repeat}, Python "
                 f"{sys.version.split()[0]}, {os.cpu_count()} CPUs", "",
                 "| what | floor | cxmaturity | ratio | target |", "|---|---:|---:|---:|---|"]
        floor, ours = compare([py, "-c", FLOOR, str(folder), str(args.jobs)],
                              [CLI, "assess", str(folder), "--format", "jsonl", "--jobs",
                               str(args.jobs)], args.repeat)
        lines.append(row(f"{args.n} files, parse floor vs `assess DIR --format jsonl`",
                         floor, ours, 1.3))
        stages = stage_times(folder, 2000, args.repeat)
        lines.append(row("strict reader alone: `CSafeLoader.load` vs `yamlsafe.parse_bytes`, "
                         "2000 files in one process", stages["floor"], stages["read"], 1.0))
        floor, ours = compare([py, "-c", "import typer, yaml, pydantic"],
                              [CLI, "assess", str(one), "--format", "json"], args.repeat * 3)
        lines.append(row("cold start: one file, `--format json`", floor, ours, 1.3))
        floor, ours = compare([py, "-c", "import typer"], [CLI, "--help"], args.repeat * 3)
        lines.append(row("`cxmaturity --help`", floor, ours, 2))
        lines += ["", "Per file, in one process (2000 files), as multiples of the parse floor:", "",
                  "| stage | per file | x floor |", "|---|---:|---:|"]
        for name, label in (("floor", "floor: `yaml.load(CSafeLoader)`"),
                            ("read", "strict reader (`yamlsafe`)"),
                            ("check", "validate answers against the rubric"),
                            ("score", "score"), ("record", "JSON record")):
            per = stages[name] / min(2000, args.n)
            lines.append(f"| {label} | {per * 1e6:.0f} µs | {stages[name] / stages['floor']:.2f} |")
        total = sum(v for k, v in stages.items() if k != "floor") / stages["floor"]
        lines.append(f"| all of ours | | {total:.2f} |")
        lines += ["", "| files | peak memory (largest process) |", "|---:|---:|"]
        for size in [int(n) for n in args.memory.split(",") if n.strip()]:
            sub = work / f"mem-{size}"
            generate(sub, size, 0)
            kib = peak_kib([CLI, "assess", str(sub), "--format", "jsonl", "--jobs",
                            str(args.jobs)])
            lines.append(f"| {size} | {kib / 1024:.0f} MiB |")
            shutil.rmtree(sub)
        print("\n".join(lines))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
