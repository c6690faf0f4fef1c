"""The holes in a day's log show on the Log, and Enter fills one (seeds/002: each minute of your day).

The clock: Friday 20 Nov 2026, 10:00 in London.
"""

from __future__ import annotations

from datetime import date

from textual.widgets import DataTable, Input

from offload.tui.app import OffloadApp
from offload.tui.dialogs.entry import EntryDialog
from tests.helpers.db import snapshot
from tests.helpers.app import press, settle, type_into

SIZE = (120, 36)


def app_for(service) -> OffloadApp:
    return OffloadApp(service, tick_seconds=3600)


def rows(app) -> list[list[str]]:
    table = app.screen.query_one("#today", DataTable)
    return [[str(c) for c in table.get_row_at(i)][:4] for i in range(table.row_count)]


async def test_a_gap_between_two_entries_shows_and_enter_fills_it(service, clock):
    service.log.add("Calls", "8:00", "8:30")
    service.log.add("Email", "9:10", "9:30")
    service.log.add("Post", "9:32", "9:40")  # two minutes between: a switch, not a hole
    app = app_for(service)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "escape")
        await settle(pilot)
        assert rows(app) == [
            ["09:32", "09:40", "8m", "Post"],
            ["09:10", "09:30", "20m", "Email"],
            ["08:30", "09:10", "40m", "unlogged 40m"],
            ["08:00", "08:30", "30m", "Calls"],
        ]
        await press(pilot, "down", "down", "enter")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, EntryDialog)
        assert dialog.query_one("#start", Input).value == "2026-11-20 08:30"
        assert dialog.query_one("#end", Input).value == "2026-11-20 09:10"
        assert dialog.focused is dialog.query_one("#task", Input)  # type the task at once
        # The task field completes from the names in use (→ takes it).
        await press(pilot, *"ca")
        await settle(pilot)
        assert dialog.query_one("#task", Input)._suggestion == "Calls"
        await press(pilot, "right", "enter")
        await settle(pilot)
        assert not isinstance(app.screen, EntryDialog)
        assert rows(app) == [
            ["09:32", "09:40", "8m", "Post"],
            ["09:10", "09:30", "20m", "Email"],
            ["08:30", "09:10", "40m", "Calls"],
            ["08:00", "08:30", "30m", "Calls"],
        ]
    assert service.log.gaps(date(2026, 11, 20)) == []


async def test_a_gap_to_the_second_is_filled_exactly(service, clock):
    service.log.add("Calls", "2026-11-20 08:00:00", "2026-11-20 08:30:37")
    service.log.add("Email", "2026-11-20 09:10:12", "2026-11-20 09:30:00")
    app = app_for(service)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "escape", "down", "enter")
        await settle(pilot)
        dialog = app.screen
        assert dialog.query_one("#start", Input).value == "2026-11-20 08:30:37"
        assert dialog.query_one("#end", Input).value == "2026-11-20 09:10:12"
        await type_into(pilot, "#task", "Post")
        await press(pilot, "enter")
        await settle(pilot)
        assert [r[3] for r in rows(app)] == ["Email", "Post", "Calls"]
    assert service.log.gaps(date(2026, 11, 20)) == []


async def test_e_and_d_on_a_gap_change_nothing_and_say_so(service, clock, db_path):
    service.log.add("Calls", "8:00", "8:30")
    service.log.add("Email", "9:10", "9:30")
    before = snapshot(db_path)
    app = app_for(service)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "escape", "down", "d")
        await settle(pilot)
        await press(pilot, "e")
        await settle(pilot)
        assert not isinstance(app.screen, EntryDialog)
        said = [n.message for n in app._notifications]
        assert any("unlogged time: nothing to delete" in m for m in said), said
        assert any("unlogged time: nothing to edit" in m for m in said), said
        assert [r[3] for r in rows(app)] == ["Email", "unlogged 40m", "Calls"]
        # a on a gap fills it, as Enter does.
        await press(pilot, "a")
        await settle(pilot)
        assert app.screen.query_one("#start", Input).value == "2026-11-20 08:30"
    assert snapshot(db_path) == before


async def test_the_cursor_follows_a_gap_row(service, clock, db_path):
    from offload.service import Offload

    service.log.add("Calls", "8:00", "8:30")
    service.log.add("Email", "9:10", "9:30")
    app = app_for(service)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "escape", "down")
        await settle(pilot)
        other = Offload.open(db_path, clock)
        try:
            other.log.add("Post", "9:40", "9:50")  # a new row on top, and a new gap under it
        finally:
            other.close()
        app.data.poll()
        await settle(pilot)
        table = app.screen.query_one("#today", DataTable)
        assert [r[3] for r in rows(app)] == ["Post", "unlogged 10m", "Email", "unlogged 40m", "Calls"]
        assert str(table.get_row_at(table.cursor_row)[3]) == "unlogged 40m"
