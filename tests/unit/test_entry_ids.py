"""An entry's id is its own for good: `offload log` shows it, `edit` and `delete` take it, and
no other entry ever gets it, not after a delete, not from the shell while the app has it open."""

from __future__ import annotations

import sqlite3

from textual.widgets import Input

from offload.service import Offload
from offload.store.db import APP_ID
from offload.store.schema import CURRENT_VERSION, MIGRATIONS
from offload.tui.app import OffloadApp
from offload.tui.dialogs.entry import EntryDialog
from tests.helpers.db import snapshot
from tests.helpers.app import press, settle


def test_a_deleted_entrys_id_is_never_given_to_a_new_one(service):
    service.log.add("Calls", "8:00", "8:30")
    last = service.log.add("Email", "8:30", "9:00")
    service.log.delete(last.id)
    again = service.log.add("Post", "9:00", "9:10")
    assert again.id != last.id
    # Undo puts the deleted one back under its own id, as `offload log` showed it.
    assert service.log.undo_delete(last).id == last.id


def test_an_older_file_keeps_its_entries_and_ids_when_upgraded(tmp_path, clock):
    path = tmp_path / "v5.db"
    conn = sqlite3.connect(path)
    for step in MIGRATIONS[:5]:
        step(conn) if callable(step) else conn.executescript(step)
    conn.execute("INSERT INTO tasks (id, name, created_utc) VALUES (1, 'Calls', 0)")
    for entry_id, start in ((3, 1795150800), (7, 1795154400)):
        conn.execute("INSERT INTO entries (id, task_id, start_utc, end_utc, tz, note) VALUES (?, 1, ?, ?, "
                     "'Europe/London', 'kept')", (entry_id, start, start + 1800))
    conn.execute("PRAGMA user_version = 5")
    conn.execute(f"PRAGMA application_id = {APP_ID}")
    conn.commit()
    conn.close()
    svc = Offload.open(path, clock)
    try:
        rows = [(e.id, e.task, e.note) for e in svc.log.day()]
        assert sorted(rows) == [(3, "Calls", "kept"), (7, "Calls", "kept")]
        svc.log.delete(7)
        assert svc.log.add("Post", "9:00", "9:10").id == 8
    finally:
        svc.close()
    with sqlite3.connect(path) as check:
        assert check.execute("PRAGMA user_version").fetchone()[0] == CURRENT_VERSION
        assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        names = {r[0] for r in check.execute("SELECT name FROM sqlite_master WHERE tbl_name = 'entries'")}
        assert {"entries", "entries_start", "entries_task", "entries_one_running"} <= names


async def test_an_edit_left_open_while_the_shell_deletes_and_adds_changes_no_other_entry(service, db_path):
    service.log.add("Calls", "8:00", "8:30")
    service.log.add("Design", "8:30", "9:00")
    app = OffloadApp(service, tick_seconds=3600)
    async with app.run_test(size=(120, 36)) as pilot:
        await press(pilot, "escape", "e")  # the newest: Design
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, EntryDialog)
        assert dialog.query_one("#task", Input).value == "Design"
        # Meanwhile, from the shell: Design is deleted and another entry is added.
        design = service.log.day()[0]
        service.log.delete(design.id)
        service.log.add("Impostor", "6:00", "6:30", note="important")
        before = snapshot(db_path)
        dialog.query_one("#start", Input).value = "2026-11-18 03:00"
        dialog.query_one("#end", Input).value = "2026-11-18 04:00"
        await press(pilot, "ctrl+s")
        await settle(pilot)
        assert app.screen is dialog  # refused, said in the dialog
        assert f"no entry {design.id}" in str(dialog.query_one("#error").content)
        assert snapshot(db_path) == before
