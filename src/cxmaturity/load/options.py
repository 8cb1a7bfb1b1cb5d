"""How an answer written in a file names an option of its question's scale: by the option's
id, an alias, or the label reports show (`3 - Partly`, in any case). For an answer that
names none, the advice: the option a percentage falls in, on a scale whose options describe
shares of the whole (`about 10-30%`), else the option spelled most like it."""

from __future__ import annotations

import re

from cxmaturity.load.percentages import parse_percentage
from cxmaturity.messages import did_you_mean
from cxmaturity.model.rubric import NOT_APPLICABLE, UNKNOWN, Question, Scale, ScaleOption

#: A share as a description writes it: at most three digits, and a few decimals, not inside
#: a longer number. Bounded, so a search costs time linear in the text (a run of thousands of
#: digits took seconds per option with `\d+`).
_NUMBER = r"(?<![\d.])(\d{1,3}(?:\.\d{1,4})?)(?![\d.])"
_BETWEEN = re.compile(rf"{_NUMBER}\s*%?\s*(?:-|\u2013|to)\s*{_NUMBER}\s*%")
_BELOW = re.compile(rf"(?:under|below|less than|up to)\s+{_NUMBER}\s*%", re.IGNORECASE)
_ABOVE = re.compile(rf"(?:over|above|more than|at least)\s+{_NUMBER}\s*%", re.IGNORECASE)


def option_for(given: str, question: Question, scale: Scale) -> str | None:
    """The option id (or `unknown`, `n/a`) an answer names, or None if it names none."""
    if given in (UNKNOWN, NOT_APPLICABLE) or given in question.supports:
        return given
    found = scale.aliases.get(given)
    if found is not None:
        return found
    wanted = label_key(given)
    return next((o.id for o in scale.options if label_key(o.label) == wanted), None)


def label_key(text: str) -> str:
    """A label as answers may write it: case and runs of white space do not count."""
    return " ".join(text.split()).casefold()


def advice(given: str, scale: Scale) -> str | None:
    """What an answer that names no option probably means, as a hint."""
    spellings = _spellings(scale)
    return _share_advice(given, scale) or did_you_mean(given, spellings, means=spellings)


def _spellings(scale: Scale) -> dict[str, str]:
    """Every way of writing an option (id, alias, label), to the option id."""
    spellings = {label_key(o.label): o.id for o in scale.options}
    spellings.update(scale.aliases)
    spellings.update({o.id: o.id for o in scale.options})
    return spellings


def _share_advice(given: str, scale: Scale) -> str | None:
    """`20% is "few" (about 10-30%)`, from the percentages the options' descriptions give."""
    try:
        share = parse_percentage(given)
    except ValueError:
        return None
    within = [o for o in scale.options if _holds(o, share)]
    shown = f"{share:g}%"
    if len(within) == 1:
        return f'{shown} is "{within[0].id}" ({within[0].description})'
    if len(within) == 2:
        first, second = within
        return (f'{shown} is on the edge of "{first.id}" ({first.description}) and '
                f'"{second.id}" ({second.description}); choose one')
    return None


def _holds(option: ScaleOption, share: float) -> bool:
    """Whether the share range an option's description gives holds `share`."""
    text = option.description or ""
    if match := _BETWEEN.search(text):
        return float(match.group(1)) <= share <= float(match.group(2))
    if match := _BELOW.search(text):
        return 0 <= share <= float(match.group(1))
    if match := _ABOVE.search(text):
        return float(match.group(1)) <= share <= 100
    return False
