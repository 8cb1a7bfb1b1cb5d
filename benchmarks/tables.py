"""The benchmark's report: the issue's summary table (each figure beside its floor, ratio
and target), then the detail behind each row, in Markdown."""

from __future__ import annotations

from typing import Any

import stages
from runs import Series, pair_ratios

#: Targets of issue 13.
BATCH_TARGET = 1.6
FLAT_TARGET = 1.2
COLD_TARGET = 1.15
#: The size the memory at the largest size is compared with (else the smallest measured).
MEMORY_REFERENCE = 10_000


def _s(seconds: float) -> str:
    return f"{seconds:.3f} s" if seconds < 10 else f"{seconds:.1f} s"


def _times(series: Series) -> str:
    return f"{_s(series.median)} ({_s(series.min)})"


def _verdict(ratio: float, target: float) -> str:
    return f"{target:g}x: {'met' if ratio <= target else 'missed'}"


def _ratio(ours: Series, floor: Series) -> str:
    pairs = pair_ratios(ours, floor)
    spread = f"{min(pairs):.2f}-{max(pairs):.2f}x" if len(pairs) > 1 else f"{pairs[0]:.2f}x"
    return f"{ours.median / floor.median:.2f}x (pairs {spread})"


def _size(n: int) -> str:
    return f"{n // 1_000_000}M" if n >= 1_000_000 and n % 1_000_000 == 0 else \
        f"{n // 1000}k" if n >= 1000 and n % 1000 == 0 else str(n)


def summary(results: dict[str, Any]) -> list[str]:
    lines = ["| what | cxmaturity, median (min) | floor, median (min) | ratio | target |",
             "|---|---:|---:|---:|---|"]
    for row in results.get("batch", []):
        ours, floor = row["ours"], row["floor"]
        lines.append(f"| {row['size']:,} files, `--jobs {row['jobs']}` | {_times(ours)} | "
                     f"{_times(floor)} | {_ratio(ours, floor)} | "
                     f"{_verdict(ours.median / floor.median, BATCH_TARGET)} |")
        if row.get("bound") is not None:
            bound = row["bound"]
            lines.append(f"| the same, with the scoring taken out (`without_scoring.py`) | "
                         f"{_times(bound)} | {_times(floor)} | {_ratio(bound, floor)} | "
                         "lower bound of this design |")
    if results.get("memory"):
        lines.append(_memory_row(results["memory"]))
    if "cold" in results:
        ours, floor = results["cold"]["cxmaturity"], results["cold"]["floor"]
        lines.append(f"| cold start, `assess FILE --format json` vs a one-command Typer app "
                     f"with the same options | {_times(ours)} | {_times(floor)} | "
                     f"{_ratio(ours, floor)} | "
                     f"{_verdict(ours.median / floor.median, COLD_TARGET)} |")
        if "imports only" in results["cold"]:
            bound = results["cold"]["imports only"]
            lines.append(f"| the Typer app importing PyYAML and the data models, doing nothing "
                         f"(`COLD_BOUND`) | {_times(bound)} | {_times(floor)} | "
                         f"{_ratio(bound, floor)} | lower bound of this design |")
    if "stages" in results:
        figures = results["stages"]
        seconds, files = figures["seconds"], figures["files"]
        ours = sum(seconds[k] for k in stages.OURS) / files
        floor = (seconds["floor_read"] + seconds["floor_parse"]) / files
        lines.append(f"| one file in one process (sum of the stages below) | "
                     f"{ours * 1e6:.0f} µs | {floor * 1e6:.0f} µs | {ours / floor:.2f}x | |")
    return lines


def _memory_row(rows: list[dict[str, Any]]) -> str:
    sizes = " / ".join(_size(r["size"]) for r in rows)
    ours = " / ".join(f"{r['ours'].peak_mib:.0f}" for r in rows)
    floor = " / ".join(f"{r['floor'].peak_mib:.0f}" for r in rows)
    flat, reference = _flatness(rows)
    growth = _growth(rows)
    verdict = _verdict(flat, FLAT_TARGET) if len(rows) > 1 else ""
    return (f"| peak memory, {sizes} files | {ours} MiB | {floor} MiB | {_size(rows[-1]['size'])}"
            f" / {_size(reference)}: {flat:.2f}x; grows ~{growth:.0f} B per file | "
            f"{verdict} |")


def _flatness(rows: list[dict[str, Any]]) -> tuple[float, int]:
    by_size = {r["size"]: r["ours"].peak_mib for r in rows}
    reference = MEMORY_REFERENCE if MEMORY_REFERENCE in by_size else rows[0]["size"]
    return by_size[rows[-1]["size"]] / by_size[reference], reference


def _growth(rows: list[dict[str, Any]]) -> float:
    """Bytes of peak memory per file: least squares over the sizes measured."""
    if len(rows) < 2:
        return 0.0
    xs = [float(r["size"]) for r in rows]
    ys = [float(r["ours"].peak_mib) * 2**20 for r in rows]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    spread = sum((x - mean_x) ** 2 for x in xs)
    return sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / spread


def batch_detail(results: dict[str, Any]) -> list[str]:
    broken = results["corpus"]["broken"]
    lines = ["### Batch checks", "",
             "The untimed first run of each row counted cxmaturity's records; equal digests "
             "on the same (reused) corpus mean byte-identical output.", "",
             "| files | jobs | records | errors (expected) | exit codes | output sha256 | "
             "first run |", "|---:|---:|---:|---:|---|---|---:|"]
    for row in results.get("batch", []):
        flag = "" if row["records"] == row["size"] and row["errors"] == broken else " **!**"
        codes = ", ".join(map(str, sorted(row["ours"].exit_codes | {row["check_exit"]})))
        lines.append(f"| {row['size']:,} | {row['jobs']} | {row['records']:,} | "
                     f"{row['errors']} ({broken}){flag} | {codes} | `{row['sha256'][:16]}` | "
                     f"{_s(row['check_seconds'])} |")
    return lines


def memory_detail(results: dict[str, Any]) -> list[str]:
    jobs = results["args"]["memory_jobs"]
    lines = ["### Peak memory", "",
             f"Largest process (`--jobs {jobs}`), resident set at its peak; sizes the batch "
             "already ran at that --jobs reuse its runs.", "",
             "| files | cxmaturity | floor | ratio | cxmaturity run | floor run |",
             "|---:|---:|---:|---:|---:|---:|"]
    for row in results["memory"]:
        ours, floor = row["ours"], row["floor"]
        lines.append(f"| {row['size']:,} | {ours.peak_mib:.0f} MiB | {floor.peak_mib:.0f} MiB | "
                     f"{ours.peak_mib / floor.peak_mib:.2f}x | {_s(ours.median)} | "
                     f"{_s(floor.median)} |")
    return lines


def peer_detail(results: dict[str, Any]) -> list[str]:
    found = results["peer"]
    if "skipped" in found:
        return ["### Peer", "", f"Peer: {found['skipped']}."]
    series = found["series"]
    them, ours, floor = series["peer"], series["cxmaturity"], series["floor"]
    network = "allowed" if found["online"] else "off (LITELLM_LOCAL_MODEL_COST_MAP=True)"
    return ["### Peer: devops-maturity " + found["version"], "",
            "`dm config --file devops-maturity.yml --format json`, a fresh process per run, "
            f"interleaved with our cold start and the Typer floor; its price-list fetch {network}."
            f" Its output: {found['check']}.", "",
            "| what | median (min) | x Typer floor | x cxmaturity |", "|---|---:|---:|---:|",
            f"| devops-maturity, one file | {_times(them)} | {them.median / floor.median:.1f}x | "
            f"{them.median / ours.median:.1f}x |",
            f"| cxmaturity, one file | {_times(ours)} | {ours.median / floor.median:.2f}x | 1x |",
            f"| Typer floor | {_times(floor)} | 1x | |"]


def report(results: dict[str, Any], kept: bool) -> str:
    facts, made = results["facts"], results["corpus"]
    mean = made.get("valid_bytes", 0) / max(1, made.get("valid_files", 1))
    lines = [f"## cxmaturity benchmark: {facts['cxmaturity']} ({facts['revision']})", "",
             f"Python {facts['python']}, {facts['usable_cpus']} CPUs, load average "
             f"{facts['load_at_start']:.2f} at start and {facts['load_at_end']:.2f} at end; "
             f"PyYAML {facts['pyyaml']}. Corpus: {made['files']:,} files (sizes "
             f"{', '.join(f'{s:,}' for s in made['sizes'])}), mean {mean / 1024:.2f} KB, "
             f"{made['broken']} broken in each size, seed {made['seed']}, "
             + ("reused" if results["corpus_reused"] else f"generated in {made['seconds']:.0f} s")
             + (f", kept at `{results['corpus_root']}`" if kept else "") + ".", "",
             *summary(results)]
    if "batch" in results:
        lines += ["", *batch_detail(results)]
    if results.get("memory"):
        lines += ["", *memory_detail(results)]
    if "stages" in results:
        figures = results["stages"]
        lines += ["", f"### Where one file's time goes ({figures['files']} files, one process, "
                  "best pass)", "", *stages.table(figures), "",
                  f"{figures['constructions_per_file']:.0f} pydantic model constructions per "
                  f"file while scoring; the stages' record equals `assess_one`'s: "
                  f"{figures['record_matches']}.", *figures["moved"]]
    if "peer" in results:
        lines += ["", *peer_detail(results)]
    spent = results["spent"]
    lines += ["", "Run time: " + ", ".join(f"{k} {v / 60:.1f} min" if v >= 60 else
                                           f"{k} {v:.0f} s" for k, v in spent.items()) + "."]
    return "\n".join(lines)
