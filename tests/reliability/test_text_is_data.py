"""Text is data, never markup or terminal control: one rule at every entry point (typing,
command line, config, import) and every stored text shown literally (issue 16)."""

from __future__ import annotations

import sqlite3

import pytest
from textual.widgets import DataTable, Label, Select

from offload.domain.errors import InvalidInput
from offload.domain.importers import BadRows
from offload.store.schema import CURRENT_VERSION
from offload.tui.app import OffloadApp
from offload.tui.dialogs.settings import SettingsDialog
from offload.tui.dialogs.skill_sets import SetDialog
from tests.helpers.commands import run_offload
from tests.helpers.db import snapshot
from tests.helpers.weeks import log_week
from tests.helpers.app import press, settle

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
        await settle(pilot)
        app.screen.query_one("#sets", DataTable).focus()
        await press(pilot, "e")
        await settle(pilot)
        assert isinstance(app.screen, SetDialog)
        labels = [str(label.content) for label in app.screen.query(Label)]
        assert "Rate an hour ([/])" in labels


async def test_a_stored_theme_that_looks_like_markup_cannot_break_the_settings(service, db_path):
    store_raw_setting(db_path, "theme", "[/]")
    app = OffloadApp(service, tick_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "escape", "comma")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, SettingsDialog)
        assert dialog.query_one("#set-theme", Select).value == app.theme
        dialog.query_one("#set-currency").value = "GBP"
        await press(pilot, "ctrl+s")
        await settle(pilot)
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
    at = {"OFFLOAD_NOW": "2026-11-20T10:00:00Z", "OFFLOAD_TZ": "Europe/London"}  # the week logged, any day
    printed = run_offload("brief", db=db_path, env=at)
    assert printed.returncode == 0, printed.stderr
    saved = tmp_path / "books.md"
    assert run_offload("brief", "-o", str(saved), db=db_path, env=at).returncode == 0
    for text in (printed.stdout, saved.read_text()):
        assert "\x1b" not in text and "\x07" not in text and "\x00" not in text
        assert "x\\x1b]0;pwned\\x07y\\x00z" in text  # each shown as its escape, nothing more


@pytest.mark.parametrize("note", ["a\x1b[31mred", "bidi \u202eevil", "nul\x00"])
def test_notes_refuse_control_characters_typed_anywhere(service, db_path, note):
    before = snapshot(db_path)
    with pytest.raises(InvalidInput, match="control characters"):
        service.log.start("Calls", note=note)
    assert snapshot(db_path) == before


# --- one meaning of "the same name, whatever its case", for all of Unicode -----------------

def test_names_differing_only_in_non_ascii_case_are_one_task(service):
    service.log.add("École", "2026-11-16 09:00", "2026-11-16 10:00")
    service.log.add("école", "2026-11-17 09:00", "2026-11-17 11:00")
    service.log.add("E\u0301COLE", "2026-11-18 09:00", "2026-11-18 09:30")  # decomposed, upper case
    service.log.add("STRASSE", "2026-11-18 10:00", "2026-11-18 10:30")
    service.log.add("straße", "2026-11-18 11:00", "2026-11-18 11:30")
    week = service.review.week()
    assert sorted((t.name, t.seconds) for t in week.tasks) == [("STRASSE", 3600), ("École", int(3.5 * 3600))]
    assert sorted(service.log.task_names()) == ["STRASSE", "École"]


def test_skill_sets_differing_only_in_non_ascii_case_are_one_set(service):
    service.grouping.create("Éditing")
    with pytest.raises(Exception, match="already a skill set"):
        service.grouping.create("éditing")


def _old_database_with_a_pair(db_path, clock):
    """What an earlier version stored: 'École' (1 h) and 'école' (2 h) as two tasks, both
    highlighted and in one skill set, and two sets differing the same way."""
    from offload.service import Offload

    svc = Offload.open(db_path, clock)
    svc.log.add("École", "2026-11-16 09:00", "2026-11-16 10:00", note="first")
    svc.grouping.create("Éducation")
    svc.grouping.update("Éducation", contact="Ann")
    svc.close()
    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute("INSERT INTO tasks (name, created_utc, highlighted, feeling) VALUES ('école', 0, 1, 'dislike')")
        conn.execute("INSERT INTO entries (task_id, start_utc, end_utc, tz, note) VALUES "
                     "((SELECT id FROM tasks WHERE name = 'école'), ?, ?, 'Europe/London', 'second')",
                     (1_763_370_000 + 365 * 86400, 1_763_370_000 + 365 * 86400 + 7200))
        conn.execute("INSERT INTO skill_sets (name, created_utc, rate) VALUES ('éducation', 0, 30)")
        conn.execute("UPDATE tasks SET skill_set_id = (SELECT id FROM skill_sets WHERE name = 'Éducation') "
                     "WHERE name = 'École'")
        conn.execute("UPDATE tasks SET skill_set_id = (SELECT id FROM skill_sets WHERE name = 'éducation') "
                     "WHERE name = 'école'")
        conn.execute("PRAGMA user_version = 3")  # before one name meant one task (step 4)
    conn.close()


def test_an_older_database_with_such_a_pair_keeps_its_data_and_reports_true_hours(tmp_path, clock):
    from offload.service import Offload

    db_path = tmp_path / "old.db"
    _old_database_with_a_pair(db_path, clock)
    svc = Offload.open(db_path, clock)
    try:
        entries = svc.ctx.store.conn.execute(
            "SELECT t.name, e.end_utc - e.start_utc, e.note FROM entries e JOIN tasks t ON t.id = e.task_id").fetchall()
        assert sorted(tuple(e) for e in entries) == [("École", 3600, "first"), ("École", 7200, "second")]
        week = svc.review.week()
        assert [(t.name, t.seconds, t.highlighted, t.task.feeling) for t in week.tasks] == [
            ("École", 3 * 3600, True, "dislike")]
        [books] = svc.grouping.view().sets
        assert (books.name, books.seconds, books.row.rate, books.row.fields["contact"]) == \
            ("Éducation", 3 * 3600, 30, "Ann")
        assert "| École | weekly | 3.0 | 2 |" in svc.grouping.brief()
    finally:
        svc.close()
