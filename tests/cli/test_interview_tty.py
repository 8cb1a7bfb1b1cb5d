"""`cxmaturity interview` in a real terminal (tmux), typed as a person would: prompts appear,
line editing works, answers land in the file, Ctrl-C keeps them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from cxmaturity.yaml.reader import read_yaml_file

from ..conftest import DATA

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


class Terminal:
    """A detached tmux session on its own server socket."""

    def __init__(self, socket: str) -> None:
        self.socket = socket

    def tmux(self, *args: str) -> str:
        return subprocess.run(["tmux", "-L", self.socket, *args], check=True,
                              capture_output=True, text=True).stdout

    def type(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", "t", *keys)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "t", "-S", "-200")

    def wait_for(self, text: str, limit: float = 15.0) -> str:
        end = time.monotonic() + limit
        while time.monotonic() < end:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.05)
        raise AssertionError(f"{text!r} never appeared on screen:\n{self.screen()}")


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    term = Terminal(f"cxmaturity-test-{os.getpid()}")
    command = (f"cd {tmp_path} && {sys.executable} -m cxmaturity interview -o a.yaml "
               f"-r {DATA / 'rubrics' / 'tiny.yaml'}; echo EXITED $?; sleep 30")
    term.tmux("new-session", "-d", "-s", "t", "-x", "100", "-y", "40", command)
    try:
        yield term
    finally:
        subprocess.run(["tmux", "-L", term.socket, "kill-server"], capture_output=True)


def test_interview_in_a_real_terminal(terminal: Terminal, tmp_path: Path) -> None:
    terminal.wait_for("Organization:")
    terminal.type("Acmx", "BSpace", "e", "Enter")       # readline editing
    terminal.type("Enter", "2026-05-01", "Enter", "Enter")
    terminal.wait_for("[1/5] Tools · coverage")
    terminal.type("25%", "Enter", "Enter")
    terminal.wait_for("[2/5] Tools · t1")
    terminal.type("2", "Enter", "seen in the demo", "Enter")
    terminal.wait_for("[3/5] Tools · t2")
    terminal.type("C-c")
    screen = terminal.wait_for("EXITED 130")
    assert "Every answer given so far is saved" in screen
    value = read_yaml_file(str(tmp_path / "a.yaml")).value
    assert value["organization"] == "Acme"
    assert value["metrics"] == {"coverage": "25%"}
    assert value["answers"] == {"t1": {"answer": "partial", "evidence": "seen in the demo"}}
