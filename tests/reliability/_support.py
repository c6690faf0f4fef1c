"""Shared by the reliability tests: soak scaling, running the real command, checking a file."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

# OFFLOAD_SOAK=1 runs the fault tests for longer and hypothesis for many more examples.
SOAK = os.environ.get("OFFLOAD_SOAK", "") not in ("", "0")


def scaled(normal: int | float, soak: int | float):
    return soak if SOAK else normal


def child_env(extra: dict | None = None) -> dict:
    env = dict(os.environ)
    env["PYTHONDONTWRITEBYTECODE"] = "1"  # a child under a file-size limit must not write .pyc files
    env.pop("OFFLOAD_DB", None)
    if extra:
        env.update(extra)
    return env


def offload_argv(db: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "offload", "--db", str(db), *args]


def run(db: Path, *args: str, preexec_fn=None, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run(offload_argv(db, *args), capture_output=True, text=True, env=child_env(),
                          timeout=timeout, preexec_fn=preexec_fn)


def soundness(db: Path) -> dict:
    """What must hold after any fault: an intact file and a log with no impossible state."""
    conn = sqlite3.connect(db)
    try:
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        rows = conn.execute("SELECT id, start_utc, end_utc FROM entries ORDER BY start_utc, id").fetchall()
    finally:
        conn.close()
    running = [r for r in rows if r[2] is None]
    overlaps = [
        (a, b) for a, b in zip(rows, rows[1:]) if a[2] is None or a[2] > b[1]
    ]
    return {"integrity": integrity, "running": len(running), "overlaps": overlaps,
            "backwards": [r for r in rows if r[2] is not None and r[2] <= r[1]], "rows": rows}


def file_bytes(path: Path) -> bytes | None:
    return path.read_bytes() if path.is_file() else None


def as_plain_user():
    """For a child process: if we are root, give up root's right to ignore file permissions
    (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER) so chmod binds it as it binds a user.
    None when not root (chmod already binds us)."""
    if os.geteuid() != 0:
        return None
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    pr_capbset_drop = 24

    def drop() -> None:
        for cap in (1, 2, 3):  # dac_override, dac_read_search, fowner: gone from the next exec
            if libc.prctl(pr_capbset_drop, cap, 0, 0, 0) != 0:
                raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")

    return drop


def permissions_bind_children() -> str | None:
    """Why chmod cannot be tested here, or None when it can."""
    if os.geteuid() != 0:
        return None
    import tempfile

    with tempfile.NamedTemporaryFile() as locked:
        os.chmod(locked.name, 0)
        probe = subprocess.run([sys.executable, "-c", f"open({locked.name!r}).read()"], capture_output=True,
                               preexec_fn=as_plain_user())
    if probe.returncode == 0:
        return "running as root and cannot drop the capability to ignore file permissions"
    return None
