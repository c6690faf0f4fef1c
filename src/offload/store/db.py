"""Opening the database file: pragmas, migrations with a backup first, and write transactions.

Plain `sqlite3` here so `offload status` starts fast; sqlite-utils is used where rows
move in bulk (import and export).
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from datetime import datetime, timezone
from typing import Callable, Iterator

from offload.domain.errors import Conflict, InvalidInput, NoDatabase, StorageError
from offload.domain.text import name_key
from offload.store.schema import CURRENT_VERSION, MIGRATIONS

APP_ID = 0x0FF10AD  # PRAGMA application_id marks the file as Offload's


def default_db_path() -> Path:
    env = os.environ.get("OFFLOAD_DB")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("offload", appauthor=False)) / "offload.db"


def backups_dir(db_path: Path) -> Path:
    return db_path.parent / "backups"


def latest_backup(db_path: Path) -> Path | None:
    folder = backups_dir(db_path)
    try:
        # Not the byte copies of files SQLite could not read, kept by a restore: no way back.
        found = sorted(p for p in folder.glob(f"{db_path.stem}-[0-9]*.db") if not p.name.endswith("-unreadable.db"))
    except OSError:
        return None
    return found[-1] if found else None


def _restore_hint(path: Path) -> str:
    """Where to get the data back from: the newest copy in the backups folder, named in full."""
    backup = latest_backup(path)
    if backup:
        return f" The latest backup is {backup}: `offload restore {backup}` puts it back."
    return " No backup of it was found."


def _why(exc: BaseException) -> str:
    """SQLite's reason, with what it usually means for someone at a terminal."""
    text = str(exc)
    lowered = text.lower()
    if "readonly" in lowered or "read-only" in lowered:
        return text + " (the file or its folder cannot be written: check its permissions)"
    if "disk i/o error" in lowered or "disk is full" in lowered:
        return text + " (is the disk full, or a file-size limit reached?)"
    if "unable to open" in lowered:
        return text + " (check the permissions of the file and its folder)"
    return text


class Store:
    """An open database file. `conn` is in autocommit; writes go through `write()`."""

    def __init__(self, path: Path | str, conn: sqlite3.Connection) -> None:
        self.path = Path(path)
        self.conn = conn
        # Set by the service: the clock that dates the daily backup taken before the day's first write.
        self.backup_clock: Callable[[], datetime] | None = None
        self._backup_checked_day: str | None = None

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One transaction taking the write lock up front (no lock upgrade deadlock)."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise StorageError(f"Cannot write to {self.path}: {_why(_root(exc))}.") from _root(exc)
        try:
            self._daily_backup()
            yield self.conn
            self.conn.execute("COMMIT")
        except BaseException as exc:
            try:
                self.conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass
            if isinstance(exc, sqlite3.IntegrityError):
                # A rule of the schema that Offload's own change broke: the file is fine, and
                # "cannot write to the file" would send the user after the wrong problem.
                raise Conflict(
                    f"Offload did not save that change: it would break a rule of the log ({exc}). "
                    "Nothing was changed and the file is fine; this is a fault in Offload, please report it."
                ) from exc
            if isinstance(exc, sqlite3.Error):
                if _damaged(_root(exc)) and isinstance(exc, StorageError):
                    raise  # already names the file and the backup
                # A write that failed (disk full, read-only...): say so, rather than "cannot read".
                raise StorageError(
                    f"Cannot write to {self.path}: {_why(_root(exc))}; nothing was changed."
                ) from _root(exc)
            raise

    def _daily_backup(self) -> None:
        """Under the write lock, before the day's first change: cheap once checked for the day."""
        if self.backup_clock is None:
            return
        now = self.backup_clock()
        day = now.strftime("%Y%m%d")
        if self._backup_checked_day == day:
            return
        self._backup_checked_day = day
        from offload.store.backups import take_daily

        try:
            take_daily(self, now)
        except StorageError as exc:
            if isinstance(exc, sqlite3.Error) and not _damaged(_root(exc)):
                return  # as below: only damage stops the write
            self._backup_checked_day = None  # damaged: refuse this write and the next ones
            raise
        except (OSError, sqlite3.Error):
            pass  # a backup that cannot be written must not stop the log itself

    def data_version(self) -> int:
        """Changes when another connection commits: cheap polling for outside changes."""
        return self.conn.execute("PRAGMA data_version").fetchone()[0]

    def close(self) -> None:
        self.conn.close()


def _prepare_file(path: Path) -> None:
    if path.is_dir():
        raise StorageError(
            f"Cannot open the database {path}: it is a folder, not a file; it was left as it was."
            + _restore_hint(path)
        )
    folder = path.parent
    if not folder.exists():
        try:
            folder.mkdir(parents=True, mode=0o700)
        except OSError as exc:
            raise StorageError(f"Cannot create the folder {folder} for the database: {exc.strerror}.") from exc
    if path.exists():
        if path.is_file() and path.stat().st_size == 0 and not Path(str(path) + "-wal").exists():
            raise StorageError(
                f"The database {path} is an empty file; it was left as it was. Remove it to start afresh."
                + _restore_hint(path)
            )
    else:
        _create_whole(path)


def _create_whole(path: Path) -> None:
    """Make a new database beside the target and link it into place in one step.

    So no process ever sees a half-made (empty) file under the real name, even when two
    start on a fresh path at once: the loser of the link opens the winner's file.
    """
    tmp = path.parent / f".{path.name}.new-{os.getpid()}-{os.urandom(4).hex()}"
    try:
        # Owner-only from the first byte: the log is a record of someone's working life.
        fd = os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
        os.close(fd)
        conn = connect(tmp)
        try:
            _migrate(Store(tmp, conn), 0)
        finally:
            conn.close()
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass
    except OSError as exc:
        raise StorageError(f"Cannot create the database {path}: {exc.strerror}.") from exc
    finally:
        for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
            try:
                leftover.unlink()
            except FileNotFoundError:
                pass
            except OSError:
                pass


_FAILURES: dict[type, type] = {}


def _failure(kind: type, message: str) -> StorageError:
    """A StorageError that is still the SQLite error it came from, so `except sqlite3.X` around
    a query keeps working while an uncaught one reaches the user as a message."""
    cls = _FAILURES.get(kind)
    if cls is None:
        cls = _FAILURES[kind] = type(f"Store{kind.__name__}", (StorageError, kind), {})
    return cls(message)


def _root(exc: BaseException) -> BaseException:
    """SQLite's own error behind a guarded failure."""
    return exc.__cause__ if isinstance(exc, StorageError) and exc.__cause__ is not None else exc


def _read_failure(path: Path, exc: sqlite3.Error) -> StorageError:
    if _damaged(exc):
        return _failure(type(exc),
                        f"The database {path} is damaged ({exc}); it was left as it was." + _restore_hint(path))
    return _failure(type(exc), f"Cannot use the database {path}: {_why(exc)}. It was left as it was.")


_PASS_THROUGH = (sqlite3.IntegrityError, sqlite3.ProgrammingError, sqlite3.InterfaceError)


class _GuardedCursor(sqlite3.Cursor):
    """Damage deep in a file shows only when its page is read, in any query: such a failure
    becomes a StorageError naming the file and the backup, never a traceback."""

    def _guard(self, call, *args):
        try:
            return call(*args)
        except UnicodeEncodeError:
            # Text SQLite cannot take (lone surrogates from badly encoded argv or files): a refusal.
            raise InvalidInput(
                "That text holds characters that are not valid Unicode (from a badly encoded terminal "
                "or file); retype it."
            ) from None
        except _PASS_THROUGH:
            raise
        except sqlite3.Error as exc:
            raise _read_failure(self.connection.offload_path, exc) from exc

    def execute(self, *args):
        return self._guard(super().execute, *args)

    def executemany(self, *args):
        return self._guard(super().executemany, *args)

    def fetchone(self):
        return self._guard(super().fetchone)

    def fetchmany(self, *args):
        return self._guard(super().fetchmany, *args)

    def fetchall(self):
        return self._guard(super().fetchall)

    def __next__(self):
        return self._guard(super().__next__)


class _GuardedConnection(sqlite3.Connection):
    offload_path: Path

    def cursor(self, factory=_GuardedCursor):  # type: ignore[override]
        return super().cursor(factory)

    def execute(self, *args):  # type: ignore[override]
        return self.cursor().execute(*args)

    def executemany(self, *args):  # type: ignore[override]
        return self.cursor().executemany(*args)


def connect(path: Path | str) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=15, check_same_thread=False,
                           factory=_GuardedConnection)
    conn.offload_path = Path(path)
    conn.row_factory = sqlite3.Row
    # "The same name whatever its case" for all of Unicode, as the Python side means it.
    conn.create_function("offload_name_key", 1, name_key, deterministic=True)
    conn.execute("PRAGMA busy_timeout = 15000")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = FULL")
    return conn


def open_store(path: Path | str | None = None, migrate: bool = True, create: bool = True) -> Store:
    """Open (creating if new, unless not `create`) and bring the schema up to date, or raise
    StorageError (NoDatabase when there is none to read: a reading command creates nothing)."""
    explicit = path is not None or bool(os.environ.get("OFFLOAD_DB"))
    path = Path(path) if path is not None else default_db_path()
    if not create and not os.path.lexists(path):
        raise NoDatabase(path, explicit)
    _prepare_file(path)
    try:
        conn = connect(path)
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    except sqlite3.DatabaseError as failure:
        exc = _root(failure)
        if isinstance(exc, sqlite3.OperationalError) and not _damaged(exc):
            raise StorageError(f"Cannot open the database {path}: {_why(exc)}. The file was left as it was.") from exc
        raise StorageError(
            f"Cannot read the database {path}: {exc}. The file was left as it was." + _restore_hint(path)
        ) from exc
    if version == 0 and app_id == 0:
        has_tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if has_tables:
            conn.close()
            raise StorageError(f"{path} is an SQLite file but not an Offload database; it was left as it was.")
    elif app_id != APP_ID:
        conn.close()
        raise StorageError(f"{path} is not an Offload database; it was left as it was.")
    if version > CURRENT_VERSION:
        conn.close()
        raise StorageError(
            f"{path} was written by a newer Offload (schema {version}, this one knows {CURRENT_VERSION}); update Offload."
        )
    store = Store(path, conn)
    if version < CURRENT_VERSION and migrate:
        _migrate(store, version)
    return store


def _damaged(exc: BaseException) -> bool:
    text = str(exc).lower()
    return "malformed" in text or "not a database" in text or "corrupt" in text


def _migrate(store: Store, version: int) -> None:
    conn = store.conn
    if version > 0:
        backup_copy(store, reason=f"before-v{CURRENT_VERSION}")
    try:
        if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("BEGIN IMMEDIATE")
        # Another process may have migrated while we waited for the lock.
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        for number, step in enumerate(MIGRATIONS[version:], start=version + 1):
            if callable(step):  # a step SQL alone cannot do (it needs Python's Unicode rules)
                step(conn)
            else:
                for statement in _statements(step):
                    conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number}")
        conn.execute(f"PRAGMA application_id = {APP_ID}")
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        try:
            conn.execute("ROLLBACK")
        except sqlite3.Error:
            pass
        raise StorageError(f"Cannot set up the database {store.path}: {_root(exc)}.") from _root(exc)


def _statements(script: str) -> list[str]:
    """Split a migration into statements (executescript would commit our transaction)."""
    out, buf = [], ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out


def backup_copy(store: Store, reason: str = "", target: Path | None = None, now: datetime | None = None) -> Path:
    """A consistent copy through SQLite's backup API, owner-only, in the backups folder.

    Read through a connection of its own (so it works inside a write transaction too), written to
    a hidden temporary name and renamed: a copy cut short never looks like a backup. The copy is
    a single self-contained file (rollback journal, not WAL).
    """
    if target is None:
        folder = backups_dir(store.path)
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        moment = (now or datetime.now(timezone.utc)).astimezone(timezone.utc)
        suffix = f"-{reason}" if reason else ""
        target = folder / f"{store.path.stem}-{moment.strftime('%Y%m%d-%H%M%S')}{suffix}.db"
    target = Path(target)
    temp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    fd = os.open(temp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    os.close(fd)
    try:
        source = sqlite3.connect(str(store.path), timeout=15)
        dest = sqlite3.connect(str(temp))
        try:
            source.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
            source.close()
        os.replace(temp, target)
    except BaseException:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise
    return target
