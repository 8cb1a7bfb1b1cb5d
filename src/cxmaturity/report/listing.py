"""Human formats: `rich` (colour, for a terminal) and `text` (plain, for logs and files).

For one file they show the full report; for a batch, one line per file and a total.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cxmaturity.errors import Problem
from cxmaturity.escape.terminal import line, prose
from cxmaturity.model.records import Outcome, Tally
from cxmaturity.report.explain import percent_text
from cxmaturity.report.formats import Reporter
from cxmaturity.report.terminal import render
from cxmaturity.report.text import plain_text, rendered

if TYPE_CHECKING:
    from rich.console import RenderableType


#: A line as (text, Rich style) pieces, so `text` needs no Rich and `rich` adds colour.
Pieces = list[tuple[str, str]]


def _line(outcome: Outcome) -> Pieces:
    pieces: Pieces = [(line(outcome.file), "bold")]
    d = outcome.digest
    if d is None:
        first = outcome.problems[0] if outcome.problems else None
        where = _relative(first, outcome.file) if first else "?"
        pieces += [("  error: ", "red"), (line(where), "")]
    else:
        score = "" if d.score is None else f"  score {d.score:.2f}"
        pieces += [(f"  {prose(d.label)}", "cyan"),
                   (f"{score}  confidence {percent_text(d.confidence)}", "")]
        if d.status != "scored":
            pieces.append(("  insufficient evidence", "yellow"))
    pieces += [(f"\n  gate failed: {g.rule}: {line(g.message)}", "red") for g in outcome.gates]
    return pieces


def _relative(problem: Problem, file: str) -> str:
    """The problem, its location shortened to `line:col` when it is in `file` itself."""
    if problem.where == file:
        return problem.detail
    return f"{problem.where.removeprefix(f'{file}:')}: {problem.detail}"


def _total(tally: Tally) -> Pieces:
    pieces = [(f"{tally.counted}: {tally.scored} scored", "")]
    if tally.broken:
        pieces.append((f", {tally.broken} with errors", "red"))
    if tally.gated:
        pieces.append((f", {tally.gated} failing a gate", "red"))
    return pieces


class TextReporter(Reporter):
    """Plain text without colour."""

    def pieces(self, pieces: Pieces) -> str:
        return "".join(text for text, _ in pieces) + "\n"

    def report(self, renderable: RenderableType) -> str:
        return plain_text(renderable, self.context.width)

    def add(self, outcome: Outcome) -> str:
        if not self.context.single:
            return self.pieces(_line(outcome))
        if outcome.broken:
            return ""

        return self.report(render(outcome.assessment()))

    def finish(self, tally: Tally) -> str:
        return "" if self.context.single else self.pieces(_total(tally))


class RichReporter(TextReporter):
    """Colour for a terminal; plain text when the output is not one."""

    def pieces(self, pieces: Pieces) -> str:
        if not self.context.terminal:
            return super().pieces(pieces)
        from rich.text import Text

        return self.report(Text.assemble(*pieces))

    def report(self, renderable: RenderableType) -> str:
        return rendered(renderable, self.context, soft_wrap=not self.context.single)
