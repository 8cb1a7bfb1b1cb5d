"""Output formats, one registry for every command: where to add a format.

A format is one :class:`Format` member; a command offers it with one line in its registry
(:data:`ASSESS`, :data:`COMPARE`, :data:`TREND`), naming a loader that returns the class that
renders it. `assess` streams: its :class:`Reporter` writes each outcome as it is scored, so a
batch of any size is written as it goes. `compare` and `trend` render one finished result
with a :class:`Renderer`.

The loaders import their module when called, so a run loads only the format it writes: a
single `assess --format json` does not pay for Rich tables, Jinja or XML (about 80 ms of a
cold start, measured with `python -X importtime`; docs/architecture.md). This is the one
place outside the commands where imports are deferred.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:
    from cxmaturity.model.comparison import Comparison
    from cxmaturity.model.records import Outcome, Tally
    from cxmaturity.model.trend import Trend


class Format(str, enum.Enum):
    """Every output format; each command offers those in its registry."""

    rich = "rich"
    text = "text"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    markdown = "markdown"
    junit = "junit"
    github = "github"
    html = "html"


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


SubjectT = TypeVar("SubjectT", contravariant=True)


class Renderer(Generic[SubjectT]):
    """Renders one finished result (a comparison, a trend) as text."""

    def __init__(self, context: Context) -> None:
        self.context = context

    def render(self, subject: SubjectT) -> str:
        raise NotImplementedError


def _rich() -> type[Reporter]:
    from cxmaturity.report.listing import RichReporter
    return RichReporter


def _text() -> type[Reporter]:
    from cxmaturity.report.listing import TextReporter
    return TextReporter


def _json() -> type[Reporter]:
    from cxmaturity.report.records import JsonReporter
    return JsonReporter


def _jsonl() -> type[Reporter]:
    from cxmaturity.report.records import JsonLinesReporter
    return JsonLinesReporter


def _csv() -> type[Reporter]:
    from cxmaturity.report.records import CsvReporter
    return CsvReporter


def _markdown() -> type[Reporter]:
    from cxmaturity.report.summary import MarkdownReporter
    return MarkdownReporter


def _junit() -> type[Reporter]:
    from cxmaturity.report.ci import JunitReporter
    return JunitReporter


def _github() -> type[Reporter]:
    from cxmaturity.report.ci import GithubReporter
    return GithubReporter


def _html() -> type[Reporter]:
    from cxmaturity.report.document import HtmlReporter
    return HtmlReporter


def _json_of_comparison() -> type[Renderer[Comparison]]:
    from cxmaturity.report.json_report import JsonRenderer
    return JsonRenderer


def _rich_comparison() -> type[Renderer[Comparison]]:
    from cxmaturity.report.compare_report import RichComparison
    return RichComparison


def _markdown_comparison() -> type[Renderer[Comparison]]:
    from cxmaturity.report.compare_report import MarkdownComparison
    return MarkdownComparison


def _json_of_trend() -> type[Renderer[Trend]]:
    from cxmaturity.report.json_report import JsonRenderer
    return JsonRenderer


def _rich_trend() -> type[Renderer[Trend]]:
    from cxmaturity.report.trend_report import RichTrend
    return RichTrend


def _markdown_trend() -> type[Renderer[Trend]]:
    from cxmaturity.report.trend_report import MarkdownTrend
    return MarkdownTrend


#: The formats of `assess`, in the order `--help` lists them.
ASSESS: Mapping[Format, Callable[[], type[Reporter]]] = {
    Format.rich: _rich, Format.text: _text, Format.json: _json, Format.jsonl: _jsonl,
    Format.csv: _csv, Format.markdown: _markdown, Format.junit: _junit,
    Format.github: _github, Format.html: _html,
}

#: The formats of `compare`.
COMPARE: Mapping[Format, Callable[[], type[Renderer[Comparison]]]] = {
    Format.rich: _rich_comparison, Format.json: _json_of_comparison,
    Format.markdown: _markdown_comparison,
}

#: The formats of `trend`.
TREND: Mapping[Format, Callable[[], type[Renderer[Trend]]]] = {
    Format.rich: _rich_trend, Format.json: _json_of_trend, Format.markdown: _markdown_trend,
}

#: The formats an output file's extension names, the most fitting first: a command writes
#: the first of them it has (`.txt` is `text` for assess, `rich` for compare and trend, whose
#: rich report is plain text in a file). Documented in docs/reports.md.
EXTENSIONS: dict[str, tuple[Format, ...]] = {
    ".json": (Format.json,), ".jsonl": (Format.jsonl,), ".ndjson": (Format.jsonl,),
    ".csv": (Format.csv,), ".md": (Format.markdown,), ".markdown": (Format.markdown,),
    ".html": (Format.html,), ".htm": (Format.html,), ".xml": (Format.junit,),
    ".txt": (Format.text, Format.rich),
}

#: The environment variable that sets the default format of `assess`.
FORMAT_VARIABLE = "CXMATURITY_FORMAT"


def reporter(output_format: Format, context: Context) -> Reporter:
    """A fresh `assess` reporter for `output_format`."""
    return ASSESS[output_format]()(context)


def default_format(environ: Mapping[str, str], *, terminal: bool,
                   configured: str | None = None) -> Format:
    """`assess`'s format without `--format`: `CXMATURITY_FORMAT`, else the policy file's,
    else `github` under GitHub Actions, else `rich` on a terminal and `text` elsewhere.
    ValueError names a bad value."""
    for value in (environ.get(FORMAT_VARIABLE), configured):
        if value:
            try:
                return Format(value.strip().lower())
            except ValueError:
                names = ", ".join(f.value for f in ASSESS)
                raise ValueError(f'unknown format "{value}"; use one of: {names}') from None
    if environ.get("GITHUB_ACTIONS") == "true":
        return Format.github
    return Format.rich if terminal else Format.text
