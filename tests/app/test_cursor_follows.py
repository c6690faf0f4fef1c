"""The selection follows the task or entry, not a row number: Space and d act on the row the
user sees selected, whatever arrived, left or came back meanwhile."""

from __future__ import annotations

from datetime import datetime

from textual.widgets import DataTable

from offload.service import Offload
from offload.tui.app import OffloadApp
from offload.tui.screens.review import ReviewScreen
from tests.helpers.app import press, settle


async def outside_change_seen(pilot) -> None:
    """What the app does once a second: notice another process's write, and show it."""
    pilot.app.data.poll()
    await settle(pilot)


def selected_key(table: DataTable) -> str | None:
    if not table.row_count:
        return None
    return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value


def selected_name(table: DataTable, column: int) -> str:
    return str(table.get_row_at(table.cursor_row)[column])


async def test_after_an_empty_week_and_back_space_highlights_the_task_that_was_selected(service):
    # Three tasks in the week of 16 Nov, nothing in the week before.
    service.log.add("Design", "2026-11-16 09:00", "2026-11-16 15:00")
    service.log.add("Invoices", "2026-11-16 15:00", "2026-11-16 17:00")
    service.log.add("Email", "2026-11-17 08:30", "2026-11-17 09:00")
    app = OffloadApp(service, tick_seconds=3600)
    async with app.run_test(size=(120, 36)) as pilot:
        await press(pilot, "escape", "2")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        table = screen.query_one("#tasks", DataTable)
        await press(pilot, "down", "down")
        await settle(pilot)
        assert selected_name(table, 1) == "Email"

        await press(pilot, "left")  # the week of 9 Nov: empty
        await settle(pilot)
        assert "Nothing was logged" in str(screen.query_one("#empty").content)
        await press(pilot, "right")
        await settle(pilot)

        # The cursor is drawn on Email again, and the arrows move it.
        assert screen.focused is table
        assert selected_name(table, 1) == "Email"
        await press(pilot, "up")
        await settle(pilot)
        assert selected_name(table, 1) == "Invoices"
        await press(pilot, "down", "space")
        await settle(pilot)
    week = service.review.week_holding(datetime(2026, 11, 16).date())
    report = service.review.week(week)
    assert [t.name for t in report.tasks if t.highlighted] == ["Email"]


async def test_space_in_an_empty_week_highlights_nothing(service):
    service.log.add("Design", "2026-11-16 09:00", "2026-11-16 15:00")
    app = OffloadApp(service, tick_seconds=3600)
    async with app.run_test(size=(120, 36)) as pilot:
        await press(pilot, "escape", "2")
        await settle(pilot)
        await press(pilot, "left", "space")
        await settle(pilot)
    assert not any(t.highlighted for t in service.review.week(service.review.this_week()).tasks)


async def test_a_new_entry_from_the_shell_keeps_the_selection_on_the_same_entry(service, db_path, clock):
    service.log.add("Calls", "8:00", "8:30")
    service.log.add("Email", "8:30", "9:00")
    service.log.add("Invoices", "9:00", "9:30")
    app = OffloadApp(service, tick_seconds=3600)
    async with app.run_test(size=(120, 36)) as pilot:
        await press(pilot, "escape")
        await settle(pilot)
        table = app.screen.query_one("#today", DataTable)
        await press(pilot, "down")  # newest first: Invoices, Email, Calls
        await settle(pilot)
        assert selected_name(table, 3) == "Email"
        chosen = selected_key(table)

        # From the shell: a new entry, newest, so on top.
        other = Offload.open(db_path, clock)
        try:
            other.log.start("Started elsewhere")
        finally:
            other.close()
        await outside_change_seen(pilot)
        assert str(table.get_row_at(0)[3]) == "Started elsewhere"
        assert selected_key(table) == chosen and selected_name(table, 3) == "Email"

        await press(pilot, "d")
        await settle(pilot)
    assert sorted(e.task for e in service.log.today()) == ["Calls", "Invoices", "Started elsewhere"]


async def test_when_the_selected_entry_is_deleted_elsewhere_the_cursor_stays_in_place(service, db_path, clock):
    service.log.add("Calls", "8:00", "8:30")
    service.log.add("Email", "8:30", "9:00")
    service.log.add("Invoices", "9:00", "9:30")
    app = OffloadApp(service, tick_seconds=3600)
    async with app.run_test(size=(120, 36)) as pilot:
        await press(pilot, "escape", "down")
        await settle(pilot)
        table = app.screen.query_one("#today", DataTable)
        email = int(selected_key(table))
        other = Offload.open(db_path, clock)
        try:
            other.log.delete(email)
        finally:
            other.close()
        await outside_change_seen(pilot)
        # The row it was on now holds the hole the entry left, and that is what the cursor shows
        # (d there deletes nothing); the next older entry is below it, unselected.
        assert selected_name(table, 3) == "unlogged 30m"
        assert table.cursor_row == 1
        assert str(table.get_row_at(2)[3]) == "Calls"


async def test_a_narrower_window_keeps_the_cursor_on_its_task(service):
    service.log.add("Design", "2026-11-16 09:00", "2026-11-16 15:00")
    service.log.add("Invoices", "2026-11-16 15:00", "2026-11-16 17:00")
    service.log.add("Email", "2026-11-17 08:30", "2026-11-17 09:00")
    app = OffloadApp(service, tick_seconds=3600)
    async with app.run_test(size=(120, 36)) as pilot:
        await press(pilot, "escape", "2")
        await settle(pilot)
        table = app.screen.query_one("#tasks", DataTable)
        await press(pilot, "down", "down")
        await settle(pilot)
        await pilot.resize_terminal(80, 24)  # the columns tighten: the rows are drawn again
        await settle(pilot)
        assert app.screen.compact
        assert selected_name(table, 1) == "Email"
