"""Benchmark `cxmaturity` against its floors (issue 13), interleaved, and print the table.

    python benchmarks/bench_assess.py --smoke             # a minute or two: does it all run?
    python benchmarks/bench_assess.py                     # the issue's table, ~1 h on 2 CPUs
    python benchmarks/bench_assess.py --measure memory --million --keep
    python benchmarks/bench_assess.py --measure batch --reuse /tmp/cxmaturity-corpus-XXXX
    python benchmarks/bench_assess.py --measure peer --peer-bin /tmp/peer-dm/bin/dm

Measurements (--measure, comma-separated, or all):
  batch   `assess DIR --format jsonl --jobs P` against parse_floor.py: read every file and
          parse it with PyYAML's CSafeLoader, in the same number of processes; with
          --bound, also the same batch with the scoring taken out (without_scoring.py)
  memory  peak resident size of the largest process of each, as the number of files grows
  cold    `assess FILE --format json` against typer_floor.py, a one-command Typer app with
          the same options that parses nothing; with --bound, also that app importing
          PyYAML and the answers, rubric and result models (COLD_BOUND)
  stages  where one file's time goes, in one process (stages.py)
  peer    devops-maturity's `dm config --file F --format json` (peer.py; needs --peer-bin)

Every figure is a fresh process, timed on the wall clock, its floor run next to it (A B,
then B A), after one untimed run that fills the file cache; the table gives min and median
and the ratio to the floor. The package is byte-compiled first, as installing a wheel does.
Progress goes to standard error, the report (Markdown) to standard output. Read the ratios,
not the seconds, and run it on a quiet machine: the load average is printed.
See docs/performance.md.
"""

from __future__ import annotations

import argparse
import compileall
import importlib.metadata
import importlib.util
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import corpus
import peer
import tables
from runs import Command, OutputCheck, Series, interleave, note, run

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PY = sys.executable
MEASURES = ("batch", "memory", "cold", "stages", "peer")
SMOKE = {"sizes": "500", "memory_sizes": "200,500,1000", "repeat": 1, "cold_repeat": 5,
         "stage_files": 300, "stage_repeat": 1, "peer_repeat": 2}
TYPER_FLOOR = f"import sys; sys.path.insert(0, {str(HERE)!r}); import typer_floor; " \
    "typer_floor.main()"
#: --bound: the Typer floor that also imports what any `assess` must (PyYAML, and the data
#: models of the answers, the rubric and the result), and does nothing with them.
COLD_BOUND = TYPER_FLOOR.replace(
    "import typer_floor;", "import typer_floor, yaml, cxmaturity.model.answers, "
    "cxmaturity.model.result, cxmaturity.model.rubric;")


def _sizes(text: str) -> list[int]:
    return [int(part.replace("_", "")) for part in text.split(",") if part.strip()]


def options(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     epilog=__doc__.split("\n\n", 2)[2],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    add = parser.add_argument
    add("--measure", default="batch,memory,cold,stages",
        help="what to measure: batch,memory,cold,stages,peer or all (default: all but peer)")
    add("--sizes", default="10000,100000", help="batch sizes (default 10000,100000)")
    add("--jobs", default="1,2", help="--jobs values for the batch (default 1,2)")
    add("--repeat", type=int, default=3, help="timed runs per batch figure (default 3)")
    add("--bound", action="store_true",
        help="also time what the design costs before any work, interleaved with the rest: "
        "the batch with the scoring taken out (without_scoring.py), and the cold start's "
        "floor importing PyYAML and the data models")
    add("--memory-sizes", default="1000,10000,100000",
        help="sizes for peak memory (default 1000,10000,100000)")
    add("--million", action="store_true", help="add 1,000,000 files to the memory sizes")
    add("--memory-jobs", type=int, default=2, help="--jobs for the memory runs (default 2)")
    add("--memory-repeat", type=int, default=1, help="runs per memory size (default 1)")
    add("--cold-repeat", type=int, default=21, help="fresh processes per cold start (default 21)")
    add("--stage-files", type=int, default=2000, help="files for the stages (default 2000)")
    add("--stage-repeat", type=int, default=3, help="passes for the stages (default 3)")
    add("--broken", type=int, default=5, help="broken files in every size (default 5)")
    add("--seed", type=int, default=13, help="seed of the generated files (default 13)")
    add("--rubric", help="vary only the examples of this rubric (default: every example)")
    add("--workdir", type=Path, default=Path(tempfile.gettempdir()),
        help="where to generate the corpus (default: the temporary folder)")
    add("--keep", action="store_true", help="keep the generated corpus (for --reuse)")
    add("--reuse", type=Path, metavar="CORPUS", help="use a corpus kept by --keep")
    add("--corpus-only", action="store_true",
        help="only generate a corpus with every --sizes and --memory-sizes, keep it and "
        "print its path (for --reuse)")
    add("--peer-bin", type=Path, metavar="DM", help="the peer's `dm` script (see peer.py)")
    add("--peer-repeat", type=int, default=7, help="runs of the peer (default 7)")
    add("--peer-online", action="store_true", help="let the peer fetch its price list")
    add("--save", type=Path, metavar="JSON", help="also write every raw figure here")
    add("--smoke", action="store_true",
        help="tiny sizes and 1-2 runs, to check the harness (numbers mean nothing)")
    if argv is None:
        argv = sys.argv[1:]
    if "--smoke" in argv:
        parser.set_defaults(**SMOKE)
    args = parser.parse_args(argv)
    args.measures = MEASURES if args.measure == "all" else tuple(
        m.strip() for m in args.measure.split(","))
    unknown = set(args.measures) - set(MEASURES)
    if unknown:
        parser.error(f"unknown measurement {', '.join(sorted(unknown))}; "
                     f"choose from {', '.join(MEASURES)}")
    args.sizes, args.jobs = _sizes(args.sizes), _sizes(args.jobs)
    args.memory_sizes = _sizes(args.memory_sizes) + ([1_000_000] if args.million else [])
    return args


def corpus_sizes(args: argparse.Namespace) -> list[int]:
    if args.corpus_only:
        return sorted(set(args.sizes) | set(args.memory_sizes))
    sizes = set(args.sizes if "batch" in args.measures else [])
    sizes |= set(args.memory_sizes if "memory" in args.measures else [])
    if not sizes:  # the stages need their files; cold start and the peer, one
        sizes = {args.broken + (args.stage_files if "stages" in args.measures else 1)}
    return sorted(sizes)


def cli() -> list[str]:
    script = Path(PY).parent / "cxmaturity"
    return [str(script)] if script.exists() else [PY, "-m", "cxmaturity"]


def compile_package() -> Path:
    """Byte-compile the package (and the floors), as installing a wheel does."""
    spec = importlib.util.find_spec("cxmaturity")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("cxmaturity is not installed in this Python; see docs/development.md")
    package = Path(next(iter(spec.submodule_search_locations)))
    compileall.compile_dir(package, quiet=1)
    compileall.compile_dir(HERE, quiet=1, maxlevels=0)
    return package


def environment(package: Path) -> dict[str, Any]:
    import yaml

    if not hasattr(yaml, "CSafeLoader"):
        raise SystemExit("PyYAML has no CSafeLoader (built without libyaml): the floor needs it")
    revision = subprocess.run(["git", "-C", str(ROOT), "describe", "--always", "--dirty"],
                              capture_output=True, text=True, check=False).stdout.strip()
    return {"python": platform.python_version(), "cpus": os.cpu_count(),
            "usable_cpus": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
            else os.cpu_count(), "load_at_start": os.getloadavg()[0],
            "cxmaturity": importlib.metadata.version("cxmaturity"), "revision": revision or "?",
            "package": str(package), "pyyaml": yaml.__version__}


def measure_batch(args: argparse.Namespace, found: corpus.Corpus) -> list[dict[str, Any]]:
    rows = []
    for size in args.sizes:
        folder = str(found.folder(size))
        for jobs in args.jobs:
            label = f"batch {size} files --jobs {jobs}"
            line = ["assess", folder, "--format", "jsonl", "--jobs", str(jobs)]
            ours = Command([*cli(), *line], cwd=found.root)
            commands = {"floor": Command([PY, str(HERE / "parse_floor.py"), folder, str(jobs)]),
                        "cxmaturity": ours}
            if args.bound:
                commands["without scoring"] = Command(
                    [PY, str(HERE / "without_scoring.py"), *line], cwd=found.root)
            check = OutputCheck()
            note(f"{label}: check run (untimed, output counted)")
            checked = run(ours, consume=check.consume)
            series = interleave(commands, args.repeat, label, warm=False)
            rows.append({"size": size, "jobs": jobs, "floor": series["floor"],
                         "ours": series["cxmaturity"], "bound": series.get("without scoring"),
                         "records": check.records,
                         "errors": check.errors, "sha256": check.digest.hexdigest(),
                         "check_seconds": checked.seconds, "check_exit": checked.exit_code})
    return rows


def measure_memory(args: argparse.Namespace, found: corpus.Corpus,
                   batch: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    for size in args.memory_sizes:
        done = [r for r in batch if r["size"] == size and r["jobs"] == args.memory_jobs]
        if done:
            rows.append({"size": size, "floor": done[0]["floor"], "ours": done[0]["ours"],
                         "from_batch": True})
            continue
        folder = str(found.folder(size))
        jobs = str(args.memory_jobs)
        series = interleave({
            "floor": Command([PY, str(HERE / "parse_floor.py"), folder, jobs]),
            "cxmaturity": Command([*cli(), "assess", folder, "--format", "jsonl", "--jobs", jobs],
                                  cwd=found.root)}, args.memory_repeat, f"memory {size} files",
            warm=False)
        rows.append({"size": size, "floor": series["floor"], "ours": series["cxmaturity"],
                     "from_batch": False})
    return rows


def cold_commands(found: corpus.Corpus, bound: bool = False) -> dict[str, Command]:
    one = str(found.sample(1)[0])
    commands = {"floor": Command([PY, "-c", TYPER_FLOOR, one, "--format", "json"]),
                "cxmaturity": Command([*cli(), "assess", one, "--format", "json"],
                                      cwd=found.root)}
    if bound:
        commands["imports only"] = Command([PY, "-c", COLD_BOUND, one, "--format", "json"])
        if run(commands["imports only"]).exit_code != 0:
            raise SystemExit("bench_assess: the cold-start bound failed; a module it imports "
                             "may have moved (edit COLD_BOUND)")
    return commands


def measure_stages(args: argparse.Namespace, found: corpus.Corpus) -> dict[str, Any]:
    note(f"stages: {args.stage_files} files, {args.stage_repeat} passes, in one process")
    done = subprocess.run([PY, str(HERE / "stages.py"), str(found.root), "--json", "--files",
                           str(args.stage_files), "--repeat", str(args.stage_repeat)],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"stages.py failed:\n{done.stderr.strip()}")
    figures: dict[str, Any] = json.loads(done.stdout)
    return figures


def measure_peer(args: argparse.Namespace, found: corpus.Corpus,
                 work: Path) -> dict[str, Any]:
    if args.peer_bin is None or not args.peer_bin.exists():
        return {"skipped": f"no peer at {args.peer_bin}" if args.peer_bin
                else "not measured: pass --peer-bin (see docs/performance.md)"}
    folder = work / "peer"
    folder.mkdir(exist_ok=True)
    commands = {**cold_commands(found), "peer": peer.command(args.peer_bin, folder,
                                                             args.peer_online)}
    checked = peer.check(commands["peer"])
    series = interleave(commands, args.peer_repeat, "peer")
    return {"series": series, "check": checked, "online": args.peer_online,
            "version": _peer_version(args.peer_bin)}


def _peer_version(peer_bin: Path) -> str:
    done = subprocess.run([str(peer_bin.parent / "python"), "-c", "import importlib.metadata as "
                           "m; print(m.version('devops-maturity'))"], capture_output=True,
                          text=True, check=False)
    return done.stdout.strip() or "?"


def main() -> None:
    args = options()
    started = time.perf_counter()
    spent: dict[str, float] = {}
    package = compile_package()
    facts = environment(package)
    note(f"load average {facts['load_at_start']:.2f} on {facts['usable_cpus']} CPUs")
    clock = time.perf_counter()
    if args.reuse:
        found = corpus.reuse(args.reuse, corpus_sizes(args), args.broken, args.seed, args.rubric)
    else:
        note(f"generating {max(corpus_sizes(args))} files under {args.workdir}")
        found = corpus.generate(args.workdir, corpus_sizes(args), args.broken, args.seed,
                                args.rubric)
    spent["corpus"] = time.perf_counter() - clock
    if args.corpus_only:
        print(f"{found.root}\t{found.manifest['files']} files, sizes {found.sizes}, generated "
              f"in {spent['corpus']:.0f} s; pass --reuse {found.root}")
        return
    work = Path(tempfile.mkdtemp(prefix="cxmaturity-bench-"))
    results: dict[str, Any] = {"facts": facts, "args": vars(args), "corpus": found.manifest,
                               "corpus_root": str(found.root), "corpus_reused": found.reused}
    try:
        for name in args.measures:
            clock = time.perf_counter()
            if name == "batch":
                results["batch"] = measure_batch(args, found)
            elif name == "memory":
                results["memory"] = measure_memory(args, found, results.get("batch", []))
            elif name == "cold":
                results["cold"] = interleave(cold_commands(found, args.bound), args.cold_repeat,
                                             "cold")
            elif name == "stages":
                results["stages"] = measure_stages(args, found)
            else:
                results["peer"] = measure_peer(args, found, work)
            spent[name] = time.perf_counter() - clock
    finally:
        if not (args.keep or args.reuse):
            corpus.remove(found)
        shutil.rmtree(work, ignore_errors=True)
    facts["load_at_end"] = os.getloadavg()[0]
    spent["total"] = time.perf_counter() - started
    results["spent"] = spent
    print(tables.report(results, kept=args.keep and not args.reuse))
    if args.save:
        args.save.write_text(json.dumps(results, default=_raw, indent=1), encoding="utf-8")


def _raw(value: Any) -> Any:
    if isinstance(value, Series):
        return [vars(r) for r in value.runs]
    return str(value)


if __name__ == "__main__":
    main()
