"""The package has no import circle, counting imports inside functions and under
TYPE_CHECKING (import-linter's layers contract, run by scripts/test, holds the direction;
this holds what it does not see: an import inside a function dodging a circle)."""

from __future__ import annotations

import ast
from pathlib import Path

import praksis
from praksis.core.rules.editions import PRINTABLE_TYPES
from praksis.core.types import DOCUMENT_TYPES

PACKAGE = Path(praksis.__file__).parent


def import_graph(package: Path) -> dict[str, set[str]]:
    """{module: the package's modules it imports anywhere in its file}, for the package in
    folder ``package`` (``from x import y`` counts as ``x.y`` when y is a module, else x)."""
    paths = {}
    for path in package.rglob("*.py"):
        parts = path.relative_to(package.parent).with_suffix("").parts
        paths[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return {name: _imports(path, name, set(paths)) for name, path in paths.items()}


def _imports(path: Path, name: str, modules: set[str]) -> set[str]:
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[:len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                child = f"{base}.{alias.name}"
                found.add(child if child in modules else base)
    return (found & modules) - {name}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import circle as [a, b, ..., a], or None (depth-first search, three colours)."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(module: str) -> list[str] | None:
        state[module] = 1
        path.append(module)
        for target in sorted(graph[module]):
            if state.get(target) == 1:
                return [*path[path.index(target):], target]
            if target not in state and (cycle := visit(target)) is not None:
                return cycle
        path.pop()
        state[module] = 2
        return None

    for module in sorted(graph):
        if module not in state and (cycle := visit(module)) is not None:
            return cycle
    return None


def test_no_import_circle_in_the_package() -> None:
    graph = import_graph(PACKAGE)
    assert "praksis.core.rules.scoring" in graph["praksis.core.views.assessment"]
    assert find_cycle(graph) is None, " -> ".join(find_cycle(graph) or [])


def test_a_circle_through_a_function_level_import_is_found(tmp_path: Path) -> None:
    # The same walk over a copy with one import inside a function that closes a circle.
    copy = tmp_path / "praksis"
    for path in PACKAGE.rglob("*.py"):
        target = copy / path.relative_to(PACKAGE)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    model = copy / "core" / "model" / "__init__.py"
    model.write_text(model.read_text(encoding="utf-8")
                     + "\n\ndef _late() -> None:\n    from ..rules import scoring  # noqa\n",
                     encoding="utf-8")
    cycle = find_cycle(import_graph(copy))
    assert cycle is not None and "praksis.core.model" in cycle


def test_printable_types_are_the_markdown_types_with_their_own_id() -> None:
    # Edition selection (a rule, below the types) names them in a table of its own.
    expected = {t.model for t in DOCUMENT_TYPES if t.markdown and t.unique_ids}
    assert set(PRINTABLE_TYPES) == expected
