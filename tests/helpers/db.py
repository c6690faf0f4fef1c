"""Reading a database file directly, as the tests' witness."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def snapshot(db_path: Path) -> list:
    """Every row of every table: to prove a refusal changed nothing."""
    conn = sqlite3.connect(db_path)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        return [(t, conn.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall()) for t in tables]
    finally:
        conn.close()
