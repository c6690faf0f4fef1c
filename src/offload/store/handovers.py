"""Queries on handovers: the day a skill set was handed over and what it costs now."""

from __future__ import annotations

import sqlite3
from typing import NamedTuple


class HandoverRow(NamedTuple):
    skill_set_id: int
    skill_set: str
    since: str  # the local day it began, ISO (2026-11-16)
    amount: float
    per: str  # "month" or "hour"
    hours: float | None  # per hour: the hours billed a month


_SELECT = ("SELECT h.skill_set_id, s.name AS skill_set, h.since, h.amount, h.per, h.hours "
           "FROM handovers h JOIN skill_sets s ON s.id = h.skill_set_id")


def _row(r: sqlite3.Row) -> HandoverRow:
    return HandoverRow(r["skill_set_id"], r["skill_set"], r["since"], r["amount"], r["per"], r["hours"])


def all_handovers(conn: sqlite3.Connection) -> list[HandoverRow]:
    return [_row(r) for r in conn.execute(f"{_SELECT} ORDER BY s.name COLLATE NOCASE, s.id").fetchall()]


def get(conn: sqlite3.Connection, set_id: int) -> HandoverRow | None:
    r = conn.execute(f"{_SELECT} WHERE h.skill_set_id = ?", (set_id,)).fetchone()
    return _row(r) if r else None


def put(conn: sqlite3.Connection, set_id: int, since: str, amount: float, per: str, hours: float | None,
        now_utc: int) -> None:
    """Record (or replace) the set's handover."""
    conn.execute(
        """INSERT INTO handovers (skill_set_id, since, amount, per, hours, created_utc)
           VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT(skill_set_id) DO UPDATE SET since = excluded.since, amount = excluded.amount,
             per = excluded.per, hours = excluded.hours""",
        (set_id, since, amount, per, hours, now_utc),
    )


def clear(conn: sqlite3.Connection, set_id: int) -> bool:
    """Forget the set's handover; False when it had none."""
    return conn.execute("DELETE FROM handovers WHERE skill_set_id = ?", (set_id,)).rowcount > 0


def move(conn: sqlite3.Connection, from_id: int, into_id: int) -> None:
    """A merged set's handover goes to the set it was merged into, unless that one has its own."""
    conn.execute(
        "UPDATE handovers SET skill_set_id = ? WHERE skill_set_id = ? "
        "AND NOT EXISTS (SELECT 1 FROM handovers WHERE skill_set_id = ?)",
        (into_id, from_id, into_id),
    )
