"""A faster `--help`: Typer's help formatter without the two Rich modules it never uses here.

`typer.rich_utils` imports `rich.markdown` (and with it markdown-it) and `rich.traceback` at
the top, about a quarter of the time `cxmaturity --help` takes. With `rich_markup_mode="rich"`
it never renders Markdown, and with `pretty_exceptions_enable=False` it never renders a
traceback. So when help is asked for, the formatter is imported with stand-ins for those two
classes; a stand-in imports the real class the moment anything uses it, so nothing changes
if one is ever needed. The real modules stay importable as usual.
"""

from __future__ import annotations

import importlib
import sys
import types
from collections.abc import Sequence
from typing import Any

#: Classes `typer.rich_utils` imports but, as this CLI configures Typer, never uses.
UNUSED = (("rich.markdown", "Markdown"), ("rich.traceback", "Traceback"))
HELP_OPTIONS = ("--help", "-h")


class _StandIn(type):
    """The type of a stand-in class: every use is handed to the real class."""

    _module: str
    _name: str

    def real(cls) -> Any:
        return getattr(importlib.import_module(cls._module), cls._name)

    def __call__(cls, *args: Any, **kwargs: Any) -> Any:
        return cls.real()(*args, **kwargs)

    def __getattr__(cls, name: str) -> Any:
        return getattr(cls.real(), name)

    def __instancecheck__(cls, instance: Any) -> bool:
        return isinstance(instance, cls.real())


def wants_help(arguments: Sequence[str]) -> bool:
    """Whether a command line asks for help (no arguments show it too)."""
    return not arguments or any(argument in HELP_OPTIONS for argument in arguments)


def import_help_formatter() -> None:
    """Import `typer.rich_utils` with stand-ins for the classes it does not use."""
    if "typer.rich_utils" in sys.modules:
        return
    placed = []
    for module, name in UNUSED:
        if module not in sys.modules:
            stub = types.ModuleType(module)
            setattr(stub, name, _StandIn(name, (), {"_module": module, "_name": name}))
            sys.modules[module] = stub
            placed.append(module)
    try:
        importlib.import_module("typer.rich_utils")
    except ImportError:  # a Typer release that needs more of them: import it plainly
        for module in placed:
            del sys.modules[module]
        placed = []
        importlib.import_module("typer.rich_utils")
    finally:
        for module in placed:
            del sys.modules[module]
