"""`cxmaturity assess`: score answers files and report levels, reasons, next steps and gates."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from cxmaturity.cli.errors import handled
from cxmaturity.cli.output import choose_format, format_help
from cxmaturity.report.formats import OutputFormat

if TYPE_CHECKING:
    from cxmaturity.batch import Outcome, Settings
    from cxmaturity.policy import Policy

EPILOG = """Examples:
  cxmaturity assess examples/healthcare-level2.yaml
  cxmaturity assess answers.yaml -o result.json    (JSON, from the extension)
  cxmaturity assess answers.yaml --fail-under 2    (exit 1 below Level 2)
  cxmaturity assess answers.yaml -o report.html
  cxmaturity assess --merge cfo.yaml supervisor.yaml agent.yaml    (three interviewees)
  cxmaturity assess --merge interviews/    (every .yaml in the folder)
  cxmaturity assess assessments/ --format jsonl --jobs 4 > results.jsonl
  cxmaturity assess assessments/ -f markdown --baseline main.json --fail-on-regression
  cat answers.yaml | cxmaturity assess - --format csv

Folders are searched for *.yaml and *.yml; results come in path order. Gates and defaults
can live in a .cxmaturity.yaml policy file (found upwards from here, or --config).

The format is --format, else the one --output's extension names (.json, .jsonl, .csv, .md,
.html, .xml for junit, .txt for text), else $CXMATURITY_FORMAT, then the policy file's
format, then github under GitHub Actions, then rich on a terminal, else text.

Exit codes: 0 scored; 1 a gate failed; 2 bad input or usage (any file); 70 internal error;
141 output closed early.
"""

#: Batches at least this large get a progress bar (on a terminal).
PROGRESS_FROM = 100


@handled
def assess(
    files: list[str] = typer.Argument(..., metavar="FILE|DIR|-", show_default=False,
                                      help="Answers files, folders of them, or - for "
                                      "standard input."),
    output_format: str | None = typer.Option(
        None, "--format", "-f", metavar="FORMAT", show_default=False,
        help=format_help(OutputFormat, "from the --output extension, else see below")),
    output: Path | None = typer.Option(
        None, "--output", "-o", metavar="FILE", show_default=False,
        help="Write the report to this file (atomically) instead of standard output."),
    jobs: int | None = typer.Option(None, "--jobs", "-j", metavar="N", min=1,
                                    show_default=False,
                                    help="Processes to score with (default: all cores)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    fail_under: str | None = typer.Option(
        None, "--fail-under", metavar="LEVEL", show_default=False,
        help="Fail a file whose overall level is below LEVEL (number, id or name), or whose "
        "evidence is insufficient."),
    fail_under_dimension: list[str] = typer.Option(
        [], "--fail-under-dimension", metavar="ID=LEVEL", show_default=False,
        help="Fail a file whose dimension ID is below LEVEL (repeatable)."),
    min_confidence: str | None = typer.Option(
        None, "--min-confidence", metavar="SHARE", show_default=False,
        help="Fail a file answered for less than SHARE of the rubric (60% or 0.6)."),
    baseline: Path | None = typer.Option(
        None, "--baseline", metavar="JSON|DIR", show_default=False,
        help="Earlier JSON/JSONL output of assess to compare against."),
    fail_on_regression: bool = typer.Option(
        False, "--fail-on-regression",
        help="Fail a file whose overall or any dimension level dropped against --baseline."),
    max_age: int | None = typer.Option(
        None, "--max-age", metavar="DAYS", min=0, show_default=False,
        help="Fail an assessment dated more than DAYS ago."),
    config: Path | None = typer.Option(
        None, "--config", metavar="FILE", show_default=False,
        help="Policy file (default: .cxmaturity.yaml here or in a folder above)."),
    no_config: bool = typer.Option(False, "--no-config",
                                   help="Ignore policy files (e.g. to score a baseline)."),
    target: str | None = typer.Option(
        None, "--target", metavar="LEVEL", show_default=False,
        help="Plan blockers and next steps for this level (default: the next one)."),
    merge: bool = typer.Option(
        False, "--merge", help="Combine several respondents' answers files (or a folder of "
        "them) for one site into one assessment; see docs/merge.md."),
) -> int:
    """Score answers files against their rubrics, explain the levels and apply gates.

    One file gives the full report; several files or a folder give one line, row or record
    per file. A broken file is reported and the rest are still scored. With --merge, the
    files are one site's interviews, combined into one assessment.
    """
    from cxmaturity.batch import STDIN, Tally, assess_merged, default_jobs, run
    from cxmaturity.cli.stdin import read_stdin
    from cxmaturity.inputs import named_inputs
    from cxmaturity.report.formats import Context, reporter

    policy, base = _policy(None if no_config else config, search=not no_config)
    single = merge or (len(files) == 1 and (files[0] == STDIN or not os.path.isdir(files[0])))
    settings = _settings(policy, base, single, fail_under=fail_under, min_confidence=
                         min_confidence, dimensions=fail_under_dimension, baseline=baseline,
                         fail_on_regression=fail_on_regression, max_age=max_age, target=target)
    inputs = [] if merge else named_inputs(files)
    terminal = output is None and sys.stdout.isatty()
    chosen = choose_format(output_format, output, OutputFormat, "assess") or \
        _default_format(policy, terminal)
    report = reporter(chosen, Context(single=single, terminal=terminal,
                                      width=100 if output else None,
                                      gates=settings.gates.active))
    stdin = read_stdin(inputs)
    outcomes = iter([assess_merged(files, settings)]) if merge else run(
        inputs, settings, jobs or policy.jobs or default_jobs(), stdin)
    if wants_progress(quiet=quiet, count=len(inputs), stderr_terminal=sys.stderr.isatty(),
                      report_on_terminal=terminal):
        outcomes = _with_progress(outcomes, len(inputs))
    tally = Tally()
    with _sink(output) as sink:
        sink.write(report.begin())
        for outcome in outcomes:
            tally.add(outcome)
            _diagnose(outcome)
            sink.write(report.add(outcome))
        sink.write(report.finish(tally))
    return tally.exit_code


def _policy(config: Path | None, *, search: bool) -> tuple[Policy, Path]:
    """The policy in force and the folder its paths are relative to."""
    from cxmaturity.policy import Policy, find_policy, load_policy

    path = config or (find_policy(Path.cwd()) if search else None)
    if path is None:
        return Policy(), Path.cwd()
    return load_policy(path), path.parent


def _settings(policy: Policy, base: Path, single: bool, *, fail_under: str | None,
              dimensions: list[str], min_confidence: str | None, baseline: Path | None,
              fail_on_regression: bool, max_age: int | None, target: str | None) -> Settings:
    """Options merged over the policy file: an option given on the command line wins."""
    from cxmaturity.baseline import load_baseline
    from cxmaturity.batch import Settings
    from cxmaturity.errors import Problem, UsageError
    from cxmaturity.gates import Gates
    from cxmaturity.policy import dimension_gate, parse_share

    share = policy.min_confidence
    if min_confidence is not None:
        try:
            share = parse_share(min_confidence)
        except ValueError as exc:
            raise UsageError([Problem("--min-confidence", str(exc))]) from None
    where = baseline or (base / policy.baseline if policy.baseline else None)
    regression = fail_on_regression or policy.fail_on_regression
    if regression and where is None:
        raise UsageError([Problem("--fail-on-regression", "needs a baseline to compare with",
                                  hint="add --baseline OLD.json (or baseline: in the policy)")])
    gates = Gates(
        fail_under=fail_under or policy.fail_under,
        fail_under_dimension=tuple(dimension_gate(d) for d in dimensions) if dimensions
        else tuple(policy.fail_under_dimension.items()),
        min_confidence=share, max_age=max_age if max_age is not None else policy.max_age,
        baseline=load_baseline(where) if where is not None and regression else {},
        fail_on_regression=regression)
    return Settings(gates=gates, target=target, keep=single)


def _default_format(policy: Policy, terminal: bool) -> OutputFormat:
    from cxmaturity.errors import Problem, UsageError
    from cxmaturity.report.formats import FORMAT_VARIABLE, default_format

    try:
        return default_format(os.environ, terminal=terminal, configured=policy.format)
    except ValueError as exc:
        raise UsageError([Problem(f"{FORMAT_VARIABLE} or the policy file", str(exc))]) from None


def _diagnose(outcome: Outcome) -> None:
    """Errors and failed gates of one file on standard error, whatever the format."""
    from cxmaturity.cli.errors import report_problems
    from cxmaturity.errors import CxError

    if outcome.problems:
        report_problems(CxError(outcome.problems))
    for gate in outcome.gates:
        print(f"gate failed: {outcome.file}: {gate.message}", file=sys.stderr)


def wants_progress(*, quiet: bool, count: int, stderr_terminal: bool,
                   report_on_terminal: bool) -> bool:
    """A progress bar only for a large batch, on a terminal, not drawn over the report."""
    return not quiet and count >= PROGRESS_FROM and stderr_terminal and not report_on_terminal


def _with_progress(outcomes: Iterable[Outcome], total: int) -> Iterator[Outcome]:
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("scoring", total=total)
        for outcome in outcomes:
            progress.advance(task)
            yield outcome


class _Stdout:
    def write(self, text: str) -> None:
        sys.stdout.write(text)

    def __enter__(self) -> _Stdout:
        return self

    def __exit__(self, *exc: object) -> None:
        sys.stdout.flush()


def _sink(output: Path | None) -> Any:
    """Where the report goes: standard output, or a file that appears only when complete."""
    if output is None:
        return _Stdout()
    from cxmaturity.files import AtomicWriter

    return AtomicWriter(output)
