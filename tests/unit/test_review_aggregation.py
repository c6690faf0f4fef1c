"""The week's aggregation: totals, shares, sessions and local days, read back by SQL."""

from __future__ import annotations

import re

from datetime import date, datetime, timezone

import pytest

from offload.domain.clock import FrozenClock
from offload.domain.weeks import Period
from offload.service import Offload

H = 3600
WEEK = Period(date(2026, 11, 16))  # Mon 16 - Sun 22 Nov 2026, holding the fixture's Friday


def days(report, name: str) -> list[int]:
    return report.task(name).day_seconds


def test_a_hand_made_week(service):
    log = service.log
    log.add("Invoices", "2026-11-16 09:00", "2026-11-16 11:00")
    log.add("Email", "2026-11-16 11:00", "2026-11-16 11:30")
    log.add("Invoices", "2026-11-17 14:00", "2026-11-17 15:00")
    log.add("Email", "2026-11-17 15:00", "2026-11-17 15:30")
    log.add("Email", "2026-11-19 08:00", "2026-11-19 09:00")
    log.add("Invoices", "2026-11-20 08:00", "2026-11-20 09:00")
    report = service.review.week(WEEK)

    assert [t.name for t in report.tasks] == ["Invoices", "Email"]
    invoices, email = report.tasks
    assert invoices.seconds == 4 * H and email.seconds == 2 * H
    assert report.total_seconds == 6 * H
    assert invoices.share == pytest.approx(4 / 6) and email.share == pytest.approx(2 / 6)
    assert (invoices.sessions, email.sessions) == (3, 3)
    assert invoices.day_seconds == [2 * H, H, 0, 0, H, 0, 0]
    assert email.day_seconds == [H // 2, H // 2, 0, H, 0, 0, 0]
    assert invoices.days_seen == 3
    assert report.day_totals == [int(2.5 * H), int(1.5 * H), 0, H, H, 0, 0]
    assert report.days[0] == date(2026, 11, 16) and report.days[-1] == date(2026, 11, 22)


def test_an_entry_over_midnight_splits_between_the_days_and_is_one_session(service):
    service.log.add("Server move", "2026-11-17 22:00", "2026-11-18 02:30")
    task = service.review.week(WEEK).task("Server move")
    assert task.day_seconds[1:3] == [2 * H, int(2.5 * H)]
    assert task.sessions == 1


def test_an_entry_over_the_week_boundary_splits_between_the_weeks(service, clock):
    clock.set(datetime(2026, 11, 24, 12, 0, tzinfo=timezone.utc))
    service.log.add("Backup", "2026-11-22 23:00", "2026-11-23 01:30")
    this = service.review.week(WEEK).task("Backup")
    nxt = service.review.week(WEEK.next()).task("Backup")
    assert this.day_seconds == [0, 0, 0, 0, 0, 0, H]
    assert nxt.day_seconds == [int(1.5 * H), 0, 0, 0, 0, 0, 0]
    assert this.sessions == nxt.sessions == 1
    assert service.review.week(WEEK.previous()).tasks == []


def test_dst_weeks_in_new_york_have_a_25_and_a_23_hour_day(db_path):
    clock = FrozenClock(datetime(2027, 3, 20, 12, 0, tzinfo=timezone.utc), "America/New_York")
    svc = Offload.open(db_path, clock)
    try:
        # Clocks go back on Sun 1 Nov 2026 (a 25-hour day) and forward on Sun 14 Mar 2027 (23 hours).
        svc.log.add("Night shift", "2026-10-31 12:00", "2026-11-02 00:00")
        autumn = svc.review.week(Period(date(2026, 10, 26))).task("Night shift")
        assert autumn.day_seconds == [0, 0, 0, 0, 0, 12 * H, 25 * H]
        assert autumn.seconds == 37 * H

        svc.log.add("Night shift", "2027-03-14 00:00", "2027-03-15 00:00")
        spring = svc.review.week(Period(date(2027, 3, 8))).task("Night shift")
        assert spring.day_seconds == [0, 0, 0, 0, 0, 0, 23 * H]
    finally:
        svc.close()


def test_week_start_sunday_or_monday_decides_where_a_sunday_falls(service):
    service.log.add("Planning", "2026-11-15 10:00", "2026-11-15 12:00")  # Sunday
    service.log.add("Invoices", "2026-11-16 09:00", "2026-11-16 10:00")  # Monday
    monday_week = service.review.week()
    assert monday_week.start == date(2026, 11, 16)
    assert [t.name for t in monday_week.tasks] == ["Invoices"]

    service.settings.set("week_start", "sunday")
    sunday_week = service.review.week()
    assert sunday_week.start == date(2026, 11, 15)
    assert sunday_week.task("Planning").day_seconds == [2 * H, 0, 0, 0, 0, 0, 0]
    assert sunday_week.task("Invoices").day_seconds == [0, H, 0, 0, 0, 0, 0]
    assert service.review.this_week().title() == "Week of Sun 15 Nov 2026"


def test_a_running_entry_counts_up_to_now(service, clock):
    service.log.start("Accounts", at="08:00")
    assert service.review.week().task("Accounts").seconds == 2 * H
    clock.advance(minutes=30)
    report = service.review.week()
    assert report.task("Accounts").seconds == int(2.5 * H)
    assert report.task("Accounts").day_seconds[4] == int(2.5 * H)
    assert report.task("Accounts").sessions == 1


def test_a_running_entry_from_last_week_counts_in_both_weeks(service, clock):
    clock.set(datetime(2026, 11, 15, 22, 0, tzinfo=timezone.utc))
    service.log.start("Deploy")
    clock.set(datetime(2026, 11, 16, 3, 0, tzinfo=timezone.utc))
    assert service.review.week(WEEK.previous()).task("Deploy").seconds == 2 * H
    assert service.review.week(WEEK).task("Deploy").seconds == 3 * H


def test_travel_each_entry_counts_on_the_local_day_where_it_was_logged(service, clock):
    service.log.add("Invoices", "2026-11-16 09:00", "2026-11-16 10:00")  # London
    clock.zone = "America/New_York"
    # 22:00-23:30 on Wednesday in New York is 03:00-04:30 on Thursday in London.
    service.log.add("Client dinner", "2026-11-18 22:00", "2026-11-18 23:30")
    clock.zone = "Asia/Tokyo"
    # 07:00-08:00 on Monday 23 Nov in Tokyo is still Sunday 22 Nov in London: next week here.
    clock.set(datetime(2026, 11, 24, 12, 0, tzinfo=timezone.utc))
    service.log.add("Flight notes", "2026-11-23 07:00", "2026-11-23 08:00")
    clock.zone = "Europe/London"
    report = service.review.week(WEEK)
    assert report.task("Client dinner").day_seconds == [0, 0, int(1.5 * H), 0, 0, 0, 0]
    assert report.task("Flight notes") is None
    assert service.review.week(WEEK.next()).task("Flight notes").day_seconds[0] == H
    assert report.total_seconds == int(2.5 * H)


def test_the_week_query_reads_only_the_weeks_entries_by_the_start_index(service):
    # The statements the Review really runs, caught as SQLite runs them (values bound), and
    # each one's plan: every read of the entries goes through the start index, none scans them.
    for week in (WEEK.previous().previous(), WEEK.previous(), WEEK):
        service.log.add("Invoices", f"{week.start} 09:00", f"{week.start} 10:00")
    conn = service.ctx.store.conn
    ran: list[str] = []
    conn.set_trace_callback(ran.append)
    try:
        report = service.review.week(WEEK)
    finally:
        conn.set_trace_callback(None)
    assert report.total_seconds == H
    reading = [sql for sql in ran if re.search(r"\b(FROM|JOIN)\s+entries\b", sql)]
    assert len(reading) >= 2, ran  # the day sums and the sessions at least
    for sql in reading:
        # The names the entries table goes by in this statement (`entries`, `FROM entries e`).
        names = {"entries"} | {m.group(1) for m in re.finditer(r"\b(?:FROM|JOIN)\s+entries\s+(?:AS\s+)?(\w+)", sql)
                               if m.group(1).upper() not in SQL_WORDS}
        plan = [r[3] for r in conn.execute("EXPLAIN QUERY PLAN " + sql).fetchall()]
        scans = [step for step in plan if step.split()[:2] in (["SCAN", n] for n in names)]
        by_start = [step for step in plan if "USING INDEX entries_start" in step or "USING COVERING INDEX entries_start" in step]
        assert by_start and not scans, (sql, plan)


SQL_WORDS = {"WHERE", "JOIN", "ON", "LEFT", "INNER", "CROSS", "GROUP", "ORDER", "LIMIT", "UNION", "USING", "NATURAL"}


def test_highlight_and_marks_show_in_the_report(service):
    service.log.add("Invoices", "2026-11-16 09:00", "2026-11-16 11:00")
    service.log.add("Email", "2026-11-16 11:00", "2026-11-16 12:00")
    service.review.toggle_highlight("invoices")
    service.review.set_feeling("Email", "dislike")
    service.review.set_kind("Email", "support")
    report = service.review.week(WEEK)
    assert report.highlighted_seconds == 2 * H
    assert report.task("Invoices").highlighted
    assert report.task("Email").candidate
    service.review.toggle_highlight("Email")
    assert not service.review.week(WEEK).task("Email").candidate
