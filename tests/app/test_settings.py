"""Settings: the dialog checks as typed and saves all or nothing; `offload config` with the same checks."""

from __future__ import annotations

from textual.widgets import Input, Select, Static

from offload.tui.app import OffloadApp
from offload.tui.screens.log import LogScreen
from offload.tui.dialogs.settings import SettingsDialog
from tests.helpers.commands import run_offload
from tests.helpers.db import snapshot
from tests.helpers.app import press, settle, type_into

SIZE = (120, 36)


async def open_dialog(app, pilot) -> SettingsDialog:
    await press(pilot, "escape", "comma")
    await settle(pilot)
    assert isinstance(app.screen, SettingsDialog)
    return app.screen


async def test_a_bad_value_shows_a_message_by_the_field_and_changes_nothing(service, db_path):
    before = snapshot(db_path)
    app = OffloadApp(service, tick_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(app, pilot)
        field = dialog.query_one("#set-long_running_hours", Input)
        field.focus()
        field.value = ""
        await type_into(pilot, "#set-long_running_hours", "lots")
        await settle(pilot)
        message = dialog.query_one("#msg-long_running_hours", Static)
        assert message.display and "not a number of hours" in str(message.content)
        assert field.has_class("-invalid")
        dialog.query_one("#set-currency", Input).value = "GBP"
        await press(pilot, "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, SettingsDialog), "a bad value must keep the dialog open"
        await press(pilot, "escape")
        await settle(pilot)
        assert isinstance(app.screen, LogScreen)
    assert snapshot(db_path) == before


async def test_fixing_the_value_clears_the_message(service):
    app = OffloadApp(service, tick_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(app, pilot)
        field = dialog.query_one("#set-hourly_value", Input)
        field.focus()
        await type_into(pilot, "#set-hourly_value", "abc")
        await settle(pilot)
        assert dialog.query_one("#msg-hourly_value", Static).display
        field.value = "80"
        await settle(pilot)
        assert not dialog.query_one("#msg-hourly_value", Static).display


async def test_good_values_persist_and_the_theme_changes(service, db_path, clock):
    app = OffloadApp(service, tick_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(app, pilot)
        dialog.query_one("#set-hourly_value", Input).value = "72.5"
        dialog.query_one("#set-currency", Input).value = "gbp"
        dialog.query_one("#set-week_start", Select).value = "sunday"
        dialog.query_one("#set-theme", Select).value = "textual-light"
        await pilot.click("#save")
        await settle(pilot)
        assert isinstance(app.screen, LogScreen)
        assert app.theme == "textual-light"
        assert app.period.start.weekday() == 6
    from offload.service import Offload

    again = Offload.open(db_path, clock)
    assert again.settings.all() == {
        "week_start": "sunday", "long_running_hours": "4", "hourly_value": "72.5",
        "currency": "GBP", "theme": "textual-light", "reminder_minutes": "",
        "working_hours": "09:00-17:30", "audit_period": "",
    }
    again.close()


async def test_settings_are_in_the_palette(service):
    from tests.helpers.palette import run_from_palette

    app = OffloadApp(service, tick_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await run_from_palette(pilot, "Settings")
        assert isinstance(app.screen, SettingsDialog)


def test_config_lists_sets_and_refuses_in_one_line(db_path):
    assert run_offload("config", "currency", "eur", db=db_path).returncode == 0  # makes the database
    listed = run_offload("config", db=db_path)
    assert listed.returncode == 0
    assert [line.split()[0] for line in listed.stdout.splitlines()] == [
        "week_start", "long_running_hours", "hourly_value", "currency", "theme", "reminder_minutes",
        "working_hours", "audit_period"]
    done = run_offload("config", "currency", "usd", db=db_path)
    assert done.returncode == 0 and done.stdout.strip() == "currency = USD"
    before = snapshot(db_path)
    for bad in (["long_running_hours", "99"], ["week_start", "someday"], ["colour", "red"], ["hourly_value", "x"]):
        refused = run_offload("config", *bad, db=db_path)
        assert refused.returncode == 2, bad
        assert refused.stderr.startswith("offload: ") and len(refused.stderr.strip().splitlines()) == 1
        assert refused.stdout == ""
    assert snapshot(db_path) == before
    shown = run_offload("config", "currency", db=db_path)
    assert shown.stdout.strip() == "USD"
