"""Where one file's time goes, in one process: the floor (read the file, parse it with
PyYAML's `CSafeLoader`) beside each stage of ours, file by file, best of several passes.

    python benchmarks/stages.py FOLDER [--files 2000] [--repeat 3] [--json]

Stages: read (the bytes), strict YAML parse, validation (schema and rubric checks),
scoring logic, building result models (time spent inside pydantic model constructors
while scoring), serialising (the JSON document and its JSONL record). A first, untimed
pass loads the rubrics and fills caches, so the figures are the steady state of a batch.

The package is reached only through LOCATIONS and `Pipeline` below, so that when modules
move, the fix is one line here, and the error says which.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import pkgutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import yaml

#: Each name the stages use, and the modules to look in first. A name found in none of them
#: is searched for in every module of the package (and the report says where it was found);
#: when a function is renamed, or its arguments change, edit this and `Pipeline`.
LOCATIONS: dict[str, tuple[str, ...]] = {
    "read_limited": ("cxmaturity.yaml.reader",),
    "parse_bytes": ("cxmaturity.yaml.reader",),
    "check_submission": ("cxmaturity.load.submission",),
    "score": ("cxmaturity.scoring.engine",),
    "Digest": ("cxmaturity.model.records",),
    "Outcome": ("cxmaturity.model.records",),
    "record": ("cxmaturity.report.records",),
    "assess_one": ("cxmaturity.run.batch",),
    "Settings": ("cxmaturity.run.batch",),
    "Rubrics": ("cxmaturity.load.catalog",),
    "CxError": ("cxmaturity.errors",),
}
PACKAGE = "cxmaturity"
STAGES = ("floor_read", "floor_parse", "read", "parse", "validate", "score", "serialise")


def resolve(moved: list[str]) -> SimpleNamespace:
    """Every name in LOCATIONS, imported; names found elsewhere are added to `moved`."""
    found: dict[str, Any] = {}
    for name, modules in LOCATIONS.items():
        tried = []
        for module in modules:
            try:
                found[name] = getattr(importlib.import_module(module), name)
                break
            except (ImportError, AttributeError) as exc:
                tried.append(f"{module}: {type(exc).__name__}: {exc}")
        else:
            home = _search(name)
            if home is None:
                raise SystemExit(f"stages: cannot find `{name}` (tried {'; '.join(tried)}; no "
                                 f"module of {PACKAGE} defines it). Point LOCATIONS in "
                                 f"{__file__} at its new home, or change `Pipeline` there "
                                 "if the step is now done differently.")
            moved.append(f"`{name}` found in {home}, not in {', '.join(modules)}: update "
                         "LOCATIONS in benchmarks/stages.py")
            found[name] = getattr(importlib.import_module(home), name)
    return SimpleNamespace(**found)


def _search(name: str) -> str | None:
    """The module of the package that defines `name` at its top level."""
    package = importlib.import_module(PACKAGE)
    for info in pkgutil.walk_packages(package.__path__, f"{PACKAGE}."):
        try:
            module = importlib.import_module(info.name)
        except Exception:  # a module that cannot be imported alone is not the one
            continue
        value = getattr(module, name, None)
        if value is not None and getattr(value, "__module__", None) == info.name:
            return info.name
    return None


class Pipeline:
    """Scoring one file, step by step, as `cxmaturity assess --format jsonl` does it (no
    gates, no target): the only code here that knows the package's signatures."""

    def __init__(self, api: SimpleNamespace) -> None:
        self.api = api
        self.settings = api.Settings()
        self.rubrics = api.Rubrics()  # one per process, as a batch worker keeps

    def read(self, path: str) -> bytes:
        return bytes(self.api.read_limited(path, path))

    def parse(self, raw: bytes, path: str) -> Any:
        return self.api.parse_bytes(raw, path)

    def validate(self, document: Any, path: str) -> Any:
        return self.api.check_submission(document, Path(path).parent, rubrics=self.rubrics)

    def score(self, submission: Any) -> Any:
        return self.api.score(submission)

    def serialise(self, result: Any, path: str) -> str:
        api = self.api
        return str(api.record(api.Outcome(path, result.model_dump_json(),
                                          api.Digest.of(result))))

    def whole(self, path: str) -> str:
        """The same file end to end, through the function a batch worker calls."""
        return str(self.api.record(self.api.assess_one(path, self.settings,
                                                       rubrics=self.rubrics)))


class ModelClock:
    """Time spent inside pydantic model constructors (validated `__init__` and
    `model_construct`), outermost calls only, while it is installed."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.calls = 0
        self._depth = 0

    @contextmanager
    def installed(self) -> Iterator[ModelClock]:
        import pydantic

        base = pydantic.BaseModel
        init, construct = base.__init__, base.model_construct.__func__  # type: ignore[attr-defined]
        clock = self

        def timed_init(model: Any, /, **data: Any) -> None:
            clock._enter()
            start = time.perf_counter()
            try:
                init(model, **data)
            finally:
                clock._leave(time.perf_counter() - start)

        def timed_construct(cls: Any, *args: Any, **data: Any) -> Any:
            clock._enter()
            start = time.perf_counter()
            try:
                return construct(cls, *args, **data)
            finally:
                clock._leave(time.perf_counter() - start)

        base.__init__ = timed_init  # type: ignore[method-assign]
        base.model_construct = classmethod(timed_construct)  # type: ignore[assignment]
        try:
            yield self
        finally:
            base.__init__ = init  # type: ignore[method-assign]
            base.model_construct = classmethod(construct)  # type: ignore[assignment]

    def _enter(self) -> None:
        self._depth += 1
        self.calls += 1

    def _leave(self, seconds: float) -> None:
        self._depth -= 1
        if self._depth == 0:
            self.seconds += seconds


def answers_files(folder: str, limit: int) -> list[str]:
    found: list[str] = []
    for where, subfolders, files in os.walk(folder):
        subfolders.sort()
        found += [os.path.join(where, n) for n in sorted(files) if n.endswith((".yaml", ".yml"))]
        if len(found) >= limit * 2:
            break
    return found


def _usable(pipeline: Pipeline, paths: list[str], limit: int) -> list[str]:
    """The first `limit` files our pipeline scores (broken files are left out), after one
    untimed pass; a failure that is not an input error names the stage that broke."""
    usable: list[str] = []
    for path in paths:
        stage = "read"
        try:
            raw = pipeline.read(path)
            stage = "parse"
            doc = pipeline.parse(raw, path)
            stage = "validate"
            sub = pipeline.validate(doc, path)
            stage = "score"
            result = pipeline.score(sub)
            stage = "serialise"
            pipeline.serialise(result, path)
        except pipeline.api.CxError:
            continue
        except Exception as exc:
            raise SystemExit(f"stages: the {stage} step failed on {path}: "
                             f"{type(exc).__name__}: {exc}. If the package changed how this "
                             f"step is called, adjust `Pipeline.{stage}` in {__file__}.") from exc
        usable.append(path)
        if len(usable) == limit:
            break
    return usable


def measure(paths: list[str], repeat: int, pipeline: Pipeline) -> dict[str, Any]:
    """Seconds per stage over `paths` (the best of `repeat` passes), and the checks."""
    best: dict[str, float] = {}
    subs: list[Any] = []
    for _ in range(repeat):
        spent = dict.fromkeys(STAGES, 0.0)
        subs = []
        for path in paths:
            t0 = time.perf_counter()
            with open(path, "rb") as handle:
                data = handle.read()
            t1 = time.perf_counter()
            yaml.load(data, Loader=yaml.CSafeLoader)
            t2 = time.perf_counter()
            raw = pipeline.read(path)
            t3 = time.perf_counter()
            doc = pipeline.parse(raw, path)
            t4 = time.perf_counter()
            sub = pipeline.validate(doc, path)
            t5 = time.perf_counter()
            result = pipeline.score(sub)
            t6 = time.perf_counter()
            pipeline.serialise(result, path)
            t7 = time.perf_counter()
            for name, seconds in zip(STAGES, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4,
                                              t6 - t5, t7 - t6), strict=True):
                spent[name] += seconds
            subs.append(sub)
        best = {k: min(v, best.get(k, v)) for k, v in spent.items()}
    clock = ModelClock()
    with clock.installed():
        start = time.perf_counter()
        for sub in subs:
            pipeline.score(sub)
        timed_scoring = time.perf_counter() - start
    share = clock.seconds / timed_scoring
    best["models"] = best["score"] * share
    best["score"] -= best["models"]
    whole = min(_time_whole(pipeline, paths) for _ in range(repeat))
    first = paths[0]
    same = pipeline.serialise(pipeline.score(pipeline.validate(
        pipeline.parse(pipeline.read(first), first), first)), first) == pipeline.whole(first)
    return {"files": len(paths), "seconds": best, "end_to_end": whole,
            "constructions_per_file": clock.calls / len(paths), "record_matches": same}


def _time_whole(pipeline: Pipeline, paths: list[str]) -> float:
    start = time.perf_counter()
    for path in paths:
        pipeline.whole(path)
    return time.perf_counter() - start


LABELS = {
    "floor_read": "floor: read the file",
    "floor_parse": "floor: `yaml.load(..., CSafeLoader)`",
    "read": "read",
    "parse": "strict YAML parse",
    "validate": "validation (schema, rubric checks)",
    "score": "scoring logic",
    "models": "building result models",
    "serialise": "serialising (JSON and JSONL record)",
}
OURS = ("read", "parse", "validate", "score", "models", "serialise")


def table(figures: dict[str, Any]) -> list[str]:
    """The stages as Markdown rows: per file, share of ours, multiple of the floor."""
    seconds, files = figures["seconds"], figures["files"]
    ours = sum(seconds[k] for k in OURS)
    floor = seconds["floor_read"] + seconds["floor_parse"]
    lines = ["| stage | per file | share of ours | x floor |", "|---|---:|---:|---:|"]
    for key, label in LABELS.items():
        share = f"{seconds[key] / ours:.0%}" if key in OURS else ""
        lines.append(f"| {label} | {seconds[key] / files * 1e6:.0f} µs | {share} | "
                     f"{seconds[key] / floor:.2f} |")
    lines.append(f"| **all of ours** | {ours / files * 1e6:.0f} µs | 100% | {ours / floor:.2f} |")
    lines.append(f"| end to end (`assess_one` + record), cross-check | "
                 f"{figures['end_to_end'] / files * 1e6:.0f} µs | | "
                 f"{figures['end_to_end'] / floor:.2f} |")
    return lines


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", help="folder of answers files (e.g. a benchmark corpus)")
    parser.add_argument("--files", type=int, default=2000, help="files to time (default 2000)")
    parser.add_argument("--repeat", type=int, default=3, help="timed passes (default 3)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    moved: list[str] = []
    pipeline = Pipeline(resolve(moved))
    paths = _usable(pipeline, answers_files(args.folder, args.files), args.files)
    if not paths:
        raise SystemExit(f"stages: no answers file under {args.folder} could be scored")
    figures = measure(paths, args.repeat, pipeline)
    figures["moved"] = moved
    if args.json:
        print(json.dumps(figures))
        return
    print("\n".join([*table(figures), "", *moved,
                     f"{figures['constructions_per_file']:.0f} model constructions per file; "
                     f"stage record equals `assess_one`'s: {figures['record_matches']}"]))


if __name__ == "__main__":
    main()
