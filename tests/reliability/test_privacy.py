"""Privacy: every file Offload writes is its owner's alone, whatever the umask, and nothing
opens a network connection."""

from __future__ import annotations

import os
import socket
import stat
from datetime import datetime, timezone
from pathlib import Path

import pytest

from offload import cli
from offload.domain.clock import FrozenClock
from offload.service import Offload
from offload.tui.app import OffloadApp
from tests.helpers.app import press, settle, type_into

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "schema_v1.db"


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def open_umask():
    """The loosest umask: modes must come from Offload, not from a careful shell."""
    old = os.umask(0)
    yield
    os.umask(old)


def test_database_folder_backups_and_exports_are_owner_only(tmp_path: Path, open_umask, monkeypatch) -> None:
    import shutil

    folder = tmp_path / "new" / "offload"
    db = folder / "offload.db"
    clock = FrozenClock(datetime(2026, 11, 20, 10, tzinfo=timezone.utc), "Europe/London")
    svc = Offload.open(db, clock)
    svc.log.add("Invoices", "8:00", "9:00")
    clock.advance(days=1)
    svc.log.start("Calls")  # the day's first change: a daily copy
    held_open = [Path(str(db) + side) for side in ("-wal", "-shm") if Path(str(db) + side).exists()]
    svc.backups.backup()
    svc.backups.backup(tmp_path / "copy.db")
    svc.review.toggle_highlight("Invoices")
    svc.grouping.assign("Invoices", "Bookkeeping", create=True)
    brief = svc.grouping.write_brief(tmp_path / "brief.md")
    svc.close()
    old = tmp_path / "old.db"
    shutil.copyfile(FIXTURE, old)
    os.chmod(old, 0o600)
    Offload.open(old, clock).close()  # a migration's copy
    assert cli.main(["--db", str(db), "export", "-o", str(tmp_path / "all.json")]) == 0
    assert cli.main(["--db", str(db), "export", "--format", "csv", "-o", str(tmp_path / "all.csv")]) == 0
    assert cli.main(["--db", str(db), "restore", str(tmp_path / "copy.db")]) == 0

    assert _mode(folder) == 0o700
    assert _mode(folder / "backups") == 0o700 and _mode(tmp_path / "backups") == 0o700
    files = [db, *held_open, *(folder / "backups").iterdir(), *(tmp_path / "backups").iterdir(),
             tmp_path / "copy.db", tmp_path / "all.json", tmp_path / "all.csv", brief]
    kinds = {p.name.rsplit("-", 1)[-1] for p in (folder / "backups").iterdir()}
    assert {"daily.db", "manual.db", "restore.db"} <= kinds
    assert held_open, "the WAL files are the database too"
    for path in files:
        assert _mode(path) == 0o600, path


def test_the_command_line_creates_owner_only_files_under_an_open_umask(tmp_path: Path) -> None:
    from ._support import run

    def loose() -> None:
        os.umask(0)

    db = tmp_path / "fresh" / "offload.db"
    assert run(db, "start", "Invoices", preexec_fn=loose).returncode == 0
    assert run(db, "backup", preexec_fn=loose).returncode == 0
    assert _mode(db.parent) == 0o700 and _mode(db) == 0o600
    assert all(_mode(p) == 0o600 for p in (db.parent / "backups").iterdir())


class NetworkUsed(AssertionError):
    pass


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to reach the network fails the test (local socketpairs, which asyncio uses, stay)."""
    real_init = socket.socket.__init__

    def guarded_init(self, family=-1, type=-1, proto=-1, fileno=None):
        if family in (socket.AF_INET, socket.AF_INET6):
            raise NetworkUsed(f"a network socket was opened ({family})")
        real_init(self, family, type, proto, fileno)

    def refuse(*args, **kwargs):
        raise NetworkUsed(f"network use: {args!r}")

    monkeypatch.setattr(socket.socket, "__init__", guarded_init)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket.socket, "sendto", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "gethostbyname", refuse)


def test_the_commands_open_no_network_connection(tmp_path: Path, no_network, capsys) -> None:
    db = str(tmp_path / "offload.db")
    for argv in (["add", "Calls", "--from=-2h", "--to=-1h"], ["start", "Invoices"], ["status"], ["stop"],
                 ["resume"], ["log"], ["report"], ["export", "-o", str(tmp_path / "x.json")],
                 ["import", str(tmp_path / "x.json")], ["backup"]):
        # Refusals are fine here (stop in the same second as start); reaching the network is not.
        assert cli.main(["--db", db, *argv]) in (0, 1, 2), argv
    backup = next((tmp_path / "backups").iterdir())
    assert cli.main(["--db", db, "restore", str(backup)]) == 0
    assert cli.main(["--db", str(tmp_path / "demo.db"), "demo"]) == 0


async def test_the_app_opens_no_network_connection(service, clock, no_network) -> None:
    service.log.add("Invoices", "8:00", "9:00")
    app = OffloadApp(service, tick_seconds=3600)
    async with app.run_test(size=(120, 36)) as pilot:
        # Esc: the task field keeps the focus after Enter, and 2 3 1 would be typed into it.
        await type_into(pilot, "#task-input", "Calls")
        await press(pilot, "enter", "escape")
        clock.advance(300)
        for key in ("2", "3", "1"):
            await press(pilot, key)
            await settle(pilot)
        await press(pilot, "s")
        await settle(pilot)
    assert service.log.running() is None
