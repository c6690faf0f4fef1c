"""Putting a copy back as the database (`offload restore FILE`), keeping the current file first."""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path

from offload.domain.errors import StorageError
from offload.store import backups
from offload.store.db import APP_ID, open_store
from offload.store.schema import CURRENT_VERSION


def check_offload_file(path: Path) -> int:
    """The schema version of an Offload database file, or StorageError saying why it is not one."""
    path = Path(path)
    if not path.exists():
        raise StorageError(f"There is no file {path}.")
    if path.is_dir():
        raise StorageError(f"{path} is a folder, not an Offload database.")
    try:
        with open(path, "rb") as f:
            header = f.read(16)
    except OSError as exc:
        raise StorageError(f"Cannot read {path}: {exc.strerror}.") from exc
    if header != b"SQLite format 3\x00":
        raise StorageError(f"{path} is not an Offload database (not an SQLite file); nothing was changed.")
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            ok = conn.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise StorageError(f"Cannot read {path}: {exc}; nothing was changed.") from exc
    if app_id != APP_ID:
        raise StorageError(f"{path} is not an Offload database; nothing was changed.")
    if ok != "ok":
        raise StorageError(f"{path} is damaged ({ok}); nothing was changed.")
    if version > CURRENT_VERSION:
        raise StorageError(f"{path} was written by a newer Offload (schema {version}); update Offload first.")
    return version


def _copy_file_into(source: Path, target: Path) -> None:
    """Put a copy of an Offload file at `target` in one rename (the file there cannot be read)."""
    src = sqlite3.connect(f"{Path(source).resolve().as_uri()}?mode=ro", uri=True)
    try:
        for side in ("-wal", "-shm"):
            try:
                os.unlink(str(target) + side)
            except FileNotFoundError:
                pass
        backups.replace_database(src, target)
    finally:
        src.close()


def restore(db_path: Path, source: Path, now: datetime) -> Path | None:
    """Put an Offload file back as the database; return where the file it replaced was kept.

    A readable database is kept as a backup copy and then overwritten through SQLite's backup
    API under its own locking (an app that has it open sees the restored data). One SQLite
    cannot read is kept byte for byte and replaced by a rename.
    """
    check_offload_file(source)
    if db_path.exists() and source.resolve() == db_path.resolve():
        raise StorageError(f"{source} is the database itself; name a backup to restore from.")
    if db_path.is_dir():
        raise StorageError(f"Cannot restore to {db_path}: it is a folder; move it away first.")
    kept: Path | None = None
    try:
        store = None
        if db_path.exists() and db_path.stat().st_size > 0:
            try:
                store = open_store(db_path, migrate=False)
            except StorageError:
                store = None
        if store is not None:
            try:
                kept = backups.make_copy(store.conn, db_path, "before-restore", now)
                src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
                try:
                    src.backup(store.conn)
                finally:
                    src.close()
                store.conn.execute("PRAGMA journal_mode = WAL")
            finally:
                store.close()
        else:
            if db_path.exists():
                kept = backups.keep_unreadable(db_path, now)
            db_path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            _copy_file_into(source, db_path)
    except (OSError, sqlite3.Error) as exc:
        raise StorageError(f"Cannot restore {source} to {db_path}: {exc}.") from exc
    open_store(db_path).close()  # brings an older copy up to the current schema
    return kept
