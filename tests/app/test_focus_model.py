"""What the keyboard does from the moment the app opens (README: "Keys at launch").

The Log opens in its task field. Everything typed there is part of a task name; the screens,
help and the long-running timer's real end are reached by the keys the footer shows at that
moment, which work while typing.
"""

from __future__ import annotations

import shutil

import pytest
from textual.widgets import DataTable, Input

from offload.tui.app import OffloadApp
from offload.tui.screens.help import HelpScreen
from offload.tui.screens.log import LogScreen
from offload.tui.dialogs.entry import EntryDialog
from offload.tui.textual_internals import FooterKey
from tests.helpers.app import press, settle
from tests.helpers.commands import run_offload
from tests.helpers.tmux import new_socket, start_app, stop_server, tmux, wait_for

SIZE = (120, 36)


def app_for(service) -> OffloadApp:
    return OffloadApp(service, tick_seconds=3600)


def footer_keys(app) -> dict[str, str]:
    """What the footer shows now: description -> the key it names."""
    return {k.description: k.key for k in app.screen.query(FooterKey) if not k.disabled}


def a_day_with_a_timer(service) -> None:
    service.log.add("Calls", "8:00", "8:30")
    service.log.add("Email", "8:30", "9:00", note="inbox")
    service.log.start("Accounts", at="9:00")


@pytest.mark.parametrize("size", [(120, 36), (80, 24)])
@pytest.mark.parametrize("screen, mode", [("Review", "review"), ("Grouping", "grouping")])
async def test_right_after_launch_the_footers_key_for_a_screen_shows_it(service, size, screen, mode):
    a_day_with_a_timer(service)
    app = app_for(service)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        assert isinstance(app.screen.focused, Input)  # the task field: typing starts a task
        keys = footer_keys(app)
        assert screen in keys, keys
        await press(pilot, keys[screen])
        await settle(pilot)
        assert app.current_mode == mode


async def test_right_after_launch_the_footers_help_key_opens_help(service):
    a_day_with_a_timer(service)
    app = app_for(service)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, footer_keys(app)["Help"])
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)


async def test_a_flagged_timers_real_end_key_is_in_the_footer_while_typing(service, clock):
    service.log.start("Accounts", at="4:00")  # six hours ago: past the 4 h limit
    app = app_for(service)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen.focused, Input)
        keys = footer_keys(app)
        assert keys.get("Real end") == "ctrl+t", keys
        await press(pilot, "ctrl+t")
        await settle(pilot)
        assert isinstance(app.screen, EntryDialog)
        assert app.screen.focused.id == "end"


async def test_the_real_end_key_leaves_the_footer_when_nothing_is_flagged(service):
    a_day_with_a_timer(service)
    app = app_for(service)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "Real end" not in footer_keys(app)
        await press(pilot, "escape")
        await settle(pilot)
        assert "Real end" not in footer_keys(app)


async def test_typing_a_name_right_after_launch_starts_it_and_changes_nothing_else(service, db_path, clock):
    a_day_with_a_timer(service)
    before = {e.id: e for e in service.log.today()}
    app = app_for(service)
    async with app.run_test(size=SIZE) as pilot:
        # Every letter here is also a key somewhere: d deletes, e edits, s stops, r resumes,
        # n, v, i ... and what follows Enter is the next task's name, typed just as fast.
        await press(pilot, *"design review", "enter", *"desk research")
        await settle(pilot)
        assert isinstance(app.screen, LogScreen)
        assert app.screen.query_one("#task-input", Input).value == "desk research"
    after = {e.id: e for e in service.log.today()}
    assert service.log.running().task == "design review"
    # The switch ended Accounts at the instant design review began; nothing else changed.
    accounts = next(e for e in after.values() if e.task == "Accounts")
    assert accounts.end_utc == service.log.running().start_utc
    assert {i: e for i, e in after.items() if e.task not in ("Accounts", "design review")} == \
        {i: e for i, e in before.items() if e.task != "Accounts"}
    assert len(after) == len(before) + 1


async def test_a_name_starting_with_a_digit_is_typed_not_taken_as_a_screen_key(service):
    app = app_for(service)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, *"2fa setup", "enter")
        await settle(pilot)
        assert app.current_mode == "log"
    assert service.log.running().task == "2fa setup"


async def test_number_keys_switch_screens_wherever_no_field_has_focus(service):
    a_day_with_a_timer(service)
    app = app_for(service)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "escape")
        await settle(pilot)
        assert isinstance(app.screen.focused, DataTable)
        assert footer_keys(app)["Review"] == "2"
        for key, mode in [("2", "review"), ("3", "grouping"), ("1", "log"), ("3", "grouping"), ("2", "review")]:
            await press(pilot, key)
            await settle(pilot)
            assert app.current_mode == mode


# --- in a real terminal ----------------------------------------------------------------


@pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")
@pytest.mark.parametrize("keys, shows", [
    (["C-r"], "Week of Mon 16 Nov 2026"),
    (["C-g"], "To group"),
    (["C-o"], "Keys  (Esc closes)"),
    (["Escape", "wait:New task", "2"], "Week of Mon 16 Nov 2026"),
    (["F1"], "Keys  (Esc closes)"),
])
def test_the_launch_keys_work_through_tmux(tmp_path, keys, shows):
    socket = new_socket("offload-test")
    settings = {"OFFLOAD_NOW": "2026-11-20T10:00:00Z", "OFFLOAD_TZ": "Europe/London"}
    db = tmp_path / "o.db"
    done = run_offload("start", "Accounts", "--at", "9:00", db=db, env=settings)
    assert done.returncode == 0, done.stderr
    start_app(socket, settings, "--db", str(db))
    try:
        assert "What are you working on?" in wait_for(socket, "What are you working on?")
        for key in keys:
            # Esc and 2 sent together would read as alt+2, as in any terminal: wait as a person would.
            if key.startswith("wait:"):
                assert key[5:] in wait_for(socket, key[5:])
            else:
                tmux(socket, "send-keys", key, check=True)
        assert shows in wait_for(socket, shows)
    finally:
        stop_server(socket)
