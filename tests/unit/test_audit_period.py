"""The audit period is chosen once, saved, and is what the Grouping, the brief and the plan read;
each task's frequency is saved and drives the monthly figures."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from offload.domain.errors import InvalidInput, NotFound
from offload.domain.weeks import Period
from offload.service import Offload
from tests.helpers.db import snapshot
from tests.helpers.weeks import log_week

AUDIT_WEEK = Period(date(2026, 11, 16))
MONDAY_AFTER = datetime(2026, 11, 23, 8, 0, tzinfo=timezone.utc)


@pytest.fixture
def audited(service):
    """The hand-made week of Mon 16 Nov, grouped, with a rate and the owner's value."""
    log_week(service)
    service.grouping.assign("Invoices", "Bookkeeping and accounts")
    service.grouping.assign("Payroll", "Bookkeeping and accounts")
    service.grouping.update("Bookkeeping and accounts", rate="30")
    service.settings.set("hourly_value", "80")
    return service


def test_the_period_survives_a_restart_and_is_the_one_grouping_brief_and_plan_use(audited, db_path, clock):
    audited.audit.choose(AUDIT_WEEK)
    audited.close()
    clock.set(MONDAY_AFTER)  # a new week: its Monday morning, the owner already at work
    again = Offload.open(db_path, clock)
    again.log.start("Customer emails")
    clock.advance(minutes=30)
    try:
        assert again.audit.period() == AUDIT_WEEK
        view = again.grouping.view()
        assert view.week == AUDIT_WEEK
        assert view.set("Bookkeeping and accounts").seconds == 3.5 * 3600  # not this week's 0 h
        brief = again.grouping.brief("Bookkeeping and accounts")
        assert "week of Mon 16 Nov 2026" in brief and "| Invoices | weekly | 2.5 | 2 | 1h 15m | 10.8 |" in brief
        plan = again.audit.plan()
        assert "week of Mon 16 Nov 2026" in plan
        assert "| Bookkeeping and accounts | 3.5 | 15.1 | EUR 30.00/h | EUR 453.00 | EUR 1,208.00 | EUR 755.00 |" \
            in plan
    finally:
        again.close()


def test_on_the_monday_after_with_no_period_chosen_the_full_week_is_used(audited, clock):
    clock.set(MONDAY_AFTER)  # nothing logged yet this week
    assert audited.audit.period() == AUDIT_WEEK
    assert audited.grouping.view().set("Bookkeeping and accounts").seconds == 3.5 * 3600
    assert "| Invoices | weekly | 2.5 | 2 | 1h 15m | 10.8 |" in audited.grouping.brief()
    # Once this week has entries, it is the default: the owner chooses the audit week to keep it.
    audited.log.start("Customer emails")
    clock.advance(minutes=10)
    assert audited.audit.period() == Period(date(2026, 11, 23))


def test_with_nothing_logged_at_all_the_period_is_this_week(service):
    assert service.audit.period() == Period(date(2026, 11, 16))


def test_the_latest_week_with_entries_is_the_default_even_weeks_back(service, clock):
    log_week(service)
    clock.set(datetime(2026, 12, 9, 9, 0, tzinfo=timezone.utc))  # three weeks on, nothing since
    assert service.audit.period() == AUDIT_WEEK


def test_a_two_week_period_averages_a_week(audited):
    audited.log.add("Invoices", "2026-11-10 09:00", "2026-11-10 11:30")  # the week before: 2.5 h
    two = audited.audit.choose(AUDIT_WEEK.wider())
    assert two == Period(date(2026, 11, 9), 2)
    books = audited.grouping.view().set("Bookkeeping and accounts")
    invoices = next(t for t in books.tasks if t.name == "Invoices")
    assert invoices.seconds == 5 * 3600 and str(invoices.figures.weekly_hours) == "2.5"
    # Invoices 2.5 a week -> 10.8; payroll 1 h in two weeks -> 0.5 a week -> 2.2 a month.
    assert str(books.monthly_hours) == "13.0"
    brief = audited.grouping.brief()
    assert "2 weeks, Mon 09 Nov to Sun 22 Nov 2026" in brief
    assert "| Invoices | weekly | 5.0 | 3 | 1h 40m | 10.8 |" in brief
    assert "weekly: 2.5 h a week (average of 2 weeks) × 52 / 12 = 10.8 h a month" in brief


def test_a_period_in_the_future_is_refused_and_changes_nothing(audited, db_path):
    before = snapshot(db_path)
    with pytest.raises(InvalidInput, match="not happened yet"):
        audited.audit.choose(Period(date(2026, 11, 23)))
    with pytest.raises(InvalidInput):
        audited.audit.choose(Period(date(2026, 11, 16), 14))
    assert snapshot(db_path) == before


def test_a_period_typed_for_the_future_by_hand_is_not_used(audited):
    audited.settings.set("audit_period", "2027-01-04, 2 weeks")  # offload config audit_period ...
    assert audited.audit.period() == AUDIT_WEEK  # the default: this week has entries


def test_a_period_is_aligned_to_the_week_start(audited):
    assert audited.audit.choose(Period(date(2026, 11, 18))) == AUDIT_WEEK  # a Wednesday: its week
    audited.settings.set("week_start", "sunday")
    assert audited.audit.period() == Period(date(2026, 11, 15))


def test_the_frequency_is_saved_and_drives_the_month(audited, db_path, clock):
    assert audited.review.set_frequency("payroll", "Monthly") == "monthly"
    audited.close()
    again = Offload.open(db_path, clock)
    try:
        books = again.grouping.view(AUDIT_WEEK).set("Bookkeeping and accounts")
        assert str(books.monthly_hours) == "11.8"  # 10.8 + payroll's 1.0 h once a month (not 4.3)
        assert again.review.week(AUDIT_WEEK).task("Payroll").frequency == "monthly"
        assert again.review.cycle_frequency("Payroll") == "quarterly"
        before = snapshot(db_path)
        with pytest.raises(InvalidInput, match="daily, weekly, monthly, quarterly, yearly, one-off"):
            again.review.set_frequency("Payroll", "fortnightly")
        with pytest.raises(NotFound):
            again.review.set_frequency("Nope", "daily")
        assert snapshot(db_path) == before
    finally:
        again.close()


def test_the_frequency_goes_through_export_and_import(audited, tmp_path, clock):
    audited.review.set_frequency("Payroll", "quarterly")
    text = audited.interop.export("json")
    other = Offload.open(tmp_path / "other.db", clock)
    try:
        other.interop.import_text(text, "export.json")
        assert other.review.week(AUDIT_WEEK).task("Payroll").frequency == "quarterly"
        assert other.review.week(AUDIT_WEEK).task("Invoices").frequency == "weekly"
    finally:
        other.close()
