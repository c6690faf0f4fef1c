"""`offload import` from other trackers' files, written from their documented formats (the Watson
frames and `timew export` fixtures were made by Watson 2.1 and Timewarrior 1.4)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from offload.cli import main
from tests.helpers.db import snapshot

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "interop"


@pytest.fixture
def cli(db_path, monkeypatch, capsys):
    monkeypatch.setenv("OFFLOAD_TZ", "Europe/London")
    monkeypatch.setenv("OFFLOAD_NOW", "2026-11-20T10:00:00Z")

    def run(*args: str):
        code = main(["--db", str(db_path), *args])
        out = capsys.readouterr()
        return code, out.out, out.err

    return run


def entries(cli) -> list[dict]:
    data = json.loads(cli("export")[1])
    return [{k: e[k] for k in ("task", "start", "end", "note")} for e in data["entries"]]


def test_watson_frames(cli):
    code, out, err = cli("import", str(FIXTURES / "watson-frames"))
    assert (code, err) == (0, "")
    assert out.startswith("Imported 3 entries from") and "(watson), with 3 new tasks." in out
    assert entries(cli) == [
        {"task": "accounts", "start": "2026-11-16T09:00:00Z", "end": "2026-11-16T10:30:00Z", "note": "billing, q4"},
        {"task": "email", "start": "2026-11-16T10:30:00Z", "end": "2026-11-16T11:00:00Z", "note": ""},
        {"task": "client-calls", "start": "2026-11-17T14:00:00Z", "end": "2026-11-17T15:15:00Z", "note": "acme"},
    ]
    code, out, _ = cli("import", str(FIXTURES / "watson-frames"))
    assert code == 0 and out.startswith("Imported 0 entries") and "3 entries already there, skipped." in out
    assert len(entries(cli)) == 3


def test_timewarrior_export(cli):
    code, out, _ = cli("import", str(FIXTURES / "timew-export.json"))
    assert code == 0 and "Imported 4 entries" in out and "(timewarrior)" in out
    assert entries(cli) == [
        {"task": "Accounts", "start": "2026-11-16T09:00:00Z", "end": "2026-11-16T10:30:00Z", "note": "billing"},
        {"task": "Email", "start": "2026-11-16T10:30:00Z", "end": "2026-11-16T11:00:00Z", "note": ""},
        {"task": "Client calls", "start": "2026-11-17T14:00:00Z", "end": "2026-11-17T15:15:00Z",
         "note": "acme; quarterly VAT prep"},
        {"task": "Untagged", "start": "2026-11-18T09:00:00Z", "end": "2026-11-18T09:20:00Z", "note": ""},
    ]
    assert cli("import", str(FIXTURES / "timew-export.json"))[1].startswith("Imported 0 entries")


def test_toggl_detailed_csv(cli):
    code, out, _ = cli("import", str(FIXTURES / "toggl-detailed.csv"))
    assert code == 0 and "Imported 3 entries" in out and "(toggl)" in out
    assert entries(cli) == [
        {"task": "Reconcile bank statements", "start": "2026-11-16T09:00:00Z", "end": "2026-11-16T10:30:00Z",
         "note": "Bookkeeping · finance, monthly"},
        {"task": "Admin", "start": "2026-11-16T10:30:00Z", "end": "2026-11-16T11:00:00Z", "note": ""},
        {"task": 'Update prices page, "spring" sale', "start": "2026-11-17T23:30:00Z",
         "end": "2026-11-18T00:45:00Z", "note": "Website · web"},
    ]
    assert cli("import", str(FIXTURES / "toggl-detailed.csv"))[1].startswith("Imported 0 entries")


def test_toggl_times_are_read_in_the_given_zone(cli):
    code, out, _ = cli("import", str(FIXTURES / "toggl-detailed.csv"), "--zone", "America/New_York")
    assert code == 0
    assert entries(cli)[0]["start"] == "2026-11-16T14:00:00Z"
    assert {e["tz"] for e in json.loads(cli("export")[1])["entries"]} == {"America/New_York"}
    code, _, err = cli("import", str(FIXTURES / "toggl-detailed.csv"), "--zone", "Mars/Olympus")
    assert code == 2 and "not a time zone" in err


@pytest.mark.parametrize(
    "name, expected",
    [
        ("watson-frames-bad", [
            "  frame 2: start and stop must be Unix seconds",
            "  frame 3: A task needs a name, e.g. 'Invoices'.",
            "  frame 4: the end is not after the start",
        ]),
        ("timew-export-bad.json", [
            "  interval 2: the start '2026-11-16 10:30' is not like 20261120T090000Z",
            "  interval 3: tags must be a list of words and the annotation text",
        ]),
        ("toggl-detailed-bad.csv", [
            "  line 3: the start '16/11/2026 10:30:00' is not a date and time like 2026-11-20 09:00:00",
            "  line 4: A task needs a name, e.g. 'Invoices'.",
            "  line 5: the end is not after the start",
        ]),
    ],
)
def test_a_bad_row_imports_nothing_and_every_bad_row_is_named(cli, db_path, name, expected):
    cli("start", "Existing")
    before = snapshot(db_path)
    for dry in ([], ["--dry-run"]):
        code, out, err = cli("import", str(FIXTURES / name), *dry)
        lines = err.splitlines()
        assert code == 2 and out == ""
        assert lines[0] == f"offload: Cannot import {FIXTURES / name}: {len(expected)} bad rows, so nothing was imported."
        assert lines[1:] == expected
        assert snapshot(db_path) == before


def test_overlaps_are_listed_and_skipped(cli):
    cli("add", "Meeting", "--from", "2026-11-16 10:00", "--to", "2026-11-16 10:45")
    code, out, _ = cli("import", str(FIXTURES / "watson-frames"))
    assert code == 0
    assert out.splitlines() == [
        f"Imported 1 entry from {FIXTURES / 'watson-frames'} (watson), with 1 new task.",
        "Skipped 2 entries that overlap another:",
        "  frame 1: 'accounts' Mon 16 Nov 09:00–10:30 overlaps 'Meeting' Mon 16 Nov 10:00–10:45",
        "  frame 2: 'email' Mon 16 Nov 10:30–11:00 overlaps 'Meeting' Mon 16 Nov 10:00–10:45",
    ]
    assert [e["task"] for e in entries(cli)] == ["Meeting", "client-calls"]


def test_overlaps_inside_one_file_keep_the_first(cli, tmp_path):
    frames = tmp_path / "frames"
    frames.write_text(json.dumps([
        [1794819600, 1794825000, "accounts", "a", [], 0],
        [1794823200, 1794826800, "email", "b", [], 0],
        [1794819600, 1794825000, "accounts", "a", [], 0],
    ]))
    code, out, _ = cli("import", str(frames))
    assert "Imported 1 entry" in out
    assert "1 entry already there, skipped." in out
    assert "Skipped 1 entry that overlaps another:" in out
    assert "  frame 2: 'email' Mon 16 Nov 10:00–11:00 overlaps 'accounts' from frame 1 of the same file" in out


def test_dry_run_changes_nothing(cli, db_path):
    cli("start", "Existing")
    before = snapshot(db_path)
    code, out, _ = cli("import", str(FIXTURES / "timew-export.json"), "--dry-run")
    assert code == 0
    assert out.splitlines()[0].startswith("Would import 4 entries")
    assert out.splitlines()[-1] == "Dry run: nothing was changed."
    assert snapshot(db_path) == before


def test_format_is_told_from_the_file_or_named(cli, tmp_path):
    odd = tmp_path / "history.txt"
    odd.write_text((FIXTURES / "watson-frames").read_text())
    assert "(watson)" in cli("import", str(odd))[1]
    code, _, err = cli("import", str(FIXTURES / "watson-frames"), "--format", "toggl")
    assert code == 2 and "line 1: not Toggl's detailed CSV" in err
    blank = tmp_path / "blank.txt"
    blank.write_text("hello\n")
    code, _, err = cli("import", str(blank))
    assert code == 2 and "--format" in err


def test_future_and_second_running_entries_are_bad_rows(cli, tmp_path):
    file = tmp_path / "t.json"
    file.write_text(json.dumps([
        {"start": "20261119T090000Z", "tags": ["A"]},
        {"start": "20261120T090000Z", "tags": ["B"]},
        {"start": "20261121T090000Z", "end": "20261121T100000Z", "tags": ["C"]},
    ]))
    code, _, err = cli("import", str(file))
    assert code == 2
    assert "  interval 2: a second running entry (the first is at interval 1)" in err
    assert "  interval 3: it is in the future; Offload logs what has happened" in err


def test_import_from_standard_input(cli, monkeypatch):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO((FIXTURES / "timew-export.json").read_text()))
    code, out, _ = cli("import", "-")
    assert code == 0 and out.startswith("Imported 4 entries from stdin (timewarrior)")


def test_csv_with_bad_rows_names_their_lines(cli, tmp_path):
    file = tmp_path / "mine.csv"
    file.write_text(
        "task,start,end,note\n"
        "Invoices,2026-11-16T09:00:00+00:00,2026-11-16T10:00:00+00:00,\n"
        '"Multi\nline",2026-11-16T10:00:00+00:00,2026-11-16T10:30:00+00:00,x\n'
        "Calls,yesterday,2026-11-16T11:00:00+00:00,\n"
    )
    code, _, err = cli("import", str(file))
    assert code == 2
    assert err.splitlines()[1:] == [
        "  line 5: the start 'yesterday' is not a time like 2026-11-20T09:00:00Z",
    ]


def test_watson_folder_brings_the_running_frame_too(cli):
    folder = FIXTURES / "watson-dir"
    code, out, _ = cli("import", str(folder))
    assert code == 0 and out.startswith(f"Imported 4 entries from {folder / 'frames'} (watson)")
    assert entries(cli)[-1] == {"task": "school run", "start": "2026-11-20T09:15:00Z", "end": None, "note": "family"}
    code, out, _ = cli("status")
    assert (code, out) == (0, "school run 45m\n")
    assert "4 entries already there" in cli("import", str(folder))[1]


def test_a_running_timewarrior_interval_becomes_the_running_entry(cli, tmp_path):
    file = tmp_path / "t.json"
    file.write_text('[\n{"id":2,"start":"20261120T080000Z","end":"20261120T090000Z","tags":["Email"]},\n'
                    '{"id":1,"start":"20261120T090000Z","tags":["Accounts","q4"]}\n]\n')
    assert cli("import", str(file))[0] == 0
    assert cli("status") == (0, "Accounts 1h 00m\n", "")
    # Stopping it from the shell ends the imported entry like any other.
    assert cli("stop")[1] == "Stopped Accounts after 1h 00m\n"


def test_csv_times_without_offset_are_read_in_the_row_zone(cli, tmp_path):
    file = tmp_path / "mine.csv"
    file.write_text(
        "Note,Task,Start,End,TZ\n"  # any column order, any case
        "summer,Calls,2026-07-01 09:00,2026-07-01 10:00,Europe/London\n"
        "nyc,Calls,2026-07-02 09:00,2026-07-02T10:00:00-04:00,America/New_York\n"
        "mine,Calls,2026-11-19T09:00,2026-11-19T09:30,\n"
    )
    assert cli("import", str(file), "--format", "csv")[0] == 0
    data = json.loads(cli("export")[1])["entries"]
    assert [(e["start"], e["end"], e["tz"]) for e in data] == [
        ("2026-07-01T08:00:00Z", "2026-07-01T09:00:00Z", "Europe/London"),
        ("2026-07-02T13:00:00Z", "2026-07-02T14:00:00Z", "America/New_York"),
        ("2026-11-19T09:00:00Z", "2026-11-19T09:30:00Z", "Europe/London"),
    ]
