"""Where the bundled rubrics are, and their ids. Apart from :mod:`.catalog`, which reads
them, so that shell completion of rubric ids loads no YAML reader and no models."""

from __future__ import annotations

import functools
from pathlib import Path


@functools.cache
def bundled_dir() -> Path:
    """The folder of bundled rubrics: package data when installed, `rubrics/` in a checkout."""
    package = Path(__file__).resolve().parents[1]  # src/cxmaturity/load/ -> the package
    packaged = package / "rubrics"
    if packaged.is_dir():
        return packaged
    return package.parents[1] / "rubrics"  # src/cxmaturity -> the checkout's root


def bundled_ids() -> list[str]:
    """Ids of the bundled rubrics (each file is named `<id>.yaml`)."""
    return sorted(p.stem for p in bundled_dir().glob("*.yaml"))
