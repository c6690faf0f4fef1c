"""The holes in a day's log: shown on the Log, summed per day, and a reminder when nothing runs."""

from __future__ import annotations

from datetime import date, datetime, time, timezone

import pytest

from offload.domain.errors import InvalidInput
from offload.domain.gaps import Gap, gaps, unlogged_seconds
from offload.domain.reminder import check_reminder_minutes, check_working_hours, reminder_due_at

H = 3600


def test_a_hole_between_two_entries_is_a_gap_and_a_short_switch_is_not():
    spans = [(9 * H, 10 * H), (10 * H + 40 * 60, 11 * H), (11 * H + 3 * 60, 12 * H)]
    assert gaps(spans, 0, 24 * H) == [Gap(10 * H, 10 * H + 40 * 60)]
    assert unlogged_seconds(spans, 0, 24 * H) == 40 * 60


def test_before_the_first_and_after_the_last_entry_nothing_is_a_gap():
    assert gaps([(9 * H, 10 * H)], 0, 24 * H) == []
    assert gaps([], 0, 24 * H) == []


def test_the_night_after_an_entry_over_midnight_is_not_a_hole_but_the_evening_before_is():
    # Thursday 9:00-17:00, then a night shift Thu 23:00 to Fri 01:30, then Friday from 8:30.
    day = 24 * H
    thursday = [(9 * H, 17 * H), (23 * H, day + 1 * H + 30 * 60)]
    friday = [(23 * H - day, 1 * H + 30 * 60), (8 * H + 30 * 60, 12 * H)]
    assert gaps(thursday, 0, day) == [Gap(17 * H, 23 * H)]  # both began on Thursday
    assert gaps(friday, 0, day) == []  # 01:30-08:30 is sleep after the shift
    # A hole between the day's own entries still counts, with the shift around them.
    friday.append((14 * H, 15 * H))
    assert gaps(friday, 0, day) == [Gap(12 * H, 14 * H)]
    # Only the tail of last night's entry: nothing of the day is logged yet, so no hole.
    assert gaps([(-1 * H, 1 * H)], 0, day) == []


def test_a_day_whose_last_entry_runs_past_midnight_keeps_its_holes():
    day = 24 * H
    thursday = [(9 * H, 12 * H), (13 * H, day + 2 * H)]
    assert gaps(thursday, 0, day) == [Gap(12 * H, 13 * H)]


def test_spans_in_any_order_and_one_inside_another():
    spans = [(13 * H, 14 * H), (9 * H, 12 * H), (10 * H, 11 * H)]
    assert gaps(spans, 0, 24 * H) == [Gap(12 * H, 13 * H)]


@pytest.mark.parametrize("typed, stored", [("9:00-17:30", "09:00-17:30"), ("8-18", "08:00-18:00"),
                                           ("7:15 – 24", "07:15-24:00"), ("9am-5pm", "09:00-17:00"),
                                           ("9:30 AM - 5:45 pm", "09:30-17:45"), ("12pm-1pm", "12:00-13:00")])
def test_working_hours_are_read(typed, stored):
    assert check_working_hours(typed) == stored


@pytest.mark.parametrize("typed", ["17-9", "25:00-26:00", "9:75-10", "soon", "9:00", "9-9", "13pm-2pm", "9-5"])
def test_bad_working_hours_are_refused(typed):
    with pytest.raises(InvalidInput):
        check_working_hours(typed)


@pytest.mark.parametrize("typed, stored", [("", ""), ("off", ""), ("20", "20"), ("30m", "30")])
def test_reminder_minutes(typed, stored):
    assert check_reminder_minutes(typed) == stored


@pytest.mark.parametrize("typed", ["2", "1000", "-5", "ten"])
def test_bad_reminder_minutes_are_refused(typed):
    with pytest.raises(InvalidInput):
        check_reminder_minutes(typed)


def _epoch(h: int, m: int = 0) -> int:
    return int(datetime(2026, 11, 18, h, m, tzinfo=timezone.utc).timestamp())


HOURS = (time(9), time(17, 30))


def test_the_reminder_is_due_minutes_after_the_last_stop_within_working_hours():
    due = reminder_due_at(_epoch(11), "UTC", 20, HOURS, running=False, last_end_epoch=_epoch(10, 30))
    assert due == _epoch(10, 50)


def test_the_first_reminder_of_the_morning_counts_from_the_start_of_the_working_day():
    yesterday_evening = _epoch(0) - 6 * H
    assert reminder_due_at(_epoch(8), "UTC", 20, HOURS, False, yesterday_evening) == _epoch(9, 20)


def test_no_reminder_while_a_task_runs_when_off_or_after_hours():
    assert reminder_due_at(_epoch(11), "UTC", 20, HOURS, True, None) is None
    assert reminder_due_at(_epoch(11), "UTC", None, HOURS, False, None) is None
    assert reminder_due_at(_epoch(18), "UTC", 20, HOURS, False, _epoch(17, 20)) is None


def test_the_log_service_lists_a_days_gaps_and_the_week_strip_counts_them(service, clock):
    service.log.add("Invoices", "8:00", "8:30")
    service.log.add("Calls", "9:10", "9:40")
    gaps_today = service.log.gaps()
    assert [(g.seconds) for g in gaps_today] == [40 * 60]
    today = service.log.today_date()
    strip = {t.day: t.unlogged for t in service.log.week_totals()}
    assert strip[today] == 40 * 60
    assert service.review.week().day_unlogged[service.review.week().days.index(today)] == 40 * 60


def test_an_entry_added_for_another_day_lands_on_that_day(service, clock):
    today = service.log.today_date()
    yesterday = date.fromordinal(today.toordinal() - 1)
    added = service.log.add("Bookkeeping", "9:00", "10:30", day=yesterday)
    assert [e.id for e in service.log.day(yesterday)] == [added.id]
    assert service.log.today() == []


def test_the_reminder_setting_is_off_by_default_and_then_due(service, clock):
    assert service.log.reminder_due_at() is None
    service.settings.set("reminder_minutes", "20")
    service.settings.set("working_hours", "0:00-24")
    service.log.add("Invoices", "9:00", "9:30")
    assert service.log.reminder_due_at() == service.log.day()[0].end_utc + 20 * 60
    service.log.start("Calls")
    assert service.log.reminder_due_at() is None


def test_working_hours_that_end_before_they_start_say_how_to_write_9_to_5():
    with pytest.raises(InvalidInput) as caught:
        check_working_hours("9-5")
    assert "9am-5pm" in caught.value.message
