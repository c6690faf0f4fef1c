"""The week at a glance, as computed: which entry each cell of each day shows, the hours and
resolution that fit the width, and what each day says about focus (domain/timeline.py)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from offload.domain.day_clock import missing_spans
from offload.domain.timeline import NOBODY, broken_up, cut, lay_out
from offload.store.rows import EntryRow
from tests.helpers import timeline_week as week

NOW = week.utc("2026-11-20 10:00")


def grid(cells: int, entries=None, days=None, zone=week.ZONE):
    days = days or week.DAYS
    pieces = cut(entries or week.entries(), days, NOW)
    return lay_out(pieces, days, cells, week.is_core, missing_spans(days, zone))


def shown(row, cells: range) -> list[int]:
    """The entry ids a day's cells show (NOBODY for an empty cell)."""
    ids = [e.id for e in week.entries()]
    return [NOBODY if row.owners[c] == NOBODY else ids[row.owners[c]] for c in cells]


def test_thirty_minute_cells_when_the_whole_day_must_fit_in_about_sixty_columns():
    g = grid(61)
    # Entries run from just after midnight (Wednesday, Sunday) to midnight (Tuesday, Saturday).
    assert (g.first_hour, g.last_hour, g.step, g.cells) == (0, 24, 30 * 60, 48)
    monday = g.rows[0]
    # 09:00-11:00 design; 11:00-11:30 mostly the 20-minute email; then design until 12:30;
    # nothing over lunch; 13:30 the email; design 14:00-17:00; nothing after.
    assert shown(monday, range(18, 37)) == [11] * 4 + [12] + [13] * 2 + [NOBODY] * 2 + [14] + [15] * 6 + [NOBODY] * 3


def test_fifteen_minute_cells_at_twice_the_width():
    g = grid(141)
    assert (g.first_hour, g.last_hour, g.step, g.cells) == (0, 24, 15 * 60, 96)
    monday = g.rows[0]
    # 11:00-11:15 the email alone; 11:15-11:30 has 5 minutes of it and 10 of design: design.
    assert shown(monday, range(36, 48)) == [11] * 8 + [12] + [13] * 3


def test_an_entry_over_midnight_is_drawn_on_both_days():
    for cells, step in ((61, 30), (141, 15)):
        g = grid(cells)
        per_hour = 60 // step
        tuesday, wednesday = g.rows[1], g.rows[2]
        # Tuesday 21:30 to midnight, Wednesday midnight to 01:30.
        assert shown(tuesday, range(21 * per_hour + per_hour // 2, 24 * per_hour)) == [25] * (5 * per_hour // 2)
        assert shown(tuesday, range(21 * per_hour, 21 * per_hour + per_hour // 2)) == [NOBODY] * (per_hour // 2)
        assert shown(wednesday, range(0, 3 * per_hour // 2)) == [25] * (3 * per_hour // 2)
        assert wednesday.owners[3 * per_hour // 2] == NOBODY
        # Saturday 23:00 into Sunday 00:30.
        saturday, sunday = g.rows[5], g.rows[6]
        assert shown(saturday, range(23 * per_hour, 24 * per_hour)) == [61] * per_hour
        assert shown(sunday, range(0, per_hour // 2)) == [61] * (per_hour // 2)


def test_the_hour_that_happens_twice_is_shared_by_both_times_in_it():
    """Sunday 25 Oct: 01:00 BST-01:00 GMT is the first 1 o'clock, drawn in the first half of
    the 01:00 column; 01:00-03:00 GMT from its middle to 03:00, and 03:00 GMT on at 03:00."""
    g = grid(61)
    sunday = g.rows[6]
    assert shown(sunday, range(0, 9)) == [61, NOBODY, 71, 72, 72, 72, 73, 73, NOBODY]
    g = grid(141)
    sunday = g.rows[6]
    assert shown(sunday, range(0, 17)) == [61, 61, NOBODY, NOBODY, 71, 71] + [72] * 6 + [73] * 4 + [NOBODY]


def test_the_hour_that_never_happens_is_marked_and_the_clock_after_it_is_right():
    """New York, Sunday 8 Mar 2026: 02:00 EST jumps to 03:00 EDT."""
    zone = "America/New_York"
    days = [date(2026, 3, 2) + timedelta(days=i) for i in range(7)]
    sunday = days[6]

    def at(hour: int, minute: int = 0) -> int:
        from datetime import datetime
        from zoneinfo import ZoneInfo

        return int(datetime(2026, 3, 8, hour, minute, tzinfo=ZoneInfo(zone)).timestamp())

    entries = [EntryRow(1, 1, "Client design", at(0), at(1, 30), zone, ""),
               EntryRow(2, 2, "Customer emails", at(3, 30), at(5), zone, "")]
    g = lay_out(cut(entries, days, NOW), days, 61, lambda t: t == 1, missing_spans(days, zone))
    assert (g.first_hour, g.last_hour, g.step) == (0, 5, 5 * 60)
    row = g.rows[6]
    assert row.day == sunday
    owners = ["d" if o == 0 else "e" if o == 1 else "." for o in row.owners]
    # Design 00:00-01:30, nothing until 03:30 (02:00-03:00 never happened), emails to 05:00.
    assert "".join(owners) == "d" * 18 + "." * 24 + "e" * 18
    # 02:00-03:00 never happened that day; the other days' are ordinary.
    assert [c for c, m in enumerate(row.missing) if m] == list(range(24, 36))
    assert not any(g.rows[0].missing)
    # Real time, not the clock: the 30-minute gap across the jump is 30 minutes.
    assert row.longest_core == 90 * 60


def test_hours_shown_fit_the_data_rounded_out():
    days = week.DAYS
    entries = [EntryRow(1, 1, "Client design", week.local("2026-10-20 09:20"), week.local("2026-10-20 16:10"),
                        week.ZONE, "")]
    g = lay_out(cut(entries, days, NOW), days, 61)
    assert (g.first_hour, g.last_hour) == (9, 17)
    assert g.step == 10 * 60  # 8 hours in 61 cells: 48 cells of 10 minutes
    g = lay_out(cut(entries, days, NOW), days, 141)
    assert g.step == 5 * 60
    tuesday = g.rows[1]
    # 09:20 is the fifth cell of 5 minutes; 16:10 ends the 86th.
    assert [c for c, o in enumerate(tuesday.owners) if o != NOBODY] == list(range(4, 86))


@pytest.mark.parametrize("cells", [61, 141])
def test_switches_and_the_longest_stretch_of_core_work(cells):
    g = grid(cells)
    h = 3600
    assert [r.switches for r in g.rows] == [4, 4, 2, 0, 0, 0, 3]
    assert [r.longest_core for r in g.rows] == [3 * h, int(2.5 * h), h * 2 + 50 * 60, 0, 0, h, h]


def test_a_gap_of_more_than_a_minute_ends_a_stretch_of_core_work_but_a_few_seconds_do_not():
    days = week.DAYS
    t = week.local("2026-10-19 09:00")
    touching = [EntryRow(1, 1, "A", t, t + 3600, week.ZONE, ""), EntryRow(2, 1, "A", t + 3630, t + 7200, week.ZONE, "")]
    apart = [EntryRow(1, 1, "A", t, t + 3600, week.ZONE, ""), EntryRow(2, 1, "A", t + 3700, t + 7200, week.ZONE, "")]
    core = lambda task: True  # noqa: E731
    assert lay_out(cut(touching, days, NOW), days, 61, core).rows[0].longest_core == 7200 - 30
    assert lay_out(cut(apart, days, NOW), days, 61, core).rows[0].longest_core == 3600


def test_what_broke_up_core_work():
    pieces = cut(week.entries(), week.DAYS, NOW)
    sets = {"Customer emails": [week.EMAILS], "Bookkeeping": [week.INVOICES], "Admin": [week.PLANNING]}
    # Monday twice; Tuesday once (the email and planning between two design stretches; the
    # invoices before the first design do not count); Wednesday's email comes after Tuesday's
    # overnight design, but on a new day, the overnight part and the morning are both core;
    # Sunday once, emails and invoices in the same run.
    assert broken_up(pieces, week.is_core, sets) == {"Customer emails": 5, "Bookkeeping": 1, "Admin": 1}


def test_a_running_entry_lasts_until_now_and_an_empty_period_has_no_cells():
    days = week.DAYS
    start = week.local("2026-10-21 14:00")
    now = week.local("2026-10-21 15:10")
    g = lay_out(cut([EntryRow(1, 1, "A", start, None, week.ZONE, "")], days, now), days, 61)
    assert (g.first_hour, g.last_hour, g.step) == (14, 16, 2 * 60)
    assert [c for c, o in enumerate(g.rows[2].owners) if o != NOBODY] == list(range(0, 35))
    empty = lay_out(cut([], days, now), days, 61)
    assert empty.empty and len(empty.rows) == 7


def test_a_zero_second_entry_draws_nothing_and_a_thirty_day_entry_fills_every_day():
    days = week.DAYS
    t = week.local("2026-10-20 09:00")
    g = lay_out(cut([EntryRow(1, 1, "A", t, t, week.ZONE, "")], days, NOW), days, 61)
    assert g.empty and g.rows[1].switches == 0
    long = EntryRow(1, 1, "A", t - 10 * 86400, t + 20 * 86400, week.ZONE, "")
    g = lay_out(cut([long], days, NOW), days, 61)
    assert (g.first_hour, g.last_hour, g.cells) == (0, 24, 48)
    assert all(o == 0 for row in g.rows for o in row.owners)


# --- the plan's lines ------------------------------------------------------------------------------
def test_the_plan_says_which_skill_sets_broke_up_core_work(service):
    from offload.domain.weeks import Period

    week.write(service)
    service.grouping.assign("Customer emails", "Customer support", create=True)
    service.grouping.assign("Invoices", "Bookkeeping", create=True)
    service.grouping.create("Website")
    plan = service.audit.plan(Period(week.MONDAY))
    assert "- Customer support broke up your core work 5 times in the week.\n" \
           "- Bookkeeping broke up your core work once in the week.\n" in plan
    assert "Website broke" not in plan  # a set that never came between core work gets no line
    two = service.audit.plan(Period(week.MONDAY - timedelta(days=7), 2))
    assert "- Customer support broke up your core work 5 times in the 2 weeks." in two


def test_the_plan_asks_for_core_work_when_none_is_marked(service):
    from offload.domain.weeks import Period

    week.write(service)
    service.review.set_kind("Client design", "")
    service.grouping.assign("Customer emails", "Customer support", create=True)
    plan = service.audit.plan(Period(week.MONDAY))
    assert "No core work in the audit period: mark the work that earns your revenue as core" in plan
    assert "broke up" not in plan
