"""Copies of the database: made whole, named so each is unmistakably its own database's, pruned.

A copy of `offload.db` is `backups/offload-YYYYMMDD-HHMMSS[-N]-REASON.db` (UTC stamp; N when
two are made in one second), and only names of exactly that shape count as its copies, so
`offload-2025.db` in the same folder has copies of its own that `offload.db` never touches.
At most one daily copy a day; the 7 most recent days (not counting copies dated after today,
left by a clock that was once ahead) are kept. Copies made on demand, before an upgrade or
before a restore are never pruned.

The store opens the database and passes its connection in; this module never opens it.
"""

from __future__ import annotations

import os
import re
import sqlite3
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from offload.domain.errors import StorageError
from offload.store import files
from offload.store.failures import damaged, root, why
from offload.store.files import backups_dir

DAILY_KEEP = 7
DAILY = "daily"
_REASONS = r"daily|manual|before-v\d+|before-restore|unreadable"
_STAMP = "%Y%m%d-%H%M%S"


class BackupFailed(StorageError):
    """A copy could not be written (folder in the way, no room...): said, never a refusal of the change."""


class Copy:
    """One copy, read from its name. (A plain class: `offload status` imports this module.)"""

    __slots__ = ("path", "taken", "n", "reason")

    def __init__(self, path: Path, taken: datetime, n: int, reason: str) -> None:
        self.path = path
        self.taken = taken  # UTC, from the name
        self.n = n  # 2, 3... for copies made in the same second
        self.reason = reason

    @property
    def day(self) -> str:
        return self.taken.strftime("%Y%m%d")


def _pattern(db_path: Path) -> re.Pattern:
    stem = re.escape(Path(db_path).stem)
    return re.compile(rf"{stem}-(?P<stamp>\d{{8}}-\d{{6}})(?:-(?P<n>\d{{1,3}}))?-(?P<reason>{_REASONS})\.db")


def copies(db_path: Path) -> list[Copy]:
    """This database's copies, oldest first."""
    pattern = _pattern(db_path)
    found = []
    try:
        names = os.listdir(backups_dir(db_path))
    except OSError:
        return []
    for name in names:
        match = pattern.fullmatch(name)
        if not match:
            continue
        try:
            taken = datetime.strptime(match["stamp"], _STAMP).replace(tzinfo=timezone.utc)
        except ValueError:
            continue
        found.append(Copy(backups_dir(db_path) / name, taken, int(match["n"] or 1), match["reason"]))
    return sorted(found, key=lambda c: (c.taken, c.n))


def _today(now: datetime | None) -> str:
    return (now or datetime.now(timezone.utc)).astimezone(timezone.utc).strftime("%Y%m%d")


def daily_backups(db_path: Path) -> list[Path]:
    """The rolling copies, oldest first."""
    return [c.path for c in copies(db_path) if c.reason == DAILY]


def all_backups(db_path: Path) -> list[Path]:
    return [c.path for c in copies(db_path)]


def latest_backup(db_path: Path, now: datetime | None = None) -> Path | None:
    """The newest copy to restore from: not a byte copy of an unreadable file (no way back
    from it), and not one dated after today (its date is a wrong clock's, not its age)."""
    today = _today(now)
    usable = [c for c in copies(db_path) if c.reason != "unreadable" and c.day <= today]
    return usable[-1].path if usable else None


def restore_hint(db_path: Path) -> str:
    """Where to get the data back from: the newest copy in the backups folder, named in full."""
    backup = latest_backup(db_path)
    if backup:
        return f" The latest backup is {backup}: `offload restore {backup}` puts it back."
    return " No backup of it was found."


def ensure_folder(db_path: Path) -> Path:
    """The backups folder (owner-only), made if missing; BackupFailed saying why it cannot be."""
    folder = backups_dir(db_path)
    if os.path.lexists(folder) and not folder.is_dir():
        raise BackupFailed(f"{folder} is a file, not a folder; Offload keeps the database's backups there. "
                           "Move it away.")
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        raise BackupFailed(f"Cannot create the backups folder {folder}: {exc.strerror}.") from exc
    return folder


def _sqlite_filler(conn: sqlite3.Connection, journal: str = "DELETE"):
    """Fill a temporary file with a consistent copy through SQLite's backup API: one self-contained
    file (rollback journal) for a copy, WAL for a file that becomes the database."""

    def fill(temp: Path) -> None:
        dest = sqlite3.connect(str(temp))
        try:
            conn.backup(dest)
            dest.execute(f"PRAGMA journal_mode = {journal}")
        finally:
            dest.close()

    return fill


def make_copy(conn: sqlite3.Connection, db_path: Path, reason: str, now: datetime) -> Path:
    """A new copy in the backups folder; BackupFailed if it cannot be written."""
    folder = ensure_folder(db_path)
    stamp = now.astimezone(timezone.utc).strftime(_STAMP)
    try:
        return files.write_unique(folder, f"{Path(db_path).stem}-{stamp}", f"-{reason}.db", _sqlite_filler(conn))
    except (OSError, sqlite3.Error) as exc:
        raise BackupFailed(f"Cannot write a backup of {db_path} in {folder}: {_reason(exc)}.") from exc


def copy_to(conn: sqlite3.Connection, db_path: Path, target: str | Path, force: bool = False) -> Path:
    """`offload backup FILE`: a copy at a file the user named, under the rules of files.write_named."""
    return files.write_named(target, _sqlite_filler(conn), db_path, force)


def replace_database(source: sqlite3.Connection, db_path: Path) -> Path:
    """A copy of `source` put in place of the database file in one rename (for a restore over
    a file SQLite cannot read)."""
    return files.write_whole(db_path, _sqlite_filler(source, "WAL"), replace=True)


def _reason(exc: BaseException) -> str:
    exc = root(exc)
    return why(exc) if isinstance(exc, sqlite3.Error) else (getattr(exc, "strerror", None) or str(exc))


def take_daily(conn: sqlite3.Connection, db_path: Path, now: datetime,
               reader: Callable[[], sqlite3.Connection]) -> Path | None:
    """The day's copy, unless one exists or there is nothing to lose yet; then prune.

    Run before the day's first change, in a transaction of its own holding the write lock (so
    two processes cannot both take the day's copy, and a failed copy never undoes a change).
    The copy is read through `reader()`, a connection of the store's own (SQLite cannot copy
    from a connection that holds the write lock).
    StorageError if the file is damaged (a damaged file must not push good copies out, nor be
    written to); BackupFailed if the copy or the check could not be made.
    """
    try:
        conn.execute("BEGIN IMMEDIATE")
    except (StorageError, sqlite3.Error) as exc:
        raise BackupFailed(f"Cannot check {db_path} for the day's backup: {_reason(exc)}.") from exc
    try:
        day = _today(now)
        if any(c.reason == DAILY and c.day == day for c in copies(db_path)):
            return None
        if conn.execute("SELECT 1 FROM tasks LIMIT 1").fetchone() is None:
            return None
        try:
            problem = conn.execute("PRAGMA quick_check").fetchone()[0]
        except StorageError as exc:
            if damaged(root(exc)):
                raise
            raise BackupFailed(f"Cannot check {db_path} before the day's backup: {_reason(exc)}.") from exc
        if problem != "ok":
            raise StorageError(
                f"The database {db_path} is damaged ({problem}); nothing was changed." + restore_hint(db_path))
        source = reader()
        try:
            made = make_copy(source, db_path, DAILY, now)
        finally:
            source.close()
    finally:
        try:
            conn.execute("COMMIT")  # nothing was written: this only lets the lock go
        except (StorageError, sqlite3.Error):
            pass
    prune(db_path, now)
    return made


def prune(db_path: Path, now: datetime, keep: int = DAILY_KEEP) -> list[Path]:
    """Delete daily copies older than the `keep` most recent days up to today, and temporary
    files a killed copy left. Copies dated after today are neither counted nor deleted."""
    today = _today(now)
    daily = [c for c in copies(db_path) if c.reason == DAILY and c.day <= today]
    kept_days = sorted({c.day for c in daily})[-keep:]
    gone = []
    for old in daily:
        if old.day in kept_days:
            continue
        try:
            old.path.unlink()
            gone.append(old.path)
        except OSError:
            pass
    _remove_leftovers(db_path)
    return gone


def _remove_leftovers(db_path: Path) -> None:
    pattern = _pattern(db_path)
    # File times are the machine's real time, whatever clock dates the copies.
    cutoff = time.time() - 3600
    folder = backups_dir(db_path)
    try:
        for name in os.listdir(folder):
            match = re.fullmatch(r"\.(?P<name>.+)\.\d+-[0-9a-f]{8}\.tmp", name)
            if match and pattern.fullmatch(match["name"]):
                temp = folder / name
                if temp.stat().st_mtime < cutoff:
                    temp.unlink()
    except OSError:
        pass


def keep_unreadable(db_path: Path, now: datetime) -> Path:
    """A byte copy of a file SQLite cannot read (and its WAL), before it is replaced."""
    import shutil

    folder = ensure_folder(db_path)
    stamp = now.astimezone(timezone.utc).strftime(_STAMP)

    def fill(temp: Path) -> None:
        shutil.copyfile(db_path, temp)

    target = files.write_unique(folder, f"{Path(db_path).stem}-{stamp}", "-unreadable.db", fill)
    wal = Path(f"{db_path}-wal")
    if wal.exists():
        files.write_whole(Path(f"{target}-wal"), lambda temp: shutil.copyfile(wal, temp))
    return target
