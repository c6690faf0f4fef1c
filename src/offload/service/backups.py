"""Backups on demand and restoring one: `offload backup`, `offload restore FILE`.

Restore works even when the current file cannot be opened (that is when it is needed): the
current file is always kept first, as a backup copy or, if SQLite cannot read it, byte for byte.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from offload.domain.errors import StorageError
from offload.service.context import Context
from offload.store import backups as backup_store
from offload.store.db import backup_copy, default_db_path, open_store


@dataclass(frozen=True)
class Restored:
    path: Path
    source: Path
    kept: Path | None  # where the file it replaced was kept


class BackupService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def backup(self, target: str | Path | None = None) -> Path:
        """A copy now: in the backups folder, or at `target` (never over an existing file)."""
        if target is not None:
            target = Path(target).expanduser()
            if target.exists():
                raise StorageError(f"{target} already exists; name a new file for the backup.")
            if not target.parent.is_dir():
                raise StorageError(f"There is no folder {target.parent} to put {target.name} in.")
        try:
            return backup_copy(self.ctx.store, reason="manual", target=target, now=self.ctx.now())
        except (OSError, sqlite3.Error) as exc:
            where = target or backup_store.backups_dir(self.ctx.store.path)
            raise StorageError(f"Cannot write the backup to {where}: {exc}.") from exc

    def list(self) -> list[Path]:
        return backup_store.all_backups(self.ctx.store.path)


def restore(db_path: Path | str | None, source: Path | str, now: datetime) -> Restored:
    """Put an Offload file back as the database, keeping the current one first."""
    db_path = Path(db_path) if db_path is not None else default_db_path()
    source = Path(source).expanduser()
    backup_store.check_offload_file(source)
    if db_path.exists() and source.resolve() == db_path.resolve():
        raise StorageError(f"{source} is the database itself; name a backup to restore from.")
    if db_path.is_dir():
        raise StorageError(f"Cannot restore to {db_path}: it is a folder; move it away first.")
    kept: Path | None = None
    try:
        if db_path.exists() and db_path.stat().st_size > 0:
            try:
                store = open_store(db_path, migrate=False)
            except StorageError:
                store = None
            if store is not None:
                # A readable database: keep a copy, then copy into it under SQLite's own locking,
                # so an app that has it open sees the restored data rather than a replaced file.
                try:
                    kept = backup_copy(store, reason="before-restore", now=now)
                    src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
                    try:
                        src.backup(store.conn)
                    finally:
                        src.close()
                    store.conn.execute("PRAGMA journal_mode = WAL")
                finally:
                    store.close()
            else:
                kept = backup_store.save_broken(db_path, now)
                backup_store.copy_file_into(source, db_path)
        else:
            if db_path.exists():
                kept = backup_store.save_broken(db_path, now)
            db_path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            backup_store.copy_file_into(source, db_path)
    except (OSError, sqlite3.Error) as exc:
        raise StorageError(f"Cannot restore {source} to {db_path}: {exc}.") from exc
    open_store(db_path).close()  # brings an older copy up to the current schema
    return Restored(db_path, source, kept)
