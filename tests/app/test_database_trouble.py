"""Trouble with the database file while the app is open is said, once, and never freezes the app."""

from __future__ import annotations

import os
import sqlite3

import pytest

from textual.widgets import Input

from offload.tui.app import OffloadApp
from offload.tui.screens.log import LogScreen
from offload.tui.screens.review import ReviewScreen
from tests.helpers.app import press, settle

SIZE = (120, 36)


def said(app) -> list[str]:
    return [n.message for n in app._notifications]


def damage(db_path) -> None:
    """Garbage over the whole file, in place, as a failing disk or a stray `dd` would leave it
    (the log moved into the file first, so that reading it must read the garbage)."""
    conn = sqlite3.connect(db_path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    size = db_path.stat().st_size
    with open(db_path, "r+b") as f:
        f.write(os.urandom(size))


async def test_a_database_error_during_a_reload_shows_a_message_and_the_app_keeps_working(service, db_path):
    service.log.add("Calls", "8:00", "8:30")
    app = OffloadApp(service, tick_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        damage(db_path)
        app.data.poll()  # the app's once-a-second look at the file
        await settle(pilot)
        app.screen.reload()  # and the Log's read each minute
        await settle(pilot)
        messages = said(app)
        assert len(messages) == 1, messages  # said once, not at every read
        assert "is damaged" in messages[0] and str(db_path) in messages[0]

        # Not frozen: the keys still answer, the task field still types, other screens open.
        await press(pilot, *"Calls again")
        assert app.screen.query_one("#task-input", Input).value == "Calls again"
        await press(pilot, "ctrl+r")
        assert isinstance(app.screen, ReviewScreen)
        await press(pilot, "1")
        assert isinstance(app.screen, LogScreen)
        assert app.crashed is None and app.is_running


async def test_a_database_removed_while_the_app_runs_is_said_once(service, db_path, tmp_path):
    service.log.add("Calls", "8:00", "8:30")
    app = OffloadApp(service, tick_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        moved = tmp_path / "elsewhere.db"
        db_path.rename(moved)  # removed from where Offload opened it (the open file lives on)
        app.data.poll()
        await settle(pilot)
        app.data.poll()
        await settle(pilot)
        messages = said(app)
        assert len(messages) == 1 and "was removed while Offload had it open" in messages[0], messages
        await press(pilot, *"still typing")
        assert app.screen.query_one("#task-input", Input).value == "still typing"
        assert app.crashed is None


async def test_a_database_replaced_while_the_app_runs_is_said(service, db_path, tmp_path):
    app = OffloadApp(service, tick_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        other = tmp_path / "other.db"
        other.write_bytes(db_path.read_bytes())
        os.replace(other, db_path)  # another file now under the database's name
        app.data.poll()
        await settle(pilot)
        assert any("was replaced by another file" in m for m in said(app)), said(app)


def test_a_change_into_a_database_moved_away_is_refused_not_lost(service, db_path, tmp_path):
    from offload.domain.errors import StorageError

    service.log.add("Calls", "8:00", "8:30")
    db_path.rename(tmp_path / "elsewhere.db")  # the open file lives on under another name
    # Confirmed into a file nobody will open again, the switch would be lost: it is refused.
    with pytest.raises(StorageError, match="was removed while Offload had it open"):
        service.log.start("Invoices")
    assert not db_path.exists()  # and no new, empty database appears in its place
