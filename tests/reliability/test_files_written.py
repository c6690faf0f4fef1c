"""Files Offload writes never destroy data: export, brief, backup FILE and the screenshot.

An existing file only with --force (in the app: after a yes); never the database, its
-wal/-shm/-journal, its backups folder or anything that is not a regular file, however it
is named (relative path, symlink, hard link); written whole and owner-only.
"""

from __future__ import annotations

import ast
from datetime import datetime, timezone
import os
import stat
import subprocess
from pathlib import Path

import pytest

import offload

from offload import cli
from offload.domain.clock import FrozenClock
from offload.service import Offload
from offload.store.backups import all_backups
from tests.helpers.db import snapshot

from ._support import child_env, offload_argv

# The code of the package as imported (installed, or a checkout installed editable).
SRC = Path(offload.__file__).resolve().parent

WRITERS = {
    "export": lambda target, *force: ["export", "-o", target, *force],
    "brief": lambda target, *force: ["brief", "-o", target, *force],
    "backup": lambda target, *force: ["backup", target, *force],
}


@pytest.fixture
def logged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A database with an entry, a skill set and a daily copy, and the current folder beside it."""
    db = tmp_path / "offload.db"
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("OFFLOAD_NOW", "2026-11-20T10:00:00Z")
    monkeypatch.setenv("OFFLOAD_TZ", "Europe/London")
    assert cli.main(["--db", str(db), "add", "Invoices", "--from", "9:00", "--to", "9:30"]) == 0
    svc = Offload.open(db)
    svc.grouping.assign("Invoices", "Bookkeeping and accounts")
    svc.close()
    assert cli.main(["--db", str(db), "backup"]) == 0
    return db


def _offload(db: Path, *args: str) -> int:
    return cli.main(["--db", str(db), *args])


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _targets_that_are_the_database(db: Path) -> dict[str, str]:
    """Ways to name the database or its own files from the folder it is in."""
    folder = db.parent
    (folder / "link-to-db").symlink_to(db)
    os.link(db, folder / "hard-link-to-db")
    os.makedirs(folder / "sub", exist_ok=True)
    copy = all_backups(db)[0]
    return {
        "by name": "offload.db",
        "relative through a folder": "sub/../offload.db",
        "absolute": str(db),
        "symlink": "link-to-db",
        "hard link": "hard-link-to-db",
        "wal": "offload.db-wal",
        "shm": "offload.db-shm",
        "journal": "offload.db-journal",
        "a backup copy": str(copy.relative_to(folder)),
        "a new file in backups/": "backups/new.db",
    }


@pytest.mark.parametrize("command", sorted(WRITERS))
def test_the_database_its_journals_and_backups_are_refused_even_with_force(logged: Path, command: str,
                                                                           capsys) -> None:
    db = logged
    svc = Offload.open(db, FrozenClock(datetime(2026, 11, 20, 10, tzinfo=timezone.utc), "Europe/London"))
    svc.log.running()  # the app open on it: its -wal and -shm exist
    try:
        before = snapshot(db)
        copies = {p: p.read_bytes() for p in all_backups(db)}
        for how, target in _targets_that_are_the_database(db).items():
            for force in ((), ("--force",)):
                capsys.readouterr()
                code = _offload(db, *WRITERS[command](target, *force))
                err = capsys.readouterr().err
                assert code == 2, (how, force)
                assert "Offload's" in err and err.count("\n") == 1, (how, err)
        assert snapshot(db) == before
        assert {p: p.read_bytes() for p in all_backups(db)} == copies
        assert not (db.parent / "backups" / "new.db").exists()
        assert not (db.parent / "offload.db-journal").exists()
        # The open service still works on the file it opened.
        assert svc.log.today()[0].task == "Invoices"
    finally:
        svc.close()


@pytest.mark.parametrize("command", sorted(WRITERS))
def test_an_existing_file_only_with_force_and_its_mode_is_kept(logged: Path, command: str, capsys) -> None:
    target = logged.parent / "mine.out"
    target.write_text("my own words\n")
    target.chmod(0o640)
    capsys.readouterr()
    assert _offload(logged, *WRITERS[command](str(target))) == 2
    err = capsys.readouterr().err
    assert err == f"offload: {target} already exists. Add --force to replace it.\n"
    assert target.read_text() == "my own words\n"
    held = target.parent / "held.out"
    os.link(target, held)  # someone holding the old file keeps it whole
    assert _offload(logged, *WRITERS[command](str(target), "--force")) == 0
    assert target.read_bytes() != b"my own words\n" and target.stat().st_size > 0
    assert held.read_text() == "my own words\n"  # replaced by a rename, never written in place
    assert _mode(target) == 0o640


@pytest.mark.parametrize("command", sorted(WRITERS))
def test_a_new_file_is_owner_only_under_an_open_umask(logged: Path, command: str) -> None:
    target = logged.parent / f"new-{command}.out"
    old = os.umask(0)
    try:
        assert _offload(logged, *WRITERS[command](str(target))) == 0
    finally:
        os.umask(old)
    assert _mode(target) == 0o600
    assert not [p for p in logged.parent.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("kind", ["fifo", "folder", "device"])
@pytest.mark.parametrize("command", sorted(WRITERS))
def test_what_is_not_a_regular_file_is_refused_even_with_force(logged: Path, command: str, kind: str) -> None:
    if kind == "fifo":
        target = logged.parent / "pipe"
        os.mkfifo(target)
    elif kind == "folder":
        target = logged.parent / "folder"
        target.mkdir()
    else:
        target = Path("/dev/null")
    env = child_env({"OFFLOAD_NOW": "2026-11-20T10:00:00Z", "OFFLOAD_TZ": "Europe/London"})
    try:  # a subprocess: writing into a named pipe nobody reads would hang forever
        done = subprocess.run(offload_argv(logged, *WRITERS[command](str(target), "--force")),
                              capture_output=True, text=True, env=env, timeout=30)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{command} blocked writing into a {kind}")
    assert done.returncode == 2, done.stderr
    assert str(target) in done.stderr and "Traceback" not in done.stderr
    assert not stat.S_ISREG(os.stat(target).st_mode)


def test_one_writer_for_every_file_offload_writes() -> None:
    """Renames, fsyncs and truncating opens live in store/files.py alone (there were five copies)."""
    found = []
    for path in sorted(SRC.rglob("*.py")):
        if path.name == "files.py" and path.parent.name == "store":
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Attribute) and node.attr in ("replace", "rename", "fsync", "O_CREAT", "O_TRUNC", "fchmod", "fdopen") \
                    and isinstance(node.value, ast.Name) and node.value.id == "os":
                found.append(f"{path.relative_to(SRC)}:{node.lineno} os.{node.attr}")
    assert found == []


def test_a_dangling_symlink_as_the_database_makes_an_owner_only_file(tmp_path: Path) -> None:
    link = tmp_path / "offload.db"
    real = tmp_path / "elsewhere.db"
    link.symlink_to(real)
    old = os.umask(0o022)
    try:
        Offload.open(link).close()
    finally:
        os.umask(old)
    assert link.is_symlink() and real.is_file()
    assert _mode(real) == 0o600


def test_export_says_where_it_wrote(logged: Path, capsys) -> None:
    capsys.readouterr()
    assert _offload(logged, "export", "-o", "all.json") == 0
    assert capsys.readouterr().err == f"Exported to {logged.parent / 'all.json'}\n"


@pytest.mark.parametrize("command", sorted(WRITERS))
def test_the_journals_of_a_database_opened_through_a_symlink_are_refused(tmp_path: Path, command: str,
                                                                         monkeypatch, capsys) -> None:
    """SQLite keeps the journals beside the file a symlink names, not beside the link: those
    are the database's own too (replacing the -wal loses every change not yet in the file)."""
    real_folder, link_folder = tmp_path / "data", tmp_path / "elsewhere"
    real_folder.mkdir()
    link_folder.mkdir()
    db = real_folder / "offload.db"
    link = link_folder / "offload.db"
    link.symlink_to(db)
    monkeypatch.setenv("OFFLOAD_NOW", "2026-11-20T10:00:00Z")
    monkeypatch.setenv("OFFLOAD_TZ", "Europe/London")
    assert _offload(link, "add", "Invoices", "--from", "9:00", "--to", "9:30") == 0
    svc = Offload.open(link, FrozenClock(datetime(2026, 11, 20, 10, tzinfo=timezone.utc), "Europe/London"))
    svc.log.running()  # the app open on it: the -wal and -shm exist beside the real file
    try:
        assert Path(f"{db}-wal").exists()
        before = {side: Path(f"{db}{side}").read_bytes() for side in ("-wal", "-shm")}
        for side in ("-wal", "-shm", "-journal"):
            capsys.readouterr()
            assert _offload(link, *WRITERS[command](f"{db}{side}", "--force")) == 2, side
            assert "Offload's database" in capsys.readouterr().err
        assert {side: Path(f"{db}{side}").read_bytes() for side in ("-wal", "-shm")} == before
        assert not Path(f"{db}-journal").exists()
    finally:
        svc.close()


@pytest.mark.parametrize("command", sorted(WRITERS))
def test_a_symlink_loop_as_the_target_is_refused_with_a_message(logged: Path, command: str, capsys) -> None:
    loop = logged.parent / "loop"
    loop.symlink_to(loop)
    for force in ((), ("--force",)):
        capsys.readouterr()
        assert _offload(logged, *WRITERS[command]("loop", *force)) == 2
        err = capsys.readouterr().err
        assert err.startswith("offload: ") and "loop" in err and err.count("\n") == 1, err
    assert loop.is_symlink()
