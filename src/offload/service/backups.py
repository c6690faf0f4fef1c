"""Backups on demand and restoring one: `offload backup`, `offload restore FILE`.

Restore works even when the current file cannot be opened (that is when it is needed): the
current file is always kept first, as a backup copy or, if SQLite cannot read it, byte for byte.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from offload.service.context import Context
from offload.store import backups as backup_store
from offload.store import restore as restore_store
from offload.store.db import default_db_path


@dataclass(frozen=True)
class Restored:
    path: Path
    source: Path
    kept: Path | None  # where the file it replaced was kept


class BackupService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def backup(self, target: str | Path | None = None, force: bool = False) -> Path:
        """A copy now: in the backups folder, or at `target` (an existing file only with `force`,
        never the database or anything in its backups folder)."""
        store = self.ctx.store
        if target is None:
            return backup_store.make_copy(store.conn, store.path, "manual", self.ctx.now())
        return backup_store.copy_to(store.conn, store.path, target, force)

    def list(self) -> list[Path]:
        return backup_store.all_backups(self.ctx.store.path)


def restore(db_path: Path | str | None, source: Path | str, now: datetime) -> Restored:
    """Put an Offload file back as the database, keeping the current one first."""
    db_path = Path(db_path) if db_path is not None else default_db_path()
    source = Path(source).expanduser()
    kept = restore_store.restore(db_path, source, now)
    return Restored(db_path, source, kept)
