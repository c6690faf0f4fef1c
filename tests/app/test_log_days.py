"""The Log shows any day up to today: keys, a typed day, the week strip; entries fixed there.

The clock: Friday 20 Nov 2026, 10:00 in London. Yesterday is Thursday 19 Nov.
"""

from __future__ import annotations

import shutil
from datetime import date

import pytest
from textual.widgets import DataTable, Input, Static

from offload.tui.app import OffloadApp
from offload.tui.dialogs.day import DayDialog
from offload.tui.dialogs.entry import EntryDialog
from offload.tui.textual_internals import FooterKey
from offload.tui.widgets.week_strip import WeekStrip
from tests.helpers.db import snapshot
from tests.helpers.commands import run_offload
from tests.helpers.tmux import new_socket, start_app, stop_server, tmux, wait_for
from tests.helpers.app import press, settle, type_into

SIZE = (120, 36)


def app_for(service) -> OffloadApp:
    return OffloadApp(service, tick_seconds=3600)


def tasks_shown(app) -> list[str]:
    table = app.screen.query_one("#today", DataTable)
    return [str(table.get_row_at(i)[3]) for i in range(table.row_count)]


def title(app) -> str:
    return str(app.screen.query_one("#today-title", Static).content)


def a_week(service) -> None:
    service.log.add("Invoices", "2026-11-16 09:00", "2026-11-16 10:00")
    service.log.add("Calls", "yesterday 8:00", "yesterday 8:30")
    service.log.add("Email", "yesterday 8:30", "yesterday 9:00")
    service.log.add("Design", "9:00", "9:45")


def marked(strip: WeekStrip) -> list[str]:
    """The strip's text drawn in reverse: the day shown."""
    rendered = strip.render()
    return [rendered.plain[s.start:s.end] for s in rendered.spans if getattr(s.style, "reverse", False)]


def footer(app) -> dict[str, str]:
    return {k.description: k.key for k in app.screen.query(FooterKey) if not k.disabled}


async def test_yesterday_add_edit_delete_and_undo_there(service, clock):
    a_week(service)
    app = app_for(service)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "escape", "left")
        await settle(pilot)
        assert title(app).startswith("Yesterday, Thu 19 Nov")
        assert tasks_shown(app) == ["Email", "Calls"]

        # A time alone falls on the day shown, and the new entry shows there.
        await press(pilot, "a")
        await settle(pilot)
        assert "Thu 19 Nov" in str(app.screen.query_one("#title", Static).content)
        await type_into(pilot, "#task", "Proposal")
        await press(pilot, "tab")
        await type_into(pilot, "#start", "9:00")
        await press(pilot, "tab")
        await type_into(pilot, "#end", "9:40")
        await press(pilot, "enter")
        await settle(pilot)
        assert not isinstance(app.screen, EntryDialog)
        assert tasks_shown(app) == ["Proposal", "Email", "Calls"]
        added = next(e for e in service.log.day(date(2026, 11, 19)) if e.task == "Proposal")
        assert (added.end_utc - added.start_utc) == 40 * 60
        assert not [e for e in service.log.today() if e.task == "Proposal"]

        # Edit it: the cursor is on it (newest first), the dialog shows it, a new end is saved.
        await press(pilot, "e")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, EntryDialog)
        assert dialog.query_one("#start", Input).value == "2026-11-19 09:00"
        dialog.query_one("#end", Input).value = "9:50"  # a time alone: the entry's own day
        await press(pilot, "enter")
        await settle(pilot)
        table = app.screen.query_one("#today", DataTable)
        assert [str(c) for c in table.get_row_at(0)][:4] == ["09:00", "09:50", "50m", "Proposal"]

        await press(pilot, "d")
        await settle(pilot)
        assert tasks_shown(app) == ["Email", "Calls"]
        await press(pilot, "u")
        await settle(pilot)
        assert tasks_shown(app) == ["Proposal", "Email", "Calls"]
        assert title(app).startswith("Yesterday")  # still the day the user chose
    proposal = next(e for e in service.log.day(date(2026, 11, 19)) if e.task == "Proposal")
    assert proposal.end_utc - proposal.start_utc == 50 * 60


async def test_day_keys_from_the_table_and_back_to_today(service, clock):
    a_week(service)
    app = app_for(service)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "escape")
        await settle(pilot)
        assert title(app) == "Today" and tasks_shown(app) == ["Design"]
        assert "Today" not in footer(app)  # nothing to go back to
        await press(pilot, "left", "left", "left", "left")
        await settle(pilot)
        assert title(app).startswith("Mon 16 Nov") and tasks_shown(app) == ["Invoices"]
        assert "t goes back" in title(app) or "t or ctrl+home goes back" in title(app)
        await press(pilot, "right", "right")
        await settle(pilot)
        assert title(app).startswith("Wed 18 Nov") and tasks_shown(app) == []
        await press(pilot, "t")
        await settle(pilot)
        assert title(app) == "Today" and tasks_shown(app) == ["Design"]


async def test_never_past_today(service, clock, db_path):
    a_week(service)
    app = app_for(service)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "escape", "right")
        await settle(pilot)
        assert title(app) == "Today" and tasks_shown(app) == ["Design"]
        # From yesterday, two steps on end on today.
        await press(pilot, "left", "right", "right")
        await settle(pilot)
        assert title(app) == "Today"
        # A click on Saturday (still to come) shows nothing new.
        await pilot.click(WeekStrip, offset=(1 + 5 * 15 + 2, 0))
        await settle(pilot)
        assert title(app) == "Today"


async def test_typing_in_the_task_field_never_changes_the_day(service, clock):
    a_week(service)
    app = app_for(service)
    async with app.run_test(size=SIZE) as pilot:
        # t, g and the letters of a name are typed, never obeyed (the arrows move the field's cursor).
        await press(pilot, *"get the tax forms", "left", "left", "right")
        await settle(pilot)
        assert app.screen.query_one("#task-input", Input).value == "get the tax forms"
        assert title(app) == "Today" and not isinstance(app.screen, DayDialog)
        # The keys the footer shows while typing do change it, and the field keeps what was typed.
        keys = footer(app)
        assert keys["Day"] == "pageup" and keys["Go to day"] == "ctrl+l"
        await press(pilot, "pageup")
        await settle(pilot)
        assert title(app).startswith("Yesterday") and tasks_shown(app) == ["Email", "Calls"]
        assert footer(app)["Today"] == "ctrl+home"
        await press(pilot, "ctrl+home")
        await settle(pilot)
        assert title(app) == "Today"
        await press(pilot, "ctrl+l")
        await settle(pilot)
        assert isinstance(app.screen, DayDialog)
        await press(pilot, "escape")
        await settle(pilot)
        assert app.screen.query_one("#task-input", Input).value == "get the tax forms"
    assert service.log.running() is None


@pytest.mark.parametrize("typed, shows", [
    ("yesterday", "Yesterday, Thu 19 Nov"),
    ("mon", "Mon 16 Nov"),
    ("2026-11-17", "Tue 17 Nov"),
    ("2025-11-17", "Mon 17 Nov 2025"),
    ("today", "Today"),
])
async def test_a_typed_day_is_shown(service, clock, typed, shows):
    a_week(service)
    app = app_for(service)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "escape", "g")
        await settle(pilot)
        await type_into(pilot, "#day", typed)
        await press(pilot, "enter")
        await settle(pilot)
        assert not isinstance(app.screen, DayDialog)
        assert title(app).startswith(shows)


@pytest.mark.parametrize("typed, says", [
    ("tomorrow", "Cannot read the date 'tomorrow'"),
    ("2026-11-21", "Sat 21 Nov 2026 has not happened yet"),
    ("2026-02-30", "no such date"),
    ("1969-12-31", "starts in 1970"),
])
async def test_a_day_that_cannot_be_shown_is_said_beside_the_field(service, clock, typed, says):
    a_week(service)
    app = app_for(service)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "escape", "g")
        await settle(pilot)
        await type_into(pilot, "#day", typed)
        await press(pilot, "enter")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, DayDialog)
        message = dialog.query_one("#msg-day", Static)
        assert says in str(message.content) and message.display
        assert dialog.query_one("#day", Input).has_class("-invalid")
        await press(pilot, "escape")
        await settle(pilot)
        assert title(app) == "Today"


async def test_the_week_strip_marks_the_day_shown_says_unlogged_time_and_takes_clicks(service, clock):
    service.log.add("Calls", "2026-11-17 08:00", "2026-11-17 08:30")
    service.log.add("Email", "2026-11-17 09:10", "2026-11-17 10:00")  # 40 minutes unlogged between
    service.log.add("Design", "9:00", "9:45")
    app = app_for(service)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        strip = app.screen.query_one(WeekStrip)
        lines = strip.render().plain.split("\n")
        tuesday = lines[0].index("Tue")
        assert "40m" in lines[1][tuesday - 2:tuesday + 12]
        assert "unlogged 40m" in lines[1]
        # Click on Tuesday: the Log shows it, and the strip marks it.
        await pilot.click(WeekStrip, offset=(1 + tuesday + 2, 0))
        await settle(pilot)
        assert title(app).startswith("Tue 17 Nov") and tasks_shown(app) == ["Email", "unlogged 40m", "Calls"]
        assert marked(strip) == ["Tue  1h 20m"]


async def test_a_day_far_back_and_its_week(service, clock):
    service.log.add("Old work", "1970-01-01 09:00", "1970-01-01 10:00")
    app = app_for(service)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "escape", "g")
        await type_into(pilot, "#day", "1970-01-01")
        await press(pilot, "enter")
        await settle(pilot)
        assert title(app).startswith("Thu 01 Jan 1970") and tasks_shown(app) == ["Old work"]
        await press(pilot, "left")  # before 1970: said, and the day stays
        await settle(pilot)
        assert title(app).startswith("Thu 01 Jan 1970")


@pytest.mark.parametrize("keys, flagged", [((), False), (("escape", "left"), False), (("escape", "left"), True)])
async def test_at_80x24_every_footer_key_is_drawn_whole(service, clock, keys, flagged):
    if flagged:  # six hours running: "Real end" joins the keys
        service.log.add("Calls", "yesterday 8:00", "yesterday 8:30")
        service.log.start("Accounts", at="4:00")
    else:
        a_week(service)
    app = app_for(service)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, *keys)
        for _ in range(3):
            await settle(pilot)
        shown = list(app.screen.query(FooterKey))
        assert {"Day", "Go to day", "Review", "Help"} <= {k.description for k in shown}
        regions = sorted((k.region for k in shown), key=lambda r: (r.y, r.x))
        assert all(app.screen.region.contains_region(r) for r in regions)
        assert all(not a.overlaps(b) for a, b in zip(regions, regions[1:]))
        # Each key's text fits in its place: nothing cut at the right edge.
        for key in shown:
            assert key.region.width >= len(key.key_display or "") + 1 + len(key.description), key.description


@pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")
@pytest.mark.parametrize("keys, shows", [
    (["PageUp"], "Yesterday, Thu 19 Nov"),
    (["PageUp", "PageUp", "wait:Wed 18 Nov", "PageDown"], "Yesterday, Thu 19 Nov"),
    (["PageUp", "wait:Yesterday", "C-Home", "wait:Today", "C-l"], "Show a day on the Log"),
])
def test_the_day_keys_work_while_typing_through_tmux(tmp_path, keys, shows):
    socket = new_socket("offload-days")
    settings = {"OFFLOAD_NOW": "2026-11-20T10:00:00Z", "OFFLOAD_TZ": "Europe/London"}
    db = tmp_path / "o.db"
    done = run_offload("add", "Calls", "--from", "yesterday 8:00", "--to", "yesterday 8:30", db=db, env=settings)
    assert done.returncode == 0, done.stderr
    start_app(socket, settings, "--db", str(db))
    try:
        assert "What are you working on?" in wait_for(socket, "What are you working on?")
        tmux(socket, "send-keys", *"abc", check=True)  # typing first: the keys work in the field
        for key in keys:
            if key.startswith("wait:"):
                assert key[5:] in wait_for(socket, key[5:])
            else:
                tmux(socket, "send-keys", key, check=True)
        screen = wait_for(socket, shows)
        assert shows in screen
    finally:
        stop_server(socket)


async def test_an_entry_added_on_a_day_shown_changes_nothing_on_a_bad_time(service, clock, db_path):
    a_week(service)
    before = snapshot(db_path)
    app = app_for(service)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "escape", "left", "a")
        await settle(pilot)
        # over Calls and Email
        await type_into(pilot, "#task", "Proposal")
        await press(pilot, "tab")
        await type_into(pilot, "#start", "8:15")
        await press(pilot, "tab")
        await type_into(pilot, "#end", "8:45")
        await press(pilot, "enter")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, EntryDialog)
        assert "overlap" in str(dialog.query_one("#error", Static).content)
    assert snapshot(db_path) == before


async def test_keys_held_at_today_say_so_once(service):
    a_week(service)
    app = app_for(service)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "escape", *["right"] * 6)
        await settle(pilot)
        notes = [n.message for n in app._notifications]
        assert notes.count("Sat 21 Nov 2026 has not happened yet: the Log shows days up to today.") == 1
        assert title(app) == "Today"


async def test_u_undoes_an_edit_and_an_add_on_the_day_shown(service, db_path):
    a_week(service)
    before = snapshot(db_path)
    app = app_for(service)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "escape", "left")  # yesterday: Email 8:30-9:00, Calls 8:00-8:30
        await settle(pilot)
        await press(pilot, "e")
        await settle(pilot)
        app.screen.query_one("#task", Input).value = "Customer emails"
        app.screen.query_one("#note", Input).value = "oops"
        await press(pilot, "ctrl+s")
        await settle(pilot)
        assert tasks_shown(app) == ["Customer emails", "Calls"]
        assert "Changed: Customer emails Thu 19 Nov 08:30–09:00. u undoes." in [n.message for n in app._notifications]
        await press(pilot, "u")
        await settle(pilot)
        assert tasks_shown(app) == ["Email", "Calls"]
        assert dict(snapshot(db_path))["entries"] == dict(before)["entries"]

        await press(pilot, "a")
        await settle(pilot)
        await type_into(pilot, "#task", "Proposal")
        await press(pilot, "tab")
        await type_into(pilot, "#start", "9:00")
        await press(pilot, "tab")
        await type_into(pilot, "#end", "9:30")
        await press(pilot, "enter")
        await settle(pilot)
        assert tasks_shown(app) == ["Proposal", "Email", "Calls"]
        await press(pilot, "u")
        await settle(pilot)
        assert tasks_shown(app) == ["Email", "Calls"]
        assert dict(snapshot(db_path))["entries"] == dict(before)["entries"]
        await press(pilot, "u")
        await settle(pilot)
        assert "Nothing to undo." in [n.message for n in app._notifications]


async def test_an_edit_changed_again_from_the_shell_is_not_undone_over_it(service, db_path):
    a_week(service)
    app = app_for(service)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "escape", "left", "e")
        await settle(pilot)
        app.screen.query_one("#note", Input).value = "from the app"
        await press(pilot, "ctrl+s")
        await settle(pilot)
        email = next(e for e in service.log.day(date(2026, 11, 19)) if e.task == "Email")
        service.log.edit(email.id, note="from the shell")
        app.data.poll()
        await settle(pilot)
        await press(pilot, "u")
        await settle(pilot)
        assert any("was changed again since" in n.message for n in app._notifications)
    assert next(e for e in service.log.day(date(2026, 11, 19)) if e.task == "Email").note == "from the shell"


async def test_u_does_not_undo_unseen_a_change_made_on_another_day(service, db_path):
    a_week(service)
    app = app_for(service)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "escape", "left", "a")  # yesterday: add one
        await settle(pilot)
        await type_into(pilot, "#task", "Proposal")
        await press(pilot, "tab")
        await type_into(pilot, "#start", "9:00")
        await press(pilot, "tab")
        await type_into(pilot, "#end", "9:30")
        await press(pilot, "enter")
        await settle(pilot)
        after_add = snapshot(db_path)
        await press(pilot, "left", "u")  # the day before: the change is not in view
        await settle(pilot)
        assert snapshot(db_path) == after_add
        assert any(n.message.startswith("The last change, to Proposal Thu 19 Nov 09:00–09:30, is not shown here")
                   for n in app._notifications)
        await press(pilot, "right", "u")  # back where it shows: undone
        await settle(pilot)
        assert tasks_shown(app) == ["Email", "Calls"]


def test_a_name_fixed_away_is_not_offered_any_more(service):
    typo = service.log.add("Invocing", "8:00", "8:30")
    service.log.add("Invoices", "8:30", "9:00")
    service.log.edit(typo.id, name="Invoices")
    assert service.log.task_names() == ["Invoices"]


async def test_an_entry_over_midnight_says_which_end_is_on_another_day(service):
    service.log.add("Bookkeeping", "yesterday 22:00", "0:30", note="late VAT")
    service.log.add("Email", "8:30", "9:00")
    app = app_for(service)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "escape")
        await settle(pilot)
        table = app.screen.query_one("#today", DataTable)
        cells = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
        assert cells[-1][3:] == ["Bookkeeping", "from Thu 19 Nov 22:00 · late VAT"]
        await press(pilot, "left")
        await settle(pilot)
        cells = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
        assert cells[0][3:] == ["Bookkeeping", "to Fri 20 Nov 00:30 · late VAT"]


async def test_an_entry_over_midnight_without_a_note_says_only_its_other_day(service):
    service.log.add("Night shift", "yesterday 23:00", "1:00")
    app = app_for(service)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "escape")
        await settle(pilot)
        table = app.screen.query_one("#today", DataTable)
        assert [str(c) for c in table.get_row_at(0)][3:] == ["Night shift", "from Thu 19 Nov 23:00"]
