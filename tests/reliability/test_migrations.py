"""A database made by the first schema version opens with today's code, all data there, a copy kept first."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from offload.domain.clock import FrozenClock
from offload.domain.errors import StorageError
from offload.domain.weeks import week_of
from offload.service import Offload
from offload.store import db as db_module
from offload.store.schema import CURRENT_VERSION

from ._support import run

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "schema_v1.db"


def _rows(path: Path, table: str) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall()
    finally:
        conn.close()


def _version(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


@pytest.fixture
def v1_copy(tmp_path: Path) -> Path:
    assert _version(FIXTURE) == 1, "the fixture must stay as schema version 1 made it"
    target = tmp_path / "offload.db"
    shutil.copyfile(FIXTURE, target)
    return target


def test_a_version_1_database_opens_with_all_its_data(v1_copy: Path) -> None:
    old_entries = _rows(v1_copy, "entries")
    old_tasks = _rows(v1_copy, "tasks")
    clock = FrozenClock(datetime(2025, 11, 21, 12, 0, tzinfo=timezone.utc), "Europe/London")
    svc = Offload.open(v1_copy, clock)
    try:
        assert _version(v1_copy) == CURRENT_VERSION
        assert [r[:6] for r in _rows(v1_copy, "entries")] == old_entries
        assert [r[:3] for r in _rows(v1_copy, "tasks")] == old_tasks
        assert svc.settings.get("week_start") == "sunday" and svc.settings.get("currency") == "GBP"
        running = svc.log.running()
        assert running is not None and running.task == "Invoices" and running.note == "still going"
        assert set(svc.log.task_names()) == {"Invoices", "Client calls", "Émails 📧"}
        report = svc.review.week(week_of(date(2025, 11, 17), 6))
        assert report.task("Client calls").seconds == 1800
        assert report.task("Émails 📧").seconds == 3600
        # The new columns have their defaults, and the new use cases work on old data.
        svc.review.toggle_highlight("Invoices")
        assert svc.review.week(week_of(date(2025, 11, 17), 6)).task("Invoices").highlighted
    finally:
        svc.close()


def test_the_copy_is_written_before_the_migration(v1_copy: Path) -> None:
    before = {t: _rows(v1_copy, t) for t in ("tasks", "entries", "settings")}
    Offload.open(v1_copy, FrozenClock(datetime(2025, 11, 21, tzinfo=timezone.utc))).close()
    copies = list((v1_copy.parent / "backups").glob(f"offload-*-before-v{CURRENT_VERSION}.db"))
    assert len(copies) == 1
    assert _version(copies[0]) == 1
    assert {t: _rows(copies[0], t) for t in before} == before
    assert copies[0].stat().st_mode & 0o777 == 0o600


def test_the_command_line_opens_it_too(v1_copy: Path) -> None:
    result = run(v1_copy, "status")
    assert result.returncode == 0, result.stderr  # the running entry from the fixture
    assert result.stdout.startswith("Invoices")


def test_a_failing_migration_changes_nothing(v1_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = v1_copy.read_bytes()
    broken = [*db_module.MIGRATIONS, "ALTER TABLE tasks ADD COLUMN oops TEXT; SELECT * FROM no_such_table;"]
    monkeypatch.setattr(db_module, "MIGRATIONS", broken)
    monkeypatch.setattr(db_module, "CURRENT_VERSION", len(broken))
    with pytest.raises(StorageError) as refused:
        Offload.open(v1_copy, FrozenClock(datetime(2025, 11, 21, tzinfo=timezone.utc)))
    assert str(v1_copy) in refused.value.message
    monkeypatch.undo()
    conn = sqlite3.connect(v1_copy)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        assert conn.execute("SELECT count(*) FROM entries").fetchone()[0] == 4
        columns = [r[1] for r in conn.execute("PRAGMA table_info(tasks)")]
        assert "highlighted" not in columns and "oops" not in columns
    finally:
        conn.close()
    assert len(before) > 0
