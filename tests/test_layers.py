"""Layers point one way: only tui/ imports Textual; the CLI starts without it."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "offload"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def files_in(*parts: str) -> list[Path]:
    return sorted((SRC.joinpath(*parts)).rglob("*.py"))


@pytest.mark.parametrize("layer", ["domain", "store", "service"])
def test_core_layers_never_import_textual_or_rich(layer):
    for path in files_in(layer):
        bad = {m for m in imported_modules(path) if m.split(".")[0] in ("textual", "rich")}
        assert not bad, f"{path.relative_to(SRC)} imports {bad}"


def test_domain_does_no_io_or_sql():
    for path in files_in("domain"):
        bad = {m for m in imported_modules(path)
               if m.split(".")[0] in ("sqlite3", "sqlite_utils", "offload")
               and not m.startswith("offload.domain")}
        assert not bad, f"{path.relative_to(SRC)} imports {bad}"


def test_only_store_speaks_sql():
    for path in SRC.rglob("*.py"):
        if "store" in path.relative_to(SRC).parts:
            continue
        mods = imported_modules(path)
        assert not {m for m in mods if m in ("sqlite3", "sqlite_utils")}, f"{path.relative_to(SRC)} imports SQL"


def test_store_and_domain_never_import_upward():
    for layer in ("domain", "store"):
        for path in files_in(layer):
            up = {m for m in imported_modules(path) if m.startswith(("offload.service", "offload.tui", "offload.cli"))}
            assert not up, f"{path.relative_to(SRC)} imports {up}"


def test_cli_module_does_not_import_textual():
    code = "import sys, offload.cli; print(any(m == 'textual' or m.startswith('textual.') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={"PYTHONPATH": str(SRC.parent), "PATH": ""}, check=True)
    assert out.stdout.strip() == "False"
