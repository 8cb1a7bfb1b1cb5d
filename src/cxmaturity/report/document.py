"""The `html` format: one assessment as a self-contained page (:mod:`cxmaturity.report.html`).

A page shows one assessment, so a batch asks for another format instead.
"""

from __future__ import annotations

from cxmaturity.errors import Problem, UsageError
from cxmaturity.model.records import Outcome
from cxmaturity.report.formats import Reporter
from cxmaturity.report.html import render_html


class HtmlReporter(Reporter):
    """The HTML report of the one assessment named."""

    def begin(self) -> str:
        if not self.context.single:
            raise UsageError([Problem("--format html", "an HTML report shows one assessment",
                                      hint="name one answers file, or use --format markdown "
                                      "or csv for a folder")])
        return ""

    def add(self, outcome: Outcome) -> str:
        if outcome.broken:
            return ""

        return render_html(outcome.assessment())
