"""The audit period in the app: chosen once on the Review (or the Grouping), saved, and the one the
Grouping, the brief and the plan read; several weeks read as averages a week; how often each task
recurs, set with one key."""

from __future__ import annotations

from datetime import date, datetime, timezone

from textual.widgets import DataTable, Static

from offload.domain.weeks import Period
from offload.tui.app import OffloadApp
from offload.tui.screens.grouping import GroupingScreen
from offload.tui.screens.review import ReviewScreen
from tests.helpers.app import press, settle

SIZE = (120, 36)
AUDIT = Period(date(2026, 11, 16))  # this week under the frozen clock (Fri 20 Nov)


def app_for(service) -> OffloadApp:
    return OffloadApp(service, tick_seconds=3600)


def text(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).content)


def rows(table: DataTable) -> list[list[str]]:
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


def row_of(table: DataTable, name: str) -> list[str]:
    return next(r for r in rows(table) if any(c.lstrip("├└● ").startswith(name) for c in r[:2]))


def two_weeks(service) -> None:
    """Invoices 2h in the week of 9 Nov and 4h in the week of 16 Nov; a newsletter once, in the first."""
    add = service.log.add
    add("Invoices", "2026-11-10 09:00", "2026-11-10 11:00")
    add("Newsletter", "2026-11-12 09:00", "2026-11-12 12:00")
    add("Invoices", "2026-11-16 09:00", "2026-11-16 11:00")
    add("Invoices", "2026-11-18 09:00", "2026-11-18 11:00")
    add("Client work", "2026-11-18 11:00", "2026-11-18 17:00")
    for name in ("Invoices", "Newsletter"):
        service.review.set_highlight(name, True)
    service.grouping.assign("Invoices", "Bookkeeping and accounts")
    service.grouping.assign("Newsletter", "Marketing and newsletters")


async def open_review(app, pilot) -> ReviewScreen:
    await press(pilot, "escape", "2")
    await settle(pilot)
    assert isinstance(app.screen, ReviewScreen)
    return app.screen


async def test_the_period_chosen_on_the_review_is_saved_and_read_by_grouping_brief_and_plan(service):
    two_weeks(service)
    async with app_for(service).run_test(size=SIZE) as pilot:
        app = pilot.app
        screen = await open_review(app, pilot)
        assert text(screen, "#week-title") == "Week of Mon 16 Nov 2026"
        await press(pilot, "plus")  # one week more, added before: 9 to 22 Nov
        await settle(pilot)
        assert text(screen, "#week-title") == "2 weeks, Mon 09 Nov to Sun 22 Nov 2026"
        assert "averages a week" in text(screen, "#week-when")
    chosen = Period(date(2026, 11, 9), 2)
    assert service.audit.period() == chosen  # saved, not only shown
    assert chosen.title() in service.audit.plan()  # `offload plan` reads the same period
    assert chosen.title() in service.audit.brief()

    # A restart: the Review, the Grouping and the brief preview open on the period chosen.
    async with app_for(service).run_test(size=SIZE) as pilot:
        app = pilot.app
        screen = await open_review(app, pilot)
        assert text(screen, "#week-title") == "2 weeks, Mon 09 Nov to Sun 22 Nov 2026"
        await press(pilot, "3")
        await settle(pilot)
        grouping = app.screen
        assert isinstance(grouping, GroupingScreen)
        assert "Audit period: 2 weeks, Mon 09 Nov to Sun 22 Nov 2026 · averages a week" in text(grouping, "#week-title")
        await press(pilot, "b")
        await settle(pilot)
        assert "2 weeks, Mon 09 Nov to Sun 22 Nov 2026" in text(app.screen, "#doc-title")
        await press(pilot, "escape")
        # The Grouping changes it with the same keys: one week less, then a week earlier.
        await press(pilot, "minus")
        await settle(pilot)
        assert "Audit period: Week of Mon 16 Nov 2026" in text(grouping, "#week-title")
        await press(pilot, "left")
        await settle(pilot)
        assert "Audit period: Week of Mon 09 Nov 2026" in text(grouping, "#week-title")
        await press(pilot, "2")
        await settle(pilot)
        assert text(app.screen, "#week-title") == "Week of Mon 09 Nov 2026"
    assert service.audit.period() == Period(date(2026, 11, 9))


async def test_on_the_monday_after_the_audit_week_grouping_shows_its_hours(service, clock):
    two_weeks(service)
    clock.set(datetime(2026, 11, 23, 8, 30, tzinfo=timezone.utc))  # Monday morning, nothing logged yet
    async with app_for(service).run_test(size=SIZE) as pilot:
        app = pilot.app
        await press(pilot, "escape", "3")
        await settle(pilot)
        grouping = app.screen
        assert "Audit period: Week of Mon 16 Nov 2026" in text(grouping, "#week-title")
        sets = grouping.query_one("#sets", DataTable)
        assert row_of(sets, "Bookkeeping and accounts")[1] == "4h 00m"
        assert row_of(sets, "Invoices")[1] == "4h 00m"


async def test_a_two_week_period_reads_as_averages_a_week(service):
    two_weeks(service)
    service.audit.choose(Period(date(2026, 11, 9), 2))
    async with app_for(service).run_test(size=SIZE) as pilot:
        app = pilot.app
        screen = await open_review(app, pilot)
        tasks = screen.query_one("#tasks", DataTable)
        assert str(tasks.ordered_columns[2].label).strip() == "A week"
        invoices = row_of(tasks, "Invoices")
        # 2h + 4h over two weeks: 3h a week, in 1.5 sessions on 1.5 days a week.
        assert invoices[2:6] == ["3h 00m", "40%", "1.5", "1.5"]
        assert text(screen, "#summary") == "Highlighted 4h 30m of 7h 30m a week (60%)"
        assert text(screen, "#freed") == "Handing that over frees about 4h 30m a week."
        await press(pilot, "d")  # by day: each day of the week's average
        await settle(pilot)
        by_day = screen.query_one("#by-day", DataTable)
        assert row_of(by_day, "Invoices")[1:] == ["1h 00m", "1h 00m", "1h 00m", "·", "·", "·", "·", "3h 00m"]
        await press(pilot, "3")
        await settle(pilot)
        sets = app.screen.query_one("#sets", DataTable)
        assert row_of(sets, "Bookkeeping and accounts")[1] == "3h 00m"
        assert row_of(sets, "Marketing and newsletters")[1] == "1h 30m"


async def test_o_cycles_how_often_a_task_recurs_and_the_column_and_month_follow(service):
    two_weeks(service)
    async with app_for(service).run_test(size=SIZE) as pilot:
        app = pilot.app
        screen = await open_review(app, pilot)
        tasks = screen.query_one("#tasks", DataTable)
        assert [c.key.value for c in tasks.ordered_columns][-1] == "often"
        assert row_of(tasks, "Invoices")[-1] == "weekly"
        tasks.move_cursor(row=[r[1] for r in rows(tasks)].index("Invoices"))
        await press(pilot, "o")
        await settle(pilot)
        assert row_of(tasks, "Invoices")[-1] == "monthly"
        assert service.review.week(AUDIT).task("Invoices").frequency == "monthly"
        await press(pilot, "3")
        await settle(pilot)
        # Monthly: the 4h logged in the month is the month's figure (not 4h × 52 / 12).
        assert row_of(app.screen.query_one("#sets", DataTable), "Invoices")[2] == "4h 00m"


async def test_an_empty_week_points_to_the_week_before_with_its_hours(service, clock):
    two_weeks(service)
    clock.set(datetime(2026, 11, 23, 8, 30, tzinfo=timezone.utc))  # Monday: a new week, nothing in it yet
    service.audit.choose(Period(date(2026, 11, 23)))
    async with app_for(service).run_test(size=SIZE) as pilot:
        screen = await open_review(pilot.app, pilot)
        assert text(screen, "#empty") == "Nothing logged this week — ← shows last week (10h 00m)."
        await press(pilot, "left")
        await settle(pilot)
        assert not screen.query_one("#empty").display
        assert text(screen, "#week-title") == "Week of Mon 16 Nov 2026"


async def test_the_by_day_view_shows_each_days_unlogged_time(service):
    add = service.log.add
    add("Invoices", "2026-11-16 09:00", "2026-11-16 10:00")
    add("Email", "2026-11-16 10:40", "2026-11-16 11:00")  # 40 minutes not logged between them
    async with app_for(service).run_test(size=SIZE) as pilot:
        app = pilot.app
        screen = await open_review(app, pilot)
        await press(pilot, "d")
        await settle(pilot)
        by_day = screen.query_one("#by-day", DataTable)
        assert rows(by_day)[-1] == ["Unlogged gaps", "40m", "·", "·", "·", "·", "·", "·", "40m"]
