"""`cxmaturity interview`: ask every question in the terminal and write the answers file,
saving (atomically) after every answer so that it can stop and resume at any point."""

from __future__ import annotations

import datetime as dt
import itertools
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from cxmaturity import DEFAULT_RUBRIC
from cxmaturity.cli.errors import handled
from cxmaturity.cli.template import complete_rubric

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from cxmaturity.author.interview import Interview, Step

EPILOG = """Examples:
  cxmaturity interview --output answers.yaml
  cxmaturity interview --rubric my-model.yaml -o site-a.yaml
  cxmaturity interview -o answers.yaml    (again: resumes where it stopped)

At each question type the option's number, id or label, u (unknown), n/a, s (skip for
now), b (back), ? (help) or q (save and stop). The file is saved after every answer;
Ctrl-C never loses or half-writes it.

Exit codes: 0 saved, or stopped with q or at the end of the input (every answer given is
saved); 2 bad input; 130 interrupted (progress saved).
"""

EXIT_INTERRUPTED = 130


class _Stop(Exception):
    """The person asked to stop (q, end of input)."""


def _ask(prompt: str) -> str:
    try:
        return input(prompt)
    except EOFError:
        raise _Stop() from None


def _line(*pieces: str | tuple[str, str]) -> Text:
    """One line of the interview from plain pieces and (text, style) pairs; text from the
    rubric, the file or the person typing is escaped (:mod:`cxmaturity.escape.terminal`)."""
    from rich.text import Text

    from cxmaturity.escape.terminal import prose

    return Text.assemble(*[(prose(p), "") if isinstance(p, str) else (prose(p[0]), p[1])
                           for p in pieces])


def _tell(text: str) -> None:
    """A plain message while asking (between prompts), escaped."""
    from cxmaturity.escape.terminal import prose

    print(prose(text))


@handled
def interview(
    output: Path = typer.Option(Path("answers.yaml"), "--output", "-o", metavar="FILE",
                                help="The answers file to write, or to resume if it exists."),
    rubric: str | None = typer.Option(None, "--rubric", "-r", metavar="ID|PATH",
                                      help=f"Rubric for a new file (default: the bundled "
                                      f"{DEFAULT_RUBRIC}).",
                                      autocompletion=complete_rubric),
    ask_unknown: bool = typer.Option(False, "--ask-unknown",
                                     help="On resume, also ask the questions answered "
                                     "`unknown` (e.g. in a file made by `template`, whose "
                                     "empty organization is asked first)."),
) -> int:
    """Ask every question in the terminal and write the answers file as you go.

    Each question shows its meaning and scale and accepts an evidence note; skip,
    back and unknown are allowed. The file is saved after every answer, and running
    the command again on it resumes at the first unanswered question.
    """
    from cxmaturity.escape.terminal import console as make_console

    if sys.stdin.isatty():
        import readline  # noqa: F401  (line editing for input())
    console = make_console(soft_wrap=not sys.stdout.isatty())
    if str(output) == "-":
        from cxmaturity.errors import OptionError, Problem

        raise OptionError([Problem("--output", "the interview saves its file after every "
                                   "answer, so it cannot write to standard output",
                                   hint="name a file, e.g. -o answers.yaml")])
    try:
        session = _open(console, output, rubric, ask_unknown)
        return _run(console, session, output)
    except _Stop:
        console.print()
        console.print(_line(_kept(output, "Stopped.")))
        return 0
    except KeyboardInterrupt:
        console.print()
        console.print(_line(_kept(output, "Interrupted.")))
        return EXIT_INTERRUPTED


def _kept(output: Path, how: str) -> str:
    """What a stopped interview left: the file it saved (or resumed), or nothing yet."""
    if output.exists():
        return (f"{how} Every answer given so far is saved in {output}; run the same command "
                "to resume.")
    return (f"{how} Nothing was saved yet ({output} was not written); run the same command "
            "to start again.")


def _open(console: Console, output: Path, rubric: str | None, ask_unknown: bool) -> Interview:
    from cxmaturity.author.interview import Interview, resume
    from cxmaturity.author.writer import Draft
    from cxmaturity.errors import Problem, UsageError
    from cxmaturity.load.catalog import is_path_reference, load_rubric

    _check_folder(output)
    if output.exists():
        found, draft = resume(str(output))
        if rubric is not None and load_rubric(rubric).rubric.id != found.id:
            raise UsageError([Problem(str(output), f'this file answers rubric "{found.id}", '
                                      f'not "{rubric}"', hint="leave out --rubric to resume it, "
                                      "or choose another --output")])
        session = Interview(found, draft, ask_unknown=ask_unknown)
        done = len(session.steps) - len(session.pending())
        console.print(_line(f"Resuming {output}: {done} of {len(session.steps)} answered."))
        blank = not str(draft.header.get("organization") or "").strip()  # from `template`
        if blank and session.pending():
            _keep_original(console, output)
            draft.header.update(_header(draft.header))
            _save(session, output)
        return session
    reference = rubric or DEFAULT_RUBRIC
    loaded = load_rubric(reference)
    if is_path_reference(reference):
        reference = os.path.relpath(Path(reference).resolve(), output.resolve().parent)
    console.print(_line((loaded.rubric.title, "bold"), f" - new answers file {output}"))
    session = Interview(loaded.rubric, Draft({"rubric": reference, **_header({})}))
    _save(session, output)
    return session


def _check_folder(output: Path) -> None:
    """Before the first question: the answers can be saved where --output says."""
    from cxmaturity.errors import Problem, UsageError

    folder = output.parent
    if not folder.is_dir():
        raise UsageError([Problem(str(output), f"the folder {folder} does not exist",
                                  hint="create it first, or choose another --output")])
    if not os.access(folder, os.W_OK | os.X_OK) or (output.exists()
                                                     and not os.access(output, os.W_OK)):
        raise UsageError([Problem(str(output), "cannot write here",
                                  hint="choose another --output")])


def _keep_original(console: Console, output: Path) -> None:
    """Before rewriting a file the interview did not write, keep a copy of it as it was."""
    from cxmaturity.author.interview import MARK
    from cxmaturity.files import keep_copy

    text = output.read_text(encoding="utf-8")
    heading = itertools.takewhile(lambda line: line.startswith("#"), text.splitlines())
    if any(MARK in line for line in heading):
        return
    copy = keep_copy(output, text)
    console.print(_line(f"{output} was not written by the interview; its original is kept as "
                        f"{copy}."))


def _header(given: dict[str, Any]) -> dict[str, Any]:
    """Ask for the organization, and for the site, date and assessor that `given` (the
    header of a file being resumed) leaves out; the date it gives is the default."""
    header: dict[str, Any] = {"organization": _required("Organization: ")}
    if given.get("site") is None:
        header["site"] = _ask("Site (optional): ").strip() or None
    given_date = given.get("date")
    header["date"] = _date(given_date if isinstance(given_date, dt.date) else dt.date.today())
    if given.get("assessor") is None:
        header["assessor"] = _ask("Assessor (optional): ").strip() or None
    return header


def _required(prompt: str) -> str:
    while True:
        text = _ask(prompt).strip()
        if text:
            return text
        _tell("  this is required")


def _date(default: dt.date) -> dt.date:
    while True:
        text = _ask(f"Date of the assessment [{default.isoformat()}]: ").strip()
        if not text:
            return default
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            _tell("  write the date as YYYY-MM-DD")


def _save(session: Interview, output: Path) -> None:
    from cxmaturity.files import write_atomic

    write_atomic(output, session.text())


def _run(console: Console, session: Interview, output: Path) -> int:
    from cxmaturity.model.rubric import UNKNOWN

    pending = session.pending()
    if not pending:
        unknown = sum(session.current(step) == UNKNOWN for step in session.steps)
        hint = f" ({unknown} as unknown: --ask-unknown goes through them)" if unknown else ""
        console.print(_line(f"Every question in {output} is answered{hint}. Score it with: "
                            f"cxmaturity assess {output}"))
        return 0
    if output.exists():
        _keep_original(console, output)
    index = pending[0]
    total = len(session.steps)
    shown = -1
    while index < total:
        step = session.steps[index]
        if shown != index:
            _show(console, session, step, index, total)
            shown = index
        reply = session.interpret(step, _ask("> "))
        if reply.error:
            console.print(_line("  ", (reply.error, "red")))
            continue
        if reply.command == "quit":
            raise _Stop()
        if reply.command == "help":
            console.print(_line(f"  {step.help or 'No further help for this question.'}"))
            console.print(_line("  Type a number or id, u (unknown), n/a, s (skip), b (back), "
                                "q (save and stop)."))
            continue
        if reply.command == "back":
            index = max(0, index - 1)
            continue
        if reply.command == "keep" and session.current(step) is None:
            console.print(_line("  type an answer, or s to skip"))
            continue
        if reply.command is None:
            _answer(session, step, reply.answer, output)
        index = session.after(index)
    return _finish(console, session, output)


def _answer(session: Interview, step: Step, answer: object, output: Path) -> None:
    """Record an answer with its evidence note and save; an answer typed just before the
    input ends is still saved."""
    from cxmaturity.model.rubric import NOT_APPLICABLE, UNKNOWN

    note = session.evidence(step)
    target = session.target(step)
    try:
        if step.needs_target and answer not in (UNKNOWN, NOT_APPLICABLE):
            target = _target(session, step)
        if answer != UNKNOWN:
            note = _ask("  evidence (optional): ").strip() or note
    finally:
        session.record(step, answer, note, target)
        _save(session, output)


def _target(session: Interview, step: Step) -> object:
    """Ask for the operation's own target until one is given (Enter keeps the one before)."""
    before = session.target(step)
    while True:
        typed = _ask("  your target" + (f" [{before}]" if before is not None else "") + ": ")
        if not typed.strip() and before is not None:
            return before
        reply = session.interpret_target(step, typed)
        if reply.error is None:
            return reply.answer
        _tell(f"  {reply.error}")


def _show(console: Console, session: Interview, step: Step, index: int, total: int) -> None:
    console.print()
    console.print(_line((f"[{index + 1}/{total}] {step.dimension} · {step.id}", "dim")))
    console.print(_line((step.text, "bold")))
    if step.needs_target:
        console.print(_line(("The rubric leaves the target to you: after the value, give "
                             "your own target.", "dim")))
    if step.help:
        console.print(_line((step.help, "dim")))
    width = max((len(option) for option, _ in step.choices), default=0) + 2
    for number, (option, label) in enumerate(step.choices, 1):
        console.print(_line(f"  {number}) {option:<{width}}{label}"))
    current = session.current(step)
    keys = "u unknown · n/a · s skip · b back · ? help · q quit"
    now = [("  ", ""), (f"(now: {current}; Enter keeps it)", "dim")] if current is not None \
        else []
    console.print(_line("  ", (keys, "dim"), *now))


def _finish(console: Console, session: Interview, output: Path) -> int:
    left = len(session.pending())
    console.print()
    if left:
        console.print(_line(f"Saved {output}; {left} question(s) skipped. Run the same "
                            "command to answer them."))
    else:
        console.print(_line(f"Saved {output}: every question answered. Next: "
                            f"cxmaturity assess {output}"))
    return 0
