"""Text from others in GitHub Actions workflow commands (the `github` format's annotations).

The runner reads a line as a command when it starts with `::` (after spaces), or holds
`##[` anywhere. In a command it decodes `%25`, `%0D`, `%0A` in the message, and also `%3A`,
`%2C` in properties: :func:`message` and :func:`prop` encode those, so text from others
stays inside its field, and control characters are shown as escapes. Any other line the
tool prints is made with :func:`~cxmaturity.escape.terminal.line`, which breaks `::` and
`##[` in data, so no line of output starts a command from data.
"""

from __future__ import annotations

from cxmaturity.escape.controls import visible


def message(value: object) -> str:
    """`value` as the message of a workflow command (after the second `::`)."""
    return visible(str(value), newlines=True).replace("%", "%25").replace(
        "\r", "%0D").replace("\n", "%0A")


def prop(value: object) -> str:
    """`value` as a property of a workflow command (`file=`, `title=`)."""
    return message(value).replace(":", "%3A").replace(",", "%2C")


def annotation(kind: str, text: str, *, title: str, file: str, line: int | None = None,
               column: int | None = None) -> str:
    """A `::error`, `::warning` or `::notice` command on `file` (at `line` and `column` if
    known), one line ending in a newline."""
    where = f"file={prop(file)}"
    if line is not None:
        where += f",line={line}" + (f",col={column}" if column is not None else "")
    return f"::{kind} {where},title={prop(title)}::{message(text)}\n"
