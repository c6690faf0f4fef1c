"""No import circle between Offload's modules: found by parsing the code, every import counted
(at the top of a file, inside a function, under TYPE_CHECKING, or named to importlib), so a
circle cannot hide behind an import moved into a function. Each service gets its siblings
from the facade (service/app.py) instead of importing the ones that import it back.
"""

from __future__ import annotations

import ast
from pathlib import Path

import offload

SRC = Path(offload.__file__).resolve().parent


def modules_in(root: Path, package: str) -> dict[str, Path]:
    """Every module of the package under `root`, by dotted name (a package by its own name)."""
    found = {}
    for path in sorted(root.rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join([package, *parts])] = path
    return found


def _resolved(name: str, known: dict[str, Path]) -> str | None:
    """The module of ours that `name` lands in (the longest known prefix), or None."""
    while name and name not in known:
        name = name.rpartition(".")[0]
    return name or None


def imports_of(module: str, path: Path, known: dict[str, Path]) -> set[str]:
    """The modules of ours that `module` imports, anywhere in its file."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:  # `from a import b`: the submodule a.b when there is one
                names.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base)
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            func = node.func
            called = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            if called in ("__import__", "import_module") and isinstance(node.args[0].value, str):
                names.add(node.args[0].value)
    found = {_resolved(name, known) for name in names}
    return {m for m in found if m is not None and m != module}


def import_graph(root: Path, package: str) -> dict[str, set[str]]:
    known = modules_in(root, package)
    return {module: imports_of(module, path, known) for module, path in known.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Each group of modules that import each other round a circle (Tarjan's strongly connected
    components of more than one module), each sorted, shown with one circle through it."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(start: str) -> None:
        # Iterative, so a long chain of imports cannot reach Python's recursion limit.
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, targets = work[-1]
            for target in targets:
                if target not in index:
                    index[target] = low[target] = len(index)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(sorted(graph[target]))))
                    break
                if target in on_stack:
                    low[node] = min(low[node], index[target])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    group = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.append(member)
                        if member == node:
                            break
                    if len(group) > 1:
                        groups.append(sorted(group))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return sorted(groups)


def circle_through(group: list[str], graph: dict[str, set[str]]) -> str:
    """`a -> b -> a`: one way round a group, to read in the failure."""
    members = set(group)
    start = group[0]
    paths = {start: [start]}
    todo = [start]
    while todo:
        node = todo.pop(0)
        for target in sorted(graph[node] & members):
            if target == start:
                return " -> ".join([*paths[node], start])
            if target not in paths:
                paths[target] = [*paths[node], target]
                todo.append(target)
    return " <-> ".join(group)


def test_no_module_imports_one_that_imports_it_back():
    graph = import_graph(SRC, "offload")
    found = cycles(graph)
    assert not found, "import circles:\n" + "\n".join(circle_through(g, graph) for g in found)


def _package(tmp_path: Path, files: dict[str, str]) -> dict[str, set[str]]:
    root = tmp_path / "pkg"
    for name, text in {"__init__.py": "", **files}.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return import_graph(root, "pkg")


def test_the_check_sees_a_circle_through_an_import_inside_a_function(tmp_path):
    graph = _package(tmp_path, {
        "a.py": "from pkg.b import thing\n",
        "b.py": "def thing():\n    from pkg import a\n    return a\n",
    })
    assert cycles(graph) == [["pkg.a", "pkg.b"]]
    assert circle_through(["pkg.a", "pkg.b"], graph) == "pkg.a -> pkg.b -> pkg.a"


def test_the_check_sees_relative_typing_only_and_importlib_routes(tmp_path):
    graph = _package(tmp_path, {
        "sub/__init__.py": "from .x import y\n",
        "sub/x.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pkg.c import z\n",
        "c.py": "import importlib\ndef f():\n    return importlib.import_module('pkg.sub')\n",
    })
    assert graph["pkg.sub"] == {"pkg.sub.x"}
    assert cycles(graph) == [["pkg.c", "pkg.sub", "pkg.sub.x"]]


def test_the_check_leaves_a_one_way_chain_alone(tmp_path):
    graph = _package(tmp_path, {
        "a.py": "import pkg.b\n",
        "b.py": "def f():\n    from pkg import c\n",
        "c.py": "import json\n",
    })
    assert graph == {"pkg": set(), "pkg.a": {"pkg.b"}, "pkg.b": {"pkg.c"}, "pkg.c": set()}
    assert cycles(graph) == []
