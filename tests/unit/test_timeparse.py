"""The times people type when fixing the log."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from offload.domain.errors import InvalidInput
from offload.domain.timeparse import parse_date, parse_time

# Friday 20 Nov 2026, 10:00 UTC = 10:00 in London.
NOW = datetime(2026, 11, 20, 10, 0, tzinfo=timezone.utc)


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=timezone.utc)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("9:30", utc(2026, 11, 20, 9, 30)),
        ("09:30", utc(2026, 11, 20, 9, 30)),
        ("14:05", utc(2026, 11, 20, 14, 5)),
        ("yesterday 17:00", utc(2026, 11, 19, 17, 0)),
        ("mon 9:00", utc(2026, 11, 16, 9, 0)),
        ("Friday 8:00", utc(2026, 11, 20, 8, 0)),
        ("sat 9:00", utc(2026, 11, 14, 9, 0)),
        ("2026-11-20 09:00", utc(2026, 11, 20, 9, 0)),
        ("2026-11-20T09:00", utc(2026, 11, 20, 9, 0)),
        ("-15m", utc(2026, 11, 20, 9, 45)),
        ("-1h30m", utc(2026, 11, 20, 8, 30)),
        ("now", NOW),
        # Seconds, as a gap filled from the Log shows its edges (a timer's entries have them).
        ("9:05:37", utc(2026, 11, 20, 9, 5, 37)),
        ("yesterday 17:00:01", utc(2026, 11, 19, 17, 0, 1)),
    ],
)
def test_accepted_forms(text, expected):
    assert parse_time(text, NOW, "Europe/London") == expected


def test_local_time_is_read_in_the_users_zone():
    assert parse_time("9:30", NOW, "America/New_York") == utc(2026, 11, 20, 14, 30)


@pytest.mark.parametrize("text", ["25:99", "9:60", "24:00", "", "   ", "soon", "9", "2026-02-30 10:00",
                                  "-", "-15x", "tomorrow 9:00", "mon", "1:2:3",
                                  "9:05:60", "9:05:7"])
def test_refusals_show_an_accepted_example(text):
    with pytest.raises(InvalidInput) as caught:
        parse_time(text, NOW, "Europe/London")
    assert "9:30" in caught.value.message or "Type a time" in caught.value.message


def test_dates_for_weeks():
    today = NOW.date()
    assert parse_date("2026-11-16", today).isoformat() == "2026-11-16"
    assert parse_date("mon", today).isoformat() == "2026-11-16"
    with pytest.raises(InvalidInput):
        parse_date("2026-13-01", today)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("9am", utc(2026, 11, 20, 9, 0)),
        ("9 am", utc(2026, 11, 20, 9, 0)),
        ("9:30pm", utc(2026, 11, 20, 21, 30)),
        ("9.30 p.m.", utc(2026, 11, 20, 21, 30)),
        ("12am", utc(2026, 11, 20, 0, 0)),
        ("12pm", utc(2026, 11, 20, 12, 0)),
        ("12:15am", utc(2026, 11, 20, 0, 15)),
        ("noon", utc(2026, 11, 20, 12, 0)),
        ("midnight", utc(2026, 11, 20, 0, 0)),
        ("yesterday 5pm", utc(2026, 11, 19, 17, 0)),
        ("mon noon", utc(2026, 11, 16, 12, 0)),
        ("2026-11-18 9:30am", utc(2026, 11, 18, 9, 30)),
    ],
)
def test_am_pm_noon_and_midnight(text, expected):
    assert parse_time(text, NOW, "Europe/London") == expected


@pytest.mark.parametrize("text", ["13pm", "0am", "9:60am", "9xm", "am", "noonish", "12:00 pm pm"])
def test_bad_twelve_hour_times_are_refused_with_an_example(text):
    with pytest.raises(InvalidInput) as caught:
        parse_time(text, NOW, "Europe/London")
    assert "9am" in caught.value.message


def test_a_day_name_after_the_first_day_of_a_span_counts_forward():
    today = NOW.date()  # Friday 20 Nov
    monday = parse_date("mon", today)
    assert parse_date("sun", today, on_or_after=monday).isoformat() == "2026-11-22"
    assert parse_date("mon", today, on_or_after=monday) == monday
    assert parse_date("sun", today).isoformat() == "2026-11-15"  # alone, still the most recent one
