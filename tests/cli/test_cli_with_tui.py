"""The app and the command line on one database file at the same time."""

from __future__ import annotations

from textual.widgets import DataTable, Static

from offload.tui.app import OffloadApp
from tests.helpers.commands import run_offload
from tests.helpers.app import press, settle

NOW = {"OFFLOAD_NOW": "2026-11-20T10:00:00Z", "OFFLOAD_TZ": "Europe/London"}


async def test_a_cli_start_shows_in_the_open_log_screen(service, db_path, clock):
    service.log.start("Accounts", at="9:00")
    app = OffloadApp(service, tick_seconds=3600)
    async with app.run_test(size=(120, 36)) as pilot:
        await app.data.idle()  # the Log's first read runs off the UI thread: wait for it to be shown
        await settle(pilot)
        screen = app.screen
        assert screen.query_one("#running-task", Static).content == "Accounts"
        done = run_offload("start", "Calls", "--note", "from the shell", db=db_path, env=NOW)
        assert done.returncode == 0, done.stderr
        app.data.poll()  # the app's once-a-second look at the file sees it changed; the screen re-reads
        await settle(pilot)
        assert screen.query_one("#running-task", Static).content == "Calls"
        rows = [[str(c) for c in screen.query_one("#today", DataTable).get_row_at(i)] for i in range(2)]
        assert [r[3] for r in rows] == ["Calls", "Accounts"]
        assert rows[1][:3] == ["09:00", "10:00", "1h 00m"]
        # And the other way: the app stops it, the command line sees nothing running.
        clock.advance(minutes=10)
        await press(pilot, "escape", "s")
        await settle(pilot)
        status = run_offload("status", db=db_path, env={**NOW, "OFFLOAD_NOW": "2026-11-20T10:10:00Z"})
        assert (status.returncode, status.stdout) == (1, "Nothing running\n")
        assert "10:00–10:10" in run_offload("log", db=db_path, env=NOW).stdout
