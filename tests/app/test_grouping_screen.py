"""The Grouping screen driven as a user would: accept, create, move, take out, edit, brief."""

from __future__ import annotations

import stat

from textual.widgets import DataTable, Input, Markdown, Static, TextArea

from offload.tui.app import OffloadApp
from offload.tui.dialogs.brief import BriefPreview
from offload.tui.dialogs.skill_sets import NameDialog, SetDialog, SetPicker
from tests.helpers.weeks import log_week
from tests.helpers.app import press, settle, type_into

SIZE = (120, 36)


def app_for(service) -> OffloadApp:
    return OffloadApp(service, tick_seconds=3600)


def column(table: DataTable, index: int = 0) -> list[str]:
    return [str(table.get_row_at(i)[index]) for i in range(table.row_count)]


async def open_grouping(app, pilot):
    await app.switch_mode("grouping")
    await settle(pilot)
    return app.screen


async def test_accept_a_suggestion(service):
    log_week(service)
    app = app_for(service)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_grouping(app, pilot)
        left = screen.query_one("#ungrouped", DataTable)
        assert column(left) == ["Invoices", "Payroll", "Update WordPress", "Gardening"]
        assert column(left, 2)[0] == "invoice → Bookkeeping and accounts"
        assert column(left, 1)[0] == "2h 30m"
        await press(pilot, "a")
        await settle(pilot)
        assert column(left) == ["Payroll", "Update WordPress", "Gardening"]
        right = screen.query_one("#sets", DataTable)
        assert column(right) == ["Bookkeeping and accounts", "└ Invoices"]
        assert column(right, 1) == ["2h 30m", "2h 30m"]
        # The suggestion for Payroll is the same set; accepting again groups it too.
        await press(pilot, "a")
        await settle(pilot)
    view = service.grouping.view()
    assert [t.name for t in view.set("Bookkeeping and accounts").tasks] == ["Invoices", "Payroll"]


async def test_create_a_set_then_move_a_task_into_it(service):
    log_week(service)
    app = app_for(service)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_grouping(app, pilot)
        await press(pilot, "c")
        assert isinstance(app.screen, NameDialog)
        await press(pilot, "enter")  # an empty name is refused inside the dialog
        assert isinstance(app.screen, NameDialog)
        assert "needs a name" in str(app.screen.query_one("#error", Static).content)
        await type_into(pilot, None, "Home")
        await press(pilot, "enter")
        await settle(pilot)
        assert app.screen is screen
        right = screen.query_one("#sets", DataTable)
        assert column(right)[0] == "Home"
        # Move Gardening (last on the left) into Home through the picker, typing to filter.
        left = screen.query_one("#ungrouped", DataTable)
        left.focus()
        left.move_cursor(row=3)
        await press(pilot, "m")
        assert isinstance(app.screen, SetPicker)
        await type_into(pilot, None, "hom")
        picker = app.screen
        assert picker.query_one("#choices").option_count == 2  # Home, and "New skill set: hom"
        await press(pilot, "enter")
        await settle(pilot)
        assert column(right) == ["Home", "└ Gardening"]
        assert "Gardening" not in column(left)
        # Move it again, from the right, to a catalogue set made on first use.
        right.focus()
        right.move_cursor(row=1)
        await press(pilot, "m")
        await type_into(pilot, None, "website")
        await press(pilot, "enter")
        await settle(pilot)
        assert column(right) == ["Home", "└ no tasks yet: m on a task puts it here",
                                 "Website maintenance", "└ Gardening"]
        # Take it out: back on the left, still highlighted.
        right.move_cursor(row=3)
        await press(pilot, "o")
        await settle(pilot)
        assert "Gardening" in column(left)
    assert service.review.week().task("Gardening").highlighted


async def test_edit_details_refuses_a_bad_rate_inside_the_form(service):
    log_week(service)
    service.grouping.assign("Invoices", "Bookkeeping and accounts")
    app = app_for(service)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_grouping(app, pilot)
        screen.query_one("#sets", DataTable).focus()
        await press(pilot, "e")
        dialog = app.screen
        assert isinstance(dialog, SetDialog)
        dialog.query_one("#rate", Input).value = "lots"
        dialog.query_one("#inputs", TextArea).text = "Receipts folder"
        await press(pilot, "ctrl+s")
        await settle(pilot)
        assert app.screen is dialog
        assert "not an hourly rate" in str(dialog.query_one("#msg-rate", Static).content)  # beside the rate
        rate = dialog.query_one("#rate", Input)
        assert rate.has_class("-invalid") and dialog.focused is rate  # the error named the rate
        assert service.grouping.get("Bookkeeping and accounts").fields["inputs"] == ""
        dialog.query_one("#rate", Input).value = "30"
        await press(pilot, "ctrl+s")
        await settle(pilot)
        assert app.screen is screen
    row = service.grouping.get("Bookkeeping and accounts")
    assert row.rate == 30 and row.fields["inputs"] == "Receipts folder"


async def test_preview_the_brief_and_save_it(service, tmp_path):
    log_week(service)
    service.grouping.assign("Invoices", "Bookkeeping and accounts")
    service.grouping.assign("Payroll", "Bookkeeping and accounts")
    app = app_for(service)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_grouping(app, pilot)
        screen.query_one("#sets", DataTable).focus()
        await press(pilot, "b")
        await settle(pilot)
        preview = app.screen
        assert isinstance(preview, BriefPreview)
        assert preview.query_one("#brief", Markdown).source.startswith("# Handover brief: Bookkeeping and accounts")
        assert "| Invoices | weekly | 2.5 | 2 | 1h 15m | 10.8 |" in preview.markdown
        assert preview.query_one("#path", Input).value.endswith("brief-bookkeeping-and-accounts-2026-11-16.md")
        target = tmp_path / "books.md"
        preview.query_one("#path", Input).value = str(target)
        await press(pilot, "ctrl+s")
        await settle(pilot)
        assert str(preview.query_one("#saved", Static).content) == f"Saved to {target}"
        assert target.read_text() == preview.markdown
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
        await press(pilot, "escape")
        await settle(pilot)
        assert app.screen is screen


async def test_empty_screen_says_how_to_start(service):
    app = app_for(service)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_grouping(app, pilot)
        text = str(screen.query_one("#left-empty", Static).content)
        assert "No highlighted tasks yet" in text and "Press 2" in text
        await press(pilot, "b")  # nothing to brief: a message, no crash
        await settle(pilot)
        assert app.screen is screen


async def test_task_names_show_literally(service):
    service.log.add("[bold]Boss[/bold] invoices", "2026-11-16 09:00", "2026-11-16 10:00")
    service.review.set_highlight("[bold]Boss[/bold] invoices", True)
    app = app_for(service)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_grouping(app, pilot)
        assert column(screen.query_one("#ungrouped", DataTable)) == ["[bold]Boss[/bold] invoices"]


async def test_follows_the_review_week(service):
    log_week(service)
    app = app_for(service)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_grouping(app, pilot)
        left = screen.query_one("#ungrouped", DataTable)
        assert column(left, 1)[0] == "2h 30m"
        app.period = app.period.previous()
        await settle(pilot)
        assert str(screen.query_one("#week-title", Static).content).startswith("Audit period: Week of Mon 09 Nov 2026")
        assert set(column(left, 1)) == {"0m"}  # nothing logged that week; still highlighted


async def test_rename_merge_and_delete_keep_every_task(service):
    log_week(service)
    service.grouping.assign("Invoices", "Bookkeeping and accounts")
    service.grouping.assign("Payroll", "Admin", create=True)
    app = app_for(service)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_grouping(app, pilot)
        right = screen.query_one("#sets", DataTable)
        right.focus()
        assert column(right) == ["Admin", "└ Payroll", "Bookkeeping and accounts", "└ Invoices"]
        await press(pilot, "r", "ctrl+a", "ctrl+k")
        await type_into(pilot, None, "Back office")
        await press(pilot, "enter")
        await settle(pilot)
        assert column(right)[:2] == ["Back office", "└ Payroll"]
        right.move_cursor(row=0)
        await press(pilot, "g")
        await type_into(pilot, None, "book")
        await press(pilot, "enter")
        await settle(pilot)
        assert column(right) == ["Bookkeeping and accounts", "├ Invoices", "└ Payroll"]
        await press(pilot, "x")
        await press(pilot, "y")
        await settle(pilot)
        assert not right.display
        assert sorted(column(screen.query_one("#ungrouped", DataTable))) == [
            "Gardening", "Invoices", "Payroll", "Update WordPress"]


async def test_changes_survive_a_restart_and_unhighlighted_tasks_are_marked(service, db_path, clock):
    from offload.service import Offload

    log_week(service)
    app = app_for(service)
    async with app.run_test(size=SIZE) as pilot:
        await open_grouping(app, pilot)
        await press(pilot, "a")  # Invoices -> Bookkeeping and accounts
        await settle(pilot)
    service.review.set_highlight("Invoices", False)
    again = Offload.open(db_path, clock)
    try:
        app = app_for(again)
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_grouping(app, pilot)
            right = screen.query_one("#sets", DataTable)
            assert column(right) == ["Bookkeeping and accounts", "└ Invoices (not highlighted)"]
            right.focus()
            await settle(pilot)
            assert "no rate yet" in str(screen.query_one("#hint", Static).content)
    finally:
        again.close()
