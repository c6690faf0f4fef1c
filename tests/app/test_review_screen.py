"""The Review screen driven as a user would, with a frozen clock."""

from __future__ import annotations

from datetime import date

from textual.widgets import DataTable, Static

from offload.domain.weeks import Period
from offload.tui.screens.review import ReviewScreen
from tests.helpers.db import snapshot
from offload.tui.dialogs.entries import TaskEntriesDialog
from tests.helpers.app import SIZE, app_for, open_review, press, rows, settle, text
from tests.helpers.weeks import log_review_week as log_week

WEEK = Period(date(2026, 11, 16))


async def test_open_the_review_move_to_a_task_space_and_the_summary_changes(service):
    log_week(service)
    app = app_for(service)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        assert text(screen, "#week-title") == "Week of Mon 16 Nov 2026"
        assert text(screen, "#summary") == "Highlighted 0m of 10h 00m logged (0%)"
        table = screen.query_one("#tasks", DataTable)
        assert [r[1] for r in rows(table)] == ["Design", "Invoices", "Email"]
        assert rows(table)[1][2:6] == ["3h 00m", "30%", "2", "M . . T . . ."]

        await press(pilot, "down", "space")
        await settle(pilot)
        assert text(screen, "#summary") == "Highlighted 3h 00m of 10h 00m logged (30%)"
        assert text(screen, "#freed") == "Handing that over frees about 3h 00m a week."
        assert rows(table)[1][0] == "● hand over"
        assert service.review.week(WEEK).task("Invoices").highlighted

        await press(pilot, "space")
        await settle(pilot)
        assert text(screen, "#summary") == "Highlighted 0m of 10h 00m logged (0%)"
        assert rows(table)[1][0] == ""


async def test_previous_next_and_this_week(service, clock):
    from datetime import datetime, timezone

    clock.set(datetime(2026, 11, 25, 12, 0, tzinfo=timezone.utc))  # in the week of 23 Nov
    log_week(service)
    service.log.add("Planning", "2026-11-23 09:00", "2026-11-23 10:00")
    app = app_for(service)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        table = screen.query_one("#tasks", DataTable)
        assert text(screen, "#week-title") == "Week of Mon 23 Nov 2026"
        assert text(screen, "#week-when") == "audit period · this week · + adds a week"
        assert [r[1] for r in rows(table)] == ["Planning"]

        await press(pilot, "p")
        await settle(pilot)
        assert app.period == WEEK
        assert text(screen, "#week-title") == "Week of Mon 16 Nov 2026"
        assert text(screen, "#week-when") == "audit period · last week · t: this week · + adds a week"
        assert [r[1] for r in rows(table)] == ["Design", "Invoices", "Email"]

        await press(pilot, "left")
        await settle(pilot)
        assert text(screen, "#week-title") == "Week of Mon 09 Nov 2026"
        assert not table.display
        assert "Nothing was logged in this week" in text(screen, "#empty")

        await press(pilot, "right")
        await settle(pilot)
        assert text(screen, "#week-title") == "Week of Mon 16 Nov 2026"
        await press(pilot, "t")
        await settle(pilot)
        assert text(screen, "#week-title") == "Week of Mon 23 Nov 2026"
        await press(pilot, "n")  # no week after this one yet
        await settle(pilot)
        assert text(screen, "#week-title") == "Week of Mon 23 Nov 2026"


async def test_enter_on_a_task_shows_its_entries_for_the_week(service):
    log_week(service)
    app = app_for(service)
    async with app.run_test(size=SIZE) as pilot:
        await open_review(app, pilot)
        await press(pilot, "down", "enter")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, TaskEntriesDialog)
        assert str(dialog.query_one("#entries-task", Static).content) == "Invoices"
        assert rows(dialog.query_one("#entries", DataTable)) == [
            ["Mon 16 Nov", "15:00", "17:00", "2h 00m", ""],
            ["Thu 19 Nov", "09:00", "10:00", "1h 00m", "[b]late[/b] payers"],
        ]
        assert "2 entries · 3h 00m in this week" in str(dialog.query_one("#entries-total", Static).content)
        await press(pilot, "escape")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)


async def test_the_by_day_view_shows_hours_per_day_and_day_totals(service):
    log_week(service)
    app = app_for(service)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        await press(pilot, "down", "d")
        await settle(pilot)
        table = screen.query_one("#by-day", DataTable)
        assert table.display and not screen.query_one("#tasks", DataTable).display
        assert [str(c.label).strip() for c in table.ordered_columns] == [
            "Task", "Mon 16", "Tue 17", "Wed 18", "Thu 19", "Fri 20", "Sat 21", "Sun 22", "Total"]
        assert rows(table) == [
            ["Design", "6h 00m", "·", "·", "·", "·", "·", "·", "6h 00m"],
            ["Invoices", "2h 00m", "·", "·", "1h 00m", "·", "·", "·", "3h 00m"],
            ["Email", "·", "30m", "·", "30m", "·", "·", "·", "1h 00m"],
            ["Day total", "8h 00m", "30m", "·", "1h 30m", "·", "·", "·", "10h 00m"],
        ]
        assert table.cursor_row == 1  # the same task stays selected
        await press(pilot, "space")  # works in this view too
        await settle(pilot)
        assert text(screen, "#summary") == "Highlighted 3h 00m of 10h 00m logged (30%)"
        await press(pilot, "d")
        await settle(pilot)
        assert screen.query_one("#tasks", DataTable).display


async def test_a_running_entry_counts_up_on_the_tick(service, clock):
    service.log.start("Accounts", at="09:00")
    app = app_for(service)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        table = screen.query_one("#tasks", DataTable)
        assert rows(table)[0][2] == "1h 00m"
        clock.advance(minutes=15)
        screen.tick()
        await settle(pilot)
        assert rows(table)[0][2] == "1h 15m"
        assert text(screen, "#summary") == "Highlighted 0m of 1h 15m logged (0%)"


async def test_feeling_kind_candidates_filter_and_sort(service):
    log_week(service)
    app = app_for(service)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        table = screen.query_one("#tasks", DataTable)
        await press(pilot, "down", "down", "f", "f", "c", "c")  # Email: dislike, support
        await settle(pilot)
        assert rows(table)[2][0] == "? candidate"
        assert rows(table)[2][6:8] == ["dislike", "support"]
        await press(pilot, "v", "v")  # candidates only
        await settle(pilot)
        assert [r[1] for r in rows(table)] == ["Email"]
        await press(pilot, "v", "s", "s")  # all tasks, sorted by name
        await settle(pilot)
        assert [r[1] for r in rows(table)] == ["Design", "Email", "Invoices"]
        assert "sorted by name" in text(screen, "#view-line")


def shown_notifications(app) -> list[str]:
    """What the app has notified (as the other app tests read it)."""
    return [n.message for n in app._notifications]


async def test_an_empty_week_says_how_to_start_logging(service, db_path):
    service.log.add("Design", "2026-11-02 09:00", "2026-11-02 10:00")  # two weeks ago: not last week
    service.audit.choose(WEEK)  # this week chosen as the audit period (else it would open on 9 Nov's)
    app = app_for(service)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        assert "Press 1 to go to the Log" in text(screen, "#empty")
        assert text(screen, "#summary") == "Highlighted 0m of 0m logged (0%)"
        before = snapshot(db_path)
        await press(pilot, "space")  # nothing to highlight here: it says so and changes nothing
        await settle(pilot)
        assert shown_notifications(app) == ["Move to a task first."]
        assert snapshot(db_path) == before
        assert isinstance(app.screen, ReviewScreen) and "Press 1 to go to the Log" in text(screen, "#empty")


async def test_task_names_show_literally(service):
    service.log.add("[bold red]Boss[/]", "2026-11-16 09:00", "2026-11-16 10:00")
    app = app_for(service)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        assert rows(screen.query_one("#tasks", DataTable))[0][1] == "[bold red]Boss[/]"


async def test_the_review_follows_the_apps_week_set_elsewhere(service):
    log_week(service)
    app = app_for(service)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        app.period = WEEK.previous()  # what the Grouping screen does to follow or lead
        await settle(pilot)
        assert text(screen, "#week-title") == "Week of Mon 09 Nov 2026"


async def test_highlighted_rows_take_the_themes_accent_and_clicking_a_title_sorts(service):
    log_week(service)
    service.review.toggle_highlight("Email")
    app = app_for(service)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        table = screen.query_one("#tasks", DataTable)
        email = table.get_row("%d" % service.review.week(WEEK).task("Email").task.id)
        accent = app.theme_variables["text-accent"].lower()
        assert email[1].style.color.triplet.hex == accent and email[1].style.bold
        await pilot.click("#tasks", offset=(20, 0))  # the Task column's title
        await settle(pilot)
        assert [r[1] for r in rows(table)] == ["Design", "Email", "Invoices"]


async def test_a_new_week_start_setting_reshapes_the_week(service):
    service.log.add("Planning", "2026-11-15 10:00", "2026-11-15 12:00")  # a Sunday
    service.audit.choose(WEEK)
    app = app_for(service)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        assert text(screen, "#week-title") == "Week of Mon 16 Nov 2026"
        service.settings.set("week_start", "sunday")  # from the shell: the app sees it within a second
        app.data.poll()
        await press(pilot, "1", "2")
        await settle(pilot)
        assert text(screen, "#week-title") == "Week of Sun 15 Nov 2026"
        assert rows(screen.query_one("#tasks", DataTable))[0][5] == "S . . . . . ."
