"""The peer comparison: devops-maturity (PyPI `devops-maturity`, github.com/devops-maturity/
devops-maturity), a Typer CLI that scores a YAML answers file:

    dm config --file devops-maturity.yml --format json

It is installed apart from cxmaturity (its dependencies include litellm and SQLAlchemy),
e.g. `python3 -m venv /tmp/peer-dm && /tmp/peer-dm/bin/pip install devops-maturity==1.1.0`,
and given to the benchmark as `--peer-bin /tmp/peer-dm/bin/dm`. It runs in a folder of its
own because it writes `devops_maturity.db` (SQLite) into the current folder on every run.
Unless --peer-online is given, LITELLM_LOCAL_MODEL_COST_MAP=True keeps litellm from fetching
its model price list over the network at start-up, so the figure does not depend on the
network.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from runs import Command, run

#: Its criteria, if they cannot be listed from the installed package (the file then scores
#: them all as "no": a missing criterion counts as not met).
_FALLBACK = ("D101", "D102", "D201", "D301", "D401")
_LIST_CRITERIA = ("from config.loader import load_criteria_config as load; "
                  "print(' '.join(c.id for c in load()[1]))")


def answers_file(peer_bin: Path, folder: Path) -> Path:
    """A devops-maturity.yml answering every criterion the installed peer knows."""
    python = peer_bin.parent / "python"
    listed = subprocess.run([str(python), "-c", _LIST_CRITERIA], cwd=folder,
                            capture_output=True, text=True, check=False)
    ids = listed.stdout.split() if listed.returncode == 0 else list(_FALLBACK)
    lines = ["project_name: cxmaturity-benchmark"]
    lines += [f"{cid}: {'false' if i % 3 == 0 else 'true'}" for i, cid in enumerate(ids)]
    path = folder / "devops-maturity.yml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def command(peer_bin: Path, folder: Path, online: bool) -> Command:
    env = dict(os.environ)
    if not online:
        env["LITELLM_LOCAL_MODEL_COST_MAP"] = "True"
    answers = answers_file(peer_bin, folder)
    return Command([str(peer_bin), "config", "--file", str(answers), "--format", "json"],
                   env=env, cwd=folder)


def check(peer: Command) -> str:
    """What one run of the peer printed, summed up (its level and score), or why it failed."""
    lines: list[bytes] = []
    done = run(peer, consume=lines.append)
    text = b"".join(lines).decode("utf-8", "replace")
    try:  # the JSON report, then a line saying it was saved to its database
        report, _ = json.JSONDecoder().raw_decode(text[text.index("{"):])
        return f"level {report['level']}, score {report['score']}, exit {done.exit_code}"
    except (ValueError, KeyError, TypeError):
        return f"no JSON report (exit {done.exit_code}): {text[:200]!r}"
