"""Rolling daily copies (one a day at most, the last 7 kept), `offload backup` and `offload restore`."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from offload.domain.clock import FrozenClock
from offload.domain.errors import StorageError
from offload.service import Offload
from offload.store.backups import DAILY_KEEP, daily_backups, latest_backup

from ._support import run


def _entries(path: Path) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(
            "SELECT t.name, e.start_utc, e.end_utc FROM entries e JOIN tasks t ON t.id = e.task_id ORDER BY e.start_utc"
        ).fetchall()
    finally:
        conn.close()


def test_a_daily_copy_before_the_first_change_of_each_day_and_only_seven_kept(db_path: Path) -> None:
    clock = FrozenClock(datetime(2026, 11, 1, 9, 0, tzinfo=timezone.utc), "Europe/London")
    svc = Offload.open(db_path, clock)
    svc.log.add("Invoices", "6:00", "6:30")  # the very first change: nothing to copy yet
    assert daily_backups(db_path) == []
    for day in range(10):
        for hour in (9, 11, 13):  # three changes a day, one copy a day
            clock.set(datetime(2026, 11, 1 + day, hour, 0, tzinfo=timezone.utc))
            svc.log.add("Calls", f"{hour - 1}:00", f"{hour - 1}:30")
        copies = daily_backups(db_path)
        assert len(copies) == min(day, DAILY_KEEP)  # the first day the file was new: nothing to keep
    svc.close()
    copies = daily_backups(db_path)
    assert [c.name[8:16] for c in copies] == [f"202611{d:02d}" for d in range(4, 11)]
    # The copy is the state before the day's first change: day 10's copy lacks day 10's entries.
    assert len(_entries(copies[-1])) == 1 + 9 * 3
    assert all(oct(c.stat().st_mode & 0o777) == "0o600" for c in copies)


def test_reading_never_writes_a_backup(db_path: Path, clock: FrozenClock) -> None:
    svc = Offload.open(db_path, clock)
    svc.log.add("Invoices", "8:00", "8:30")
    svc.close()
    clock.advance(days=1)
    svc = Offload.open(db_path, clock)
    svc.log.running(), svc.log.today(), svc.review.week()
    svc.close()
    assert daily_backups(db_path) == []
    assert run(db_path, "status").returncode == 1
    assert daily_backups(db_path) == []


def test_a_second_process_the_same_day_makes_no_second_copy(db_path: Path, clock: FrozenClock) -> None:
    first = Offload.open(db_path, clock)
    first.log.add("Invoices", "8:00", "8:30")
    clock.advance(days=1)
    second = Offload.open(db_path, clock)
    first.log.add("Calls", "8:30", "8:40")
    second.log.add("Calls", "8:40", "8:50")
    first.close(), second.close()
    assert len(daily_backups(db_path)) == 1


def test_backup_and_restore_commands(tmp_path: Path) -> None:
    db = tmp_path / "offload.db"
    assert run(db, "add", "Invoices", "--from=-2h", "--to=-1h").returncode == 0
    made = run(db, "backup")
    assert made.returncode == 0, made.stderr
    copy = Path(made.stdout.strip().removeprefix("Backed up to "))
    assert copy.parent == tmp_path / "backups" and copy.is_file()
    assert copy.stat().st_mode & 0o777 == 0o600
    before = _entries(db)
    assert run(db, "add", "Mistake", "--from=-50m", "--to=-40m").returncode == 0

    restored = run(db, "restore", str(copy))
    assert restored.returncode == 0, restored.stderr
    assert _entries(db) == before
    # The file it replaced was kept first, with the entry the restore took away.
    kept = [p for p in (tmp_path / "backups").glob("*-before-restore.db")]
    assert len(kept) == 1 and "Mistake" in {r[0] for r in _entries(kept[0])}
    assert str(kept[0]) in restored.stdout


def test_backup_to_a_named_file_refuses_to_overwrite(tmp_path: Path) -> None:
    db = tmp_path / "offload.db"
    assert run(db, "add", "Invoices", "--from=-2h", "--to=-1h").returncode == 0
    target = tmp_path / "mine.db"
    assert run(db, "backup", str(target)).returncode == 0
    assert target.stat().st_mode & 0o777 == 0o600
    again = run(db, "backup", str(target))
    assert again.returncode != 0 and str(target) in again.stderr


@pytest.mark.parametrize("kind", ["text", "other sqlite", "missing", "folder", "empty"])
def test_restore_refuses_a_file_that_is_not_an_offload_database(tmp_path: Path, kind: str) -> None:
    db = tmp_path / "offload.db"
    assert run(db, "add", "Invoices", "--from=-2h", "--to=-1h").returncode == 0
    bad = tmp_path / "other.db"
    if kind == "text":
        bad.write_text("date,task\n2026-11-20,Invoices\n")
    elif kind == "other sqlite":
        conn = sqlite3.connect(bad)
        conn.execute("CREATE TABLE entries (x)")
        conn.commit()
        conn.close()
    elif kind == "folder":
        bad.mkdir()
    elif kind == "empty":
        bad.write_bytes(b"")
    before = db.read_bytes()
    result = run(db, "restore", str(bad))
    assert result.returncode != 0
    assert str(bad) in result.stderr
    assert db.read_bytes() == before
    assert not list((tmp_path / "backups").glob("*before-restore*")) if (tmp_path / "backups").exists() else True


def test_restore_over_an_unreadable_file_keeps_it_and_puts_the_backup_back(tmp_path: Path, clock) -> None:
    db = tmp_path / "offload.db"
    svc = Offload.open(db, clock)
    svc.log.add("Invoices", "8:00", "9:00")
    copy = svc.backups.backup()
    svc.close()
    wanted = _entries(db)
    junk = b"not a database at all" * 100
    db.write_bytes(junk)
    with pytest.raises(StorageError) as refused:
        Offload.open(db, clock)
    assert str(copy) in refused.value.message and str(db) in refused.value.message
    result = run(db, "restore", str(copy))
    assert result.returncode == 0, result.stderr
    assert _entries(db) == wanted
    kept = list((tmp_path / "backups").glob("*-unreadable.db"))
    assert len(kept) == 1 and kept[0].read_bytes() == junk


def test_restore_of_an_older_schema_copy_brings_it_up_to_date(tmp_path: Path) -> None:
    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "schema_v1.db"
    if not fixture.exists():
        pytest.skip("fixture not generated")
    db = tmp_path / "offload.db"
    assert run(db, "add", "Invoices", "--from=-2h", "--to=-1h").returncode == 0
    result = run(db, "restore", str(fixture))
    assert result.returncode == 0, result.stderr
    svc = Offload.open(db, FrozenClock(datetime(2026, 11, 20, tzinfo=timezone.utc)))
    assert svc.log.task_names()
    svc.close()


def test_latest_backup_names_the_newest(tmp_path: Path, clock: FrozenClock) -> None:
    db = tmp_path / "offload.db"
    svc = Offload.open(db, clock)
    svc.log.add("Invoices", "8:00", "9:00")
    svc.backups.backup()
    clock.advance(timedelta(hours=1).total_seconds())
    newest = svc.backups.backup()
    svc.close()
    assert latest_backup(db) == newest


def test_the_hint_never_names_the_unreadable_copy_a_restore_kept(tmp_path: Path, clock) -> None:
    db = tmp_path / "offload.db"
    svc = Offload.open(db, clock)
    svc.log.add("Invoices", "8:00", "9:00")
    copy = svc.backups.backup()
    svc.close()
    db.write_bytes(b"junk" * 1000)
    assert run(db, "restore", str(copy)).returncode == 0
    assert list((tmp_path / "backups").glob("*-unreadable.db"))
    assert latest_backup(db) == copy
