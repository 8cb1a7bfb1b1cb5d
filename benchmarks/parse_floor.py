"""The batch floor: find the answers files under a folder, read each and parse it with
PyYAML's C loader (`CSafeLoader`), in the given number of processes.

    python benchmarks/parse_floor.py FOLDER PROCESSES

It is the least any tool must do to score the files, written the way the tool runs: one
process for 1 (no pool), else a pool of that many processes fed in chunks as `cxmaturity
assess --jobs N` is. The folder is walked in a deterministic order (sorted per folder)
without holding every path, so its memory stays flat as the batch grows. Prints the number
of files that parsed to a non-empty document.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Iterator

import yaml

SUFFIXES = (".yaml", ".yml")
#: Files handed to a worker at a time (what `cxmaturity assess --jobs N` uses for big batches).
CHUNK = 64


def answers_files(root: str) -> Iterator[str]:
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
        for name in sorted(files):
            if name.endswith(SUFFIXES) and not name.startswith("."):
                yield os.path.join(folder, name)


def parse(path: str) -> bool:
    with open(path, "rb") as handle:
        data = handle.read()
    try:
        return yaml.load(data, Loader=yaml.CSafeLoader) is not None
    except yaml.YAMLError:
        return False


def main() -> None:
    root, processes = sys.argv[1], int(sys.argv[2])
    if processes <= 1:
        parsed = sum(map(parse, answers_files(root)))
    else:
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else None)
        with context.Pool(processes) as pool:
            parsed = sum(pool.imap(parse, answers_files(root), chunksize=CHUNK))
    print(parsed)


if __name__ == "__main__":
    main()
