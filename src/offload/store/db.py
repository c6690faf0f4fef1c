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
from offload.store import backups, files
from offload.store.backups import restore_hint as _restore_hint
from offload.store.failures import damaged as _damaged, root as _root, why as _why
from offload.store.schema import CURRENT_VERSION, MIGRATIONS

APP_ID = 0x0FF10AD  # PRAGMA application_id marks the file as Offload's

# What SQLite raises, for the layers above that never name sqlite3 themselves.
DatabaseError = sqlite3.Error


def default_db_path() -> Path:
    env = os.environ.get("OFFLOAD_DB")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("offload", appauthor=False)) / "offload.db"


class Store:
    """An open database file. `conn` is in autocommit; writes go through `write()`."""

    def __init__(self, path: Path | str, conn: sqlite3.Connection) -> None:
        self.path = Path(path)
        self.conn = conn
        # Set by the service: run before each write transaction, outside it (the daily backup).
        self.before_write: Callable[[], None] | None = None
        self._identity: tuple[int, int] | None = None  # the file's (device, inode), at the first look
        if self.path.exists():
            self._check_same_file()  # the file as opened: a later move or replacement is caught

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One transaction taking the write lock up front (no lock upgrade deadlock). Refused when
        the file at `path` is no longer the one opened: a change confirmed into a removed or
        replaced file would be lost."""
        self._check_same_file()
        if self.before_write is not None:
            self.before_write()
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise StorageError(f"Cannot write to {self.path}: {_why(_root(exc))}.") from _root(exc)
        try:
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

    def reader(self) -> sqlite3.Connection:
        """A second connection to the same file, for reading while `conn` holds the write lock."""
        return connect(self.path)

    def data_version(self) -> int:
        """Changes when another connection commits: cheap polling for outside changes. Raises
        StorageError when the file at `path` is no longer the one opened (removed or replaced:
        what is read and written now goes to a file no one will see again)."""
        self._check_same_file()
        return self.conn.execute("PRAGMA data_version").fetchone()[0]

    def _check_same_file(self) -> None:
        try:
            now = os.stat(self.path)
        except FileNotFoundError:
            now = None
        except OSError:
            return  # cannot tell (a folder made unreadable): the reads say what is wrong
        if self._identity is None:
            self._identity = (now.st_dev, now.st_ino) if now else None
        elif now is None or (now.st_dev, now.st_ino) != self._identity:
            raise StorageError(
                f"The database {self.path} was {'removed' if now is None else 'replaced by another file'} "
                "while Offload had it open: what is done now would be lost. Quit Offload and start it "
                "again." + _restore_hint(self.path))

    def close(self) -> None:
        self.conn.close()


def _prepare_file(path: Path) -> Path:
    """The file to open: made whole and owner-only if new (also where a dangling symlink points)."""
    if path.is_dir():
        raise StorageError(
            f"Cannot open the database {path}: it is a folder, not a file; it was left as it was."
            + _restore_hint(path)
        )
    if os.path.lexists(path) and not path.exists():
        real = path.resolve()  # a link to a database not made yet: make it there, owner-only
        if not real.parent.is_dir():
            raise StorageError(f"Cannot create the database {path}: it links to {real}, in a folder that "
                               "does not exist.")
        _create_whole(real)
        return path
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
    return path


def _create_whole(path: Path) -> None:
    """Make a new database beside the target and link it into place in one step (files.write_whole).

    So no process ever sees a half-made (empty) file under the real name, even when two
    start on a fresh path at once: the loser of the link opens the winner's file. Owner-only
    from the first byte: the log is a record of someone's working life.
    """

    def fill(temp: Path) -> None:
        try:
            conn = connect(temp)
            try:
                _migrate(Store(temp, conn), 0)
            finally:
                conn.close()
        finally:
            for side in ("-wal", "-shm"):
                try:
                    os.unlink(f"{temp}{side}")
                except OSError:
                    pass

    try:
        files.write_whole(path, fill)
    except FileExistsError:
        pass
    except OSError as exc:
        raise StorageError(f"Cannot create the database {path}: {exc.strerror}.") from exc


_FAILURES: dict[type, type] = {}


def _failure(kind: type, message: str) -> StorageError:
    """A StorageError that is still the SQLite error it came from, so `except sqlite3.X` around
    a query keeps working while an uncaught one reaches the user as a message."""
    cls = _FAILURES.get(kind)
    if cls is None:
        cls = _FAILURES[kind] = type(f"Store{kind.__name__}", (StorageError, kind), {})
    return cls(message)


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
    # mode=rw: SQLite never creates the file (it would with the umask's mode); _create_whole does.
    uri = Path(path).absolute().as_uri() + "?mode=rw"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=15, check_same_thread=False,
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
    if not create and not path.exists():
        raise NoDatabase(path, explicit)  # a dangling symlink too: a reading command creates nothing
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


def _migrate(store: Store, version: int) -> None:
    conn = store.conn
    if version > 0:
        try:
            backups.make_copy(conn, store.path, f"before-v{CURRENT_VERSION}", datetime.now(timezone.utc))
        except StorageError as exc:
            raise StorageError(f"Offload must keep a copy of {store.path} before upgrading it, and cannot: "
                               f"{exc.message} Nothing was changed.") from exc
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
