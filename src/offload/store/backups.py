"""Rolling daily copies of the database, copies on demand, and putting a copy back.

At most one daily copy a day, the last `DAILY_KEEP` kept, in the backups folder next to the
database. Copies made on demand, before a migration or before a restore are never pruned.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path

from offload.domain.errors import StorageError
from offload.store.db import APP_ID, Store, backup_copy, backups_dir
from offload.store.schema import CURRENT_VERSION

DAILY_KEEP = 7
DAILY = "daily"


def daily_backups(db_path: Path) -> list[Path]:
    """The rolling copies, oldest first (the names sort by their UTC stamp)."""
    folder = backups_dir(db_path)
    try:
        return sorted(folder.glob(f"{db_path.stem}-[0-9]*-{DAILY}.db"))
    except OSError:
        return []


def all_backups(db_path: Path) -> list[Path]:
    folder = backups_dir(db_path)
    try:
        return sorted(folder.glob(f"{db_path.stem}-[0-9]*.db"))
    except OSError:
        return []


def take_daily(store: Store, now: datetime) -> Path | None:
    """The day's copy, unless one exists or there is nothing to lose yet; then prune to the last 7.

    Called under the write lock, so two processes cannot both take the day's copy.
    """
    day = now.astimezone(timezone.utc).strftime("%Y%m%d")
    existing = daily_backups(store.path)
    if any(p.name.startswith(f"{store.path.stem}-{day}-") for p in existing):
        return None
    if store.conn.execute("SELECT 1 FROM tasks LIMIT 1").fetchone() is None:
        return None
    # Once a day, before copying: a damaged file must not push good copies out of the last 7.
    problem = store.conn.execute("PRAGMA quick_check").fetchone()[0]
    if problem != "ok":
        from offload.store.db import _restore_hint

        raise StorageError(
            f"The database {store.path} is damaged ({problem}); nothing was changed." + _restore_hint(store.path)
        )
    made = backup_copy(store, reason=DAILY, now=now)
    prune(store.path)
    return made


def prune(db_path: Path, keep: int = DAILY_KEEP) -> list[Path]:
    """Delete daily copies beyond the newest `keep`, and temporary files left by a killed copy."""
    gone = []
    for old in daily_backups(db_path)[:-keep]:
        try:
            old.unlink()
            gone.append(old)
        except OSError:
            pass
    cutoff = datetime.now().timestamp() - timedelta(hours=1).total_seconds()
    try:
        for temp in backups_dir(db_path).glob(f".{db_path.stem}-*.tmp"):
            if temp.stat().st_mtime < cutoff:
                temp.unlink()
    except OSError:
        pass
    return gone


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


def copy_file_into(source: Path, target: Path) -> None:
    """Write a copy of an Offload file at `target` (owner-only), replacing it in one rename."""
    temp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    fd = os.open(temp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    os.close(fd)
    try:
        src = sqlite3.connect(f"{Path(source).resolve().as_uri()}?mode=ro", uri=True)
        dest = sqlite3.connect(str(temp))
        try:
            src.backup(dest)
            dest.execute("PRAGMA journal_mode = WAL")
        finally:
            dest.close()
            src.close()
        for side in ("-wal", "-shm"):
            try:
                os.unlink(str(target) + side)
            except FileNotFoundError:
                pass
        os.replace(temp, target)
    except BaseException:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise


def save_broken(db_path: Path, now: datetime) -> Path:
    """Keep a byte copy of a file SQLite cannot read (and its WAL) before it is replaced."""
    import shutil

    folder = backups_dir(db_path)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    stamp = now.astimezone(timezone.utc).strftime("%Y%m%d-%H%M%S")
    target = folder / f"{db_path.stem}-{stamp}-unreadable.db"
    for side in ("", "-wal"):
        src = Path(str(db_path) + side)
        if src.exists():
            dst = Path(str(target) + side)
            fd = os.open(dst, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
            os.close(fd)
            shutil.copyfile(src, dst)
    return target


def manual_backup(store: Store, target: Path | None, now: datetime) -> Path:
    """`offload backup`: a copy now, in the backups folder or at `target`; StorageError if it cannot."""
    try:
        return backup_copy(store, reason="manual", target=target, now=now)
    except (OSError, sqlite3.Error) as exc:
        where = target or backups_dir(store.path)
        raise StorageError(f"Cannot write the backup to {where}: {exc}.") from exc


def restore(db_path: Path, source: Path, now: datetime) -> Path | None:
    """Put an Offload file back as the database; return where the file it replaced was kept.

    A readable database is kept as a backup copy and then overwritten through SQLite's backup
    API under its own locking (an app that has it open sees the restored data). One SQLite
    cannot read is kept byte for byte and replaced by a rename.
    """
    from offload.store.db import open_store

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
            if db_path.exists():
                kept = save_broken(db_path, now)
            db_path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            copy_file_into(source, db_path)
    except (OSError, sqlite3.Error) as exc:
        raise StorageError(f"Cannot restore {source} to {db_path}: {exc}.") from exc
    open_store(db_path).close()  # brings an older copy up to the current schema
    return kept
