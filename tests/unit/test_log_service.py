"""The Log's use cases on a real file with a frozen clock."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from offload.domain.clock import FrozenClock
from offload.domain.errors import Conflict, InvalidInput, NotFound, OffloadError
from offload.service import Offload
from tests.helpers.db import snapshot


def test_switching_leaves_no_gap_and_no_overlap(service, clock):
    service.log.start("Accounts")
    clock.advance(minutes=25)
    service.log.start("Email")
    clock.advance(minutes=10)
    service.log.start("Invoices")
    today = sorted(service.log.today(), key=lambda e: e.start_utc)
    assert [e.task for e in today] == ["Accounts", "Email", "Invoices"]
    assert today[0].end_utc == today[1].start_utc
    assert today[1].end_utc == today[2].start_utc
    assert today[1].end_utc - today[1].start_utc == 600
    assert today[2].running


def test_two_starts_in_a_row_leave_one_running_entry(service, clock):
    service.log.start("Accounts")
    clock.advance(seconds=1)
    with pytest.raises(Conflict):  # already running: nothing changes
        service.log.start("Accounts")
    running = [e for e in service.log.today() if e.running]
    assert len(running) == 1
    count = service.ctx.store.conn.execute("SELECT count(*) FROM entries WHERE end_utc IS NULL").fetchone()[0]
    assert count == 1


def test_switching_again_within_the_same_second_corrects_the_running_task(service):
    service.log.start("Acounts")
    service.log.start("Accounts")
    assert [(e.task, e.running) for e in service.log.today()] == [("Accounts", True)]


def test_starting_at_or_before_the_running_entry_is_refused(service, clock):
    service.log.start("Accounts", at="9:00")
    with pytest.raises(Conflict):
        service.log.start("Email", at="9:00")


def test_a_second_service_on_the_same_file_sees_the_running_entry(db_path, clock):
    first = Offload.open(db_path, clock)
    first.log.start("Newsletter")
    # No clean shutdown: the first service is simply abandoned, as after a crash.
    clock.advance(minutes=90)
    second = Offload.open(db_path, clock)
    running = second.log.running()
    assert running is not None and running.task == "Newsletter"
    assert running.seconds(second.ctx.now_epoch()) == 90 * 60


def test_task_names_are_case_insensitive_and_keep_the_first_spelling(service, clock):
    service.log.start("Invoices")
    clock.advance(60)
    service.log.stop()
    entry = service.log.start("INVOICES")
    assert entry.task == "Invoices"
    assert service.log.task_names() == ["Invoices"]


def test_autocomplete_lists_most_recent_first(service, clock):
    for name in ["Accounts", "Email", "Calls"]:
        service.log.start(name)
        clock.advance(60)
    assert service.log.task_names()[:3] == ["Calls", "Email", "Accounts"]


@pytest.mark.parametrize(
    "zone, start, end, expected_hours",
    [
        # 2026-03-08 02:00 the clocks in New York jump to 03:00: 00:00 to 06:00 local is 5 hours.
        ("America/New_York", "2026-03-08 00:00", "2026-03-08 06:00", 5),
        # 2026-11-01 02:00 they fall back to 01:00: 00:00 to 06:00 local is 7 hours.
        ("America/New_York", "2026-11-01 00:00", "2026-11-01 06:00", 7),
        # London: forward on 29 March, back on 25 October 2026.
        ("Europe/London", "2026-03-29 00:00", "2026-03-29 06:00", 5),
        ("Europe/London", "2026-10-25 00:00", "2026-10-25 06:00", 7),
    ],
)
def test_durations_across_dst_changes_are_exact(db_path, zone, start, end, expected_hours):
    clock = FrozenClock(datetime(2026, 11, 20, 12, tzinfo=timezone.utc), zone)
    svc = Offload.open(db_path, clock)
    entry = svc.log.add("Night shift", start, end)
    assert entry.end_utc - entry.start_utc == expected_hours * 3600


BAD_INPUTS = [
    ("start", lambda s: s.log.start(""), "needs a name"),
    ("start", lambda s: s.log.start("   "), "needs a name"),
    ("start", lambda s: s.log.start("Calls", at="25:99"), "25:99"),
    ("start", lambda s: s.log.start("Calls", at="tomorrowish"), "Try e.g."),
    ("start", lambda s: s.log.start("Calls", at="11:00"), "future"),
    ("add", lambda s: s.log.add("Calls", "9:30", "9:00"), "end must be after the start"),
    ("add", lambda s: s.log.add("Calls", "8:00", "8:45"), "overlap 'Accounts'"),
    ("add", lambda s: s.log.add("Calls", "1969-12-31 10:00", "1969-12-31 11:00"), "1970"),
    ("stop", lambda s: s.log.stop(at="7:00"), "after the start"),
    ("edit", lambda s: s.log.edit(1, start="9:99"), "9:99"),
    ("edit", lambda s: s.log.edit(1, end="7:00"), "after the start"),
    ("rename", lambda s: s.tasks.rename("Accounts", ""), "needs a name"),
    ("rename", lambda s: s.tasks.rename("Nope", "Other"), "no task"),
]


@pytest.mark.parametrize("what, act, message", BAD_INPUTS, ids=[f"{b[0]}-{i}" for i, b in enumerate(BAD_INPUTS)])
def test_bad_input_gives_a_message_and_changes_nothing(service, db_path, clock, what, act, message):
    service.log.add("Accounts", "8:00", "8:30")
    service.log.start("Email", at="9:00")
    before = snapshot(db_path)
    with pytest.raises(OffloadError) as caught:
        act(service)
    assert message in caught.value.message
    assert snapshot(db_path) == before


def test_stop_with_nothing_running_says_so(service):
    with pytest.raises(Conflict, match="Nothing is running"):
        service.log.stop()


def test_resume_restarts_the_last_task(service, clock):
    service.log.start("Bookkeeping")
    clock.advance(minutes=5)
    service.log.stop()
    clock.advance(minutes=5)
    assert service.log.resume().task == "Bookkeeping"


def test_resume_on_an_empty_log_is_a_message(service):
    with pytest.raises(NotFound):
        service.log.resume()


def test_edit_changes_only_what_is_given(service, clock):
    entry = service.log.add("Calls", "8:00", "8:30", note="supplier")
    edited = service.log.edit(entry.id, name="Phone calls", end="8:40")
    assert (edited.task, edited.start_utc, edited.end_utc - edited.start_utc, edited.note) == (
        "Phone calls", entry.start_utc, 40 * 60, "supplier")


def test_setting_the_end_of_a_running_entry_stops_it(service, clock):
    service.log.start("Accounts", at="3:00")
    entry = service.log.running()
    service.log.edit(entry.id, end="7:15")
    assert service.log.running() is None
    assert service.log.entry(entry.id).end_utc - entry.start_utc == int(4.25 * 3600)


def test_delete_then_undo_puts_the_entry_back(service, db_path):
    service.log.add("Calls", "8:00", "8:30")
    before = snapshot(db_path)
    gone = service.log.delete(1)
    assert service.log.today() == []
    service.log.undo_delete(gone)
    assert snapshot(db_path) == before


def test_rename_onto_an_existing_name_joins_the_tasks(service):
    service.log.add("Calls", "8:00", "8:30")
    service.log.add("phone", "8:30", "9:00")
    assert service.tasks.rename("phone", "calls", merge=True).into == "Calls"
    assert {e.task for e in service.log.today()} == {"Calls"}


def test_week_totals_split_an_entry_over_midnight(service, clock):
    service.log.add("Server move", "2026-11-18 22:00", "2026-11-19 01:30")
    totals = {t.day.isoformat(): t.seconds for t in service.log.week_totals()}
    assert totals["2026-11-18"] == 2 * 3600
    assert totals["2026-11-19"] == int(1.5 * 3600)


def test_the_schema_allows_only_one_running_entry(service):
    import sqlite3

    service.log.start("Accounts")
    with pytest.raises(sqlite3.IntegrityError):
        service.ctx.store.conn.execute(
            "INSERT INTO entries (task_id, start_utc, end_utc, tz) VALUES (1, 10, NULL, 'UTC')"
        )
    with pytest.raises(sqlite3.IntegrityError):
        service.ctx.store.conn.execute(
            "INSERT INTO entries (task_id, start_utc, end_utc, tz) VALUES (1, 10, 5, 'UTC')"
        )


def test_invalid_input_is_an_offload_error():
    assert issubclass(InvalidInput, OffloadError)


def test_a_new_database_appears_whole_even_when_two_open_it_at_once(tmp_path, clock):
    # Two services open the same fresh path; neither may meet a half-made (empty) file.
    from concurrent.futures import ThreadPoolExecutor

    path = tmp_path / "fresh.db"
    with ThreadPoolExecutor(4) as pool:
        services = list(pool.map(lambda _: Offload.open(path, clock), range(4)))
    services[0].log.start("Accounts")
    assert all(s.log.running().task == "Accounts" for s in services)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    assert oct(path.stat().st_mode & 0o777) == "0o600"
