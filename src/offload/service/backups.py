"""Backups on demand and restoring one: `offload backup`, `offload restore FILE`.

Restore works even when the current file cannot be opened (that is when it is needed): the
current file is always kept first, as a backup copy or, if SQLite cannot read it, byte for byte.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from offload.domain.errors import StorageError
from offload.service.context import Context
from offload.store import backups as backup_store
from offload.store.db import default_db_path


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
        return backup_store.manual_backup(self.ctx.store, target, self.ctx.now())

    def list(self) -> list[Path]:
        return backup_store.all_backups(self.ctx.store.path)


def restore(db_path: Path | str | None, source: Path | str, now: datetime) -> Restored:
    """Put an Offload file back as the database, keeping the current one first."""
    db_path = Path(db_path) if db_path is not None else default_db_path()
    source = Path(source).expanduser()
    kept = backup_store.restore(db_path, source, now)
    return Restored(db_path, source, kept)
