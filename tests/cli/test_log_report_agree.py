"""`offload log` and `offload report` agree for any period: each entry counts in its own
zone's days, cut at the period's edges (a running timer up to now)."""

from __future__ import annotations

import json

import pytest


NOW = "2026-11-27T12:00:00Z"  # Friday of the week after the one looked at


@pytest.fixture
def run(cli, monkeypatch):  # the shared in-process command, a week later, in a chosen zone
    def run(*args: str, zone: str = "Europe/London"):
        monkeypatch.setenv("OFFLOAD_TZ", zone)
        code, out, err = cli(*args, at=NOW)
        assert code == 0, err
        return out

    return run


def report_seconds(run, *period: str) -> int:
    return json.loads(run("report", *period, "--format", "json"))["total_seconds"]


def log_total(run, *period: str) -> str:
    return run("log", *period).rstrip().splitlines()[-1]


def test_an_evening_in_new_york_counts_on_its_own_sunday_and_an_entry_over_the_edge_is_cut(run):
    # Sunday 22 Nov 20:00-23:00 in New York is Monday 01:00-04:00 in London.
    run("add", "Client call", "--from", "2026-11-22 20:00", "--to", "2026-11-22 23:00", zone="America/New_York")
    # Sunday 15 Nov 23:00 to Monday 02:00: one hour in the week before, two in this one.
    run("add", "Backups", "--from", "2026-11-15 23:00", "--to", "2026-11-16 02:00")
    week = ("--week", "2026-11-16")
    out = run("log", *week)
    assert "\nSun 22 Nov\n" in out and "20:00–23:00 EST   3h 00m  Client call" in out
    assert "23:00–02:00   2h 00m  Backups  (3h 00m in all)" in out  # ...counting its part in the week
    assert log_total(run, *week) == "2 entries, 5h 00m"
    assert report_seconds(run, *week) == 5 * 3600
    next_week = ("--week", "2026-11-23")
    assert "Client call" not in run("log", *next_week)
    assert run("log", *next_week).endswith("Nothing logged.\n")
    assert report_seconds(run, *next_week) == 0
    before = ("--week", "2026-11-09")
    assert log_total(run, *before) == "1 entry, 1h 00m"
    assert report_seconds(run, *before) == 3600


def test_a_timer_running_for_weeks_counts_only_each_week_s_part(run):
    run("start", "Audit", "--at", "2026-10-28 09:00")
    last_week = ("--week", "2026-11-16")
    assert log_total(run, *last_week) == "1 entry, 168h 00m"
    assert report_seconds(run, *last_week) == 168 * 3600
    # This week so far: Monday 00:00 to Friday 12:00.
    assert log_total(run) == "1 entry, 108h 00m"
    assert report_seconds(run) == 108 * 3600
    assert "\nMon 23 Nov\n" in run("log")  # begun before the week: under the week's first day


@pytest.mark.parametrize("first,last", [("2026-11-16", "2026-11-18"), ("2026-11-22", "2026-11-23")])
def test_a_span_of_days_counts_as_the_report_counts_those_days(run, first, last):
    run("add", "Client call", "--from", "2026-11-22 20:00", "--to", "2026-11-22 23:00", zone="America/New_York")
    run("add", "Backups", "--from", "2026-11-15 23:00", "--to", "2026-11-16 02:00")
    run("add", "Late", "--from", "2026-11-18 23:30", "--to", "2026-11-19 00:30")
    rows = json.loads(run("report", "--week", first, "--by", "day", "--format", "json"))["rows"]
    rows += json.loads(run("report", "--week", last, "--by", "day", "--format", "json"))["rows"]
    by_day = {r["day"]: r["seconds"] for r in rows}
    from datetime import date, timedelta

    days = [date.fromisoformat(first) + timedelta(days=i)
            for i in range((date.fromisoformat(last) - date.fromisoformat(first)).days + 1)]
    expected = sum(by_day[d.isoformat()] for d in days)
    from offload.domain.format import duration

    assert log_total(run, "--from", first, "--to", last).endswith(f", {duration(expected)}")
