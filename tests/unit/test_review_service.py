"""Marks that outlive the app, the summary line, a task's entries, sorting and filtering."""

from __future__ import annotations

from datetime import date

import pytest

from offload.domain.errors import InvalidInput, NotFound
from offload.domain.weeks import Period
from offload.service import Offload
from offload.service.review import arrange
from offload.tui import words
from tests.helpers.db import snapshot

WEEK = Period(date(2026, 11, 16))


def log_week(svc) -> None:
    svc.log.add("Invoices", "2026-11-16 09:00", "2026-11-16 12:00")
    svc.log.add("Email", "2026-11-16 12:00", "2026-11-16 13:00")
    svc.log.add("Design", "2026-11-17 09:00", "2026-11-17 15:00")


def test_highlight_and_attributes_persist_across_a_new_instance(db_path, clock):
    first = Offload.open(db_path, clock)
    log_week(first)
    first.review.toggle_highlight("Invoices")
    first.review.set_feeling("Email", "dislike")
    first.review.set_kind("Email", "support")
    first.review.set_kind("Design", "core")
    first.review.set_feeling("Design", "like")
    first.close()

    second = Offload.open(db_path, clock)
    try:
        report = second.review.week(WEEK)
        invoices, email, design = (report.task(n) for n in ("Invoices", "Email", "Design"))
        assert invoices.highlighted and not email.highlighted and not design.highlighted
        assert (email.task.feeling, email.task.kind) == ("dislike", "support")
        assert (design.task.feeling, design.task.kind) == ("like", "core")
        assert email.candidate and not design.candidate
    finally:
        second.close()


def test_the_highlight_belongs_to_the_task_so_it_shows_in_every_week(service, clock):
    from datetime import datetime, timezone

    clock.set(datetime(2026, 11, 25, 12, 0, tzinfo=timezone.utc))
    service.log.add("Invoices", "2026-11-16 09:00", "2026-11-16 10:00")
    service.log.add("Invoices", "2026-11-23 09:00", "2026-11-23 10:00")
    service.review.toggle_highlight("Invoices")
    assert service.review.week(WEEK).task("Invoices").highlighted
    assert service.review.week(WEEK.next()).task("Invoices").highlighted


def test_summary_line_and_hours_freed(service):
    log_week(service)
    report = service.review.week(WEEK)
    assert words.summary(report) == "Highlighted 0m of 10h 00m logged (0%)"
    assert words.freed(report) == "Space highlights a task to hand over."
    service.review.toggle_highlight("Invoices")
    service.review.toggle_highlight("Email")
    report = service.review.week(WEEK)
    assert words.summary(report) == "Highlighted 4h 00m of 10h 00m logged (40%)"
    assert words.freed(report) == "Handing that over frees about 4h 00m a week."


def test_a_tasks_entries_for_the_week(service):
    log_week(service)
    service.log.add("Invoices", "2026-11-19 16:00", "2026-11-19 16:45", note="Q4 reminders")
    entries = service.review.task_entries("invoices", WEEK)
    assert [(e.start_utc, e.note) for e in entries][1][1] == "Q4 reminders"
    assert [e.seconds(0) for e in entries] == [3 * 3600, 45 * 60]
    assert service.review.task_entries("Invoices", WEEK.next()) == []


def test_marks_on_an_unknown_task_or_bad_value_change_nothing(service, db_path):
    log_week(service)
    before = snapshot(db_path)
    with pytest.raises(NotFound):
        service.review.toggle_highlight("Nope")
    with pytest.raises(InvalidInput):
        service.review.set_feeling("Email", "meh")
    with pytest.raises(InvalidInput):
        service.review.set_kind("Email", "revenue")
    assert snapshot(db_path) == before


def test_cycling_feeling_and_kind(service):
    log_week(service)
    assert [service.review.cycle_feeling("Email") for _ in range(3)] == ["like", "dislike", "neutral"]
    assert [service.review.cycle_kind("Email") for _ in range(3)] == ["core", "support", ""]


def test_sort_and_filter(service):
    log_week(service)
    service.review.toggle_highlight("Email")
    service.review.set_feeling("Invoices", "dislike")
    service.review.set_kind("Invoices", "support")
    tasks = service.review.week(WEEK).tasks
    assert [t.name for t in arrange(tasks, "total")] == ["Design", "Invoices", "Email"]
    assert [t.name for t in arrange(tasks, "share")] == ["Design", "Invoices", "Email"]
    assert [t.name for t in arrange(tasks, "name")] == ["Design", "Email", "Invoices"]
    assert [t.name for t in arrange(tasks, "total", "highlighted")] == ["Email"]
    assert [t.name for t in arrange(tasks, "name", "candidates")] == ["Invoices"]
