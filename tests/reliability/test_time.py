"""Time: DST both ways in three zones, midnight, month and year end, leap day, week starts,
a traveller's entries, and times that cannot be logged (the future, before 1970)."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from offload.domain.clock import FrozenClock
from offload.domain.errors import InvalidInput
from offload.domain.weeks import week_of
from offload.service import Offload

from tests.helpers.db import snapshot

H = 3600

# (zone, the Sunday the clocks change, hours in that local day)
DST_DAYS = [
    ("America/New_York", date(2026, 3, 8), 23),
    ("America/New_York", date(2026, 11, 1), 25),
    ("Europe/London", date(2026, 3, 29), 23),
    ("Europe/London", date(2026, 10, 25), 25),
    ("Australia/Sydney", date(2026, 10, 4), 23),
    ("Australia/Sydney", date(2026, 4, 5), 25),
]


def _service(tmp_path, zone: str, now: datetime) -> Offload:
    return Offload.open(tmp_path / "offload.db", FrozenClock(now, zone))


@pytest.mark.parametrize("zone,day,hours", DST_DAYS, ids=[f"{z}-{d}" for z, d, _ in DST_DAYS])
def test_dst_day_entry_durations_day_and_week_totals(tmp_path, zone: str, day: date, hours: int) -> None:
    svc = _service(tmp_path, zone, datetime(2026, 12, 20, tzinfo=timezone.utc))
    try:
        # 00:00 to 06:00 by the wall clock spans the change: an hour less or more was worked.
        early = svc.log.add("Night shift", f"{day} 00:00", f"{day} 06:00")
        assert early.end_utc - early.start_utc == (6 + hours - 24) * H
        svc.log.add("Rest of the day", f"{day} 06:00", f"{day.replace(day=day.day + 1)} 00:00")
        for week_start in (0, 6):  # Monday and Sunday weeks
            report = svc.review.week(week_of(day, week_start))
            index = report.days.index(day)
            assert report.day_totals[index] == hours * H
            assert sum(report.day_totals) == hours * H == report.total_seconds
            assert report.task("Night shift").seconds == (6 + hours - 24) * H
        # The Log's week strip reads the same totals.
        totals = {t.day: t.seconds for t in svc.log.week_totals(day)}
        assert totals[day] == hours * H
    finally:
        svc.close()


# London's clocks go from 01:00 to 02:00 that Sunday, Paris's from 02:00 to 03:00.
@pytest.mark.parametrize("zone,typed,day", [
    ("Europe/London", ("2026-03-29 01:15", "2026-03-29 02:00"), "Sun 29 Mar 2026"),
    ("Europe/Paris", ("2026-03-29 02:15", "2026-03-29 03:00"), "Sun 29 Mar 2026"),
    ("America/New_York", ("2026-03-08 02:30", "2026-03-08 04:00"), "Sun 08 Mar 2026"),
])
def test_a_time_skipped_by_the_spring_change_is_refused_as_not_existing_that_day(tmp_path, zone, typed, day) -> None:
    svc = _service(tmp_path, zone, datetime(2026, 12, 20, tzinfo=timezone.utc))
    try:
        before = snapshot(svc.path)
        with pytest.raises(InvalidInput) as refused:
            svc.log.add("Calls", *typed)  # that start never happened: it is not 03:15, and not the end's fault
        text = refused.value.message
        assert f"'{typed[0]}' does not exist on {day} in {zone}" in text and "end" not in text
        assert snapshot(svc.path) == before
        with pytest.raises(InvalidInput, match="does not exist"):
            svc.log.add("Calls", "2026-03-01 09:00", typed[0])  # as an end too
    finally:
        svc.close()


def test_an_hour_repeated_by_the_autumn_change_counts_twice_in_a_long_entry(tmp_path) -> None:
    svc = _service(tmp_path, "Europe/London", datetime(2026, 12, 20, tzinfo=timezone.utc))
    try:
        entry = svc.log.add("Stocktake", "2026-10-25 00:30", "2026-10-25 03:30")
        assert entry.end_utc - entry.start_utc == 4 * H
    finally:
        svc.close()


@pytest.mark.parametrize("week_start", [0, 6], ids=["monday", "sunday"])
def test_an_entry_over_midnight_counts_on_both_days(tmp_path, week_start: int) -> None:
    svc = _service(tmp_path, "Europe/London", datetime(2026, 11, 27, 12, tzinfo=timezone.utc))
    try:
        svc.log.add("Late invoices", "2026-11-18 23:00", "2026-11-19 01:00")
        report = svc.review.week(week_of(date(2026, 11, 18), week_start))
        i = report.days.index(date(2026, 11, 18))
        assert report.day_totals[i] == H and report.day_totals[i + 1] == H
        assert report.total_seconds == 2 * H
    finally:
        svc.close()


def test_an_entry_over_the_midnight_between_two_weeks_splits_between_them(tmp_path) -> None:
    svc = _service(tmp_path, "Europe/London", datetime(2026, 11, 27, 12, tzinfo=timezone.utc))
    try:
        svc.log.add("Backups", "2026-11-15 23:00", "2026-11-16 02:00")  # Sunday night into Monday
        monday_weeks = [svc.review.week(week_of(date(2026, 11, d), 0)).total_seconds for d in (15, 16)]
        assert monday_weeks == [H, 2 * H]
        sunday_week = svc.review.week(week_of(date(2026, 11, 15), 6))
        assert sunday_week.total_seconds == 3 * H and sunday_week.day_totals[:2] == [H, 2 * H]
    finally:
        svc.close()


def test_month_end(tmp_path) -> None:
    svc = _service(tmp_path, "Europe/London", datetime(2026, 12, 5, tzinfo=timezone.utc))
    try:
        svc.log.add("Payroll", "2026-11-30 23:30", "2026-12-01 00:30")
        report = svc.review.week(week_of(date(2026, 11, 30), 0))
        assert report.day_totals[:2] == [1800, 1800]
    finally:
        svc.close()


@pytest.mark.parametrize("week_start,first", [(0, date(2026, 12, 28)), (6, date(2026, 12, 27))])
def test_year_end(tmp_path, week_start: int, first: date) -> None:
    svc = _service(tmp_path, "Europe/London", datetime(2027, 1, 3, 12, tzinfo=timezone.utc))
    try:
        svc.log.add("Year-end accounts", "2026-12-31 22:00", "2027-01-01 01:00")
        report = svc.review.week(week_of(date(2027, 1, 1), week_start))
        assert report.start == first
        by_day = dict(zip(report.days, report.day_totals))
        assert by_day[date(2026, 12, 31)] == 2 * H and by_day[date(2027, 1, 1)] == H
    finally:
        svc.close()


def test_leap_day(tmp_path) -> None:
    svc = _service(tmp_path, "Australia/Sydney", datetime(2028, 3, 3, tzinfo=timezone.utc))
    try:
        svc.log.add("Quarterly tax", "2028-02-29 09:00", "2028-02-29 17:00")
        svc.log.add("Overnight", "2028-02-28 23:00", "2028-02-29 01:00")
        report = svc.review.week(week_of(date(2028, 2, 29), 0))
        by_day = dict(zip(report.days, report.day_totals))
        assert by_day[date(2028, 2, 29)] == 9 * H and by_day[date(2028, 2, 28)] == H
        before = snapshot(svc.path)
        with pytest.raises(InvalidInput) as refused:
            svc.log.add("Nope", "2027-02-29 09:00", "2027-02-29 10:00")
        assert "no such date" in refused.value.message
        assert snapshot(svc.path) == before
    finally:
        svc.close()


def test_week_start_setting_moves_sunday(tmp_path) -> None:
    svc = _service(tmp_path, "Europe/London", datetime(2026, 11, 22, 18, tzinfo=timezone.utc))
    try:
        svc.log.add("Weekend catch-up", "2026-11-22 10:00", "2026-11-22 11:00")  # a Sunday
        monday = svc.log.week_totals()
        assert monday[0].day == date(2026, 11, 16) and monday[6].seconds == H
        svc.settings.set("week_start", "sunday")
        sunday = svc.log.week_totals()
        assert sunday[0].day == date(2026, 11, 22) and sunday[0].seconds == H
        assert svc.review.this_week().start == date(2026, 11, 22)
    finally:
        svc.close()


def test_a_traveller_s_entries_count_on_the_day_where_they_were_logged(tmp_path) -> None:
    clock = FrozenClock(datetime(2026, 11, 16, 23, 30, tzinfo=timezone.utc), "Europe/London")
    svc = Offload.open(tmp_path / "offload.db", clock)
    try:
        svc.log.add("Invoices", "22:00", "23:00")  # Monday evening in London
        clock.set(datetime(2026, 11, 18, 1, 0, tzinfo=timezone.utc))
        clock.zone = "Asia/Tokyo"  # flew to Tokyo: Wednesday 10:00 there
        tokyo = svc.log.add("Client visit", "08:00", "09:00")  # Wednesday in Tokyo, Tuesday in London
        assert tokyo.tz == "Asia/Tokyo"
        clock.zone = "Europe/London"  # back home, looking at the week
        clock.set(datetime(2026, 11, 20, 12, tzinfo=timezone.utc))
        report = svc.review.week(week_of(date(2026, 11, 16), 0))
        assert report.task("Invoices").day_seconds == [H, 0, 0, 0, 0, 0, 0]
        assert report.task("Client visit").day_seconds == [0, 0, H, 0, 0, 0, 0]
        assert report.total_seconds == 2 * H
    finally:
        svc.close()


@pytest.mark.parametrize(
    "call",
    [
        lambda s: s.log.start("Invoices", at="23:59"),
        lambda s: s.log.edit(1, end="23:00"),
        lambda s: s.log.add("Invoices", "11:00", "23:59"),
        lambda s: s.log.add("Invoices", "2027-01-01 09:00", "2027-01-01 10:00"),
        lambda s: s.log.stop(at="23:00"),
        lambda s: s.log.add("Invoices", "1969-12-31 09:00", "1969-12-31 10:00"),
        lambda s: s.log.add("Invoices", "1970-01-01 00:10", "1970-01-01 00:50"),  # London was UTC+1 then
        lambda s: s.log.start("Invoices", at="-999999h"),
    ],
    ids=["start-future", "edit-end-future", "add-end-future", "add-future", "stop-future", "before-1970", "local-1970-before-epoch",
         "far-back"],
)
def test_times_that_cannot_be_logged_are_refused_with_a_message(tmp_path, call) -> None:
    svc = _service(tmp_path, "Europe/London", datetime(2026, 11, 20, 12, tzinfo=timezone.utc))
    try:
        svc.log.add("Earlier", "8:00", "8:30")
        svc.log.start("Running", at="9:00")
        before = snapshot(svc.path)
        with pytest.raises(InvalidInput) as refused:
            call(svc)
        text = refused.value.message
        assert "future" in text or "1970" in text or "far back" in text, text
        assert snapshot(svc.path) == before
    finally:
        svc.close()


TOGGL_HEAD = "User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags\n"


@pytest.mark.parametrize("fmt,text", [
    ("csv", "task,start,end\nCalls,2026-03-29T01:30:00,2026-03-29T02:30:00\n"),  # the start skipped
    ("csv", "task,start,end\nCalls,2026-03-29T00:30:00,2026-03-29T01:30:00\n"),  # the end skipped
    ("toggl", TOGGL_HEAD + "Sam,s@x,,Calls,,,No,2026-03-29,01:30:00,2026-03-29,02:30:00,00:30:00,\n"),
])
def test_an_imported_local_time_skipped_by_the_spring_change_is_a_bad_row(tmp_path, fmt, text) -> None:
    """Not moved an hour (then "the end is not after the start", or a shorter entry in silence)."""
    from offload.domain.importers import BadRows

    svc = _service(tmp_path, "Europe/London", datetime(2026, 12, 20, tzinfo=timezone.utc))
    try:
        before = snapshot(svc.path)
        with pytest.raises(BadRows) as refused:
            svc.interop.import_text(text, "week", fmt=fmt, zone="Europe/London")
        problems = " ".join(str(p) for p in refused.value.problems)
        assert "does not exist" in problems and "Europe/London" in problems, problems
        assert "not after the start" not in problems
        assert snapshot(svc.path) == before
    finally:
        svc.close()
