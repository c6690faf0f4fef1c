"""Renaming and merging tasks from the Review and the Grouping (issue 14): onto an existing name the
app asks, saying exactly what will move; the totals follow; u undoes."""

from __future__ import annotations

from datetime import date

from textual.widgets import DataTable, Input, Static

from offload.domain.weeks import Period
from offload.tui.app import OffloadApp
from offload.tui.dialogs.questions import ConfirmDialog
from offload.tui.dialogs.rename import RenameTaskDialog
from tests.helpers.weeks import log_review_week as log_week
from tests.helpers.app import press, settle

SIZE = (120, 36)
WEEK = Period(date(2026, 11, 16))


def app_for(service) -> OffloadApp:
    return OffloadApp(service, tick_seconds=3600)


def rows(table: DataTable) -> list[list[str]]:
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


def totals(table: DataTable) -> dict[str, str]:
    return {r[1]: r[2] for r in rows(table)}


def said(app) -> list[str]:
    return [n.message for n in app._notifications]


async def test_rename_onto_an_existing_task_asks_merges_and_the_totals_follow_then_u_undoes(service):
    log_week(service)  # Design 6h, Invoices 3h, Email 1h
    service.review.set_highlight("Invoices", True)
    async with app_for(service).run_test(size=SIZE) as pilot:
        app = pilot.app
        await press(pilot, "escape", "2")
        await settle(pilot)
        review = app.screen
        table = review.query_one("#tasks", DataTable)
        assert totals(table) == {"Design": "6h 00m", "Invoices": "3h 00m", "Email": "1h 00m"}
        table.move_cursor(row=2)  # Email
        await press(pilot, "r")
        dialog = app.screen
        assert isinstance(dialog, RenameTaskDialog)
        assert dialog.query_one("#name", Input).value == "Email"
        dialog.query_one("#name", Input).value = "invoices"  # any case: the same task
        await press(pilot, "enter")
        await settle(pilot)
        question = app.screen
        assert isinstance(question, ConfirmDialog)
        assert str(question.query_one(".dialog-title", Static).content) == (
            "There is already a task 'Invoices'. Merge 'Email' into it? 2 entries (1h 00m) move to "
            "'Invoices', which keeps its marks (highlighted); 'Email' goes. u undoes the merge.")
        await press(pilot, "y")
        await settle(pilot)
        assert app.screen is review
        assert totals(table) == {"Design": "6h 00m", "Invoices": "4h 00m"}
        assert str(review.query_one("#summary", Static).content) == "Highlighted 4h 00m of 10h 00m logged (40%)"
        assert "Merged 'Email' into 'Invoices': 2 entries (1h 00m) moved. u undoes." in said(app)
        await press(pilot, "u")
        await settle(pilot)
        assert totals(table) == {"Design": "6h 00m", "Invoices": "3h 00m", "Email": "1h 00m"}
    assert [t.name for t in service.review.week(WEEK).tasks] == ["Design", "Invoices", "Email"]


async def test_saying_no_to_the_merge_changes_nothing(service, db_path):
    from tests.helpers.db import snapshot

    log_week(service)
    before = snapshot(db_path)
    async with app_for(service).run_test(size=SIZE) as pilot:
        app = pilot.app
        await press(pilot, "escape", "2")
        await settle(pilot)
        app.screen.query_one("#tasks", DataTable).move_cursor(row=2)
        await press(pilot, "r")
        app.screen.query_one("#name", Input).value = "Design"
        await press(pilot, "enter")
        await settle(pilot)
        await press(pilot, "n")
        await settle(pilot)
        assert isinstance(app.screen, RenameTaskDialog)  # back in the form, the name still typed
        await press(pilot, "escape")
        await settle(pilot)
    assert snapshot(db_path) == before


async def test_rename_a_task_from_the_grouping(service):
    log_week(service)
    service.review.set_highlight("Invoices", True)
    async with app_for(service).run_test(size=SIZE) as pilot:
        app = pilot.app
        await press(pilot, "escape", "3")
        await settle(pilot)
        grouping = app.screen
        left = grouping.query_one("#ungrouped", DataTable)
        assert [r[0] for r in rows(left)] == ["Invoices"]
        await press(pilot, "r")
        dialog = app.screen
        assert isinstance(dialog, RenameTaskDialog)
        dialog.query_one("#name", Input).value = "[b]Bills[/b]"
        await press(pilot, "enter")
        await settle(pilot)
        assert app.screen is grouping
        assert [r[0] for r in rows(left)] == ["[b]Bills[/b]"]
        assert "Renamed 'Invoices' to '[b]Bills[/b]' (2 entries). u undoes." in said(app)
        await press(pilot, "u")
        await settle(pilot)
        assert [r[0] for r in rows(left)] == ["Invoices"]


async def test_an_undo_refused_can_be_tried_again_once_the_way_is_clear(service):
    log_week(service)
    async with app_for(service).run_test(size=SIZE) as pilot:
        app = pilot.app
        await press(pilot, "escape", "2")
        await settle(pilot)
        table = app.screen.query_one("#tasks", DataTable)
        table.move_cursor(row=2)  # Email
        await press(pilot, "r")
        app.screen.query_one("#name", Input).value = "Invoices"
        await press(pilot, "enter")
        await settle(pilot)
        await press(pilot, "y")
        await settle(pilot)
        # From the shell, a new task called Email: the merge cannot be undone while it is there.
        service.log.add("Email", "2026-11-20 08:00", "2026-11-20 08:10")
        app.data.poll()
        await settle(pilot)
        await press(pilot, "u")
        await settle(pilot)
        assert any("Cannot undo the merge" in m for m in said(app)), said(app)
        # The shell merges that one away; u now undoes the merge made in the app.
        service.tasks.merge(["Email"], "Design")
        app.data.poll()
        await settle(pilot)
        await press(pilot, "u")
        await settle(pilot)
        assert "Nothing to undo." not in said(app)
        assert totals(table)["Invoices"] == "3h 00m"
        assert totals(table)["Email"] == "1h 00m"
