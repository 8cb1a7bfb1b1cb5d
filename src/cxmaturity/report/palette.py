"""Where a level falls on the four-colour palette the reports share (red, amber, teal, green,
lowest first). Rich-free, so the HTML report can use it too."""

from __future__ import annotations

#: How many colours a palette has; levels are spread evenly over them.
RANKS = 4


def level_rank(level: int, top: int) -> int:
    """The palette index of `level` on a ladder of `top` levels: 0 for the first level, 3 for
    the top one, the levels between spread evenly."""
    if top <= 1:
        return 0
    return round((level - 1) * (RANKS - 1) / (top - 1))
