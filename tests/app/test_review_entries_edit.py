"""The Review's list of a task's entries (Enter on a task) fixes them as the Log does: e edits,
d deletes, u puts back; the list, its total and the Review's totals follow each change."""

from __future__ import annotations

from textual.widgets import DataTable, Input, Static

from offload.tui.dialogs.entries import TaskEntriesDialog
from offload.tui.dialogs.entry import EntryDialog
from tests.helpers.db import snapshot
from tests.helpers.weeks import log_review_week as log_week
from tests.helpers.app import SIZE, app_for, open_review, press, rows, settle, text


async def open_invoices(app, pilot) -> TaskEntriesDialog:
    screen = await open_review(app, pilot)
    assert [r[1] for r in rows(screen.query_one("#tasks", DataTable))] == ["Design", "Invoices", "Email"]
    await press(pilot, "down", "enter")
    await settle(pilot)
    assert isinstance(app.screen, TaskEntriesDialog)
    return app.screen


def total(dialog) -> str:
    return str(dialog.query_one("#entries-total", Static).content)


async def test_edit_an_entry_from_the_review_and_its_totals_follow(service):
    log_week(service)
    app = app_for(service)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_invoices(app, pilot)
        assert "2 entries · 3h 00m in this week" in total(dialog)
        await press(pilot, "down", "e")  # Thursday's hour: it really began at 8:00
        await settle(pilot)
        edit = app.screen
        assert isinstance(edit, EntryDialog)
        assert edit.query_one("#end", Input).value == "2026-11-19 10:00"
        edit.query_one("#start", Input).value = "2026-11-19 8:00"
        await press(pilot, "ctrl+s")
        await settle(pilot)
        assert app.screen is dialog
        assert rows(dialog.query_one("#entries", DataTable))[1][:4] == ["Thu 19 Nov", "08:00", "10:00", "2h 00m"]
        assert "2 entries · 4h 00m in this week" in total(dialog)
        # The cursor stays on the entry edited.
        assert dialog.query_one("#entries", DataTable).cursor_row == 1
        # u undoes the edit; u again finds nothing more to undo.
        await press(pilot, "u")
        await settle(pilot)
        assert rows(dialog.query_one("#entries", DataTable))[1][:4] == ["Thu 19 Nov", "09:00", "10:00", "1h 00m"]
        assert "2 entries · 3h 00m in this week" in total(dialog)
        await press(pilot, "e")
        await settle(pilot)
        app.screen.query_one("#start", Input).value = "2026-11-19 8:00"
        await press(pilot, "ctrl+s")
        await settle(pilot)
        await press(pilot, "escape")
        await settle(pilot)
        table = app.screen.query_one("#tasks", DataTable)
        assert rows(table)[1][1:3] == ["Invoices", "4h 00m"]
        assert text(app.screen, "#summary") == "Highlighted 0m of 11h 00m logged (0%)"


async def test_delete_an_entry_from_the_review_and_undo_puts_it_back(service, db_path):
    log_week(service)
    before = snapshot(db_path)
    app = app_for(service)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_invoices(app, pilot)
        await press(pilot, "d")  # Monday's two hours
        await settle(pilot)
        assert rows(dialog.query_one("#entries", DataTable)) == [
            ["Thu 19 Nov", "09:00", "10:00", "1h 00m", "[b]late[/b] payers"],
        ]
        assert "1 entry · 1h 00m in this week" in total(dialog)
        assert len(dict(snapshot(db_path))["entries"]) == len(dict(before)["entries"]) - 1
        # The Review under the dialog has followed already.
        review = app.screen_stack[-2]
        assert rows(review.query_one("#tasks", DataTable))[-1][1:3] == ["Invoices", "1h 00m"]

        await press(pilot, "u")
        await settle(pilot)
        assert "2 entries · 3h 00m in this week" in total(dialog)
        assert snapshot(db_path) == before
        await press(pilot, "u")
        await settle(pilot)
        assert snapshot(db_path) == before  # nothing more to put back: nothing changes


async def test_deleting_every_entry_of_the_task_leaves_the_list_open_and_says_so(service):
    log_week(service)
    app = app_for(service)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_invoices(app, pilot)
        await press(pilot, "d")
        await settle(pilot)
        await press(pilot, "d")
        await settle(pilot)
        assert dialog.query_one("#entries", DataTable).row_count == 0
        assert total(dialog) == "No entries of this task left in this week."
        await press(pilot, "d", "e")  # nothing to act on: said, nothing breaks
        await settle(pilot)
        assert app.screen is dialog
        await press(pilot, "u")
        await settle(pilot)
        assert "1 entry · 1h 00m in this week" in total(dialog)  # the one deleted last


async def test_an_entry_moved_to_another_task_leaves_the_list(service):
    log_week(service)
    app = app_for(service)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_invoices(app, pilot)
        await press(pilot, "enter")  # Enter edits too
        await settle(pilot)
        edit = app.screen
        assert isinstance(edit, EntryDialog)
        edit.query_one("#task", Input).value = "Email"
        await press(pilot, "ctrl+s")
        await settle(pilot)
        assert [r[0] for r in rows(dialog.query_one("#entries", DataTable))] == ["Thu 19 Nov"]
        await press(pilot, "escape")
        await settle(pilot)
        table = app.screen.query_one("#tasks", DataTable)
        assert [r[1:3] for r in rows(table)] == [["Design", "6h 00m"], ["Email", "3h 00m"], ["Invoices", "1h 00m"]]
        # The list sorted again; the cursor stayed on the task whose entries were open.
        assert app.screen.selected_task().name == "Invoices"


async def test_the_entries_list_names_its_keys_in_its_footer(service):
    from textual.widgets._footer import FooterKey

    log_week(service)
    app = app_for(service)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_invoices(app, pilot)
        shown = {k.description for k in dialog.query(FooterKey)}
        assert {"Close", "Edit", "Delete", "Undo"} <= shown
