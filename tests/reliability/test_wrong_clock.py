"""The clock can be wrong, and the user can still work: entries a clock ahead left in the
future can be found, fixed and deleted; a clock that went back shows no negative time and
says what happened; the way out is named in the message."""

from __future__ import annotations

import re
from datetime import datetime, timezone

import pytest

from offload.domain.clock import FrozenClock
from offload.domain.errors import Conflict, InvalidInput
from offload.domain.weeks import week_of
from offload.service import Offload
from tests.helpers.db import snapshot

AHEAD = "2027-11-23T10:00:00Z"  # the clock ran a year ahead (a dual-boot machine, a bad battery)


@pytest.fixture
def ahead(cli):
    cli("start", "Work", at=AHEAD)
    cli("stop", at="2027-11-23T11:00:00Z")
    return cli


def test_an_entry_in_the_future_names_its_year_and_the_way_out_when_it_blocks_a_start(ahead, db_path):
    before = snapshot(db_path)
    code, _, err = ahead("start", "Calls")
    assert code == 2 and snapshot(db_path) == before
    assert "'Work' Tue 23 Nov 2027 10:00–11:00" in err
    assert "after now" in err and "offload edit 1" in err and "offload delete 1" in err


def test_doctor_and_log_find_it_and_edit_moves_it_back_so_start_works(ahead):
    code, out, _ = ahead("doctor")
    assert code == 1 and "1 entry after now" in out and "  1  Tue 23 Nov 2027 10:00–11:00   1h 00m  Work" in out
    out = ahead("log", "--week", "2027-11-23")[1]
    assert "  1  10:00–11:00   1h 00m  Work" in out and "Tue 23 Nov 2027" in out
    assert ahead("edit", "1", "--from", "8:00", "--to", "9:00")[0] == 0  # a time alone: today, for a future entry
    assert ahead("start", "Calls")[:2] == (0, "Started Calls\n")
    assert "  1  08:00–09:00   1h 00m  Work" in ahead("log")[1]


def test_or_delete_it(ahead):
    code, out, _ = ahead("delete", "1")
    assert code == 0 and out.startswith("Deleted entry 1: 'Work' Tue 23 Nov 2027 10:00–11:00.")
    assert ahead("start", "Calls")[0] == 0


def test_the_app_s_service_edits_and_deletes_an_entry_in_the_future(db_path):
    clock = FrozenClock(datetime(2027, 11, 23, 10, tzinfo=timezone.utc), "Europe/London")
    svc = Offload.open(db_path, clock)
    try:
        svc.log.add("Work", "9:00", "10:00")
        entry = svc.log.start("Late")
        clock.set(datetime(2026, 11, 20, 10, tzinfo=timezone.utc))
        assert svc.log.edit(1, note="from the wrong year").note == "from the wrong year"
        svc.log.delete(entry.id)
        assert svc.log.edit(1, start="2026-11-20 08:00", end="2026-11-20 09:00").end_utc < clock.now().timestamp()
        assert svc.log.start("Calls").task == "Calls"
    finally:
        svc.close()


@pytest.fixture
def went_back(cli):
    """Work started at 10:00; then the clock went back an hour."""
    cli("start", "Work", at="2026-11-20T10:00:00Z")
    return lambda *args: cli(*args, at="2026-11-20T09:00:00Z")


def test_a_clock_gone_back_shows_no_negative_time(went_back):
    code, out, err = went_back("status")
    assert (code, out) == (0, "Work 0m\n") and "gone back" in err
    for args in (["log"], ["report"], ["report", "--by", "day"]):
        out = went_back(*args)[1]
        assert not re.search(r"(?<![\d-])-\d", out), out  # no "-1h 00m", no "-1.0"


@pytest.mark.parametrize("args", [["stop"], ["start", "Calls"]])
def test_stop_and_start_say_the_clock_went_back_and_how_to_go_on(went_back, db_path, args):
    before = snapshot(db_path)
    code, out, err = went_back(*args)
    assert code == 2 and out == "" and err.count("\n") == 1
    assert "'Work' started at Fri 20 Nov 10:00, after now (09:00)" in err and "gone back" in err
    assert "offload edit 1 --from 09:00" in err and "offload delete 1" in err
    assert "began later than that" not in err and "began then or later" not in err
    assert snapshot(db_path) == before


def test_after_fixing_the_start_the_user_stops_at_a_valid_time(went_back):
    assert went_back("edit", "1", "--from", "8:30")[0] == 0
    assert went_back("stop")[:2] == (0, "Stopped Work after 30m\n")


def test_a_finished_entry_ending_after_now_names_the_way_out(cli):
    cli("add", "Work", "--from", "9:00", "--to", "10:00")
    code, _, err = cli("start", "Calls", at="2026-11-20T09:30:00Z")
    assert code == 2 and "'Work' Fri 20 Nov 09:00–10:00, which is after now" in err and "offload edit 1" in err


def test_running_entries_after_now_count_nothing_in_the_review(db_path):
    clock = FrozenClock(datetime(2026, 11, 20, 10, tzinfo=timezone.utc), "Europe/London")
    svc = Offload.open(db_path, clock)
    try:
        svc.log.add("Work", "8:00", "9:00")
        running = svc.log.start("Work")
        clock.set(datetime(2026, 11, 20, 9, 30, tzinfo=timezone.utc))
        report = svc.review.week(week_of(clock.now().date()))
        assert report.task("Work").seconds == 3600  # not 3600 - 1800
        assert svc.log.elapsed_text(running, svc.ctx.now_epoch()) == "0m"
        with pytest.raises(InvalidInput, match="gone back"):
            svc.log.stop()
        with pytest.raises(Conflict, match="gone back"):
            svc.log.start("Calls")
    finally:
        svc.close()


def test_undo_never_puts_an_entry_after_the_running_one_while_the_clock_is_behind(db_path):
    clock = FrozenClock(datetime(2026, 11, 20, 10, tzinfo=timezone.utc), "Europe/London")
    svc = Offload.open(db_path, clock)
    try:
        gone = svc.log.delete(svc.log.add("Email", "9:30", "9:45").id)
        clock.set(datetime(2026, 11, 20, 9, tzinfo=timezone.utc))  # the clock went back an hour
        svc.log.start("Calls")  # running from 09:00: it holds all time from then on
        before = snapshot(db_path)
        with pytest.raises(Conflict, match="overlap 'Calls'"):
            svc.log.undo_delete(gone)
        assert snapshot(db_path) == before
    finally:
        svc.close()


@pytest.mark.parametrize("args", [["stop"], ["start", "Calls"], ["status"]])
def test_a_running_entry_a_year_ahead_is_named_with_its_year(cli, args):
    """"Started at Tue 23 Nov 10:00 ... or wait until 10:00" read as today: it is next year."""
    cli("start", "Work", at=AHEAD)
    code, _, err = cli(*args)
    assert code in (0, 2)
    assert "'Work' started at Tue 23 Nov 2027 10:00" in err, err
    if args[0] != "status":
        assert "wait until Tue 23 Nov 2027 10:00" in err, err


def test_messages_about_times_of_another_year_show_the_year(cli, tmp_path):
    code, _, err = cli("add", "Calls", "--from", "2025-03-03 12:00", "--to", "2025-03-03 11:00")
    assert code == 2 and "Mon 03 Mar 2025 11:00" in err and "Mon 03 Mar 2025 12:00" in err, err
    assert cli("add", "Old", "--from", "2025-03-03 10:00", "--to", "2025-03-03 11:00")[0] == 0
    week = tmp_path / "old.csv"
    week.write_text("task,start,end\nCalls,2025-03-03T10:15:00Z,2025-03-03T10:45:00Z\n")
    code, out, _ = cli("import", str(week))
    assert code == 0
    assert "'Calls' Mon 03 Mar 2025 10:15–10:45 overlaps 'Old' Mon 3 Mar 2025 10:00–11:00" in out, out


def test_an_imported_running_entry_never_starts_before_an_entry_left_after_now(db_path):
    """Found by the soak run of the stateful test: with the clock behind, an entry logged before
    it went back lies after now; a running entry imported from before it would hold its time too."""
    clock = FrozenClock(datetime(2026, 11, 20, 10, tzinfo=timezone.utc), "Europe/London")
    svc = Offload.open(db_path, clock)
    try:
        svc.log.add("Email", "9:30", "9:45")
        clock.set(datetime(2026, 11, 20, 9, tzinfo=timezone.utc))  # the clock went back an hour
        result = svc.interop.import_text("task,start,end\nCalls,2026-11-20T08:30:00Z,\n", "running.csv", fmt="csv")
        assert result.added == [] and len(result.overlaps) == 1 and "'Email'" in result.overlaps[0].other
        assert svc.log.running() is None
    finally:
        svc.close()
