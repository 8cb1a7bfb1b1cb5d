"""`cxmaturity template`: write an answers skeleton listing every question of a rubric."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import typer

from cxmaturity import DEFAULT_RUBRIC
from cxmaturity.cli.errors import handled, say
from cxmaturity.cli.output import report_file

EPILOG = """Examples:
  cxmaturity template > answers.yaml
  cxmaturity template --rubric my-model.yaml --output answers.yaml

The skeleton has no errors as it is (every answer `unknown`), but
`validate --strict` fails until it is filled in. Fill it in, then run
  cxmaturity validate answers.yaml && cxmaturity assess answers.yaml
"""


def complete_rubric(incomplete: str) -> list[str]:
    """Shell completion for rubric options: the bundled ids."""
    from cxmaturity.load.bundled import bundled_ids

    return [rid for rid in bundled_ids() if rid.startswith(incomplete)]


@handled
def template(
    rubric: str = typer.Option(DEFAULT_RUBRIC, "--rubric", "-r",
                               metavar="ID|PATH", help="A bundled rubric id or a rubric file.",
                               autocompletion=complete_rubric),
    output: Path | None = typer.Option(
        None, "--output", "-o", metavar="FILE", help="Write to this new file instead of "
        "standard output (-); an existing file is never overwritten.", show_default=False,
        callback=report_file),
) -> int:
    """Write an answers skeleton: every question and metric, ready to fill in.

    Every question appears with its text and allowed answers as comments, grouped by
    dimension, and every metric with its unit; all answers start as `unknown`. The file
    has no errors as it is, and `validate --strict` fails until it is filled in.
    """
    from cxmaturity.author.writer import template as render_template
    from cxmaturity.load.catalog import is_path_reference, load_rubric

    loaded = load_rubric(rubric)
    reference = rubric
    if output is not None and is_path_reference(rubric):
        reference = _relative(Path(rubric), output)
    text = render_template(loaded.rubric, reference, dt.date.today())
    if output is None:
        sys.stdout.write(text)
        return 0
    from cxmaturity.errors import Problem, UsageError
    from cxmaturity.files import write_atomic

    if output.exists():
        raise UsageError([Problem(str(output), "file exists; not overwriting it",
                                  hint="choose another --output, or remove the file")])
    write_atomic(output, text)
    say(f"wrote {output}")
    if is_path_reference(rubric):
        _warn_if_not_always_read(Path(rubric), output, reference)
    return 0


def _warn_if_not_always_read(rubric: Path, output: Path, reference: str) -> None:
    """Warn when the answers file at `output` names a rubric that cxmaturity reads only from
    some folders, or only with --rubric-root (:mod:`cxmaturity.load.containment`)."""
    from cxmaturity.load.containment import ROOT_VARIABLE, lies_within, own_root

    own = own_root(output.parent)
    if lies_within(rubric, (own.folder,)):
        return
    allow = f"with --rubric-root DIR (or {ROOT_VARIABLE})"
    if own.is_repository:
        where = f"outside its repository ({own.folder}), so cxmaturity reads that rubric " \
            f"only {allow}"
    else:
        where = "outside its folder and not in a git repository, so cxmaturity reads that " \
            f"rubric only when run from a folder that holds it, or {allow}"
    say(f'warning: {output} names its rubric as {reference}, {where} (see the README, '
        '"Security")')


def _relative(rubric: Path, output: Path) -> str:
    """The rubric path as seen from the output file's folder."""
    import os

    return os.path.relpath(rubric.resolve(), output.resolve().parent)
