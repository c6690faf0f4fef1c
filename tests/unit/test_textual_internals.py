"""Textual's private internals Offload relies on (tui/textual_internals.py) are still there, in the
shape used. A Textual upgrade that renames, removes or reshapes one fails here, by name, instead
of the app failing somewhere inside (or, worse, quietly doing more work: the first visit to a
screen slowing down again, a column no longer fitting)."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import DataTable, Footer, Static

import offload.tui
from offload.tui import textual_internals
from offload.tui.textual_internals import (
    OVERRIDDEN,
    USED,
    FooterKey,
    crash_of,
    own_bindings,
    prepare_mode,
    relayout_columns,
)

TUI = Path(offload.tui.__file__).parent


def instance_of(cls: type):
    """An instance that has every attribute Textual sets in __init__ (none needs a running app)."""
    if cls is App:
        return App()
    if cls is Screen:
        return Screen()
    if cls is DataTable:
        return DataTable()
    return Static()  # DOMNode's attributes, on a concrete node


@pytest.mark.parametrize(("cls", "name", "kind"), USED, ids=[f"{c.__name__}.{n}" for c, n, _ in USED])
def test_each_private_name_used_is_still_there(cls, name, kind) -> None:
    if kind == "method":
        assert callable(getattr(cls, name, None)), f"Textual's {cls.__name__}.{name}() is gone"
    elif kind == "reactive":
        assert isinstance(inspect.getattr_static(cls, name, None), reactive), \
            f"Textual's {cls.__name__}.{name} is no longer a reactive"
    else:
        assert hasattr(instance_of(cls), name), f"Textual's {cls.__name__} no longer sets {name}"


def test_the_shapes_used_are_still_the_same() -> None:
    assert list(inspect.signature(App._init_mode).parameters) == ["self", "mode"]
    assert list(inspect.signature(DataTable._clear_caches).parameters) == ["self"]
    app = App()
    assert isinstance(app._screen_stacks, dict), "App._screen_stacks: no longer a dict of mode to stack"
    assert isinstance(app._css_update_count, int) and isinstance(Screen()._css_update_count, int)
    assert app._exception is None
    assert isinstance(DataTable()._require_update_dimensions, bool)
    pairs = list(Static()._bindings)
    assert all(isinstance(key, str) and isinstance(binding, Binding) for key, binding in pairs), \
        "iterating DOMNode._bindings no longer gives (key, Binding) pairs"
    assert issubclass(FooterKey, Widget), "textual.widgets._footer.FooterKey is gone"
    key = FooterKey("x", "x", "Nothing", "nothing")
    assert (key.key, key.description) == ("x", "Nothing"), "FooterKey no longer says its key and description"


@pytest.mark.parametrize(("cls", "name", "parameters"), OVERRIDDEN, ids=[f"{c.__name__}.{n}" for c, n, _ in OVERRIDDEN])
def test_each_method_overridden_still_has_its_parameters(cls, name, parameters) -> None:
    method = getattr(cls, name, None)
    assert callable(method), f"Textual's {cls.__name__}.{name}() is gone: Offload's override is never called"
    assert tuple(inspect.signature(method).parameters) == parameters


def test_no_other_module_touches_textuals_private_names() -> None:
    """The private names in USED appear in tui/textual_internals.py only."""
    names = {name for _cls, name, _kind in USED}
    found = []
    for path in TUI.rglob("*.py"):
        if path.name == "textual_internals.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr in names:
                found.append(f"{path.relative_to(TUI)}:{node.lineno} .{node.attr}")
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("textual") and (
                    any(part.startswith("_") for part in node.module.split("."))
                    or any(alias.name.startswith("_") for alias in node.names)):
                found.append(f"{path.relative_to(TUI)}:{node.lineno} from {node.module} import ...")
    assert not found, "Textual's internals outside tui/textual_internals.py: " + ", ".join(found)


class Two(App):
    """Two modes, the second with a table: enough to run each helper as the app does."""

    MODES = {"one": lambda: Screen(), "two": lambda: TableScreen()}
    DEFAULT_MODE = "one"


class TableScreen(Screen):
    BINDINGS = [Binding("x", "nothing", "Nothing", id="two.x")]

    def compose(self) -> ComposeResult:
        yield DataTable()
        yield Footer()


async def test_the_helpers_do_what_the_app_needs() -> None:
    app = Two()
    async with app.run_test() as pilot:
        screen = prepare_mode(app, "two")
        assert isinstance(screen, TableScreen) and not screen.is_current
        assert screen._css_update_count == app._css_update_count  # styles read: the first show re-reads none
        assert own_bindings(screen)[-1].id == "two.x"  # its own last, after those it inherits
        await app.switch_mode("two")
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        table.add_column("A", key="a")
        table.add_row("x")
        table.columns["a"].auto_width = False
        table.columns["a"].width = 12
        relayout_columns(table)
        await pilot.pause()
        assert table.virtual_size.width >= 12
        assert textual_internals.footer_bindings_ready(app.screen.query_one(Footer))
        assert crash_of(app) is None
