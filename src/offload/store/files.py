"""The one way Offload writes a file: whole, owner-only, never over what it must not replace.

Every file Offload makes (export, brief, backup copy, screenshot, a new database) is written
to a temporary file beside the target, fsynced, then renamed (or linked) into place, so no
one ever sees half a file under the real name. `check_target` holds the rules for a file the
user named: an existing file only with `force`, and never the database, its journals, its
backups folder or anything that is not a regular file, compared by resolved path and by
(device, inode) so a relative path, a symlink or a hard link cannot sneak past.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Callable

from offload.domain.errors import AlreadyExists, InvalidInput, StorageError

SIDE_FILES = ("-wal", "-shm", "-journal")
BACKUPS = "backups"


def backups_dir(db_path: Path) -> Path:
    return Path(db_path).parent / BACKUPS


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _resolved(path: Path, shown: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop (Python before 3.13)
        raise InvalidInput(f"{shown} is a symlink that leads back to itself (a loop); give another file.") from None


def _resolved_or_same(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path


def _protected_files(db_path: Path) -> list[Path]:
    """The database and its journals, under the name Offload opened and under the name of the
    file a symlink leads to: SQLite keeps its -wal, -shm and -journal beside the real file."""
    db = Path(db_path).absolute()
    real = _resolved_or_same(db)
    names = [db] + [Path(f"{db}{side}") for side in SIDE_FILES]
    if real != db:
        names += [Path(f"{real}{side}") for side in SIDE_FILES]
    return names


def _refuse_offloads_own(target: Path, shown: Path, db_path: Path) -> None:
    """The database, its journals and its backups folder, however they are named."""
    resolved = _resolved(target, shown)
    ident = _identity(target)
    db, *sides = _protected_files(db_path)
    for own in (db, *sides):
        if resolved == _resolved_or_same(own) or (ident is not None and ident == _identity(own)):
            what = "is" if own == db else "belongs to"
            raise InvalidInput(f"{shown} {what} Offload's database {db}; choose another file.")
    folder = backups_dir(db_path).absolute()
    folder_resolved, folder_ident = _resolved_or_same(folder), _identity(folder)
    ancestors = [resolved.parent, *resolved.parent.parents]
    inside = folder_resolved in ancestors or (
        folder_ident is not None and any(_identity(a) == folder_ident for a in ancestors))
    if not inside and ident is not None and folder_ident is not None:
        try:  # a hard link elsewhere to one of the copies
            inside = any(_identity(copy) == ident for copy in folder.iterdir())
        except OSError:
            pass
    if inside:
        raise InvalidInput(f"{shown} is in Offload's backups folder {folder}; choose a file outside it.")


def holds_offloads_own(folder: Path, db_path: Path) -> bool:
    """True when a new file in `folder` would land among Offload's own (its backups folder)."""
    try:
        _refuse_offloads_own(Path(folder).absolute() / ".offload-new-file", Path(folder), db_path)
    except InvalidInput:
        return True
    return False


def check_target(path: str | Path, db_path: Path, force: bool = False) -> Path:
    """The file to write for a path the user typed, or a refusal that says why.

    Returns the resolved path (a symlink is followed: the file it names is replaced, the
    link stays). AlreadyExists when the file is there and `force` was not given.
    """
    text = str(path).strip()
    if not text:
        raise InvalidInput("Give a file name to write to.")
    shown = Path(text).expanduser()
    target = shown.absolute()
    _refuse_offloads_own(target, shown, db_path)
    try:
        st = os.stat(target)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise StorageError(f"Cannot write {shown}: {exc.strerror}.") from None
    if st is not None and not stat.S_ISREG(st.st_mode):
        if stat.S_ISDIR(st.st_mode):
            raise InvalidInput(f"{shown} is a folder; give a file name, e.g. {shown / 'offload.md'}.")
        raise InvalidInput(f"{shown} is {_kind(st.st_mode)}, not a file; Offload writes only regular files.")
    real = _resolved(target, shown)
    if st is not None and not force:
        raise AlreadyExists(shown)
    if not real.parent.is_dir():
        raise InvalidInput(f"The folder {real.parent} does not exist.")
    return real


def write_whole(target: Path, fill: Callable[[Path], None], *, replace: bool = False) -> Path:
    """Write `target` in one step: `fill(temp)` writes a temporary file beside it (owner-only),
    which is fsynced and renamed into place.

    With `replace` an existing file is replaced (keeping its permission bits: Offload never
    changes the mode of a file it did not make); without, FileExistsError if one is there,
    even if it appeared a moment ago (the temporary file is hard-linked, never renamed, over it).
    """
    target = Path(target)
    temp = target.parent / f".{target.name}.{os.getpid()}-{os.urandom(4).hex()}.tmp"
    fd = os.open(temp, os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0), 0o600)
    os.close(fd)
    try:
        fill(temp)
        _fsync(temp)
        if replace:
            try:
                os.chmod(temp, stat.S_IMODE(os.stat(target).st_mode))
            except FileNotFoundError:
                pass
            os.replace(temp, target)
        else:
            _link_new(temp, target)
        _fsync_folder(target.parent)
    finally:
        try:
            os.unlink(temp)
        except OSError:
            pass
    return target


def _link_new(temp: Path, target: Path) -> None:
    try:
        os.link(temp, target)
    except FileExistsError:
        raise
    except OSError:
        # A file system without hard links (FAT, some network shares): check, then rename.
        if os.path.lexists(target):
            raise FileExistsError(target) from None
        os.replace(temp, target)


def write_unique(folder: Path, stem: str, suffix: str, fill: Callable[[Path], None]) -> Path:
    """A new file `stem + suffix` in `folder`, or `stem-2 + suffix`... if that name is taken:
    two copies made in the same second never share a name."""
    for n in range(1, 1000):
        name = f"{stem}{suffix}" if n == 1 else f"{stem}-{n}{suffix}"
        try:
            return write_whole(folder / name, fill)
        except FileExistsError:
            continue
    raise StorageError(f"Cannot find a free name for {stem}{suffix} in {folder}.")


def text_filler(text: str) -> Callable[[Path], None]:
    def fill(temp: Path) -> None:
        with open(temp, "w", encoding="utf-8", newline="") as out:
            out.write(text)

    return fill


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # not every file system syncs a folder
    finally:
        os.close(fd)


def write_named(path: str | Path, fill: Callable[[Path], None], db_path: Path, force: bool = False) -> Path:
    """A file the user named (export, brief, backup FILE): the rules of `check_target`, then one
    write; AlreadyExists or StorageError saying why not. Returns the full path written."""
    import sqlite3

    target = check_target(path, db_path, force)
    try:
        return write_whole(target, fill, replace=force)
    except FileExistsError:
        raise AlreadyExists(Path(str(path)).expanduser()) from None
    except (OSError, sqlite3.Error) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise StorageError(f"Cannot write {target}: {reason}; nothing was written.") from exc


def write_text(path: str | Path, text: str, db_path: Path, force: bool = False) -> Path:
    return write_named(path, text_filler(text), db_path, force)
