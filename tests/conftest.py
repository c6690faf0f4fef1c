"""Shared fixtures: a frozen clock, a service on a fresh file, and running the real command."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest
from textual.pilot import Pilot

from offload.domain.clock import FrozenClock
from offload.service import Offload

SRC = Path(__file__).resolve().parents[1] / "src"


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


def run_offload(*args: str, db: Path | None = None, env: dict | None = None, timeout: float = 60,
                input: str | None = None) -> subprocess.CompletedProcess:
    """The real `offload` command in a subprocess (this checkout's source, this interpreter)."""
    full_env = dict(os.environ)
    full_env["PYTHONPATH"] = str(SRC) + os.pathsep + full_env.get("PYTHONPATH", "")
    if env:
        full_env.update(env)
    cmd = [sys.executable, "-m", "offload"]
    if db is not None:
        cmd += ["--db", str(db)]
    cmd += list(args)
    return subprocess.run(cmd, capture_output=True, text=True, env=full_env, timeout=timeout, input=input)


def snapshot(db_path: Path) -> list:
    """Every row of every table: to prove a refusal changed nothing."""
    import sqlite3

    conn = sqlite3.connect(db_path)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        return [(t, conn.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall()) for t in tables]
    finally:
        conn.close()


# --- Pilot tests: the app reads and writes off the UI thread --------------------------------------
_press, _pause = Pilot.press, Pilot.pause


async def _data_settled(pilot: Pilot) -> None:
    from offload.tui.data import Data

    data = getattr(pilot.app, "data", None)
    if isinstance(data, Data):  # the Offload app (a test's own small app may have none)
        await data.idle()


@pytest.fixture(autouse=True)
def pilot_waits_for_the_data(monkeypatch):
    """In a Pilot test a key is pressed once the app has answered the one before, as a person
    would see it answer, and `pilot.pause()` waits until what the app was asked to read or change
    is done and shown. (The app itself never waits: its reads and changes run in workers.)"""

    async def press(self: Pilot, *keys: str) -> None:
        for key in keys:
            await _press(self, key)
            await _data_settled(self)

    async def pause(self: Pilot, delay: float | None = None) -> None:
        if delay is not None:
            await _pause(self, delay)
            return
        await _data_settled(self)
        await _pause(self)
        await _data_settled(self)
        await _pause(self)

    monkeypatch.setattr(Pilot, "press", press)
    monkeypatch.setattr(Pilot, "pause", pause)
