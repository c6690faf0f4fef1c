"""Every command run in-process through `offload.cli.main`, time frozen by OFFLOAD_NOW."""

from __future__ import annotations

import json

import pytest

from offload.cli import main
from tests.helpers.db import snapshot


def test_start_status_stop(cli):
    assert cli("start", "Invoices", "--at", "9:30") == (0, "Started Invoices\n", "")
    code, out, _ = cli("status", at="2026-11-20T10:35:00Z")
    assert (code, out) == (0, "Invoices 1h 05m\n")
    code, out, _ = cli("status", "--format", "{task}|{clock}", at="2026-11-20T10:35:09Z")
    assert out == "Invoices|01:05:09\n"
    assert cli("stop", "--at", "10:00")[:2] == (0, "Stopped Invoices after 30m\n")
    code, out, _ = cli("status")
    assert (code, out) == (1, "Nothing running\n")
    code, out, _ = cli("status", "--format", "{task}")
    assert (code, out) == (1, "")


def test_start_switches_and_resume(cli):
    cli("start", "Invoices", "--at", "8:00")
    cli("start", "Calls", "--at", "9:00", "--note", "supplier")
    assert cli("stop")[0] == 0
    assert cli("resume", at="2026-11-20T10:05:00Z")[:2] == (0, "Resumed Calls\n")
    assert cli("status", at="2026-11-20T10:20:00Z")[1] == "Calls 15m\n"


def test_add_missed_entry_and_overlap(cli, db_path):
    assert cli("add", "Email", "--from", "yesterday 8:00", "--to", "yesterday 8:45")[:2] == (
        0, "Added Email (45m), Thu 19 Nov 08:00–08:45, entry 1\n")
    # Over midnight, the end says its day too.
    assert cli("add", "Night", "--from", "yesterday 23:00", "--to", "1:00")[:2] == (
        0, "Added Night (2h 00m), Thu 19 Nov 23:00–Fri 20 Nov 01:00, entry 2\n")
    before = snapshot(db_path)
    code, out, err = cli("add", "Calls", "--from", "yesterday 8:30", "--to", "yesterday 9:00")
    assert code == 2 and out == ""
    assert err.startswith("offload: That would overlap 'Email'") and err.count("\n") == 1
    assert snapshot(db_path) == before


def test_user_mistakes_are_one_line_no_traceback(cli, tmp_path):
    code, _, err = cli("stop")
    assert (code, err) == (2, "offload: Nothing is running.\n")
    code, _, err = cli("resume")
    assert code == 2 and "no earlier task to resume" in err and err.count("\n") == 1
    code, _, err = cli("start", "X", "--at", "25:99")
    assert code == 2 and "Cannot read the time '25:99'" in err and "9:30" in err and err.count("\n") == 1
    code, _, err = cli("log", "--week", "someday")
    assert code == 2 and "2026-11-16" in err and err.count("\n") == 1
    code, _, err = cli("report", "--by", "colour")
    assert code == 2 and "invalid choice" in err and err.count("\n") == 1
    code, _, err = cli("report", "--all", "--last-week")
    assert (code, err) == (2, "offload: --all covers every week; leave out --week, --last-week, --weeks, --from and --to.\n")
    code, _, err = cli("log", "--week", "mon", "--from", "mon")
    assert code == 2 and "not both" in err
    code, _, err = cli("log", "--from", "today", "--to", "yesterday")
    assert (code, err) == (2, "offload: --to (2026-11-19) is before --from (2026-11-20).\n")
    code, _, err = cli("export", "-o", str(tmp_path))
    assert code == 2 and err.startswith(f"offload: {tmp_path} is a folder;") and err.count("\n") == 1
    code, _, err = cli("import", str(tmp_path))
    assert code == 2 and err.startswith(f"offload: Cannot read {tmp_path}:")
    code, _, err = cli("import", str(tmp_path / "missing.json"))
    assert (code, err) == (2, f"offload: There is no file {tmp_path / 'missing.json'}.\n")


def test_database_that_cannot_be_opened_is_named(tmp_path, capsys):
    bad = tmp_path / "junk.db"
    bad.write_bytes(b"this is not a database, just some bytes " * 100)
    code = main(["--db", str(bad), "status"])
    err = capsys.readouterr().err
    assert code == 2 and str(bad) in err and "Traceback" not in err and err.count("\n") == 1


def test_every_command_has_help_with_an_example(capsys):
    from offload.cli import COMMANDS

    for name in COMMANDS:
        assert main([name, "--help"]) == 0
        out = capsys.readouterr().out
        assert "Example: offload" in out, name
        assert "--db" in out


@pytest.fixture
def week(cli):
    """Mon 16 - Fri 20 Nov 2026 in London with three tasks, one in a skill set."""
    cli("add", "Invoices", "--from", "2026-11-16 09:00", "--to", "2026-11-16 11:00")
    cli("add", "Email", "--from", "2026-11-16 11:00", "--to", "2026-11-16 11:30")
    cli("add", "Email", "--from", "2026-11-18 09:00", "--to", "2026-11-18 10:00")
    cli("add", "=Payroll", "--from", "2026-11-10 09:00", "--to", "2026-11-10 10:00", "--note", "-last week")
    cli("start", "Calls", "--at", "9:00")
    return cli


def test_log_this_week_last_week_and_span(week):
    code, out, _ = week("log")
    assert code == 0
    assert out.splitlines()[0] == "Week of Mon 16 Nov 2026"
    assert "  09:00–11:00   2h 00m  Invoices" in out
    assert "  09:00–now     1h 00m  Calls (running)" in out
    assert "=Payroll" not in out
    assert out.rstrip().endswith("4 entries, 4h 30m")
    out = week("log", "--last-week")[1]
    assert "=Payroll  -last week" in out and "Invoices" not in out
    out = week("log", "--from", "2026-11-18", "--to", "2026-11-18")[1]
    assert "Email" in out and "Invoices" not in out and "Calls" not in out
    assert week("log", "--week", "2026-11-02")[1].endswith("Nothing logged.\n")


def test_report_by_task_day_and_skill_set(week, service):
    code, out, _ = week("report")
    lines = out.splitlines()
    assert lines[0] == "Week of Mon 16 Nov 2026"
    assert lines[2].split() == ["Task", "Time", "Share", "Sessions", "Days", "Highlighted", "Skill", "set"]
    # 44.4%, 33.3% and 22.2% shown as 45%, 33% and 22%: the shares add up to the total's 100%.
    assert lines[4].split()[:5] == ["Invoices", "2h", "00m", "45%", "1"]
    assert lines[5].split()[:6] == ["Email", "1h", "30m", "33%", "2", "2"]
    assert lines[-1].split() == ["Total", "4h", "30m", "100%"]
    days = json.loads(week("report", "--by", "day", "--format", "json")[1])
    assert [r["seconds"] for r in days["rows"]] == [9000, 0, 3600, 0, 3600, 0, 0]
    # Skill sets come from the grouping screen; put one in the way it would.
    conn = service.ctx.store.conn
    conn.execute("INSERT INTO skill_sets (name, created_utc) VALUES ('Bookkeeping', 0)")
    conn.execute("UPDATE tasks SET skill_set_id = 1, highlighted = 1 WHERE name = 'Invoices'")
    sets = json.loads(week("report", "--by", "skill-set", "--format", "json")[1])["rows"]
    assert [(r["skill_set"], r["seconds"], r["tasks"]) for r in sets] == [
        ("Ungrouped", 9000, 2), ("Bookkeeping", 7200, 1)]
    md = week("report", "--by", "skill-set", "--format", "markdown")[1]
    assert "| Bookkeeping | 2h 00m | 44% | 1 | 1 |" in md


def test_report_all_history_and_csv_is_safe(week):
    rows = json.loads(week("report", "--all", "--format", "json")[1])["rows"]
    assert {r["task"]: r["seconds"] for r in rows} == {
        "Invoices": 7200, "Email": 5400, "=Payroll": 3600, "Calls": 3600}
    assert json.loads(week("report", "--all", "--by", "day", "--format", "json")[1])["rows"][0]["day"] == "2026-11-10"
    out = week("report", "--all", "--format", "csv")[1]
    assert out.splitlines()[0].startswith("task,seconds,hours,share")
    assert "\n'=Payroll,3600," in out


def test_report_all_on_an_empty_log(cli, service):
    code, out, _ = cli("report", "--all")
    assert code == 0 and "Nothing logged." in out


def test_export_json_to_a_private_file(week, tmp_path):
    target = tmp_path / "out.json"
    code, out, err = week("export", "-o", str(target))
    assert code == 0 and out == "" and str(target) in err
    assert target.stat().st_mode & 0o777 == 0o600
    data = json.loads(target.read_text())
    assert set(data) == {"offload", "exported_utc", "settings", "skill_sets", "tasks", "handovers", "entries"}
    assert data["entries"][0] == {"task": "=Payroll", "start": "2026-11-10T09:00:00Z",
                                  "end": "2026-11-10T10:00:00Z", "tz": "Europe/London", "note": "-last week"}
    assert data["entries"][-1]["end"] is None
    assert [t["name"] for t in data["tasks"]] == ["=Payroll", "Calls", "Email", "Invoices"]


def test_export_csv_neutralises_formulas_and_reads_back(week, tmp_path, monkeypatch, capsys):
    code, out, _ = week("export", "--format", "csv")
    lines = out.splitlines()
    assert lines[0] == "task,start,end,note,tz"
    assert lines[1] == "'=Payroll,2026-11-10T09:00:00+00:00,2026-11-10T10:00:00+00:00,'-last week,Europe/London"
    file = tmp_path / "entries.csv"
    file.write_text(out)
    other = tmp_path / "other.db"
    assert main(["--db", str(other), "import", str(file)]) == 0
    capsys.readouterr()
    assert main(["--db", str(other), "export", "--format", "csv"]) == 0
    assert capsys.readouterr().out == out


def test_report_shows_names_as_typed(cli):
    import unicodedata

    def columns(text: str) -> int:
        return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)

    cli("add", "経理の仕事", "--from", "8:00", "--to", "9:00")
    cli("add", "**bold** | [x](y)", "--from", "9:00", "--to", "9:30")
    rows = cli("report")[1].splitlines()[4:6]
    # Wide characters take two columns: the Time column still ends in the same place.
    ends = [columns(row[: row.index(time) + len(time)]) for row, time in zip(rows, ["1h 00m", "30m"])]
    assert ends[0] == ends[1]
    md = cli("report", "--format", "markdown")[1]
    assert "| \\*\\*bold\\*\\* \\| \\[x\\](y) | 30m |" in md


def test_dates_outside_a_log_are_refused(cli, service):
    for args in (["report", "--week", "9999-12-31"], ["log", "--week", "1969-12-31"],
                 ["log", "--from", "2026-11-01", "--to", "9999-01-01"]):
        code, out, err = cli(*args)
        assert code == 2 and "outside the years a log can hold" in err and err.count("\n") == 1


def test_a_time_ago_after_at_is_a_time_not_an_option(tmp_path, capsys, monkeypatch):
    # `offload start Accounts --at -15m`: the form the README and the help show.
    from offload.cli import main

    monkeypatch.setenv("OFFLOAD_NOW", "2026-11-20T10:00:00+00:00")
    monkeypatch.setenv("OFFLOAD_TZ", "Europe/London")
    db = str(tmp_path / "o.db")
    assert main(["--db", db, "start", "Accounts", "--at", "-15m"]) == 0
    assert main(["--db", db, "add", "Calls", "--from", "-1h", "--to", "-30m"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "status", "--format", "{task} {elapsed}"]) == 0
    assert capsys.readouterr().out.strip() == "Accounts 15m"
