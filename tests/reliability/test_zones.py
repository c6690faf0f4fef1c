"""Time zones cannot poison the log: every form of TZ resolves to an IANA key or is refused
with one line, a zone that cannot be loaded is never stored, and a database an older
Offload wrote with such zones still opens, reports (in UTC, with a warning) and is fixed by
`offload doctor`."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

import pytest

from offload.cli import main
from offload.domain.clock import Clock, FrozenClock
from offload.domain.errors import InvalidInput
from offload.domain import zones
from offload.domain.zones import _zone_bytes, resolve
from offload.service import Offload
from offload.tui.app import OffloadApp
from tests.helpers.db import snapshot
from tests.helpers.app import press, settle

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "bad_zones.db"  # see make_bad_zones.sh
NOW = "2026-11-20T10:00:00Z"


@pytest.fixture
def run(monkeypatch, capsys, tmp_path):
    """`offload --db <db> ARGS` in-process with exactly the zone variables given."""

    def go(*args: str, db: Path | None = None, **env: str):
        monkeypatch.delenv("OFFLOAD_TZ", raising=False)
        monkeypatch.delenv("TZ", raising=False)
        monkeypatch.setenv("OFFLOAD_NOW", NOW)
        for key, value in env.items():
            monkeypatch.setenv(key, value)
        code = main(["--db", str(db or tmp_path / "o.db"), *args])
        out = capsys.readouterr()
        return code, out.out, out.err

    return go


def stored_zones(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return [r[0] for r in conn.execute("SELECT tz FROM entries ORDER BY id")]
    finally:
        conn.close()


@pytest.fixture
def zoneinfo_folder(tmp_path) -> Path:
    """A zoneinfo folder of its own holding Europe/Paris, and a `localtime` link into it."""
    folder = tmp_path / "share" / "zoneinfo" / "Europe"
    folder.mkdir(parents=True)
    (folder / "Paris").write_bytes(_zone_bytes("Europe/Paris"))
    (tmp_path / "localtime").symlink_to(folder / "Paris")
    return tmp_path


@pytest.mark.parametrize("form,key", [
    ("CET-1CEST,M3.5.0,M10.5.0/3", "CET"),
    ("EST5EDT,M3.2.0,M11.1.0", "EST5EDT"),
    ("EST5EDT", "EST5EDT"),
    ("Japan", "Japan"),
    (":Europe/Paris", "Europe/Paris"),
    ("posix/Europe/Paris", "Europe/Paris"),
])
def test_each_form_of_tz_is_stored_as_the_iana_key_it_names(run, tmp_path, form, key):
    assert run("start", "Work", TZ=form)[0] == 0
    assert stored_zones(tmp_path / "o.db") == [key]


@pytest.mark.parametrize("form", [":{home}/localtime", "{home}/share/zoneinfo/Europe/Paris"])
def test_a_path_to_a_zone_file_is_stored_as_its_key(run, tmp_path, zoneinfo_folder, form):
    assert run("start", "Work", TZ=form.format(home=zoneinfo_folder))[0] == 0
    assert stored_zones(tmp_path / "o.db") == ["Europe/Paris"]


def test_a_copied_zone_file_is_known_by_its_bytes(tmp_path):
    copy = tmp_path / "localtime"
    copy.write_bytes(_zone_bytes("Asia/Tokyo"))
    assert resolve(str(copy)) in ("Asia/Tokyo", "Japan")  # links share the bytes, and the rules


@pytest.mark.parametrize("var,value", [
    ("OFFLOAD_TZ", "Europe/Lodnon"),
    ("TZ", "JST-9"),  # a POSIX rule no zone has as its own: which zone's history would it be?
    ("TZ", "/etc/passwd"),
    ("TZ", "Europe"),
    ("OFFLOAD_TZ", "../../etc/passwd"),
    ("TZ", "Europe/\x1b]0;pwned\x07"),
])
def test_a_bad_zone_is_refused_in_one_line_naming_the_variable_and_nothing_is_written(run, tmp_path, var, value):
    db = tmp_path / "o.db"
    assert run("add", "Calls", "--from", "9:00", "--to", "9:30", OFFLOAD_TZ="Europe/London")[0] == 0
    before = snapshot(db)
    code, out, err = run("start", "Work", **{var: value})
    assert code == 2 and out == ""
    assert err.startswith(f"offload: {var}=") and "e.g. " + var + "=Europe/Paris" in err
    assert err.count("\n") == 1 and "\x1b" not in err
    assert snapshot(db) == before


def test_offload_tz_wins_over_tz(run, tmp_path):
    assert run("start", "Work", TZ="Europe/Lodnon", OFFLOAD_TZ="Asia/Tokyo")[0] == 0
    assert stored_zones(tmp_path / "o.db") == ["Asia/Tokyo"]


def test_a_clock_never_holds_a_zone_that_cannot_be_loaded():
    with pytest.raises(InvalidInput):
        FrozenClock(datetime(2026, 11, 20, tzinfo=timezone.utc), "Europe/Lodnon")
    clock = Clock("Europe/London")
    with pytest.raises(InvalidInput):
        clock.zone = ":/etc/localtime"
    assert clock.zone == "Europe/London"


@pytest.fixture
def old_db(tmp_path) -> Path:
    """The database an older Offload wrote with zones it could not load (see make_bad_zones.sh)."""
    db = tmp_path / "old.db"
    shutil.copyfile(FIXTURE, db)
    return db


BAD = ["/etc/localtime", "Europe/Lodnon", "CET-1CEST,M3.5.0,M10.5.0/3", "/usr/share/zoneinfo/Europe/Paris"]


@pytest.mark.parametrize("args", [
    ["report"], ["report", "--all"], ["report", "--by", "day"], ["brief"], ["export", "--format", "csv"],
    ["export"], ["log"],
])
def test_a_database_holding_unreadable_zones_still_reports_with_a_warning_naming_them(run, old_db, args):
    code, out, err = run(*args, db=old_db, OFFLOAD_TZ="Europe/London")
    assert code == 0, err
    assert "Traceback" not in err
    for zone in BAD:
        assert f"'{zone}'" in err, (zone, err)
    assert "offload doctor" in err
    assert err.count("\n") == len(BAD)


def test_unreadable_zones_are_read_in_utc(run, old_db):
    code, out, _ = run("report", "--by", "day", "--format", "json", db=old_db, OFFLOAD_TZ="Europe/London")
    import json

    days = {row["day"]: row["seconds"] for row in json.loads(out)["rows"]}
    # Invoices ran 23:00-01:00 UTC (midnight to 02:00 in Paris): read in UTC, an hour on each day.
    assert days["2026-11-16"] == (45 + 60 + 60) * 60
    assert days["2026-11-17"] == (30 + 60) * 60
    assert days["2026-11-18"] == 60 * 60


def test_doctor_lists_them_fixes_the_sure_ones_and_sets_the_rest(run, old_db):
    code, out, _ = run("doctor", db=old_db, OFFLOAD_TZ="Europe/London")
    assert code == 1
    assert "'Europe/Lodnon'" in out and "  3  Mon 16 Nov 11:00–12:00" in out
    assert "It is the zone Europe/Paris" in out and "It is the zone CET" in out
    code, out, _ = run("doctor", "--fix", db=old_db, OFFLOAD_TZ="Europe/London")
    assert code == 1 and "'Europe/Lodnon'" in out.splitlines()[-1]
    assert stored_zones(old_db)[3:] == ["CET", "Europe/Paris"]
    before = snapshot(old_db)
    code, _, err = run("doctor", "--set-zone", "Europe/Lodnon", db=old_db, OFFLOAD_TZ="Europe/London")
    assert code == 2 and "'Europe/Lodnon' is not a time zone" in err
    assert snapshot(old_db) == before
    code, out, _ = run("doctor", "--set-zone", "Europe/London", db=old_db, OFFLOAD_TZ="Europe/London")
    assert (code, out) == (0, "Set the zone of 1 entry to Europe/London.\n")
    assert run("doctor", db=old_db, OFFLOAD_TZ="Europe/London")[:2] == (
        0, "Nothing to fix: every entry's zone can be read and none is in the future.\n")
    code, out, err = run("report", "--by", "day", db=old_db, OFFLOAD_TZ="Europe/London")
    assert err == ""
    assert "2026-11-18  2h 00m" in out  # Invoices now in Paris: midnight to 02:00 on Wednesday


async def test_the_app_opens_on_unreadable_zones_and_says_so(old_db):
    service = Offload.open(old_db, FrozenClock(datetime(2026, 11, 20, 10, tzinfo=timezone.utc), "Europe/London"))
    try:
        app = OffloadApp(service, tick_seconds=3600)
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            said = [n.message for n in app._notifications]
            assert any("4 entries" in m and "'Europe/Lodnon'" in m and "offload doctor" in m for m in said), said
            await press(pilot, "2")  # the Review of that week
            await settle(pilot)
            await press(pilot, "enter")  # a task's entries
            await settle(pilot)
            assert app.return_code is None
    finally:
        service.close()


@pytest.mark.parametrize("form", ["localtime", ":localtime", "posixrules"])
def test_a_link_to_the_machine_s_zone_is_stored_as_the_zone_it_leads_to(run, tmp_path, form):
    """`localtime` loads from the system's zoneinfo folder but means "whatever this machine is
    set to": stored, an entry's hours would move when the machine's zone changes (and read in
    UTC where the zone files come from the tzdata package, which has no such file)."""
    code, _, err = run("start", "Work", TZ=form)
    if code == 0:
        stored = stored_zones(tmp_path / "o.db")
        assert stored[0] not in ("localtime", "posixrules") and zones.loads(stored[0]), stored
    else:
        assert code == 2 and "TZ=" in err
