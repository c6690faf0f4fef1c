"""Backups are exactly the database's own, and failures are said.

Two databases in one folder keep their own copies; copies dated in the future (a clock once
ahead) never push real ones out; copies made in the same second never share a name; a daily
copy that cannot be made is said once while the change succeeds; an upgrade that cannot keep
its copy first changes nothing.
"""

from __future__ import annotations

import ast
import shutil
import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

import offload

from offload.domain.clock import FrozenClock
from offload.domain.errors import StorageError
from offload.service import Offload
from offload.store.backups import DAILY_KEEP, daily_backups, latest_backup

from ._support import run

# The code of the package as imported (installed, or a checkout installed editable).
SRC = Path(offload.__file__).resolve().parent
FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "schema_v1.db"


def _day(n: int) -> datetime:
    return datetime(2026, 11, 1, 9, 0, tzinfo=timezone.utc) + timedelta(days=n)


def _one_change_a_day(db: Path, days: range) -> None:
    clock = FrozenClock(_day(days[0]), "Europe/London")
    svc = Offload.open(db, clock)
    try:
        for n in days:
            clock.set(_day(n))
            svc.log.add("Invoices", "8:00", "8:30")
    finally:
        svc.close()


def test_two_databases_in_one_folder_keep_their_own_copies(tmp_path: Path) -> None:
    mine, other = tmp_path / "offload.db", tmp_path / "offload-2025.db"
    _one_change_a_day(other, range(0, 8))  # the first day there is nothing to copy: 7 copies
    others = sorted(p.name for p in (tmp_path / "backups").iterdir())
    assert len(others) == DAILY_KEEP
    _one_change_a_day(mine, range(8, 12))
    assert sorted(p.name for p in (tmp_path / "backups").iterdir() if p.name.startswith("offload-2025")) == others
    assert len(daily_backups(mine)) == 3 and len(daily_backups(other)) == DAILY_KEEP
    assert not set(daily_backups(mine)) & set(daily_backups(other))
    # A damaged offload.db is told of its own newest copy, never offload-2025.db's.
    mine.write_bytes(b"not a database" * 500)
    with pytest.raises(StorageError) as refused:
        Offload.open(mine, FrozenClock(_day(12)))
    assert str(daily_backups(mine)[-1]) in refused.value.message
    assert "offload-2025" not in refused.value.message


def test_a_database_with_no_copies_is_not_pointed_at_another_ones(tmp_path: Path) -> None:
    _one_change_a_day(tmp_path / "offload-2025.db", range(0, 3))
    mine = tmp_path / "offload.db"
    mine.write_bytes(b"not a database" * 500)
    with pytest.raises(StorageError) as refused:
        Offload.open(mine, FrozenClock(_day(3)))
    assert "No backup of it was found" in refused.value.message


def test_copies_dated_in_the_future_never_push_real_ones_out(tmp_path: Path) -> None:
    db = tmp_path / "offload.db"
    _one_change_a_day(db, range(0, 2))
    real = daily_backups(db)[0]
    future = [tmp_path / "backups" / f"offload-2031010{n}-090000-daily.db" for n in range(1, 6)]
    for path in future:  # left by a clock that once ran five years ahead
        shutil.copyfile(real, path)
    _one_change_a_day(db, range(2, 12))
    kept = [p for p in daily_backups(db) if p not in future]
    assert [p.name[8:16] for p in kept] == [_day(n).strftime("%Y%m%d") for n in range(5, 12)]
    assert all(p.exists() for p in future)  # not counted, not deleted: they hold real data
    assert latest_backup(db, _day(12)) == kept[-1]


def test_two_backups_in_the_same_second_are_two_files(db_path: Path, clock: FrozenClock) -> None:
    svc = Offload.open(db_path, clock)
    svc.log.add("Invoices", "8:00", "8:30")
    first = svc.backups.backup()
    svc.log.add("Calls", "8:30", "9:00")
    second = svc.backups.backup()
    svc.close()
    assert first != second and first.exists() and second.exists()
    counts = []
    for copy in (first, second):
        conn = sqlite3.connect(copy)
        counts.append(conn.execute("SELECT count(*) FROM entries").fetchone()[0])
        conn.close()
    assert counts == [1, 2]
    assert latest_backup(db_path, clock.now()) == second


def test_a_daily_copy_that_cannot_be_made_is_said_once_and_the_change_is_saved(db_path: Path) -> None:
    _one_change_a_day(db_path, range(0, 1))
    (db_path.parent / "backups").write_text("a file in the way\n")
    clock = FrozenClock(_day(1), "Europe/London")
    svc = Offload.open(db_path, clock)
    heard: list[str] = []
    svc.on_warning(heard.append)
    try:
        for start in ("5:00", "6:00", "7:00"):
            svc.log.add("Calls", start, start.replace(":00", ":30"))
        assert len(svc.log.today()) == 3  # the day's three changes are all saved
    finally:
        svc.close()
    assert len(heard) == 1
    assert "backup" in heard[0] and str(db_path.parent / "backups") in heard[0]


def test_the_command_says_on_stderr_that_the_day_s_copy_was_not_made(tmp_path: Path) -> None:
    db = tmp_path / "offload.db"
    assert run(db, "add", "Invoices", "--from=-3h", "--to=-2h").returncode == 0
    (tmp_path / "backups").write_text("in the way\n")
    # A new day for the daily copy: the real clock cannot be moved, so drop today's marker by
    # starting a new process (it checks once per process and finds no copy for today).
    done = run(db, "add", "Calls", "--from=-2h", "--to=-1h")
    assert done.returncode == 0, done.stderr
    assert done.stderr.count("backup") >= 1 and str(tmp_path / "backups") in done.stderr
    assert done.stderr.count("\n") == 1
    assert "Added Calls" in done.stdout


def test_an_upgrade_that_cannot_keep_its_copy_says_so_and_changes_nothing(tmp_path: Path) -> None:
    if not FIXTURE.exists():
        pytest.skip("fixture not generated")
    db = tmp_path / "offload.db"
    shutil.copyfile(FIXTURE, db)
    (tmp_path / "backups").write_text("a file in the way\n")
    before = db.read_bytes()
    done = run(db, "status")
    assert done.returncode != 0
    assert "Traceback" not in done.stderr and str(tmp_path / "backups") in done.stderr
    assert "Nothing was changed" in done.stderr and done.stderr.count("\n") == 1
    assert db.read_bytes() == before
    assert (tmp_path / "backups").read_text() == "a file in the way\n"


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
    return found


def test_one_module_owns_backups_and_the_store_and_backups_do_not_import_each_other() -> None:
    backups = _imports(SRC / "store" / "backups.py")
    assert not {m for m in backups if m.startswith("offload.store.db")}, backups
    db = (SRC / "store" / "db.py").read_text()
    assert "def backup_copy" not in db and "def latest_backup" not in db and "quick_check" not in db


def test_the_day_s_first_change_checks_the_file_and_a_damaged_one_is_not_written(tmp_path: Path) -> None:
    """What README promises: the whole file is checked at the day's first change; damage found
    then refuses that change and the next, and never replaces a good copy."""
    db = tmp_path / "offload.db"
    clock = FrozenClock(_day(0), "Europe/London")
    svc = Offload.open(db, clock)
    for i in range(150):  # enough pages that one in the middle holds only entries
        svc.log.add(f"Task {i % 7}", f"-{2000 - i * 10}m", f"-{2000 - i * 10 - 5}m", note="n" * 100)
    svc.close()
    _one_change_a_day(db, range(1, 2))
    copies = {p: p.read_bytes() for p in daily_backups(db)}
    data = db.read_bytes()
    for side in ("-wal", "-shm"):
        Path(f"{db}{side}").unlink(missing_ok=True)
    middle = (len(data) // 4096 // 2) * 4096
    db.write_bytes(data[:middle] + b"\xff" * 4096 + data[middle + 4096:])
    damaged = db.read_bytes()
    clock = FrozenClock(_day(2), "Europe/London")
    svc = Offload.open(db, clock)  # opening checks the header, not every page
    try:
        for _ in range(2):
            with pytest.raises(StorageError) as refused:
                svc.log.add("Calls", "5:00", "5:30")
            assert "damaged" in refused.value.message and str(db) in refused.value.message
    finally:
        svc.close()
    assert db.read_bytes() == damaged
    assert {p: p.read_bytes() for p in daily_backups(db)} == copies
