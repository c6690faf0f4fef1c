"""Text is data, never markup or terminal control: one rule at every entry point (typing,
command line, config, import) and every stored text shown literally (issue 16)."""

from __future__ import annotations

import sqlite3

import pytest
from textual.widgets import DataTable, Label, Select

from offload.domain.errors import InvalidInput
from offload.domain.importers import BadRows
from offload.tui.app import OffloadApp
from offload.tui.screens.settings import SettingsDialog
from offload.tui.widgets.set_dialogs import SetDialog
from tests.conftest import run_offload, snapshot
from tests.test_grouping import log_week

SIZE = (120, 36)
ESCAPES = "x\x1b]0;pwned\x07y\x00z"


def store_raw_setting(db_path, key: str, value: str) -> None:
    """A value written by an earlier version, before the checks: it must still show literally."""
    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", (key, value))
    conn.close()


@pytest.mark.parametrize("key, value", [
    ("currency", "[/]"), ("currency", "[b]EUR"), ("currency", "12"), ("currency", "EURO"),
    ("currency", "€\x1b[2J"), ("theme", "[/]"), ("theme", "no-such-theme"), ("theme", "x\x1b]0;T\x07"),
    ("hourly_value", "80\x00"),
])
def test_config_refuses_markup_control_characters_and_unknown_themes(service, db_path, key, value):
    before = snapshot(db_path)
    with pytest.raises(InvalidInput) as refused:
        service.settings.set(key, value)
    if any(ord(ch) < 32 for ch in value):
        assert "control characters" in refused.value.message
    assert "\x1b" not in refused.value.message and "\x00" not in refused.value.message
    assert snapshot(db_path) == before


@pytest.mark.parametrize("typed, stored", [("gbp", "GBP"), ("£", "£"), ("R$", "R$"), ("kr", "kr"), ("nord", "nord")])
def test_real_currencies_and_themes_are_accepted(service, typed, stored):
    key = "theme" if typed == "nord" else "currency"
    assert service.settings.set(key, typed) == stored


def test_the_themes_offered_are_textuals_own():
    from textual.theme import BUILTIN_THEMES

    from offload.domain.settings import THEMES

    assert sorted(THEMES) == sorted(BUILTIN_THEMES)


def test_config_prints_a_stored_escape_sequence_literally(service, db_path):
    store_raw_setting(db_path, "theme", ESCAPES)
    listed = run_offload("config", db=db_path)
    shown = run_offload("config", "theme", db=db_path)
    for out in (listed.stdout, shown.stdout):
        assert "\x1b" not in out and "\x07" not in out and "\x00" not in out
    assert shown.stdout.strip() == "x\\x1b]0;pwned\\x07y\\x00z"


async def test_a_currency_that_looks_like_markup_cannot_crash_the_set_details(service, db_path):
    log_week(service)
    service.grouping.assign("Invoices", "Bookkeeping and accounts")
    store_raw_setting(db_path, "currency", "[/]")
    app = OffloadApp(service, tick_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        await app.switch_mode("grouping")
        await pilot.pause()
        app.screen.query_one("#sets", DataTable).focus()
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, SetDialog)
        labels = [str(label.content) for label in app.screen.query(Label)]
        assert "Rate an hour ([/])" in labels


async def test_a_stored_theme_that_looks_like_markup_cannot_break_the_settings(service, db_path):
    store_raw_setting(db_path, "theme", "[/]")
    app = OffloadApp(service, tick_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("escape", "comma")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, SettingsDialog)
        assert dialog.query_one("#set-theme", Select).value == app.theme
        dialog.query_one("#set-currency").value = "GBP"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, SettingsDialog)
    assert service.settings.get("currency") == "GBP"


def _export_with_set(**fields) -> str:
    import json

    return json.dumps({"offload": 1, "entries": [], "skill_sets": [{"name": "Books", **fields}]})


@pytest.mark.parametrize("field", ["description", "inputs", "contact"])
def test_imported_skill_set_fields_with_escape_sequences_are_bad_rows(service, db_path, field):
    before = snapshot(db_path)
    with pytest.raises(BadRows) as refused:
        service.interop.import_text(_export_with_set(**{field: ESCAPES}), "sets.json")
    assert [str(p) for p in refused.value.problems] == [
        f'skill set 1: "{field}" cannot contain control characters (escape sequences, NUL, bell ...).']
    assert snapshot(db_path) == before


def test_imported_skill_set_fields_keep_their_lines(service):
    service.interop.import_text(_export_with_set(inputs="Receipts\n\tfolder"), "sets.json")
    assert service.grouping.get("Books").fields["inputs"] == "Receipts\n\tfolder"


def test_the_brief_shows_stored_escape_sequences_literally(service, db_path, tmp_path):
    log_week(service)
    service.grouping.assign("Invoices", "Books", create=True)
    conn = sqlite3.connect(db_path)
    with conn:  # as an earlier version's import stored it
        conn.execute("UPDATE skill_sets SET description = ?, contact = ?", (ESCAPES, ESCAPES))
    conn.close()
    printed = run_offload("brief", db=db_path)
    saved = tmp_path / "books.md"
    run_offload("brief", "-o", str(saved), db=db_path)
    for text in (printed.stdout, saved.read_text()):
        assert "\x1b" not in text and "\x07" not in text and "\x00" not in text
        assert "x\\x1b]0;pwned\\x07y\\x00z" in text  # each shown as its escape, nothing more


@pytest.mark.parametrize("note", ["a\x1b[31mred", "bidi \u202eevil", "nul\x00"])
def test_notes_refuse_control_characters_typed_anywhere(service, db_path, note):
    before = snapshot(db_path)
    with pytest.raises(InvalidInput, match="control characters"):
        service.log.start("Calls", note=note)
    assert snapshot(db_path) == before
