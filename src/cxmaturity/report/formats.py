"""Output formats of `assess`: one enum member and one registry line per format.

A reporter turns a stream of outcomes into text, piece by piece, so a batch of any size is
written as it is scored. Reporter modules are imported only when their format is used.
"""

from __future__ import annotations

import enum
import importlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cxmaturity.model.records import Outcome, Tally


class OutputFormat(str, enum.Enum):
    """Output formats of `assess`."""

    rich = "rich"
    text = "text"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    markdown = "markdown"
    junit = "junit"
    github = "github"
    html = "html"


#: Where each format's reporter lives (`module:Class`).
REPORTERS: dict[OutputFormat, str] = {
    OutputFormat.rich: "cxmaturity.report.listing:RichReporter",
    OutputFormat.text: "cxmaturity.report.listing:TextReporter",
    OutputFormat.json: "cxmaturity.report.records:JsonReporter",
    OutputFormat.jsonl: "cxmaturity.report.records:JsonLinesReporter",
    OutputFormat.csv: "cxmaturity.report.records:CsvReporter",
    OutputFormat.markdown: "cxmaturity.report.summary:MarkdownReporter",
    OutputFormat.junit: "cxmaturity.report.ci:JunitReporter",
    OutputFormat.github: "cxmaturity.report.ci:GithubReporter",
    OutputFormat.html: "cxmaturity.report.document:HtmlReporter",
}

#: The formats an output file's extension names, the most fitting first: a command writes
#: the first of them it has (`.txt` is `text` for assess, `rich` for compare and trend, whose
#: rich report is plain text in a file). Documented in docs/reports.md.
EXTENSIONS: dict[str, tuple[str, ...]] = {
    ".json": ("json",), ".jsonl": ("jsonl",), ".ndjson": ("jsonl",), ".csv": ("csv",),
    ".md": ("markdown",), ".markdown": ("markdown",), ".html": ("html",), ".htm": ("html",),
    ".xml": ("junit",), ".txt": ("text", "rich"),
}

#: The environment variable that sets the default format.
FORMAT_VARIABLE = "CXMATURITY_FORMAT"


@dataclass(frozen=True)
class Context:
    """What a reporter may need to know about where its text goes."""

    single: bool = False
    """One file was named (not a folder): full single-assessment reports."""
    terminal: bool = False
    """The text goes to a terminal (colour and its width are fine)."""
    width: int | None = None
    """A fixed width for plain text (None: the terminal's, or `COLUMNS`)."""
    gates: tuple[str, ...] = ()
    """Names of the gates in force (`fail-under`, `regression`, ...), for per-gate reports."""


class Reporter:
    """Renders outcomes as text: :meth:`begin`, then :meth:`add` per outcome, then
    :meth:`finish`. Reporters only render; every number comes from the outcomes."""

    def __init__(self, context: Context) -> None:
        self.context = context

    def begin(self) -> str:
        return ""

    def add(self, outcome: Outcome) -> str:
        raise NotImplementedError

    def finish(self, tally: Tally) -> str:
        return ""


def reporter(output_format: OutputFormat, context: Context) -> Reporter:
    """A fresh reporter for `output_format`."""
    module, name = REPORTERS[output_format].split(":")
    cls: type[Reporter] = getattr(importlib.import_module(module), name)
    return cls(context)


def default_format(environ: Mapping[str, str], *, terminal: bool,
                   configured: str | None = None) -> OutputFormat:
    """`CXMATURITY_FORMAT`, else the policy file's, else `github` under GitHub Actions,
    else `rich` on a terminal and `text` elsewhere. ValueError names a bad value."""
    for value in (environ.get(FORMAT_VARIABLE), configured):
        if value:
            try:
                return OutputFormat(value.strip().lower())
            except ValueError:
                names = ", ".join(f.value for f in OutputFormat)
                raise ValueError(f'unknown format "{value}"; use one of: {names}') from None
    if environ.get("GITHUB_ACTIONS") == "true":
        return OutputFormat.github
    return OutputFormat.rich if terminal else OutputFormat.text
