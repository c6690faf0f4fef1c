"""Shared fixtures: a frozen clock, a service on a fresh file, the in-process command, two skill sets.

Helpers (plain functions) are in tests/helpers/; no test module imports another.
"""

from __future__ import annotations

import os
import signal
import threading
from datetime import datetime, timezone
from pathlib import Path

import pytest

from offload.domain.clock import FrozenClock
from offload.service import Offload
from tests.helpers.weeks import BOOKS


def pytest_configure(config):
    """In CI (`CI` set) the run stops at once unless `offload` is the installed wheel, whatever
    part of the suite runs. And a TERM signal (a CI timeout) ends the run as ctrl+c does, so
    each test's teardown runs: no tmux server or app is left behind."""
    if os.environ.get("CI"):
        from tests.helpers.installed import where_offload_comes_from

        problem = where_offload_comes_from()
        if problem:
            raise pytest.UsageError(f"CI tests the installed package, but {problem}")
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _interrupted)


def _interrupted(signum, frame):
    raise KeyboardInterrupt(f"signal {signum}")


def pytest_xdist_auto_num_workers(config):
    """`pytest -n auto`: two workers a core. A Pilot test spends much of its time in Textual's
    waits for the app to go idle (short sleeps) and the command tests wait on subprocesses, so
    one worker a core leaves the cores half idle. PYTEST_XDIST_AUTO_NUM_WORKERS still decides."""
    if os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS"):
        return None  # pytest-xdist reads it
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return 2 * cores


@pytest.fixture
def clock() -> FrozenClock:
    """Friday 20 Nov 2026, 10:00 in London (UTC in winter)."""
    return FrozenClock(datetime(2026, 11, 20, 10, 0, tzinfo=timezone.utc), "Europe/London")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "offload.db"


@pytest.fixture
def service(db_path: Path, clock: FrozenClock):
    svc = Offload.open(db_path, clock)
    yield svc
    svc.close()


@pytest.fixture
def cli(db_path, monkeypatch, capsys):
    """Run `offload --db <tmp> ARGS...` in-process at a given time; return (exit, stdout, stderr)."""
    from offload.cli import main

    monkeypatch.setenv("OFFLOAD_TZ", "Europe/London")

    def run(*args: str, at: str = "2026-11-20T10:00:00Z"):
        monkeypatch.setenv("OFFLOAD_NOW", at)
        code = main(["--db", str(db_path), *args])
        out = capsys.readouterr()
        return code, out.out, out.err

    return run


@pytest.fixture
def sets(service):
    """Two empty skill sets: Bookkeeping and accounts, Website maintenance."""
    service.grouping.create(BOOKS)
    service.grouping.create("Website maintenance")
    return service
