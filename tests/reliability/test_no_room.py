"""No room or no permission: a clear message naming the path, a non-zero exit, the file unchanged.

chmod does not stop root, so when the tests run as root the command runs without root's
capability to ignore permissions; a full disk is a small tmpfs mounted where that is allowed.
"""

from __future__ import annotations

import os
import resource
import shutil
import signal
import subprocess
import tempfile
from datetime import datetime, timezone
from pathlib import Path

import pytest

from offload.domain.clock import FrozenClock
from offload.service import Offload

from ._support import as_plain_user, permissions_bind_children, run

WRITES = [("start", "Invoices"), ("add", "Calls", "--from=-30m", "--to=-20m")]


def _fill(db: Path) -> None:
    clock = FrozenClock(datetime.now(timezone.utc).replace(microsecond=0), "UTC")
    svc = Offload.open(db, clock)
    for i in range(30):
        svc.log.add(f"Task {i % 5}", f"-{600 - i * 10}m", f"-{600 - i * 10 - 5}m")
    svc.close()


@pytest.fixture
def own_folder():
    """A folder the command's user owns (outside pytest's root-only tmp tree when we are root)."""
    folder = Path(tempfile.mkdtemp(prefix="offload-perm-"))
    yield folder
    for path in [folder, *folder.rglob("*")]:
        try:
            os.chmod(path, 0o700)
        except OSError:
            pass
    shutil.rmtree(folder, ignore_errors=True)


def _unchanged_after_refused_writes(db: Path, preexec_fn=None) -> None:
    before = db.read_bytes()
    for args in WRITES:
        result = run(db, *args, preexec_fn=preexec_fn)
        assert result.returncode == 2, (args, result.stdout, result.stderr)
        assert "Traceback" not in result.stderr
        assert str(db) in result.stderr, result.stderr
        assert db.read_bytes() == before


def _needs_plain_user() -> None:
    why = permissions_bind_children()
    if why:
        pytest.skip(why)


def test_read_only_folder(own_folder: Path) -> None:
    _needs_plain_user()
    db = own_folder / "offload.db"
    _fill(db)
    os.chmod(own_folder, 0o500)
    _unchanged_after_refused_writes(db, as_plain_user())


def test_read_only_file(own_folder: Path) -> None:
    _needs_plain_user()
    db = own_folder / "offload.db"
    _fill(db)
    os.chmod(db, 0o400)
    _unchanged_after_refused_writes(db, as_plain_user())


def test_unwritable_folder_for_a_new_database(own_folder: Path) -> None:
    _needs_plain_user()
    os.chmod(own_folder, 0o500)
    db = own_folder / "offload.db"
    result = run(db, "start", "Invoices", preexec_fn=as_plain_user())
    assert result.returncode == 2 and str(db) in result.stderr and "Traceback" not in result.stderr
    assert not db.exists()


def _file_size_limit(limit: int):
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # fail the write with EFBIG, do not kill
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def test_a_write_that_fails_file_size_limit(tmp_path: Path) -> None:
    db = tmp_path / "offload.db"
    _fill(db)
    _unchanged_after_refused_writes(db, _file_size_limit(0))
    # Without the limit, the same commands work on the same file: nothing was left half done.
    assert run(db, "start", "Invoices").returncode == 0


@pytest.fixture
def small_filesystem():
    """A 4 MB tmpfs, where this process may mount one (root on Linux); otherwise skip."""
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a small filesystem needs root; the file-size-limit test covers a failing write")
    folder = Path(tempfile.mkdtemp(prefix="offload-full-"))
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m,mode=0700", "tmpfs", str(folder)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        folder.rmdir()
        pytest.skip(f"cannot mount a small filesystem here: {done.stderr.strip()}")
    yield folder
    if subprocess.run(["umount", str(folder)], capture_output=True).returncode != 0:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)  # a failed test left a file open
    shutil.rmtree(folder, ignore_errors=True)


def test_a_full_disk(small_filesystem: Path) -> None:
    db = small_filesystem / "offload.db"
    _fill(db)
    filler = small_filesystem / "filler"
    fd = os.open(filler, os.O_CREAT | os.O_WRONLY, 0o600)
    try:
        while True:
            os.write(fd, b"\0" * 4096)
    except OSError:
        pass
    finally:
        os.close(fd)
    _unchanged_after_refused_writes(db)
    filler.unlink()
    assert run(db, "start", "Invoices").returncode == 0
