"""Look-ups into one rubric, built once per loaded rubric rather than once per answers file.

Validating and scoring a file looks questions, metrics, scales and labels up by id many
times; a batch of thousands of files against one rubric shares a single index.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from typing import Any, ParamSpec, TypeVar

from cxmaturity.model import bands
from cxmaturity.model.result import BandView, Fact, LevelView
from cxmaturity.model.rubric import Band, Dimension, Metric, Question, Rubric, Scale

PartT = TypeVar("PartT")
Params = ParamSpec("Params")


@dataclass(frozen=True)
class RubricIndex:
    """A rubric's parts by id, and the parts of every result that depend only on the rubric."""

    questions: dict[str, Question]
    metrics: dict[str, Metric]
    scales: dict[str, Scale]
    dimensions: dict[str, Dimension]
    labels: dict[str, dict[str, str]]
    """Scale id to option id to the option's label."""
    aspects: dict[str, str]
    """Outcome aspect id to its name."""
    ladder: tuple[LevelView, ...]
    facts: tuple[Fact, ...]
    """The rubric's findings from the source, as every result carries them."""
    banded: dict[str, tuple[BandView, ...]]
    """Metric id to its bands from lowest to highest values, for metrics placed in bands."""
    by_dimension_questions: dict[str, tuple[Question, ...]]
    """Dimension id to its questions, in rubric order."""
    by_dimension_metrics: dict[str, tuple[Metric, ...]]
    """Dimension id to its metrics, in rubric order."""
    parts: dict[Hashable, Any] = field(default_factory=dict)
    """Result parts that depend only on the rubric and the key they are shared under."""

    def shared(self, key: tuple[Hashable, ...], build: Callable[Params, PartT],
               *args: Params.args, **kwargs: Params.kwargs) -> PartT:
        """The part shared under `key` (the kind of part first, then what it depends on),
        built by `build(*args, **kwargs)` on first use; None is a part like any other. Parts are
        immutable, so every result that needs an equal part can hold the same one. (The
        builder's arguments are passed rather than bound, so that finding a part builds no
        closure: most calls find one.)"""
        try:
            part: PartT = self.parts[key]
        except KeyError:
            part = self.parts[key] = build(*args, **kwargs)
        return part

    @classmethod
    def of(cls, rubric: Rubric) -> RubricIndex:
        return cls(
            questions={q.id: q for q in rubric.questions},
            metrics={m.id: m for m in rubric.metrics},
            scales=rubric.scales_by_id,
            dimensions={d.id: d for d in rubric.dimensions},
            labels={s.id: {o.id: o.label for o in s.options} for s in rubric.scales},
            aspects={a.id: a.name for a in rubric.outcome_aspects},
            ladder=tuple(LevelView(number=lv.number, id=lv.id, name=lv.name, summary=lv.summary)
                         for lv in rubric.levels),
            facts=tuple(Fact(text=f.text, level=f.level, dimension=f.dimension, basis=f.basis)
                        for f in rubric.facts),
            banded={m.id: band_views(bands.ordered(m)) for m in rubric.metrics
                    if m.target is None},
            by_dimension_questions={d.id: tuple(q for q in rubric.questions
                                                if q.dimension == d.id)
                                    for d in rubric.dimensions},
            by_dimension_metrics={d.id: tuple(m for m in rubric.metrics if m.dimension == d.id)
                                  for d in rubric.dimensions},
        )


def band_views(placed: Iterable[Band]) -> tuple[BandView, ...]:
    """Bands as the band chart shows them."""
    return tuple(BandView(level=b.level, supports=b.range, min=b.min, max=b.max, basis=b.basis)
                 for b in placed)
