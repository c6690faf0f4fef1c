"""Small things a new user hits in the first week, from the command line and the service."""

from __future__ import annotations

import pytest

from offload.domain.errors import AlreadyRunning
from offload.tui import words
from tests.helpers.db import snapshot


# --- starting the task that is already running ---------------------------------------
def test_cli_start_of_the_running_task_says_so_and_changes_nothing(cli, db_path):
    cli("start", "Invoices", "--at", "9:30")
    before = snapshot(db_path)
    code, out, err = cli("start", "invoices", at="2026-11-20T10:15:00Z")
    assert (code, out) == (2, "")
    assert err == "offload: 'Invoices' is already running (since 09:30); nothing changed.\n"
    assert snapshot(db_path) == before
    # One session, not two: the Review's typical session stays whole.
    code, out, _ = cli("log", at="2026-11-20T10:30:00Z")
    assert "1 entries" in out or "1 entry" in out


def test_cli_start_of_the_running_task_with_a_note_sets_its_note(cli):
    cli("start", "Invoices", "--at", "9:30")
    code, out, err = cli("start", "Invoices", "--note", "supplier bills", at="2026-11-20T10:15:00Z")
    assert (code, err) == (0, "")
    assert out == "'Invoices' is already running (since 09:30); its note is now 'supplier bills'.\n"
    _, log, _ = cli("log", at="2026-11-20T10:30:00Z")
    assert "09:30–now" in log and "supplier bills" in log and log.count("Invoices") == 1


def test_service_start_of_the_running_task_is_refused_as_the_apps_enter_sees_it(service, clock, db_path):
    service.log.start("Invoices")
    clock.advance(minutes=20)
    before = snapshot(db_path)
    with pytest.raises(AlreadyRunning) as caught:
        service.log.start("INVOICES")
    assert caught.value.message == "'Invoices' is already running (since 10:00); nothing changed."
    assert snapshot(db_path) == before
    assert [e.running for e in service.log.today()] == [True]


def test_service_start_of_a_task_running_since_yesterday_names_the_day(service, clock):
    service.log.start("Night shift", at="yesterday 22:00")
    with pytest.raises(AlreadyRunning) as caught:
        service.log.start("Night shift")
    assert "(since Thu 19 Nov 22:00)" in caught.value.message


def test_starting_another_task_still_switches(cli):
    cli("start", "Invoices", "--at", "9:30")
    assert cli("start", "Calls", at="2026-11-20T10:15:00Z")[:2] == (0, "Started Calls\n")


# --- stop in the second of the start ----------------------------------------------------
def test_cli_stop_in_the_same_second_removes_the_empty_entry(cli, db_path):
    cli("start", "Invoices", at="2026-11-20T10:00:00Z")
    code, out, err = cli("stop", at="2026-11-20T10:00:00Z")
    assert (code, err) == (0, "")
    assert out == "Stopped Invoices in the second it started: nothing was logged, the empty entry is removed.\n"
    assert cli("status")[:2] == (1, "Nothing running\n")
    assert dict(snapshot(db_path))["entries"] == []
    assert cli("log")[1].endswith("Nothing logged.\n")


def test_cli_stop_before_the_start_is_still_refused(cli, db_path):
    cli("start", "Invoices", "--at", "9:30")
    before = snapshot(db_path)
    code, _, err = cli("stop", "--at", "9:00")
    assert code == 2 and "began later than that" in err
    assert snapshot(db_path) == before


# --- spans of days ----------------------------------------------------------------
def test_log_from_mon_to_sun_is_this_weeks_monday_to_sunday(cli):
    cli("add", "Calls", "--from", "mon 9:00", "--to", "mon 10:00")
    code, out, err = cli("log", "--from", "mon", "--to", "sun")
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == "Mon 16 Nov 2026 to Sun 22 Nov 2026"
    assert "Calls" in out


def test_times_with_am_pm_and_noon_from_the_command_line(cli):
    added = cli("add", "Lunch call", "--from", "yesterday 11:30am", "--to", "yesterday noon")
    assert added[0] == 0 and added[1].startswith("Added Lunch call (30m), ")
    assert cli("start", "Evening", "--at", "yesterday 9:30pm")[0] == 0
    code, out, _ = cli("log", "--from", "yesterday")
    assert "  21:30–now" in out and "  11:30–12:00" in out


# --- a wrong option points at the subcommand's help ----------------------------------
@pytest.mark.parametrize(
    "args, said",
    [
        (["brief", "--foo"], "offload brief: unknown option --foo (see offload brief --help)\n"),
        (["log", "--foo=3"], "offload log: unknown option --foo (see offload log --help)\n"),
        (["status", "extra"], "offload status: unexpected argument 'extra' (see offload status --help)\n"),
        (["report", "--by"], "offload report: argument --by: expected one argument (see offload report --help)\n"),
        (["--foo"], "offload: unknown option --foo (see offload --help)\n"),
    ],
)
def test_a_wrong_option_points_at_that_commands_help(cli, db_path, args, said):
    code, out, err = cli(*args)
    assert (code, out, err) == (2, "", said)


# --- one way to read a duration, a share and hours ------------------------------------
def test_an_entry_reads_the_minutes_between_the_times_shown_next_to_it(cli):
    cli("start", "Calls", at="2026-11-20T18:18:40Z")
    assert cli("stop", at="2026-11-20T18:30:10Z")[1] == "Stopped Calls after 12m\n"
    _, out, _ = cli("log", at="2026-11-20T19:00:00Z")
    line = next(l for l in out.splitlines() if "Calls" in l)
    assert "18:18–18:30" in line and " 12m  Calls" in line


def test_durations_round_to_the_nearest_minute_and_totals_come_from_exact_seconds():
    from offload.domain.format import duration, entry_duration, shown_span

    assert [duration(s) for s in (0, 29, 30, 89, 90, 3569, 3570)] == ["0m", "0m", "1m", "1m", "2m", "59m", "1h 00m"]
    start, end = 1795198720, 1795199410  # 18:18:40 to 18:30:10 UTC: 11m 30s
    assert shown_span(start, end, "UTC") == 12 * 60 and entry_duration(start, end, 0, "UTC") == "12m"
    # Kathmandu is UTC+05:45: its shown minutes are not UTC's, and still 12 of them.
    assert entry_duration(start, end, 0, "Asia/Kathmandu") == "12m"
    assert entry_duration(start, None, end, "UTC") == "12m"  # running: its time so far, rounded


def test_shares_add_up_to_100_percent():
    from offload.domain.format import whole_percents

    assert whole_percents([1, 1, 1]) == [34, 33, 33]
    assert whole_percents([3600, 3600, 3600, 1]) == [34, 33, 33, 0]  # a second is 0% of three hours
    assert whole_percents([0, 0]) == [0, 0] and whole_percents([]) == []
    for parts in ([7, 7, 7, 7, 7, 7], [995, 3, 2], [1, 2, 3, 4, 5, 6, 7]):
        assert sum(whole_percents(parts)) == 100


def test_the_reviews_and_reports_shares_add_up_to_100(cli, service):
    for day in ("mon", "tue", "wed"):
        service.log.add(f"Task {day}", f"{day} 9:00", f"{day} 10:00")
    assert [t.percent for t in service.review.week().tasks] == [34, 33, 33]
    _, out, _ = cli("report")
    shares = [word for line in out.splitlines() for word in line.split() if word.endswith("%")]
    assert shares == ["34%", "33%", "33%", "100%"]


def test_one_hours_format_a_table(cli, service):
    service.log.add("Calls", "mon 9:00", "mon 10:30")
    for fmt in ("table", "markdown"):
        out = cli("report", "--format", fmt)[1]
        assert "1h 30m" in out and "1.5" not in out and "Hours" not in out, fmt
    assert '"hours": 1.5' in cli("report", "--format", "json")[1]  # for machines, both stay
    assert words.freed(service.review.week()) == "Space highlights a task to hand over."
    service.review.set_highlight("Calls", True)
    assert words.freed(service.review.week()) == "Handing that over frees about 1h 30m a week."


def test_decimal_hours_round_half_up_as_people_do():
    from offload.domain.format import hours

    assert [hours(s) for s in (4500, 9900, 900, 0, 2 * 3600)] == ["1.3", "2.8", "0.3", "0.0", "2.0"]
