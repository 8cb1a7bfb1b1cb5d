"""`--help` through the entry point: the same text as Typer's own, without markdown-it."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from cxmaturity.cli.help_import import wants_help

ENTRY = """
import sys
sys.argv = ["cxmaturity", *sys.argv[1:]]
from cxmaturity.cli import main
try:
    main()
finally:
    print("markdown_it" in sys.modules, file=sys.stderr)
"""
PLAIN = "from cxmaturity.cli import app; app(prog_name='cxmaturity')"


def _run(code: str, *arguments: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "100", "FORCE_COLOR": "1"}
    env.pop("NO_COLOR", None)
    return subprocess.run([sys.executable, "-c", code, *arguments], capture_output=True,
                          text=True, env=env, check=False)


@pytest.mark.parametrize("command", [[], ["assess"], ["rubric", "validate"]])
def test_help_is_unchanged_and_skips_markdown(command: list[str]) -> None:
    fast = _run(ENTRY, *command, "--help")
    plain = _run(PLAIN, *command, "--help")
    assert fast.returncode == plain.returncode == 0
    assert fast.stdout == plain.stdout
    assert "\x1b[" in fast.stdout  # formatted by Rich, colours and all
    assert fast.stderr.strip() == "False"


def test_stand_ins_hand_every_use_to_the_real_class() -> None:
    code = """
import sys
from cxmaturity.cli.help_import import import_help_formatter
import_help_formatter()
import typer.rich_utils as ru
assert "rich.markdown" not in sys.modules
made = ru.Markdown("# Title")
import rich.markdown
assert type(made) is rich.markdown.Markdown and isinstance(made, ru.Markdown)
assert ru.Traceback.from_exception.__qualname__ == "Traceback.from_exception"
print("ok")
"""
    done = _run(code)
    assert done.stdout.strip() == "ok", done.stderr


@pytest.mark.parametrize(("arguments", "expected"), [
    ([], True), (["--help"], True), (["assess", "-h"], True), (["assess", "x.yaml"], False)])
def test_wants_help(arguments: list[str], expected: bool) -> None:
    assert wants_help(arguments) is expected


def test_a_typer_that_needs_more_of_rich_markdown_still_gets_help(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import importlib
    import sys

    from cxmaturity.cli import help_import

    real_import = importlib.import_module
    calls = []

    def picky(name: str, package: str | None = None):  # type: ignore[no-untyped-def]
        calls.append(name)
        stub = sys.modules.get("rich.markdown")
        if name == "typer.rich_utils" and stub is not None and not hasattr(stub, "Heading"):
            raise ImportError("cannot import name 'Heading' from 'rich.markdown'")
        return real_import(name, package)

    monkeypatch.delitem(sys.modules, "typer.rich_utils", raising=False)
    monkeypatch.delitem(sys.modules, "rich.markdown", raising=False)
    monkeypatch.setattr(help_import.importlib, "import_module", picky)
    help_import.import_help_formatter()
    assert calls.count("typer.rich_utils") == 2
    assert "typer.rich_utils" in sys.modules
