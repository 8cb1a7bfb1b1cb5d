"""Hypothesis strategies: generated assessments for any rubric, and broken inputs for the loaders.

The generated assessments drive the scoring properties (tests/scoring/test_properties.py,
tests/scoring/test_monotonic.py); the broken inputs drive the loader fuzzing
(tests/load/test_fuzz_loaders.py and the long run, `python -m tests.fuzz.long_run`).
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import yaml
from hypothesis import strategies as st

from cxmaturity.load.catalog import LoadedRubric
from cxmaturity.load.submission import Submission
from cxmaturity.model import bands
from cxmaturity.model.answers import Answers
from cxmaturity.model.rubric import NOT_APPLICABLE, UNKNOWN, Metric, Question
from cxmaturity.yaml.scalars import resolve_plain

GENERATED = Answers(organization="Generated", date=dt.date(2026, 1, 1))


# --- assessments for a rubric -------------------------------------------------------------

def submission(loaded: LoadedRubric, responses: dict[str, str],
               metrics: dict[str, float | None],
               targets: dict[str, float] | None = None) -> Submission:
    """A checked submission made directly, without a file (fast, for the properties)."""
    return Submission("generated.yaml", GENERATED, loaded, responses, metrics, targets or {})


def placeable(metric: Metric, value: float, target: float | None = None) -> bool:
    """Whether a value falls in (or in a gap the rubric resolves between) the metric's bands."""
    try:
        bands.place(metric, value, target)
    except ValueError:
        return False
    return True


def _range(metric: Metric) -> tuple[float, float]:
    low = metric.minimum if metric.minimum is not None else -1000.0
    high = metric.maximum if metric.maximum is not None else 1000.0
    if metric.unit == "percent":
        low, high = max(low, 0.0), min(high, 100.0)
    return low, high


def _valid(metric: Metric, value: float) -> bool:
    """Whether an answers file may give `value` (in range; percentages not written as 0-1)."""
    low, high = _range(metric)
    return low <= value <= high and not (metric.unit == "percent" and 0 < value < 1)


def hundredths(metric: Metric) -> st.SearchStrategy[float]:
    """Any value in the metric's range, to the hundredth, as an answers file may give it."""
    low, high = _range(metric)
    return st.integers(int(low * 100), int(high * 100)).map(lambda n: n / 100).filter(
        lambda v: _valid(metric, v))


def metric_values(metric: Metric, target: float | None = None) -> st.SearchStrategy[float]:
    """Valid values of a metric (with this target, if it has one), favouring band edges."""
    edges = band_values(metric, target)
    values = st.one_of(st.sampled_from(edges), hundredths(metric)) if edges else \
        hundredths(metric)
    return values.filter(lambda v: placeable(metric, v, target))


def band_values(metric: Metric, target: float | None = None) -> list[float]:
    """Valid values at, beside and between the edges of each band (one in every band)."""
    try:
        ordered = bands.ordered(metric, target)
    except ValueError:
        return []
    found: set[float] = set()
    for band in ordered:
        edges = [e for e in (band.min, band.max) if e is not None]
        found.update(e + step for e in edges for step in (-1.0, 0.0, 1.0))
        if len(edges) == 2:
            found.add(round((edges[0] + edges[1]) / 2, 2))
    return sorted(v for v in found if _valid(metric, v) and placeable(metric, v, target))


def targets_for(metric: Metric) -> st.SearchStrategy[float | None]:
    """The target an answers file sets: required without a rubric default, else optional."""
    if metric.target is None:
        return st.none()
    if metric.target.value is None:
        return hundredths(metric)
    return st.none() | hundredths(metric)


def options(question: Question) -> list[str]:
    """Every answer a question accepts: its scale's options, `unknown` and `n/a`."""
    return [*question.supports, UNKNOWN, NOT_APPLICABLE]


@st.composite
def submissions(draw: st.DrawFn, loaded: LoadedRubric) -> Submission:
    """Any complete assessment of `loaded`: every question answered, unknown or n/a."""
    rubric = loaded.rubric
    responses = {q.id: draw(st.sampled_from(options(q))) for q in rubric.questions}
    metrics: dict[str, float | None] = {}
    targets: dict[str, float] = {}
    for metric in rubric.metrics:
        target = draw(targets_for(metric))
        if target is not None:
            targets[metric.id] = target
        metrics[metric.id] = draw(st.none() | metric_values(metric, target))
    return submission(loaded, responses, metrics, targets)


@st.composite
def answers_mappings(draw: st.DrawFn, loaded: LoadedRubric, reference: str) -> dict[str, Any]:
    """An answers file (as the mapping a person would write) naming its rubric `reference`."""
    rubric = loaded.rubric
    aliases = {s.id: s.aliases for s in rubric.scales}
    scale_of = {q.id: q.scale for q in rubric.questions}
    answers: dict[str, Any] = {}
    for question in rubric.questions:
        option = draw(st.sampled_from([*options(question), None]))
        if option is None:
            continue
        spellings = [option, *(a for a, o in aliases[scale_of[question.id]].items()
                               if o == option)]
        written = draw(st.sampled_from(spellings))
        note = draw(st.none() | st.text(min_size=1, max_size=20))
        answers[question.id] = written if note is None else {"answer": written,
                                                             "evidence": note}
    metrics: dict[str, Any] = {}
    for metric in rubric.metrics:
        target = draw(targets_for(metric))
        value = draw(st.none() | metric_values(metric, target))
        if value is None:
            continue
        shown = _written(metric, value)
        if target is not None:
            metrics[metric.id] = {"value": shown, "target": _written(metric, target)}
        else:
            metrics[metric.id] = draw(st.sampled_from([shown, {"value": shown,
                                                               "evidence": "report"}]))
    return {"rubric": reference, "organization": draw(st.text(min_size=1, max_size=20)),
            "date": "2026-01-01", "metrics": metrics, "answers": answers}


def _written(metric: Metric, value: float) -> str | float:
    return f"{value:g}%" if metric.unit == "percent" else value


def reordered(value: Any, rnd: random.Random) -> Any:
    """The same structure with the keys of every mapping in a shuffled order."""
    if isinstance(value, dict):
        keys = list(value)
        rnd.shuffle(keys)
        return {k: reordered(value[k], rnd) for k in keys}
    if isinstance(value, list):
        return [reordered(v, rnd) for v in value]
    return value


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """PyYAML writes YAML 1.1; quote the strings our YAML 1.2 reader would read otherwise."""


def _text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    plain = isinstance(resolve_plain(text), str)
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=None if plain else "'")


_Dumper.add_representer(str, _text)


def to_yaml(value: Any) -> str:
    """YAML text of a structure, in the structure's key order, read back as the same values."""
    return yaml.dump(value, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=1_000)


# --- broken inputs for the loaders ---------------------------------------------------------

#: Pieces of YAML syntax and of the answers/rubric formats that the text fuzzer recombines.
TOKENS = (
    "rubric:", "organization:", "date:", "answers:", "metrics:", "value:", "answer:",
    "evidence:", "levels:", "questions:", "dimensions:", "bands:", "scoring:", "id:",
    "contact-center-ai-maturity", "../rubrics/tiny.yaml", "tiny.yaml", "/", "2026-01-01",
    "2026-13-45", "yes", "no", "on", "unknown", "n/a", "12%", "0.12", "-0", "1e309", ".nan",
    ".inf", "~", "null", "true", "- ", "? ", ": ", ":", ",", "[", "]", "{", "}", "&a ", "*a",
    "<<: ", "!!str ", "!!python/object:os.system ", "!x ", "---\n", "...\n", "%YAML 1.2\n",
    "'", '"', "#", "|", ">", "\n", "\n  ", "\n    ", "  ", "\t", "\\", "\x00", "\ufeff",
    "\u2028", "\r", "\x85", "é", "😀", "\U0001d4b3", "0x1F", "0o17", "99999999999999999999",
)

YAML_CHARS = st.characters(codec="utf-8") | st.sampled_from("-?:,[]{}#&*!|>'\"%@` \n\t")


_YAML_TEXTS = st.lists(st.sampled_from(TOKENS) | st.text(YAML_CHARS, max_size=6),
                       max_size=40).map("".join)


def yaml_texts() -> st.SearchStrategy[str]:
    """Text that looks like YAML: format tokens and syntax characters, recombined."""
    return _YAML_TEXTS


@st.composite
def mutated_texts(draw: st.DrawFn, seeds: list[str]) -> str:
    """A valid file with a few edits: tokens inserted, spans deleted or repeated, lines swapped."""
    text = draw(st.sampled_from(seeds))
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        end = draw(st.integers(at, min(len(text), at + 40)))
        edit = draw(st.sampled_from(["insert", "delete", "repeat", "swap"]))
        if edit == "insert":
            text = text[:at] + draw(_TOKEN) + text[at:]
        elif edit == "delete":
            text = text[:at] + text[end:]
        elif edit == "repeat":
            text = text[:end] + text[at:end] + text[end:]
        else:
            lines = text.split("\n")
            i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
            text = "\n".join(lines)
    return text


def odd_values() -> st.SearchStrategy[Any]:
    """Any value YAML can hold, with the awkward ones well represented."""
    return _ODD_VALUES


_ODD_SCALARS = (st.none() | st.booleans() | st.integers() | st.floats()
                | st.sampled_from([0, -0.0, 0.5, 1e309, "", "12%", "yes", "n/a", "unknown",
                                   "2026-01-01", "x" * 300])
                | st.text(max_size=12))
_ODD_KEYS = st.text(max_size=8) | st.integers(-3, 3) | st.booleans()
_ODD_VALUES = st.recursive(_ODD_SCALARS, lambda inner: st.lists(inner, max_size=4)
                           | st.dictionaries(_ODD_KEYS, inner, max_size=4), max_leaves=12)
_NEW_KEYS = st.text(max_size=8) | st.sampled_from(["answers", "id", "weight"])
_TOKEN = st.sampled_from(TOKENS)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, child in value.items():
            found += _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            found += _paths(child, (*prefix, i))
    return found


def _replace(value: Any, path: tuple[Any, ...], new: Any, delete: bool) -> Any:
    if not path:
        return new
    head, rest = path[0], path[1:]
    copy: Any = dict(value) if isinstance(value, dict) else list(value)
    if rest:
        copy[head] = _replace(value[head], rest, new, delete)
    elif delete:
        del copy[head]
    else:
        copy[head] = new
    return copy


@st.composite
def mutated_structures(draw: st.DrawFn, seeds: list[Any]) -> Any:
    """A valid file's structure with a few subtrees replaced by odd values, deleted or added."""
    value = draw(st.sampled_from(seeds))
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(_paths(value)))
        edit = draw(st.sampled_from(["replace", "delete", "add"]))
        if edit == "delete" and path:
            value = _replace(value, path, None, delete=True)
        elif edit == "add" and isinstance(_get(value, path), dict):
            key = draw(_NEW_KEYS)
            value = _replace(value, (*path, key), draw(odd_values()), delete=False)
        else:
            value = _replace(value, path, draw(odd_values()), delete=False)
    return value


def _get(value: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        value = value[part]
    return value


@st.composite
def mutated_bytes(draw: st.DrawFn, seeds: list[str]) -> bytes:
    """A valid file's bytes with a few bytes flipped, inserted or cut (often not UTF-8)."""
    raw = bytearray(draw(st.sampled_from(seeds)).encode())
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(raw)))
        edit = draw(st.sampled_from(["flip", "insert", "cut"]))
        if edit == "insert" or at == len(raw):
            raw[at:at] = draw(st.binary(min_size=1, max_size=4))
        elif edit == "flip":
            raw[at] = draw(st.integers(0, 255))
        else:
            del raw[at:at + draw(st.integers(1, 16))]
    return bytes(raw)


# --- any text in any text field, for the reporters -------------------------------------------

#: Keys whose values are free text in a rubric or an answers file (ids and the references to
#: them are left alone, so the files stay valid).
TEXT_KEYS = frozenset({
    "title", "version", "level_term", "name", "summary", "text", "headline", "steps", "expect",
    "description", "label", "shortfall", "help", "model", "publisher", "document", "notes",
    "rationale", "note", "unit_label", "metrics_that_matter", "organization", "site",
    "assessor", "role", "evidence", "period"})


def text_paths(value: Any, path: tuple[Any, ...] = (), text: bool = False) -> list[tuple[Any, ...]]:
    """Paths of the free-text values in a document."""
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in text_paths(v, (*path, k), k in TEXT_KEYS)]
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in text_paths(v, (*path, i), text)]
    return [path] if text and isinstance(value, str) else []


def with_text(document: Any, path: tuple[Any, ...], text: str) -> Any:
    """`document` with the value at `path` replaced by `text`."""
    return _replace(document, path, text, delete=False)
