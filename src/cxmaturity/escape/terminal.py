"""Text from others on a terminal, in a CI log or on standard error.

Plain text: :func:`line` for names, keys and messages (every control character shown as an
escape), :func:`prose` for sentences (line breaks and tabs folded to spaces first). For Rich:
data enters a renderable only as a :class:`~rich.text.Text` made by :func:`text`, and every
console is made by :func:`console`, with markup and emoji codes off, so `[/x]`, `[link=...]`
or `:smile:` in data is printed as written. Rich is imported only when a renderable is made.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cxmaturity.escape.controls import defanged, folded, visible

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text


def line(value: object) -> str:
    """`value` as one line of plain text: control characters as escapes (`\\n`, `\\x1b`),
    workflow-command sequences broken (:func:`~cxmaturity.escape.controls.defanged`)."""
    return defanged(visible(str(value)))


def prose(value: object) -> str:
    """`value` as one line of running text: line breaks and tabs become single spaces, then
    as :func:`line`."""
    return line(folded(str(value)))


def text(value: object, style: str = "") -> Text:
    """A Rich Text of `value` (as :func:`prose`) in `style`; never read as markup."""
    from rich.text import Text

    return Text(prose(value), style=style)


def console(**options: Any) -> Console:
    """A Rich console that reads no markup and no emoji codes in strings, and highlights
    nothing; the only kind the reports and commands print with."""
    from rich.console import Console

    return Console(markup=False, emoji=False, highlight=False, **options)
