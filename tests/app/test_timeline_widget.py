"""The timeline widget on the hand-made week: what it draws where at 80 and 160 columns, the
cursor (keys and mouse) and what it says about the entry under it, Enter and Space."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from textual.app import App, ComposeResult

from offload.domain.clock import FrozenClock
from offload.domain.weeks import Period
from offload.service import Offload
from offload.tui.widgets.timeline import CHROME, LABEL_WIDTH, Timeline
from tests.helpers import timeline_week as week


class TimelineApp(App):
    def __init__(self, data) -> None:
        super().__init__()
        self.data = data
        self.heard: list = []

    def compose(self) -> ComposeResult:
        yield Timeline()

    def on_mount(self) -> None:
        timeline = self.query_one(Timeline)
        timeline.show(self.data)
        timeline.focus()

    def on_timeline_entry_chosen(self, message: Timeline.EntryChosen) -> None:
        self.heard.append(("open", message.entry.id))

    def on_timeline_highlight_asked(self, message: Timeline.HighlightAsked) -> None:
        self.heard.append(("highlight", message.task.name))


@pytest.fixture
def data(tmp_path):
    svc = Offload.open(tmp_path / "t.db", FrozenClock(datetime(2026, 11, 20, 10, tzinfo=timezone.utc), week.ZONE))
    ids = week.write(svc)
    yield svc.timeline.timeline(Period(week.MONDAY)), ids
    svc.close()


def lines(app) -> list[str]:
    timeline = app.query_one(Timeline)
    return [timeline.render_line(y).text for y in range(timeline.size.height)]


def day_line(app, label: str) -> str:
    return next(line for line in lines(app) if line.startswith(label))


def at(line: str, clock: str, minutes_a_cell: int, first_hour: int = 0) -> str:
    """The character drawn at a time of day."""
    h, m = map(int, clock.split(":"))
    return line[LABEL_WIDTH + ((h - first_hour) * 60 + m) // minutes_a_cell]


@pytest.mark.parametrize("width, minutes", [(80, 30), (160, 15)])
async def test_the_blocks_fall_in_the_cells_of_their_times(data, width, minutes):
    app = TimelineApp(data[0])
    async with app.run_test(size=(width, 30)) as pilot:
        await pilot.pause()
        timeline = app.query_one(Timeline)
        assert timeline.grid.step == minutes * 60
        assert timeline.grid.cells == 24 * 60 // minutes <= timeline.content_size.width - CHROME
        assert f"{minutes} min a cell" in "\n".join(lines(app))
        monday, tuesday, wednesday = day_line(app, "Mon 19"), day_line(app, "Tue 20"), day_line(app, "Wed 21")
        sunday = day_line(app, "Sun 25")
        # The cursor starts on the first block (Monday 09:00, design): design is the selected
        # task (▓) everywhere; the highlighted emails are █, the disliked invoices ▒.
        assert at(monday, "09:00", minutes) == "█"  # the cursor's own cell
        assert at(monday, "09:30", minutes) == at(monday, "10:30", minutes) == "▓"
        assert at(monday, "11:00", minutes) == "█"  # the highlighted email, 11:00-11:20
        assert at(monday, "13:30", minutes) == "█"
        assert at(monday, "14:00", minutes) == at(monday, "16:30", minutes) == "▓"
        assert at(monday, "17:00", minutes) in " ·"
        assert at(tuesday, "09:00", minutes) == "▒"  # invoices: a candidate
        assert at(tuesday, "12:30", minutes) == "▁"  # planning: neither core nor support
        # Over midnight: Tuesday from 21:30, Wednesday until 01:30.
        assert at(tuesday, "21:30", minutes) == at(tuesday, "23:30", minutes) == "▓"
        assert at(tuesday, "21:00", minutes) in " ·"
        assert at(wednesday, "00:00", minutes) == at(wednesday, "01:00", minutes) == "▓"
        assert at(wednesday, "01:30", minutes) in " ·"
        # The 25-hour Sunday: the first 1 o'clock (emails) in the first half of the hour, the
        # second one and on to 03:00 GMT invoices, design from 03:00.
        assert at(sunday, "01:00", minutes) == "█"
        assert at(sunday, "01:30", minutes) == at(sunday, "02:30", minutes) == "▒"
        assert at(sunday, "03:00", minutes) == "▓"
        # Each day's switches and longest stretch of core work at the end of its line.
        assert monday.split()[-3:] == ["4", "3h", "00m"]
        assert tuesday.split()[-3:] == ["4", "2h", "30m"]
        assert day_line(app, "Fri 23").split()[-2:] == ["0", "–"]


async def test_the_cursor_moves_across_and_says_what_is_under_it(data):
    app = TimelineApp(data[0])
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        text = "\n".join(lines(app))
        # User text as typed: markup in a note is not markup.
        assert "Mon 19 Oct 09:00–11:00 (2h 00m)  Client design (core)  logo [b]round one[/b]" in text
        await pilot.press("shift+right")  # the next entry: the email at 11:00
        text = "\n".join(lines(app))
        assert "Mon 19 Oct 11:00–11:20 (20m)  Customer emails (highlighted, support)" in text
        assert "▓ Customer emails" in text  # now the selected task, named in the legend
        assert "█" not in day_line(app, "Wed 21")[LABEL_WIDTH:]  # ... and drawn ▓ where it occurs
        await pilot.press("down")  # Tuesday, same time: design
        assert "Tue 20 Oct 10:00–12:00 (2h 00m)  Client design (core)" in "\n".join(lines(app))
        await pilot.press("end", "left")  # 23:30: design over midnight, with its days
        assert "Tue 20 Oct 21:30–Wed 21 Oct 01:30 (4h 00m)  Client design (core)  overnight" in "\n".join(lines(app))
        await pilot.press("home")
        assert "Tue 20 Oct 00:00: nothing logged" in "\n".join(lines(app))
        # A click on Sunday 01:45 (the doubled hour's second half, 15-minute cells).
        timeline = app.query_one(Timeline)
        spacing = 2
        await pilot.click(Timeline, offset=(1 + LABEL_WIDTH + 7, 1 + 6 * spacing))
        assert timeline.row == 6 and timeline.cell == 7
        assert "Sun 25 Oct 01:00–03:00 (2h 00m)  Invoices (candidate, support)" in "\n".join(lines(app))


async def test_enter_asks_to_open_the_entry_and_space_to_highlight_its_task(data):
    timeline_data, ids = data
    app = TimelineApp(timeline_data)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await pilot.press("down", "enter")  # Tuesday 09:00: invoices
        await pilot.press("space")
        await pilot.press("home", "enter")  # nothing there: nothing asked
        await pilot.pause()
        assert app.heard == [("open", ids[21]), ("highlight", "Invoices")]


# --- odd logs --------------------------------------------------------------------------------------
def one_week(tmp_path, rows, now: datetime = datetime(2026, 11, 20, 10, tzinfo=timezone.utc)):
    """A TimelineData of the hand-made week's Monday-Sunday holding only `rows` (written through
    the store, as an older Offload or another program might have)."""
    from offload.store import entries as entry_store
    from offload.store import tasks as task_store

    tmp_path.mkdir(parents=True, exist_ok=True)
    svc = Offload.open(tmp_path / "odd.db", FrozenClock(now, week.ZONE))
    with svc.ctx.store.write() as conn:
        for name, start, end, note in rows:
            entry_store.insert(conn, task_store.get_or_create(conn, name, start), start, end, week.ZONE, note)
    data = svc.timeline.timeline(Period(week.MONDAY))
    svc.close()
    return data


async def test_names_and_notes_are_shown_as_typed_never_as_markup_or_terminal_codes(tmp_path):
    start = week.local("2026-10-21 09:00")
    data = one_week(tmp_path, [("[/] [bold]not bold", start, start + 3600, "[/]\x1b[2J\x07 ring [link=x]y[/link]")])
    app = TimelineApp(data)
    async with app.run_test(size=(100, 20)) as pilot:
        await pilot.pause()
        text = "\n".join(lines(app))
        assert "[/] [bold]not bold" in text
        assert "[/]\\x1b[2J\\x07 ring [link=x]y[/link]" in text
        assert "\x1b" not in text and "\x07" not in text
        # One hour shown (09-10), a minute a cell: the hour's 60 cells are the one entry.
        assert app.query_one(Timeline).grid.step == 60
        assert day_line(app, "Wed 21")[LABEL_WIDTH:LABEL_WIDTH + 61] == "█" + "▓" * 59 + " "


async def test_a_running_entry_with_no_time_yet_draws_an_empty_page(tmp_path):
    """The clock went back behind a running entry's start: it has no time yet, so nothing to draw."""
    start = week.local("2026-10-21 09:00")
    app = TimelineApp(one_week(tmp_path, [("Blink", start, None, "")],
                               now=datetime(2026, 10, 21, 7, tzinfo=timezone.utc)))
    async with app.run_test(size=(80, 20)) as pilot:
        await pilot.pause()
        assert lines(app)[0].strip() == "No time was logged in this period."
        await pilot.press("enter", "space", "right", "shift+right", "end")  # nothing to act on: no error
        assert app.heard == []


async def test_a_one_second_entry_shows_and_a_month_long_one_fills_every_day(tmp_path):
    start = week.local("2026-10-21 09:00")
    app = TimelineApp(one_week(tmp_path / "a", [("Blink", start, start + 1, "")]))
    async with app.run_test(size=(80, 20)) as pilot:
        await pilot.pause()
        assert day_line(app, "Wed 21")[LABEL_WIDTH:LABEL_WIDTH + 2] == "█ "  # the cursor on it
        assert "Wed 21 Oct 09:00–09:00 (0m)  Blink" in "\n".join(lines(app))
    app = TimelineApp(one_week(tmp_path / "b", [("Sabbatical", start - 10 * 86400, start + 20 * 86400, "")]))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for label in ("Mon 19", "Sun 25"):
            assert day_line(app, label)[LABEL_WIDTH:LABEL_WIDTH + 48].strip("▓█") == ""
        assert "Sun 11 Oct 09:00–Tue 10 Nov 08:00 (720h 00m)  Sabbatical" in "\n".join(lines(app))


async def test_an_eight_to_six_day_gets_ten_minute_cells_at_80_columns(tmp_path):
    start = week.local("2026-10-21 08:00")
    app = TimelineApp(one_week(tmp_path, [("Client design", start, start + 10 * 3600, "")]))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        grid = app.query_one(Timeline).grid
        assert (grid.first_hour, grid.last_hour, grid.step, grid.cells) == (8, 18, 600, 60)
        assert "10 min a cell" in "\n".join(lines(app))


async def test_another_period_keeps_the_selected_task_and_puts_the_cursor_on_it(data, tmp_path):
    """The Review widens its audit period: the task being looked at stays the one emphasized."""
    timeline_data, _ids = data
    app = TimelineApp(timeline_data)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        timeline = app.query_one(Timeline)
        await pilot.press("down")  # Tuesday 09:00: the invoices
        invoices = timeline.selected_task
        assert timeline.data.tasks[invoices].name == "Invoices"
        svc = Offload.open(tmp_path / "t.db", FrozenClock(datetime(2026, 11, 20, 10, tzinfo=timezone.utc), week.ZONE))
        wider = svc.timeline.timeline(Period(week.MONDAY - timedelta(days=7), 2))
        svc.close()
        timeline.show(wider)
        await pilot.pause()
        assert timeline.selected_task == invoices
        assert timeline.entry_at_cursor().task_id == invoices
        assert "Tue 20 Oct 09:00–10:00 (1h 00m)  Invoices" in "\n".join(lines(app))
