"""`cxmaturity assess`: score answers files and report levels, reasons, next steps and gates."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator, Mapping
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from cxmaturity.cli.errors import handled
from cxmaturity.cli.output import REPORT_OUTPUT, choose_format, format_help
from cxmaturity.cli.rubric_root import RUBRIC_ROOT, resolved
from cxmaturity.report.formats import ASSESS, Format

if TYPE_CHECKING:
    from cxmaturity.model.records import Outcome, Tally
    from cxmaturity.run.batch import Settings
    from cxmaturity.run.gates import BaselineCoverage
    from cxmaturity.run.policy import Policy

EPILOG = """Examples:
  cxmaturity assess examples/healthcare-level2.yaml
  cxmaturity assess answers.yaml -o result.json    (JSON, from the extension)
  cxmaturity assess answers.yaml --fail-under 2    (exit 1 below Level 2)
  cxmaturity assess answers.yaml -o report.html
  cxmaturity assess --merge cfo.yaml supervisor.yaml agent.yaml    (three interviewees)
  cxmaturity assess --merge interviews/    (every .yaml in the folder)
  cxmaturity assess assessments/ --format jsonl --jobs 4 > results.jsonl
  cxmaturity assess assessments/ -f markdown --baseline main.json
  cxmaturity assess examples/ --fail-under 3 --fail-under ai-readiness-cohorts=2
  cat answers.yaml | cxmaturity assess - --format csv

Folders are searched for *.yaml and *.yml; results come in path order. Gates and defaults
can live in a policy file, .cxmaturity.yaml or .yml: the nearest above each file, or
--config for all (--verbose says which applied).

The format is --format, else the one --output's extension names (.json, .jsonl, .csv, .md,
.html, .xml for junit, .txt for text), else $CXMATURITY_FORMAT, then the policy file's
format, then github under GitHub Actions, then rich on a terminal, else text.

Exit codes: 0 scored; 1 a gate failed; 2 bad input or usage (any file); 70 internal error;
130 interrupted (Ctrl-C); 141 output closed early; 143 stopped (SIGTERM).
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
        help=format_help(ASSESS, "from the --output extension, else see below")),
    output: Path | None = REPORT_OUTPUT,
    jobs: int | None = typer.Option(None, "--jobs", "-j", metavar="N", min=1,
                                    show_default=False,
                                    help="Processes to score with (default: all cores)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    verbose: bool = typer.Option(False, "--verbose", "-v",
                                 help="Say on standard error which policy files apply."),
    fail_under: list[str] = typer.Option(
        [], "--fail-under", metavar="LEVEL", show_default=False,
        help="Fail a file whose overall level is below LEVEL (number, id or name), or whose "
        "evidence is insufficient; RUBRIC=LEVEL for one rubric's files (repeatable)."),
    fail_under_dimension: list[str] = typer.Option(
        [], "--fail-under-dimension", metavar="ID=LEVEL", show_default=False,
        help="Fail a file whose dimension ID is below LEVEL; RUBRIC:ID=LEVEL for one "
        "rubric's files (repeatable)."),
    min_confidence: str | None = typer.Option(
        None, "--min-confidence", metavar="PERCENT", show_default=False,
        help="Fail a file answered for less than PERCENT of the rubric (60 or 60%)."),
    baseline: Path | None = typer.Option(
        None, "--baseline", metavar="JSON|DIR", show_default=False,
        help="Earlier JSON/JSONL output of assess: fail a file whose levels dropped since."),
    fail_on_regression: bool = typer.Option(
        False, "--fail-on-regression",
        help="Fail a file whose overall or any dimension level dropped against the baseline "
        "(on whenever a baseline is given)."),
    max_age: int | None = typer.Option(
        None, "--max-age", metavar="DAYS", min=0, show_default=False,
        help="Fail an assessment dated more than DAYS ago, or in the future."),
    config: Path | None = typer.Option(
        None, "--config", metavar="FILE", show_default=False,
        help="Policy file for every file (default: the nearest .cxmaturity.yaml above each)."),
    no_config: bool = typer.Option(False, "--no-config",
                                   help="Ignore policy files (e.g. to score a baseline)."),
    target: str | None = typer.Option(
        None, "--target", metavar="LEVEL", show_default=False,
        help="Plan blockers and next steps for this level (default: the next one)."),
    merge: bool = typer.Option(
        False, "--merge", help="Combine several respondents' answers files (or a folder of "
        "them) for one site into one assessment; see docs/merge.md."),
    rubric_root: Path | None = RUBRIC_ROOT,
) -> int:
    """Score answers files against their rubrics, explain the levels and apply gates.

    One file gives the full report; several files or a folder give one line, row or record
    per file. A broken file is reported and the rest are still scored. With --merge, the
    files are one site's interviews, combined into one assessment.
    """
    from cxmaturity.cli.errors import check_signals
    from cxmaturity.cli.output import context, refuse_to_replace
    from cxmaturity.cli.stdin import read_stdin
    from cxmaturity.load.inputs import STDIN, discover, named_inputs
    from cxmaturity.model.records import Tally
    from cxmaturity.report.formats import reporter
    from cxmaturity.run.batch import assess_merged, default_jobs, run
    from cxmaturity.run.gates import BaselineCoverage, Gates
    from cxmaturity.run.gating import plan

    if config is not None and no_config:
        from cxmaturity.errors import OptionError, Problem

        raise OptionError([Problem("--no-config", "--config names a policy file and "
                                   "--no-config ignores policy files: give one of them",
                                   hint="drop --no-config to apply the policy file, or "
                                   "--config to apply none")])
    inputs = named_inputs(files)  # a stream, walked to plan and to score (and, when the
    # output file exists, once more to check that it is none of them)
    stdin = None if merge else read_stdin(files)
    single = merge or (len(files) == 1 and (files[0] == STDIN or not os.path.isdir(files[0])))
    given = Gates.from_options(fail_under, fail_under_dimension, min_confidence, max_age,
                               fail_on_regression)
    planned = plan(inputs, given, baseline=baseline, config=config,
                   policies=not no_config, target=target, keep=single,
                   rubric_root=resolved(rubric_root))
    refuse_to_replace(output, chain(planned.read, discover(files)))
    if verbose:
        _explain(planned.governed, resolved(rubric_root))
    settings = planned.settings
    where = context(output, single=single, gates=settings.gates.active)
    chosen = choose_format(output_format, output, ASSESS, "assess") or \
        _default_format(planned.defaults, where.terminal)
    report = reporter(chosen, where)
    tally = Tally()
    coverage = BaselineCoverage(settings.every_gates)
    with _sink(output) as sink:  # opened first: a pool is started only once it can be used
        outcomes = iter([assess_merged(files, settings)]) if merge else run(
            discover(files), settings, jobs or planned.defaults.jobs or default_jobs(), stdin)
        if not merge and wants_progress(quiet=quiet, count=planned.count,
                                        stderr_terminal=sys.stderr.isatty(),
                                        report_on_terminal=where.terminal):
            outcomes = _with_progress(outcomes, planned.count)
        sink.write(report.begin())
        for outcome in outcomes:
            check_signals()  # before a file's errors are said: they may be the signal's
            tally.add(outcome)
            coverage.saw(outcome.file)
            _diagnose(outcome)
            sink.write(report.add(outcome))
        sink.write(report.finish(tally))
    if output is not None and not sink.written:
        from cxmaturity.cli.errors import say

        say(f"note: {output} was not written: there is no report, as nothing could be "
            "scored" + (" (a file there is kept as it was)" if output.exists() else ""))
    _check_compared(settings, tally)
    if tally.compared:  # else _check_compared has said why nothing matched
        _note_missing(coverage)
    _check_gated_rubrics(settings, tally)
    return tally.exit_code


def _explain(governed: Mapping[str, int], rubric_root: Path | None) -> None:
    """The `--verbose` lines: which policy governs how many files, where rubrics may lie."""
    from cxmaturity.cli.errors import say
    from cxmaturity.load.containment import ROOT_VARIABLE

    for policy, count in governed.items():
        say(f"policy: {policy} ({count} file{'' if count == 1 else 's'})")
    say(f"rubric root: {rubric_root}" if rubric_root else
        f"rubric root: each answers file's repository ({ROOT_VARIABLE} not set)")


def _check_compared(settings: Settings, tally: Tally) -> None:
    """UsageError if a regression gate was on but found no scored file in its baseline."""
    if tally.scored and not tally.compared and \
            any(g.fail_on_regression for g in settings.every_gates):
        from cxmaturity.errors import Problem, UsageError

        raise UsageError([Problem("--baseline", "no scored file is in the baseline, so "
                                  "nothing was checked for a regression",
                                  hint="score the baseline from the same folder with the same "
                                  "arguments, so that its paths match")])


def _note_missing(coverage: BaselineCoverage, shown: int = 10) -> None:
    """A note naming the baseline's files this run did not meet (a site removed or renamed,
    or a baseline of a wider run)."""
    from cxmaturity.cli.errors import say

    missing = coverage.missing
    if missing:
        more = f" and {len(missing) - shown} more" if len(missing) > shown else ""
        say(f"note: {len(missing)} file{'' if len(missing) == 1 else 's'} of the baseline "
            f"{'was' if len(missing) == 1 else 'were'} not in this run (removed, renamed, or "
            f"outside its inputs): {', '.join(missing[:shown])}{more}")


def _check_gated_rubrics(settings: Settings, tally: Tally) -> None:
    """A warning for each rubric a gate is kept for that is not bundled and that no scored
    file used: most often a misspelt id, whose gates would otherwise apply to nothing,
    silently. (A bundled rubric's gates in a shared policy may rightly match no file.)"""
    from cxmaturity.cli.errors import say
    from cxmaturity.load.bundled import bundled_ids
    from cxmaturity.messages import did_you_mean
    from cxmaturity.run.gates import gated_rubrics

    named = gated_rubrics(settings.every_gates) - tally.rubrics
    if not named or not tally.scored:
        return  # the bundled ids are listed only when a gate names another rubric
    known = tally.rubrics | set(bundled_ids())
    for rubric in sorted(named - known):
        hint = did_you_mean(rubric, known) or \
            f"rubrics scored here: {', '.join(sorted(tally.rubrics))}"
        say(f'warning: the gates for rubric "{rubric}" (--fail-under RUBRIC=, '
            f"--fail-under-dimension RUBRIC:, or a policy's `rubrics:`) applied to no file: "
            f"no scored file uses it; {hint}")


def _default_format(policy: Policy, terminal: bool) -> Format:
    from cxmaturity.errors import Problem, UsageError
    from cxmaturity.report.formats import FORMAT_VARIABLE, default_format

    try:
        return default_format(os.environ, terminal=terminal, configured=policy.format)
    except ValueError as exc:
        raise UsageError([Problem(f"{FORMAT_VARIABLE} or the policy file", str(exc))]) from None


def _diagnose(outcome: Outcome) -> None:
    """Errors and failed gates of one file on standard error, whatever the format."""
    from cxmaturity.cli.errors import report_problems, say
    from cxmaturity.errors import CxError

    if outcome.problems:
        report_problems(CxError(outcome.problems))
    for gate in outcome.gates:
        say(f"gate failed: {outcome.file}: {gate.message}")
    for note in outcome.notes:
        say(f"note: {note}")


def wants_progress(*, quiet: bool, count: int, stderr_terminal: bool,
                   report_on_terminal: bool) -> bool:
    """A progress bar only for a large batch, on a terminal, not drawn over the report."""
    return not quiet and count >= PROGRESS_FROM and stderr_terminal and not report_on_terminal


def _with_progress(outcomes: Iterable[Outcome], total: int) -> Iterator[Outcome]:
    from rich.progress import Progress

    from cxmaturity.escape.terminal import console

    with Progress(console=console(stderr=True), transient=True) as progress:
        task = progress.add_task("scoring", total=total)
        for outcome in outcomes:
            progress.advance(task)
            yield outcome


class _Stdout:
    written = True  # whatever was written, standard output stays as it is

    def write(self, text: str) -> None:
        sys.stdout.write(text)

    def __enter__(self) -> _Stdout:
        return self

    def __exit__(self, *exc: object) -> None:
        sys.stdout.flush()


def _sink(output: Path | None) -> Any:
    """Where the report goes: standard output, or a file that appears only when complete and
    not empty (one file that could not be scored writes no report in most formats, and a
    report file there is kept)."""
    if output is None:
        return _Stdout()
    from cxmaturity.files import AtomicWriter

    return AtomicWriter(output, skip_if_empty=True)
