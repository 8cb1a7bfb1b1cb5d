"""Human formats: `rich` (colour, for a terminal) and `text` (plain, for logs and files).

For one file they show the full report; for a batch, one line per file and a total.
"""

from __future__ import annotations

import io

from rich.console import Console, RenderableType
from rich.text import Text

from cxmaturity.batch import Outcome, Tally
from cxmaturity.report.formats import Reporter


def _line(outcome: Outcome) -> Text:
    text = Text(outcome.file, style="bold")
    d = outcome.digest
    if d is None:
        first = outcome.problems[0] if outcome.problems else None
        text.append("  error: ", style="red")
        text.append(str(first).removeprefix(f"{outcome.file}:").lstrip() if first else "?")
    else:
        level = "not assessed" if d.level is None else f"Level {d.level} {d.level_name}"
        text.append(f"  {level}", style="cyan")
        score = "" if d.score is None else f"  score {d.score:.2f}"
        text.append(f"{score}  confidence {d.confidence:.0%}")
        if d.status != "scored":
            text.append("  insufficient evidence", style="yellow")
    for gate in outcome.gates:
        text.append(f"\n  gate failed: {gate.gate}: {gate.message}", style="red")
    return text


def _total(tally: Tally) -> Text:
    scored = tally.files - tally.broken
    text = Text(f"{tally.files} file{'s' if tally.files != 1 else ''}: {scored} scored")
    if tally.broken:
        text.append(f", {tally.broken} with errors", style="red")
    if tally.gated:
        text.append(f", {tally.gated} failing a gate", style="red")
    return text


class TextReporter(Reporter):
    """Plain text without colour."""

    def show(self, renderable: RenderableType) -> str:
        buffer = io.StringIO()
        Console(file=buffer, width=self.context.width, no_color=True,
                highlight=False).print(renderable, soft_wrap=not self.context.single)
        return "".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines())

    def add(self, outcome: Outcome) -> str:
        if not self.context.single:
            return self.show(_line(outcome))
        if outcome.broken:
            return ""
        from cxmaturity.report.terminal import render

        return self.show(render(outcome.assessment()))

    def finish(self, tally: Tally) -> str:
        return "" if self.context.single else self.show(_total(tally))


class RichReporter(TextReporter):
    """Colour for a terminal; plain text when the output is not one."""

    def show(self, renderable: RenderableType) -> str:
        if not self.context.terminal:
            return super().show(renderable)
        console = Console(highlight=False)
        with console.capture() as captured:
            console.print(renderable, soft_wrap=not self.context.single)
        return captured.get()
