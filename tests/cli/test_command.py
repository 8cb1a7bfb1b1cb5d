"""Help screens and command-line mistakes (cli/command.py): laid out and worded as click and
ruff do, never in Typer's or pydantic's words.

Regenerate the golden help after an intended change with `CXMATURITY_UPDATE_GOLDEN=1 pytest
tests/cli/test_command.py`, then review the diff like code.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer

from cxmaturity.cli import app
from cxmaturity.report.formats import Format

from ..conftest import EXAMPLES

GOLDEN = Path(__file__).parents[1] / "golden"
ANSWERS = str(EXAMPLES / "retail-level1.yaml")


def _commands(group: Any = None, path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    """Every command path of the application, groups included."""
    group = group or typer.main.get_command(app)
    yield path
    for name, command in getattr(group, "commands", {}).items():
        yield from _commands(command, (*path, name))


COMMANDS = list(_commands())


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "cxmaturity")
def test_help_reads_like_click_and_ruff(runner, command: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0
    usage = result.stdout.splitlines()[0]
    assert usage.startswith(f"Usage: cxmaturity {' '.join(command)}".rstrip() + " [OPTIONS]")
    assert not re.search(r"[{}]|\[\[|\]\]", usage), usage
    assert not re.search(r"<(bool|str|int|path|list\[\w+\])>", result.stdout)
    assert "[/]" not in result.stdout and "[dim]" not in result.stdout
    options = result.stdout.split("\nOptions:\n")[1].split("\n\n")[0]
    assert "  -h, --help" in options and "<" not in options


def test_every_option_that_takes_a_value_names_it() -> None:
    root = typer.main.get_command(app)
    for path in COMMANDS:
        command = root
        for name in path:
            command = command.commands[name]
        for param in command.params:
            if param.param_type_name == "option" and not param.is_flag:
                assert param.metavar, f"{' '.join(path)} {param.opts[0]} has no metavar"


def test_the_format_list_wraps_at_words(runner) -> None:  # type: ignore[no-untyped-def]
    words = set(re.findall(r"[\w-]+", runner.invoke(app, ["assess", "--help"]).stdout))
    assert {f.value for f in Format} <= words


def test_assess_help_matches_golden(runner) -> None:  # type: ignore[no-untyped-def]
    text = runner.invoke(app, ["assess", "--help"]).stdout
    golden = GOLDEN / "help-assess.txt"
    if os.environ.get("CXMATURITY_UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def _usage(command: str) -> str:
    return (f"Usage: cxmaturity {command}\n"
            f"For more information, try 'cxmaturity {command.split(' [')[0]} --help'.\n")


ASSESS = "assess [OPTIONS] FILE|DIR|-..."


def test_a_file_named_in_capitals_is_no_option(  # type: ignore[no-untyped-def]
        runner, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "DATA").mkdir()
    result = runner.invoke(app, ["assess", "DATA"])
    assert result.exit_code == 2 and result.stderr.startswith("error: DATA: no ")
    assert "Usage:" not in result.stderr


@pytest.mark.parametrize(("arguments", "stderr"), [
    (["assess", ANSWERS, "--fromat", "json"],
     'error: --fromat: no such option; did you mean "--format"?\n' + _usage(ASSESS)),
    (["assess", ANSWERS, "--jobs", "many"],
     "error: --jobs: expected a whole number (got 'many'); write digits only, e.g. 3\n"
     + _usage(ASSESS)),
    (["assess", ANSWERS, "--quiet=yes"],
     "error: --quiet: takes no value; give the flag alone\n" + _usage(ASSESS)),
    (["assess", ANSWERS, "-o"], "error: -o: needs a value; write -o FILE\n" + _usage(ASSESS)),
    (["asses", ANSWERS], 'error: asses: no such command; did you mean "assess"?\n'
     "Usage: cxmaturity [OPTIONS] COMMAND [ARGS]...\n"
     "For more information, try 'cxmaturity --help'.\n"),
    (["compare", ANSWERS], "error: NEW: missing; give the later assessment, or - for standard "
     "input\n" + _usage("compare [OPTIONS] OLD NEW")),
    (["compare", ANSWERS, ANSWERS, "more"], "error: more: unexpected argument; see --help for "
     "what this command takes\n" + _usage("compare [OPTIONS] OLD NEW")),
    (["assess", ANSWERS, "-f", "jsn"],
     'error: --format: "jsn" is not one of: rich, text, json, jsonl, csv, markdown, junit, '
     'github, html; did you mean "json"?\n' + _usage(ASSESS)),
    (["schema", "answer"], 'error: KIND: "answer" is not one of: rubric, answers, case; did '
     'you mean "answers"?\n' + _usage("schema [OPTIONS] KIND")),
    (["assess", ANSWERS, "--min-confidence", "twenty"],
     "error: --min-confidence: 'twenty' is not a number\n" + _usage(ASSESS)),
])
def test_a_mistaken_command_line_is_reported_in_our_words(
        runner, arguments: list[str], stderr: str) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, arguments)
    assert result.exit_code == 2
    assert result.stderr == stderr
    assert result.stdout == ""


def test_no_arguments_show_the_help_on_standard_error(runner) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 2
    assert result.stderr.startswith("Usage: cxmaturity validate [OPTIONS] FILE|DIR|-...\n")
