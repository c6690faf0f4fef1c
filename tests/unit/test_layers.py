"""Layers point one way, checked by parsing the code (not by grepping import lines):

- only store/ holds SQL text or reaches sqlite3 (by import, __import__, importlib or a name);
- tui/ and cli/ reach the data only through the service's public methods (no store imports,
  no `.ctx` / `.store` / `.conn`, no private `_x` of a service object);
- domain/ is pure (no I/O, no SQL, no Textual); only tui/ imports Textual; the CLI starts without it.
Each check is shown catching what it is for (`..._sees_...` tests), so none can pass by seeing nothing.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

import offload

# The code of the package as imported (installed, or a checkout installed editable).
SRC = Path(offload.__file__).resolve().parent


def tree_of(path: Path) -> ast.AST:
    return ast.parse(path.read_text(), filename=str(path))


def imported_modules(tree: ast.AST) -> set[str]:
    """Every module imported anywhere in the file (inside functions too), and those named to
    `__import__(...)` or `importlib.import_module(...)`."""
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            if name in ("__import__", "import_module") and isinstance(node.args[0].value, str):
                found.add(node.args[0].value)
    return found


def files_in(*parts: str) -> list[Path]:
    return sorted((SRC.joinpath(*parts)).rglob("*.py"))


def outside_store() -> list[Path]:
    return [p for p in sorted(SRC.rglob("*.py")) if "store" not in p.relative_to(SRC).parts]


def where(path: Path, node: ast.AST) -> str:
    try:
        name = path.relative_to(SRC)
    except ValueError:
        name = path.name
    return f"{name}:{getattr(node, 'lineno', '?')}"


# --- SQL and sqlite3 only in store/ -------------------------------------------------------------
# SQL as it is written: statement shapes, not single English-looking words ("Select a task").
SQL = re.compile(
    r"\bSELECT\b[\s\S]+\bFROM\b|\bINSERT\s+(OR\s+\w+\s+)?INTO\b|\bUPDATE\s+\w+\s+SET\b|\bDELETE\s+FROM\b"
    r"|\bPRAGMA\s+\w+|\b(CREATE|DROP|ALTER)\s+(TABLE|INDEX|VIEW|TRIGGER)\b|\bBEGIN\s+(IMMEDIATE|EXCLUSIVE)\b",
)
SQL_CALLS = {"execute", "executemany", "executescript"}
SQLITE = ("sqlite3", "sqlite_utils")


def sql_found(path: Path) -> list[str]:
    """SQL text, calls that run SQL, and any route to sqlite3."""
    tree = tree_of(path)
    found = [f"{where(path, tree)} imports {m}" for m in imported_modules(tree) if m.split(".")[0] in SQLITE]
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if SQL.search(node.value):
                found.append(f"{where(path, node)} SQL text {node.value[:40]!r}")
            elif node.value.split(".")[0] in SQLITE:
                found.append(f"{where(path, node)} names {node.value!r}")
        elif isinstance(node, ast.Attribute) and node.attr in SQL_CALLS:
            found.append(f"{where(path, node)} calls .{node.attr}()")
        elif isinstance(node, ast.Name) and node.id in SQLITE:
            found.append(f"{where(path, node)} uses {node.id}")
    return found


def test_only_store_speaks_sql():
    found = [hit for path in outside_store() for hit in sql_found(path)]
    assert not found, "\n".join(found)


@pytest.mark.parametrize("code", [
    '__import__("sqlite3").Error',
    'conn.execute("SELECT key FROM settings")',
    "def f():\n    import sqlite3",
    'importlib.import_module("sqlite_utils")',
    'q = "INSERT INTO entries VALUES (1)"',
    'getattr(sys.modules["sqlite3"], "connect")',
    'm = "sqlite3"',
])
def test_the_sql_check_sees_each_route(tmp_path, code):
    # What fooled the import-only version of the check must be caught.
    sample = tmp_path / "sample.py"
    sample.write_text(code)
    assert sql_found(sample), code


def test_the_sql_check_leaves_plain_words_alone(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('notify("Select a task first; Delete the set from the list; update it")')
    assert not sql_found(sample)


# --- tui/ and cli/ reach data only through the service's public methods ------------------------
BENEATH_THE_SERVICE = {"ctx", "store", "conn", "connection", "cursor"}
# Names the code gives a service object (`lambda s: s.log.start(...)`, `svc = open_service(...)`).
SERVICE_NAMES = {"s", "svc", "service", "origin"}


def _root_name(node: ast.AST) -> str:
    while isinstance(node, (ast.Attribute, ast.Call, ast.Subscript)):
        node = node.func if isinstance(node, ast.Call) else node.value
    return node.id if isinstance(node, ast.Name) else ""


def _service_chain(node: ast.AST) -> bool:
    """`s.x`, `svc.log.x`, `self.service.x`, `self._origin.x`: reached from a service object."""
    if _root_name(node) in SERVICE_NAMES:
        return True
    while isinstance(node, (ast.Attribute, ast.Call)):
        if isinstance(node, ast.Attribute) and node.attr.lstrip("_") in SERVICE_NAMES - {"s"}:
            return True
        node = node.func if isinstance(node, ast.Call) else node.value
    return False


def beneath_service_found(path: Path) -> list[str]:
    tree = tree_of(path)
    found = [f"{where(path, tree)} imports {m}" for m in imported_modules(tree) if m.startswith("offload.store")]
    for node in ast.walk(tree):
        if not isinstance(node, ast.Attribute):
            continue
        if node.attr in BENEATH_THE_SERVICE:
            found.append(f"{where(path, node)} reaches .{node.attr}")
        elif node.attr.startswith("_") and not node.attr.startswith("__") and _service_chain(node.value):
            found.append(f"{where(path, node)} reaches the service's private .{node.attr}")
    return found


@pytest.mark.parametrize("path", files_in("tui") + files_in("cli"), ids=lambda p: str(p.relative_to(SRC)))
def test_tui_and_cli_reach_data_only_through_the_services_public_methods(path):
    found = beneath_service_found(path)
    assert not found, "\n".join(found)


@pytest.mark.parametrize("code", [
    "n = svc.ctx.now_epoch()",
    "v = self.service.ctx.store.data_version()",
    "from offload.store.rows import EntryRow",
    "import offload.store.db",
    "self.data.load(self, 'x', lambda s: s.log._name(e))",
    "x = svc.log.conn",
    "self._origin._hidden()",
])
def test_the_service_check_sees_each_route(tmp_path, code):
    sample = tmp_path / "sample.py"
    sample.write_text(code)
    assert beneath_service_found(sample), code


def test_only_the_data_object_holds_a_service():
    # Screens, dialogs and widgets ask the app's data object; they never hold or open a service.
    for path in files_in("tui"):
        if path.name in ("data.py", "app.py"):
            continue
        tree = tree_of(path)
        named = {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
        called = {n.func.attr for n in ast.walk(tree)
                  if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)}
        assert "service" not in named, f"{path.relative_to(SRC)} reads a service outside the data object"
        assert not {"open", "reopen"} & called or "Offload" not in path.read_text(), path.relative_to(SRC)


# --- domain pure, Textual only in tui/ ----------------------------------------------------------------
IO_MODULES = {"sqlite3", "sqlite_utils", "pathlib", "shutil", "tempfile", "subprocess", "socket",
              "urllib", "http", "textual", "rich", "platformdirs"}


def test_domain_does_no_io_sql_or_textual():
    # (domain/zones.py reads the system's zone files to learn the local zone: the one exception.)
    for path in files_in("domain"):
        bad = {m for m in imported_modules(tree_of(path))
               if m.split(".")[0] in IO_MODULES or (m.startswith("offload") and not m.startswith("offload.domain"))}
        assert not bad, f"{path.relative_to(SRC)} imports {bad}"


@pytest.mark.parametrize("layer", ["domain", "store", "service"])
def test_core_layers_never_import_textual_or_rich(layer):
    for path in files_in(layer):
        bad = {m for m in imported_modules(tree_of(path)) if m.split(".")[0] in ("textual", "rich")}
        assert not bad, f"{path.relative_to(SRC)} imports {bad}"


def test_store_and_domain_never_import_upward():
    for layer in ("domain", "store"):
        for path in files_in(layer):
            up = {m for m in imported_modules(tree_of(path))
                  if m.startswith(("offload.service", "offload.tui", "offload.cli"))}
            assert not up, f"{path.relative_to(SRC)} imports {up}"


def test_cli_modules_do_not_import_textual():
    assert files_in("cli"), "no module found in cli/"
    for path in files_in("cli"):
        assert not {m for m in imported_modules(tree_of(path))
                    if m.split(".")[0] == "textual"}, f"{path.relative_to(SRC)} names textual"
    code = "import sys, offload.cli; print(any(m == 'textual' or m.startswith('textual.') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={"PATH": ""}, check=True)
    assert out.stdout.strip() == "False"
