"""The package's layers (docs/architecture.md): a module imports only from its own layer or
those below it, modules import each other without cycles, and imports sit at the top of a
module except in the commands, where start-up time is measured."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "cxmaturity"

#: Lowest first. A module of a layer may import from its own layer and any below it.
LAYERS = ("base", "yaml", "model", "load", "scoring", "lint", "run", "author", "report", "cli")

#: Modules at the package root and the folders that form the base layer.
BASE = {"cxmaturity", "cxmaturity.__main__", "cxmaturity.errors", "cxmaturity.messages",
        "cxmaturity.files", "cxmaturity.escape"}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer(module: str) -> str:
    """The layer of a module: its first folder below the package, or base."""
    if module == "cxmaturity.__main__":
        return "cli"
    parts = module.split(".")
    if ".".join(parts[:2]) in BASE or len(parts) == 1:
        return "base"
    return parts[1] if parts[1] in LAYERS else "base"


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports(path: Path) -> Iterator[tuple[str, str]]:
    """(imported cxmaturity module, where) for each import in `path`: `top` at module level,
    `typing` under `if TYPE_CHECKING:` (types only, no import at run time), or `inside` a
    function or class."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    where: dict[int, str] = {}
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            continue
        typing = isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
        where.update((id(n), "typing" if typing else "top") for n in ast.walk(node))
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.ImportFrom) and node.module and \
                node.module.split(".")[0] == "cxmaturity":
            names = [f"{node.module}.{a.name}" if f"{node.module}.{a.name}" in MODULES
                     else node.module for a in node.names]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names if a.name.split(".")[0] == "cxmaturity"]
        for name in names:
            yield name, where.get(id(node), "inside")


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_module_imports_from_a_layer_above_it(module: str) -> None:
    mine = LAYERS.index(layer(module))
    above = sorted({name for name, _ in imports(MODULES[module])
                    if LAYERS.index(layer(name)) > mine})
    assert above == [], f"{module} ({layer(module)}) imports from a higher layer"


#: Modules outside the commands that may import inside a function, and why.
DEFERRED = {"cxmaturity.report.formats": "a run loads only the format it writes",
            "cxmaturity.run.batch": "a single assessment loads neither a pool nor merging",
            "cxmaturity.run.gating": "baselines are read only when one is given"}


@pytest.mark.parametrize("module", sorted(m for m in MODULES
                                          if layer(m) != "cli" and m not in DEFERRED))
def test_imports_sit_at_the_top_outside_the_commands(module: str) -> None:
    inside = sorted({name for name, where in imports(MODULES[module]) if where == "inside"})
    assert inside == [], f"{module} imports inside a function"


def test_no_import_cycles() -> None:
    graph = {m: {n for n, where in imports(p) if where == "top" and n in MODULES and n != m}
             for m, p in MODULES.items()}
    done: set[str] = set()

    def visit(module: str, path: list[str]) -> None:
        if module in path:
            raise AssertionError("import cycle: " + " -> ".join([*path[path.index(module):],
                                                                 module]))
        if module in done:
            return
        for imported in sorted(graph[module]):
            if not (module.startswith(imported + ".") or imported == "cxmaturity"):
                visit(imported, [*path, module])
        done.add(module)

    for module in sorted(graph):
        visit(module, [])


def test_every_subpackage_is_a_layer() -> None:
    folders = {p.parent.name for p in PACKAGE.rglob("__init__.py") if p.parent != PACKAGE}
    known = set(LAYERS) | {"escape"}
    assert folders - known == set(), "a folder that is not a layer: add it to LAYERS or BASE"


def test_the_architecture_page_names_the_layers_in_order() -> None:
    page = (PACKAGE.parents[1] / "docs" / "architecture.md").read_text(encoding="utf-8")
    assert "**" + " < ".join(LAYERS) + "**" in page
    for folder in (p.parent.name for p in PACKAGE.rglob("__init__.py") if p.parent != PACKAGE):
        assert f"{folder}/" in page, f"docs/architecture.md does not mention {folder}/"
