"""How our commands read on the command line: help laid out as click and ruff lay it out
(usage, description, arguments, options, commands, then examples and notes, wrapped at
words), and every mistake in a command line reported in our words, with the usage and a
pointer to `--help`, exit code 2. Typer parses; this module only presents."""

from __future__ import annotations

import enum
import shutil
import sys
import textwrap
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TypeVar

import typer
from typer.core import TyperCommand, TyperGroup

from cxmaturity.cli.errors import OptionMistake, report_problems
from cxmaturity.errors import EXIT_BAD_INPUT, CxError, OptionError, Problem
from cxmaturity.messages import did_you_mean, explain

# Click's exception classes, wherever this Typer keeps them (click itself, or the copy newer
# Typers carry): the module that defines the public `typer.BadParameter`.
_click_errors: Any = sys.modules[typer.BadParameter.__module__]

ChoiceT = TypeVar("ChoiceT", bound=enum.Enum)

#: Help is wrapped to the terminal, but never wider than this, nor narrower than MIN_WIDTH.
MAX_WIDTH = 100
MIN_WIDTH = 40
#: Widest first column (options, arguments, commands); longer names put their help below.
MAX_COLUMN = 28


def _width() -> int:
    return max(MIN_WIDTH, min(MAX_WIDTH, shutil.get_terminal_size().columns))


def usage(command: Any, ctx: Any) -> str:
    """`cxmaturity assess [OPTIONS] FILE|DIR|-...`: optional parts in brackets, repeatable
    ones followed by `...`, as click and ruff write them."""
    pieces = [ctx.command_path, "[OPTIONS]"]
    for param in command.get_params(ctx):
        if param.param_type_name == "argument":
            name = _name(param) + ("..." if param.nargs != 1 else "")
            pieces.append(name if param.required else f"[{name}]")
    if isinstance(command, TyperGroup):
        pieces.append("COMMAND [ARGS]...")
    return " ".join(pieces)


def _name(param: Any) -> str:
    """An argument's or option value's placeholder: its metavar, else its name in capitals."""
    return str(param.metavar or param.name.upper()).strip("[]")


def help_text(command: Any, ctx: Any) -> str:
    """The whole help screen of a command or group."""
    width = _width()
    lines = [f"Usage: {usage(command, ctx)}", ""]
    for paragraph in (command.help or "").split("\n\n"):
        lines += [*_wrap(paragraph, width, "  "), ""]
    params = [p for p in command.get_params(ctx) if not getattr(p, "hidden", False)]
    lines += _section("Arguments", [_argument(p) for p in params
                                    if p.param_type_name == "argument"], width)
    lines += _section("Options", [_option(p) for p in params
                                  if p.param_type_name == "option"], width)
    if isinstance(command, TyperGroup):
        lines += _section("Commands", list(_commands(command, ctx)), width)
    lines += _epilog(command.epilog or "", width)
    return "\n".join(lines).rstrip("\n") + "\n"


def _wrap(text: str, width: int, indent: str = "") -> list[str]:
    return textwrap.wrap(" ".join(text.split()), width, initial_indent=indent,
                         subsequent_indent=indent, break_long_words=False,
                         break_on_hyphens=False)


def _argument(param: Any) -> tuple[str, str]:
    name = _name(param) + ("..." if param.nargs != 1 else "")
    return (name if param.required else f"[{name}]"), " ".join(
        part for part in (param.help or "", _default(param)) if part)


def _option(param: Any) -> tuple[str, str]:
    names = ", ".join(sorted(param.opts, key=lambda name: name.startswith("--")))
    if not param.is_flag:
        names += f" {_name(param)}"
    extras = [_default(param), "[required]" if param.required else ""]
    return names, " ".join(part for part in (param.help or "", *extras) if part)


def _default(param: Any) -> str:
    """`[default: x]` when the parameter asks for it and has a default worth showing."""
    shown = getattr(param, "show_default", False)
    value = param.default
    if not shown or param.required or value in (None, False, "", (), []):
        return ""
    text = shown if isinstance(shown, str) else getattr(value, "value", value)
    return f"[default: {text}]"


def _commands(group: Any, ctx: Any) -> Iterator[tuple[str, str]]:
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        if command is not None and not command.hidden:
            yield name, (command.help or "").split("\n\n")[0]


def _section(title: str, rows: list[tuple[str, str]], width: int) -> list[str]:
    """A titled two-column list, the second column wrapped at words beside the first."""
    if not rows:
        return []
    column = min(MAX_COLUMN, max(len(first) for first, _ in rows))
    text_width = max(20, width - column - 4)
    lines = [f"{title}:"]
    for first, text in rows:
        wrapped = _wrap(text, text_width) or [""]
        if len(first) > column:
            lines.append(f"  {first}")
        else:
            lines.append(f"  {first:<{column}}  {wrapped.pop(0)}".rstrip())
        lines += [" " * (column + 4) + line for line in wrapped]
    return [*lines, ""]


def _epilog(text: str, width: int) -> list[str]:
    """Blocks separated by blank lines: a block with indented lines (examples) as written,
    any other block wrapped to the width."""
    lines: list[str] = []
    for block in text.strip("\n").split("\n\n") if text.strip() else []:
        rows = block.splitlines()
        verbatim = any(row.startswith(" ") for row in rows)
        lines += [*(row.rstrip() for row in rows)] if verbatim else _wrap(block, width)
        lines.append("")
    return lines


def usage_problem(command: Any, ctx: Any, error: Any) -> Problem:
    """A mistake in a command line (an exception of Typer's parser) in our words."""
    if isinstance(error, _click_errors.NoSuchOption):
        names = [name for p in command.get_params(ctx) for name in p.opts if name[0] == "-"]
        return Problem(error.option_name, "no such option",
                       hint=did_you_mean(error.option_name, names) or "see --help")
    if isinstance(error, _click_errors.BadOptionUsage):
        param = next((p for p in command.get_params(ctx) if error.option_name in p.opts),
                     None)
        if param is not None and param.is_flag:
            return Problem(error.option_name, "takes no value", hint="give the flag alone")
        shown = f"{error.option_name} {_name(param)}" if param is not None else None
        return Problem(error.option_name, "needs a value", hint=shown and f"write {shown}")
    if isinstance(error, _click_errors.MissingParameter) and error.param is not None:
        return _missing(error.param)
    if isinstance(error, _click_errors.BadParameter) and error.param is not None:
        return _bad_value(error)
    message = error.format_message().rstrip(".")
    return Problem(ctx.command_path, message[:1].lower() + message[1:])


def _missing(param: Any) -> Problem:
    what = " ".join((param.help or "").split()).rstrip(".")
    if param.param_type_name == "argument":
        return Problem(_name(param), "missing",
                       hint=f"give {what[:1].lower()}{what[1:]}" if what else None)
    return Problem(param.opts[0], "missing", hint=what or None)


def _bad_value(error: Any) -> Problem:
    """A value Typer could not convert (a number, say), in the words of messages.py."""
    param = error.param
    where = max(param.opts, key=len) if param.param_type_name == "option" else _name(param)
    cause = error.__cause__
    if cause is not None and hasattr(cause, "errors") and cause.errors():
        wording = explain(cause.errors()[0])
        return Problem(where, wording.message, hint=wording.hint)
    return Problem(where, str(error.message))


def fail(command: Any, ctx: Any, problem: Problem) -> typer.Exit:
    """Print a command-line mistake, the usage and where to find help; exit code 2."""
    report_problems(CxError([problem]))
    return _with_usage(command, ctx)


def _with_usage(command: Any, ctx: Any) -> typer.Exit:
    """After the mistake itself: the usage and where to find help; exit code 2."""
    print(f"Usage: {usage(command, ctx)}\nFor more information, try "
          f"'{ctx.command_path} --help'.", file=sys.stderr)
    return typer.Exit(EXIT_BAD_INPUT)


def _parse(command: Any, ctx: Any, parse: Any, args: list[str]) -> list[str]:
    """Run Typer's parser, showing help for no arguments and our words for a mistake."""
    try:
        return list(parse(ctx, args))
    except _click_errors.UsageError as error:
        if type(error).__name__ == "NoArgsIsHelpError":
            sys.stderr.write(help_text(command, ctx))
            raise typer.Exit(EXIT_BAD_INPUT) from None
        raise fail(command, ctx, usage_problem(command, ctx, error)) from None


class Command(TyperCommand):
    """A cxmaturity command: our help screen, our words for a mistaken command line."""

    allow_extra_args = True  # so that an extra argument is reported in our words

    def format_help(self, ctx: Any, formatter: Any) -> None:
        formatter.write(help_text(self, ctx))

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except OptionMistake:  # reported by the command; the usage lines follow
            raise _with_usage(self, ctx) from None

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        rest = _parse(self, ctx, super().parse_args, args)
        if ctx.args:
            raise fail(self, ctx, Problem(ctx.args[0], "unexpected argument",
                                          hint="see --help for what this command takes"))
        return rest


class Group(TyperGroup):
    """A group of cxmaturity commands: our help screen and our words, as for a command."""

    def format_help(self, ctx: Any, formatter: Any) -> None:
        formatter.write(help_text(self, ctx))

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        return _parse(self, ctx, super().parse_args, args)

    def resolve_command(self, ctx: Any, args: Sequence[str]) -> Any:
        name = args[0] if args else ""
        if name and not name.startswith("-") and self.get_command(ctx, name) is None:
            names = self.list_commands(ctx)
            raise fail(self, ctx, Problem(name, "no such command", hint=did_you_mean(
                name, names) or f"commands: {', '.join(names)}"))
        return super().resolve_command(ctx, list(args))


def parse_choice(value: str, choices: Iterable[ChoiceT], where: str) -> ChoiceT:
    """The member of `choices` that `value` names (any case), or OptionError in our words."""
    for choice in choices:
        if str(choice.value) == value.strip().lower():
            return choice
    names = [str(choice.value) for choice in choices]
    raise OptionError([Problem(where, f'"{value}" is not one of: {", ".join(names)}',
                               hint=did_you_mean(value.strip().lower(), names))])
