"""The `markdown` format: for a batch, one summary table fit for a pull-request comment;
for one file, the full Markdown report (:mod:`cxmaturity.report.markdown`)."""

from __future__ import annotations

from cxmaturity import __version__
from cxmaturity.escape.markdown import code, inline
from cxmaturity.model.records import Outcome, Tally
from cxmaturity.model.result import SCHEMA_VERSION
from cxmaturity.report.explain import percent_text
from cxmaturity.report.formats import Context, Reporter
from cxmaturity.report.markdown import render_markdown


class MarkdownReporter(Reporter):
    """A table row per file as it is scored; counts and versions at the end."""

    def __init__(self, context: Context) -> None:
        super().__init__(context)
        self.rubrics: set[str] = set()

    def begin(self) -> str:
        if self.context.single:
            return ""
        return ("### cxmaturity assessments\n\n"
                "| File | Organization · site | Date | Maturity | Score | Confidence | Result |\n"
                "|---|---|---|---|---:|---:|---|\n")

    def add(self, outcome: Outcome) -> str:
        if self.context.single:
            return "" if outcome.broken else render_markdown(outcome.assessment())
        d = outcome.digest
        if d is None:
            first = str(outcome.problems[0]) if outcome.problems else "error"
            return f"| {code(outcome.file)} | | | | | | ❌ {inline(first)} |\n"
        self.rubrics.add(f"{inline(d.rubric_id)} {inline(d.rubric_version)} "
                         f"(sha256 {d.rubric_sha256[:12]})")
        score = "" if d.score is None else f"{d.score:.2f}"
        provisional = "⚠️ insufficient evidence" if d.status != "scored" else ""
        verdict = provisional or "✅"
        if outcome.gates:  # a failed gate, and still whether the level is provisional
            verdict = "❌ " + inline("; ".join(f"{g.rule}: {g.message}" for g in outcome.gates)) \
                + (f" {provisional}" if provisional else "")
        where = d.organization if d.site is None else f"{d.organization} · {d.site}"
        return (f"| {code(outcome.file)} | {inline(where)} | {d.date} | "
                f"{inline(d.label)} | {score} | {percent_text(d.confidence)} | {verdict} |\n")

    def finish(self, tally: Tally) -> str:
        if self.context.single:
            return ""
        counts = f"{tally.counted}, {tally.scored} scored"
        if tally.broken:
            counts += f", {tally.broken} with errors"
        if tally.gated:
            counts += f", {tally.gated} failing a gate"
        rubrics = "; ".join(sorted(self.rubrics)) or "none"
        return (f"\n**{counts}.**\n\n<sub>cxmaturity {__version__} · schema {SCHEMA_VERSION} · "
                f"rubric {rubrics}</sub>\n")
