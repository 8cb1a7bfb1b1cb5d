"""Answers files for the benchmark, varied from the shipped examples (answers, numbers,
names and dates drawn at random with a fixed seed), with a few broken ones.

Each requested size is one folder, and the smaller sizes nest inside the larger, so one
corpus of 1,000,000 files also holds the 1,000, 10,000 and 100,000 ones:

    ROOT/                      every file (the largest size)
    ROOT/first-100000/         the first 100,000 ...
    ROOT/first-100000/first-10000/ ...
    ROOT/.../part-0000/        at most SHARD files per folder

The broken files sit in the innermost folder, so every size holds all of them.
`.corpus.json` at the root records how the corpus was made, for --reuse.
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: Bump when the same seed would give different files.
GENERATOR = 1
SHARD = 500
MANIFEST = ".corpus.json"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

_TOP_KEY = re.compile(r"^([a-z_-]+):")
#: A metric's number: `value: 16%`, `target: 5.50`, or a bare `  metric-id: 74%`.
_NUMBER = re.compile(r"(?:value: |target: |^  [a-z0-9-]+: )(\d+(?:\.\d+)?%?)(?=[,}\s]|$)")
#: An answer: `  question-id: option` or `  question-id: {answer: option, ...}`.
_ANSWER = re.compile(r"^  [a-z0-9-]+: (?:\{answer: )?(\"?[a-z0-9/-]+\"?)(?=[,}]|$)")


@dataclass(frozen=True)
class Slot:
    """A place in a template that each generated file fills differently."""

    kind: str  # organization, date, number, answer
    original: str
    question: str = ""
    """For an answer: the question it answers (other files' answers to it are the choices)."""


Template = list[str | Slot]


def _slots(line: str, section: str | None, pool: dict[str, set[str]]) -> Template:
    """`line` split into literal text and slots."""
    if line.startswith("organization: "):
        return ["organization: ", Slot("organization", line[len("organization: "):])]
    if re.fullmatch(r"date: \d{4}-\d{2}-\d{2}", line):
        return ["date: ", Slot("date", line[6:])]
    pattern = {"metrics": _NUMBER, "answers": _ANSWER}.get(section or "")
    if pattern is None:
        return [line]
    parts: Template = []
    end = 0
    for match in pattern.finditer(line):
        key = line.split(":", 1)[0].strip()
        parts.append(line[end:match.start(1)])
        if section == "answers":
            pool.setdefault(key, set()).add(match.group(1))
            parts.append(Slot("answer", match.group(1), key))
        else:
            parts.append(Slot("number", match.group(1)))
        end = match.end(1)
    parts.append(line[end:])
    return parts


def _template(text: str, pool: dict[str, set[str]]) -> Template:
    parts: Template = []
    section = None
    for line in text.splitlines():
        top = _TOP_KEY.match(line)
        section = top.group(1) if top else section
        parts += [*_slots(line, section, pool), "\n"]
    return parts


def _fill(template: Template, index: int, rng: random.Random,
          pools: dict[str, tuple[str, ...]]) -> str:
    out = []
    for part in template:
        if isinstance(part, str):
            out.append(part)
        elif part.kind == "organization":
            out.append(f"{part.original} {index}")
        elif part.kind == "date":
            out.append(f"{rng.choice((2025, 2026))}-{rng.randint(1, 12):02d}-"
                       f"{rng.randint(1, 28):02d}")
        elif part.kind == "number":
            out.append(_vary_number(part.original, rng))
        else:
            choices = pools[part.question]
            out.append(rng.choice(choices) if rng.random() < 0.6 else part.original)
    return "".join(out)


def _vary_number(original: str, rng: random.Random) -> str:
    if original.endswith("%"):
        return f"{rng.randint(0, 100)}%"
    value = float(original)
    decimals = len(original.partition(".")[2])
    varied = value * rng.uniform(0.5, 1.5)
    if value <= 100 and not decimals:
        varied = min(varied, 100.0)
    return f"{varied:.{decimals}f}"


@dataclass(frozen=True)
class Templates:
    """The examples as templates, and the answers seen per question of each rubric."""

    templates: tuple[tuple[str, Template], ...]  # (rubric id, template)
    pools: dict[str, dict[str, tuple[str, ...]]]
    first_text: str

    @classmethod
    def load(cls, rubric: str | None = None) -> Templates:
        found: list[tuple[str, Template]] = []
        pools: dict[str, dict[str, set[str]]] = {}
        first = ""
        for path in sorted(EXAMPLES.glob("*.yaml")):
            text = path.read_text(encoding="utf-8")
            match = re.search(r"(?m)^rubric: (\S+)$", text)
            if match is None or (rubric and match.group(1) != rubric):
                continue
            first = first or text
            found.append((match.group(1), _template(text, pools.setdefault(match.group(1), {}))))
        if not found:
            raise SystemExit(f"no example in {EXAMPLES} uses rubric {rubric!r}")
        frozen = {r: {k: tuple(sorted(v)) for k, v in p.items()} for r, p in pools.items()}
        return cls(tuple(found), frozen, first)

    def render(self, index: int, rng: random.Random) -> str:
        rubric, template = self.templates[index % len(self.templates)]
        return _fill(template, index, rng, self.pools[rubric])


def broken_files(text: str) -> dict[str, bytes]:
    """One file for each way an answers file can be wrong, made from a valid `text`."""
    first_answer = re.search(r"(?m)^(answers:\n  [a-z0-9-]+: (?:\{answer: )?)[^,\n}]+", text)
    assert first_answer is not None, "the first example has no answers section"
    return {
        "syntax": re.sub(r"(?m)^date: .*$", "date: [2026-01-01", text).encode(),
        "schema": re.sub(r"(?m)^organization: .*\n", "", text).encode(),
        "option": (text[:first_answer.start()] + first_answer.group(1) + "sometimes-maybe"
                   + text[first_answer.end():]).encode(),
        "rubric": re.sub(r"(?m)^rubric: .*$", "rubric: no-such-rubric", text).encode(),
        "encoding": re.sub(r"(?m)^organization: .*$", "organization: Caf\udcff",
                           text).encode("utf-8", "surrogateescape"),
    }


@dataclass
class Corpus:
    """A generated corpus: its root, the sizes it holds and how it was made."""

    root: Path
    manifest: dict[str, Any]
    reused: bool = False

    @property
    def sizes(self) -> list[int]:
        return sorted(int(s) for s in self.manifest["sizes"])

    def folder(self, size: int) -> Path:
        """The folder that holds exactly `size` answers files."""
        sizes = self.sizes
        if size not in sizes:
            raise SystemExit(f"corpus {self.root} holds sizes {sizes}, not {size}; "
                             "generate a new one (drop --reuse) with the sizes you need")
        folder = self.root
        for smaller in reversed(sizes[sizes.index(size):-1]):
            folder = folder / f"first-{smaller}"
        return folder

    def sample(self, count: int) -> list[Path]:
        """The first `count` valid files, innermost folder first (`first-` sorts before
        `part-`)."""
        found: list[Path] = []
        for folder, subfolders, files in os.walk(self.root):
            subfolders.sort()
            found += [Path(folder, n) for n in sorted(files) if n.startswith("site-")]
            if len(found) >= count:
                break
        return found[:count]


def _settings(sizes: list[int], broken: int, seed: int, rubric: str | None) -> dict[str, Any]:
    return {"generator": GENERATOR, "sizes": sorted(set(sizes)), "broken": broken,
            "seed": seed, "rubric": rubric}


def reuse(root: Path, sizes: list[int], broken: int, seed: int,
          rubric: str | None) -> Corpus:
    """A corpus generated earlier (by --keep), checked against what this run asks for."""
    try:
        manifest = json.loads((root / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise SystemExit(f"--reuse {root}: no readable {MANIFEST} ({exc}); generate a "
                         "corpus with --keep first") from None
    wanted = _settings(sizes, broken, seed, rubric)
    for key in ("generator", "broken", "seed", "rubric"):
        if manifest.get(key) != wanted[key]:
            raise SystemExit(f"--reuse {root}: made with {key}={manifest.get(key)!r}, this "
                             f"run asks for {wanted[key]!r}; pass the same options or "
                             "generate a new corpus")
    missing = sorted(set(sizes) - set(manifest["sizes"]))
    if missing:
        raise SystemExit(f"--reuse {root}: holds sizes {manifest['sizes']}, not {missing}; "
                         "generate a new corpus with every size you need")
    return Corpus(root, manifest, reused=True)


def check_space(where: Path, files: int, mean_bytes: float) -> None:
    """Stop early, with a clear message, if `where` cannot hold the corpus."""
    stats = os.statvfs(where)
    block = stats.f_frsize or 4096
    need = files * block * max(1, -(-int(mean_bytes) // block)) * 1.05
    free = stats.f_bavail * stats.f_frsize
    if need > free * 0.9:
        raise SystemExit(f"{where}: {files} files need about {need / 2**30:.1f} GiB, only "
                         f"{free / 2**30:.1f} GiB free; pass --workdir on a larger disk")
    if stats.f_favail and files * 1.01 > stats.f_favail * 0.9:
        raise SystemExit(f"{where}: {files} files need as many inodes, only "
                         f"{stats.f_favail} free; pass --workdir on another file system")


def generate(where: Path, sizes: list[int], broken: int, seed: int,
             rubric: str | None) -> Corpus:
    """A new corpus under `where` holding every size in `sizes`."""
    sizes = sorted(set(sizes))
    if sizes[0] <= broken:
        raise SystemExit(f"the smallest size ({sizes[0]}) must exceed --broken ({broken})")
    templates = Templates.load(rubric)
    sample = [templates.render(i, random.Random(i)) for i in range(len(templates.templates))]
    check_space(where, sizes[-1], sum(map(len, sample)) / len(sample))
    root = Path(tempfile.mkdtemp(prefix="cxmaturity-corpus-", dir=where))
    start = time.perf_counter()
    rng = random.Random(seed)
    corpus = Corpus(root, _settings(sizes, broken, seed, rubric))
    written, total_bytes, previous = 0, 0, 0
    for size in sizes:
        folder = corpus.folder(size)
        folder.mkdir(parents=True, exist_ok=True)
        if previous == 0:
            kinds = broken_files(templates.first_text)
            for i in range(broken):
                kind = list(kinds)[i % len(kinds)]
                (folder / f"broken-{i:02d}-{kind}.yaml").write_bytes(kinds[kind])
            previous = broken
        shard = ""
        for index in range(written, written + size - previous):
            data = templates.render(index, rng).encode()
            if (index - written) % SHARD == 0:
                shard = os.path.join(folder, f"part-{(index - written) // SHARD:04d}")
                os.mkdir(shard)
            with open(os.path.join(shard, f"site-{index:07d}.yaml"), "wb") as handle:
                handle.write(data)
            total_bytes += len(data)
        written += size - previous
        previous = size
    corpus.manifest.update(files=sizes[-1], valid_bytes=total_bytes, valid_files=written,
                           seconds=round(time.perf_counter() - start, 1))
    (root / MANIFEST).write_text(json.dumps(corpus.manifest, indent=1), encoding="utf-8")
    return corpus


def remove(corpus: Corpus) -> None:
    shutil.rmtree(corpus.root, ignore_errors=True)
