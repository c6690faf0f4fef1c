"""The Log screen driven as a user would, with a frozen clock."""

from __future__ import annotations

from textual.widgets import DataTable, Digits, Input, OptionList, Static

from offload.tui.app import OffloadApp
from offload.tui.dialogs.entry import EntryDialog
from tests.helpers.db import snapshot
from tests.helpers.app import press, settle, type_into

SIZE = (120, 36)


def app_for(service) -> OffloadApp:
    # A long tick: the tests drive the clock and call tick() themselves.
    return OffloadApp(service, tick_seconds=3600)


def cell_texts(table: DataTable) -> list[list[str]]:
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


async def test_type_a_name_enter_and_the_timer_counts(service, clock):
    app = app_for(service)
    async with app.run_test(size=SIZE) as pilot:
        await type_into(pilot, "#task-input", "Accounts")
        await press(pilot, "enter")
        clock.advance(5)
        app.screen.tick()
        await settle(pilot)
        assert app.screen.query_one("#elapsed", Digits).value == "00:00:05"
        assert app.screen.query_one("#running-task", Static).content == "Accounts"
        assert service.log.running().task == "Accounts"


async def test_switch_then_stop(service, clock):
    app = app_for(service)
    async with app.run_test(size=SIZE) as pilot:
        await type_into(pilot, "#task-input", "Accounts")
        await press(pilot, "enter")
        clock.advance(60)
        # The field keeps the focus after Enter: the next name is typed straight in.
        await type_into(pilot, "#task-input", "Email")
        await press(pilot, "enter")
        clock.advance(120)
        await press(pilot, "escape", "s")
        await settle(pilot)
        rows = cell_texts(app.screen.query_one("#today", DataTable))
        assert [r[3] for r in rows] == ["Email", "Accounts"]
        assert [r[2] for r in rows] == ["2m", "1m"]
        assert service.log.running() is None
        assert app.screen.query_one("#running-task", Static).content == "Nothing running"


async def test_editing_with_a_bad_time_shows_the_error_and_changes_nothing(service, db_path, clock):
    service.log.add("Calls", "8:00", "8:30")
    before = snapshot(db_path)
    app = app_for(service)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "escape", "e")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, EntryDialog)
        start = dialog.query_one("#start", Input)
        start.value = "25:99"
        await press(pilot, "enter")
        await settle(pilot)
        assert isinstance(app.screen, EntryDialog)
        assert "25:99" in str(dialog.query_one("#error", Static).content)
        # The error names its field: that field is marked and takes the cursor.
        assert start.has_class("-invalid") and dialog.focused is start
        assert not dialog.query_one("#end", Input).has_class("-invalid")
        start.value = "8:00"
        dialog.query_one("#end", Input).value = "7:00"  # before the start: the end is to blame
        await press(pilot, "enter")
        end = dialog.query_one("#end", Input)
        assert end.has_class("-invalid") and dialog.focused is end and not start.has_class("-invalid")
        await press(pilot, "escape")
        await settle(pilot)
        assert not isinstance(app.screen, EntryDialog)
    assert snapshot(db_path) == before


async def test_autocomplete_offers_an_earlier_name(service, clock):
    service.log.add("Newsletter mail-out", "8:00", "8:30")
    service.log.add("Invoices", "8:30", "9:00")
    app = app_for(service)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, *"news")
        await settle(pilot)
        matches = app.screen.query_one("#matches", OptionList)
        assert matches.display
        assert str(matches.get_option_at_index(0).prompt) == "Newsletter mail-out"
        await press(pilot, "down", "enter")
        await settle(pilot)
        assert service.log.running().task == "Newsletter mail-out"


async def test_ghost_completion_with_right_arrow(service, clock):
    service.log.add("Bookkeeping", "8:00", "8:30")
    app = app_for(service)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, *"book")
        await settle(pilot)
        await press(pilot, "right", "enter")
        await settle(pilot)
        assert service.log.running().task == "Bookkeeping"


async def test_an_empty_name_shows_a_message_where_it_was_typed(service, db_path):
    before = snapshot(db_path)
    app = app_for(service)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "space", "enter")
        await settle(pilot)
        assert "needs a name" in str(app.screen.query_one("#input-error", Static).content)
    assert snapshot(db_path) == before


async def test_task_names_show_literally(service, clock):
    service.log.add("[bold]Accounts[/bold] <script>", "8:00", "8:30")
    app = app_for(service)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        rows = cell_texts(app.screen.query_one("#today", DataTable))
        assert rows[0][3] == "[bold]Accounts[/bold] <script>"


async def test_delete_and_undo(service, clock):
    service.log.add("Calls", "8:00", "8:30")
    app = app_for(service)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "escape", "d")
        await settle(pilot)
        assert app.screen.query_one("#today", DataTable).row_count == 0
        await press(pilot, "u")
        await settle(pilot)
        assert cell_texts(app.screen.query_one("#today", DataTable))[0][3] == "Calls"


async def test_add_a_missed_entry_from_the_dialog(service, clock):
    app = app_for(service)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "escape", "a")
        await settle(pilot)
        await type_into(pilot, "#task", "Calls")
        await press(pilot, "tab")
        await type_into(pilot, "#start", "8:00")
        await press(pilot, "tab")
        await type_into(pilot, "#end", "8:45")
        await press(pilot, "enter")
        await settle(pilot)
        assert not isinstance(app.screen, EntryDialog)
        rows = cell_texts(app.screen.query_one("#today", DataTable))
        assert rows == [["08:00", "08:45", "45m", "Calls", ""]]


async def test_a_long_running_timer_is_flagged_and_can_be_ended(service, clock):
    service.log.start("Accounts", at="4:00")
    app = app_for(service)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        flag = str(app.screen.query_one("#long-running", Static).content)
        assert "longer than 4h 00m" in flag
        await press(pilot, "escape", "x")
        await settle(pilot)
        assert isinstance(app.screen, EntryDialog)
        app.screen.query_one("#end", Input).value = "5:30"
        await press(pilot, "enter")
        await settle(pilot)
    assert service.log.running() is None
    assert service.log.today()[0].end_utc - service.log.today()[0].start_utc == 90 * 60


async def test_a_cli_start_shows_in_the_open_log_screen(service, db_path, clock):
    from offload.service import Offload

    app = app_for(service)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        other = Offload.open(db_path, clock)
        other.log.start("Started elsewhere")
        other.close()
        app.data.poll()  # the app's one look at the file each second sees it changed
        await settle(pilot)
        assert app.screen.query_one("#running-task", Static).content == "Started elsewhere"
