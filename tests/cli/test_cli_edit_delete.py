"""The command line fixes the log: `offload log` shows each entry's id, `offload edit ID`
changes it with the app's checks, `offload delete ID` removes it and prints the command
that puts it back."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from datetime import datetime, timedelta, timezone

import pytest

from tests.helpers.db import snapshot

NOW = "2026-11-20T10:00:00Z"  # Friday, London


@pytest.fixture
def in_zone(cli, monkeypatch):
    """The in-process command, run where the user is at that moment."""

    def run(zone: str, *args: str, **kwargs):
        monkeypatch.setenv("OFFLOAD_TZ", zone)
        try:
            return cli(*args, **kwargs)
        finally:
            monkeypatch.setenv("OFFLOAD_TZ", "Europe/London")

    return run


@pytest.fixture
def week(cli):
    cli("add", "Invoices", "--from", "tue 9:00", "--to", "tue 10:00", "--note", "batch 12")
    cli("add", "Email", "--from", "tue 10:00", "--to", "tue 10:30")
    cli("add", "Calls", "--from", "wed 14:00", "--to", "wed 15:00")
    cli("start", "Report", "--at", "9:00")
    return cli


def entries(db) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT e.id, t.name, e.start_utc, e.end_utc, e.tz, e.note FROM entries e "
                            "JOIN tasks t ON t.id = e.task_id ORDER BY e.start_utc").fetchall()
    finally:
        conn.close()


def test_log_shows_each_entry_s_id_first_and_it_stays_with_the_entry(week):
    out = week("log")[1]
    assert "  1  09:00–10:00   1h 00m  Invoices  batch 12" in out
    assert "  3  14:00–15:00   1h 00m  Calls" in out
    assert "  4  09:00–now     1h 00m  Report (running)" in out
    week("delete", "2")
    week("edit", "3", "--from", "13:30")
    out = week("log")[1]
    assert "  1  09:00–10:00" in out and "  3  13:30–15:00   1h 30m  Calls" in out and "Email" not in out


def test_edit_each_field_a_clock_time_alone_is_on_the_entry_s_own_day(week, db_path):
    code, out, err = week("edit", "1", "--from", "8:45", "--to", "9:50", "--task", "Billing", "--note", "")
    assert (code, err) == (0, "")
    assert out == ("Changed entry 1: 'Billing' Tue 17 Nov 08:45–09:50 "
                   "(was 'Invoices' Tue 17 Nov 09:00–10:00)\n")
    tuesday = datetime(2026, 11, 17, tzinfo=timezone.utc)  # London is on UTC in November
    assert entries(db_path)[0][1:] == ("Billing", int((tuesday + timedelta(hours=8, minutes=45)).timestamp()),
                                       int((tuesday + timedelta(hours=9, minutes=50)).timestamp()),
                                       "Europe/London", "")
    assert week("edit", "4", "--to", "9:30")[1].startswith("Changed entry 4: 'Report' Fri 20 Nov 09:00–09:30")


@pytest.mark.parametrize("args,words", [
    (["edit", "1", "--to", "10:15"], ["would overlap 'Email' Tue 17 Nov 10:00–10:30"]),
    (["edit", "3", "--from", "tue 10:15", "--to", "tue 11:00"], ["would overlap 'Email'"]),
    (["edit", "1", "--from", "quarter past"], ["Cannot read the time 'quarter past'", "Try e.g. 9:30"]),
    (["edit", "1", "--to", "8:00"], ["The end must be after the start", "Tue 17 Nov 08:00"]),
    (["edit", "1", "--to", "2026-11-21 12:00"], ["in the future"]),
    (["edit", "1", "--task", "  "], ["name"]),
    (["edit", "1"], ["Say what to change", "offload edit 1 --from 9:15"]),
    (["edit", "99", "--task", "X"], ["There is no entry 99", "offload log"]),
    (["edit", "x1", "--task", "X"], ["'x1' is not an entry id", "offload log"]),
    (["edit", "99999999999999999999999", "--task", "X"], ["is not an entry id"]),
    (["delete", "99"], ["There is no entry 99"]),
    (["delete", "-1"], ["is not an entry id"]),
    (["edit", "1", "--from", "2026-03-29 01:30"], ["does not exist on Sun 29 Mar 2026 in Europe/London"]),
])
def test_each_bad_edit_or_delete_says_why_in_one_line_and_changes_nothing(week, db_path, args, words):
    before = snapshot(db_path)
    code, out, err = week(*args)
    assert code == 2 and out == ""
    assert err.startswith("offload: ") and err.count("\n") == 1, err
    for word in words:
        assert word in err, err
    assert snapshot(db_path) == before


@pytest.fixture
def shell_with_offload(tmp_path):
    """A PATH where `offload` is the installed command, to run the printed lines as a user would."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    shim = bin_dir / "offload"
    shim.write_text(f"#!/bin/sh\nexec {sys.executable} -m offload \"$@\"\n")
    shim.chmod(shim.stat().st_mode | stat.S_IXUSR)

    def run(line: str, zone: str = "Europe/London") -> subprocess.CompletedProcess:
        env = dict(os.environ, PATH=f"{bin_dir}{os.pathsep}{os.environ['PATH']}", OFFLOAD_NOW=NOW,
                   OFFLOAD_TZ=zone)
        return subprocess.run(["bash", "-c", line], capture_output=True, text=True, env=env, timeout=60)

    return run


@pytest.mark.parametrize("task,note", [
    ("Invoices", ""),
    ("it's [/] $HOME `x` \"q\"", "-x; rm -rf / 'quoted'"),
    ("-starts with a dash", "--note"),
    ("Émails 📧", "ünïcode"),
])
def test_delete_prints_the_line_that_puts_the_entry_back_exactly(cli, db_path, shell_with_offload, task, note):
    cli("add", "Before", "--from", "tue 8:00", "--to", "2026-11-17 09:00:37")
    args = ["add", "--from", "2026-11-17 09:00:37", "--to", "tue 9:45"] + (["--note=" + note] if note else [])
    assert cli(*args, "--", task)[0] == 0
    cli("add", "After", "--from", "tue 9:45", "--to", "tue 10:00")
    kept = entries(db_path)
    code, out, err = cli("delete", "2")
    assert code == 0 and err == ""
    said, line = out.splitlines()
    assert said.startswith("Deleted entry 2: ") and said.endswith(". To put it back:")
    assert len(entries(db_path)) == 2
    done = shell_with_offload(line)
    assert done.returncode == 0, (line, done.stderr)
    assert [r[1:] for r in entries(db_path)] == [r[1:] for r in kept]


def test_a_deleted_entry_from_another_zone_and_the_running_one_come_back_as_they_were(cli, in_zone, db_path,
                                                                                        shell_with_offload):
    in_zone("America/New_York", "add", "NY call", "--from", "2026-11-18 20:00", "--to", "2026-11-18 21:00")
    cli("start", "Report", "--at", "9:00", "--note", "draft")
    kept = entries(db_path)
    lines = [cli("delete", entry_id)[1].splitlines()[1] for entry_id in ("1", "2")]
    assert lines[0].startswith("OFFLOAD_TZ=America/New_York offload --db ")
    assert lines[0].endswith(" add --from '2026-11-18 20:00' --to '2026-11-18 21:00' 'NY call'")
    assert lines[1].endswith(" start --at '2026-11-20 09:00' --note draft Report")
    for line in lines:
        assert shell_with_offload(line).returncode == 0, line
    assert [r[1:] for r in entries(db_path)] == [r[1:] for r in kept]


def test_an_hour_the_clocks_repeat_comes_back_at_the_same_instant(cli, db_path, shell_with_offload):
    # 01:30 happens twice in London on Sun 25 Oct 2026: the line must say which one.
    cli("add", "Night", "--from", "-1h", "--to", "now", at="2026-10-25T01:45:00Z")  # 01:45 GMT, the second 01:xx
    kept = entries(db_path)
    line = cli("delete", "1")[1].splitlines()[1]
    assert shell_with_offload(line).returncode == 0, line
    assert [r[1:] for r in entries(db_path)][0][1:3] == kept[0][2:4]
