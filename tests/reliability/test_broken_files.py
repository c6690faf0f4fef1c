"""A broken database file: a clear message naming the file and the backup to restore from; file untouched."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from offload.domain.clock import FrozenClock
from offload.domain.errors import StorageError
from offload.service import Offload

from ._support import file_bytes, run

KINDS = ["random bytes", "truncated", "empty", "folder", "damaged page", "wrong header"]


def _good_db(db: Path, clock: FrozenClock, entries: int = 200) -> Path:
    """A database with enough entries to span many pages, and one backup of it."""
    svc = Offload.open(db, clock)
    for i in range(entries):
        svc.log.add(f"Task {i % 13}", f"-{3000 - i * 10}m", f"-{3000 - i * 10 - 5}m", note="n" * 100)
    backup = svc.backups.backup()
    svc.close()
    return backup


def _break(db: Path, kind: str) -> None:
    rng = random.Random(kind)
    data = db.read_bytes()
    for side in ("-wal", "-shm"):
        Path(str(db) + side).unlink(missing_ok=True)
    if kind == "random bytes":
        db.write_bytes(rng.randbytes(len(data)))
    elif kind == "truncated":
        db.write_bytes(data[: len(data) // 2])
    elif kind == "empty":
        db.write_bytes(b"")
    elif kind == "folder":
        db.unlink()
        db.mkdir()
        (db / "something").write_text("a file someone put here")
    elif kind == "damaged page":
        page = 4096
        middle = (len(data) // page // 2) * page
        db.write_bytes(data[:middle] + rng.randbytes(page) + data[middle + page:])
    elif kind == "wrong header":
        db.write_bytes(b"SQLite format 3\x00" + rng.randbytes(84) + data[100:])


def _state(db: Path):
    if db.is_dir():
        return ("folder", sorted(p.name for p in db.iterdir()))
    return file_bytes(db)


@pytest.mark.parametrize("kind", KINDS)
def test_the_command_line_names_the_file_and_the_backup_and_leaves_it(tmp_path: Path, clock, kind: str) -> None:
    db = tmp_path / "offload.db"
    backup = _good_db(db, clock)
    _break(db, kind)
    before = _state(db)
    for args in (("start", "Invoices"), ("status",), ("add", "Calls", "--from=-90m", "--to=-60m"), ("log",)):
        result = run(db, *args)
        assert "Traceback" not in result.stderr
        if kind == "damaged page" and args[0] in ("status", "log") and result.returncode in (0, 1):
            continue  # a read that never touches the damaged page may still answer
        assert result.returncode == 2, (args, result.stdout, result.stderr)
        assert "Traceback" not in result.stderr
        assert str(db) in result.stderr, result.stderr
        assert str(backup) in result.stderr and f"offload restore {backup}" in result.stderr, result.stderr
        assert _state(db) == before
    # And the way back works: the backup restores over the broken file, which is kept aside.
    if kind != "folder":
        restored = run(db, "restore", str(backup))
        assert restored.returncode == 0, restored.stderr
        assert run(db, "status").returncode == 1  # readable again: nothing running


@pytest.mark.parametrize("kind", KINDS)
def test_the_service_refuses_with_a_storage_error(tmp_path: Path, clock, kind: str) -> None:
    db = tmp_path / "offload.db"
    backup = _good_db(db, clock, entries=200)
    _break(db, kind)
    before = _state(db)
    with pytest.raises(StorageError) as refused:
        svc = Offload.open(db, clock)
        try:  # damage deep in the file may only show when a page is read
            svc.log.today(), svc.review.week(), svc.log.task_names(), svc.log.start("Invoices")
        finally:
            svc.close()
    assert str(db) in refused.value.message and str(backup) in refused.value.message
    assert _state(db) == before


def test_without_a_backup_the_message_says_so(tmp_path: Path) -> None:
    db = tmp_path / "offload.db"
    db.write_bytes(os.urandom(5000))
    result = run(db, "status")
    assert result.returncode == 2
    assert str(db) in result.stderr and "No backup" in result.stderr


def test_a_foreign_sqlite_file_is_left_alone(tmp_path: Path) -> None:
    import sqlite3

    db = tmp_path / "notes.db"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE notes (text)")
    conn.execute("INSERT INTO notes VALUES ('mine')")
    conn.commit()
    conn.close()
    before = db.read_bytes()
    result = run(db, "start", "Invoices")
    assert result.returncode == 2 and str(db) in result.stderr and "not an Offload database" in result.stderr
    assert db.read_bytes() == before


def test_a_failed_query_is_a_message_and_still_the_sqlite_error_for_code_that_handles_it(service) -> None:
    """Code that falls back on an SQLite error (e.g. no JSON functions) keeps working under the guard."""
    import sqlite3

    with pytest.raises(sqlite3.OperationalError) as failed:
        service.ctx.store.conn.execute("SELECT no_such_function()").fetchall()
    assert isinstance(failed.value, StorageError) and str(service.path) in failed.value.message
