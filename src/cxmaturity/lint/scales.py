"""Lint rules for answer scales: options every question accepts anyway, aliases that shadow an
option, options with one label, scales nobody uses."""

from __future__ import annotations

from collections.abc import Iterator

from cxmaturity.lint.rule import Found, Rule
from cxmaturity.load.options import label_key
from cxmaturity.model.answers import normalize_answer
from cxmaturity.model.rubric import NOT_APPLICABLE, UNKNOWN, Rubric

RESERVED_OPTION = Rule("reserved-option", "error", "a scale option named `unknown` or `n/a`, "
                       "which every question accepts anyway")
ALIAS_SHADOWS_OPTION = Rule("alias-shadows-option", "error",
                            "a scale alias spelled like one of the scale's own options")
DUPLICATE_LABEL = Rule("duplicate-label", "warning",
                       "two options of a scale with the same label (ignoring case and spaces), "
                       "which answers files and reports cannot tell apart")
UNUSED_SCALE = Rule("unused-scale", "warning", "a scale no question uses")
RULES = (RESERVED_OPTION, ALIAS_SHADOWS_OPTION, DUPLICATE_LABEL, UNUSED_SCALE)


def scale_problems(rubric: Rubric) -> Iterator[Found]:
    used = {q.scale for q in rubric.questions}
    for i, scale in enumerate(rubric.scales):
        options = {o.id for o in scale.options}
        for j, option in enumerate(scale.options):
            if normalize_answer(option.id) in (UNKNOWN, NOT_APPLICABLE):
                yield RESERVED_OPTION(("scales", i, "options", j, "id"),
                                  f'option "{option.id}" clashes with the answer every '
                                  "question accepts", "remove the option; answers files "
                                  "write `unknown` or `n/a` anyway")
        labelled: dict[str, str] = {}
        for j, option in enumerate(scale.options):
            first = labelled.setdefault(label_key(option.label), option.id)
            if first != option.id:
                yield DUPLICATE_LABEL(("scales", i, "options", j, "label"),
                                      f'options "{first}" and "{option.id}" have the same '
                                      f'label "{option.label}"', "give each option a label of "
                                      "its own: an answer written as the label means the first")
        for alias, target in scale.aliases.items():
            if alias in options and alias != target:
                yield ALIAS_SHADOWS_OPTION(("scales", i, "aliases", alias),
                                  f'alias "{alias}" is also an option of this scale',
                                  "remove the alias or rename the option")
        if scale.id not in used:
            yield UNUSED_SCALE(("scales", i, "id"),
                              f'no question uses scale "{scale.id}"', "remove it")
