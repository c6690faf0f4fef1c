"""Time per task per local day, summed by SQL over one window of entries.

The caller passes the UTC bounds of each local day for each zone entries were logged
in; an entry counts on a day for the part of it inside that day, in its own zone.
"""

from __future__ import annotations

import sqlite3


def zones_between(conn: sqlite3.Connection, start_utc: int, end_utc: int, now_utc: int) -> list[str]:
    rows = conn.execute(
        "SELECT DISTINCT tz FROM entries WHERE start_utc < ? AND coalesce(end_utc, ?) > ?",
        (end_utc, now_utc, start_utc),
    ).fetchall()
    return [r[0] for r in rows]


def task_day_seconds(
    conn: sqlite3.Connection,
    bounds: list[tuple[str, int, int, int]],
    window: tuple[int, int],
    now_utc: int,
) -> list[sqlite3.Row]:
    """Rows of (task_id, day, seconds, sessions) for the days in `bounds` (zone, day, start, end)."""
    if not bounds:
        return []
    values = ",".join("(?, ?, ?, ?)" for _ in bounds)
    params: list = [v for b in bounds for v in b]
    sql = f"""
    WITH b(tz, day, lo, hi) AS (VALUES {values}),
    e AS (
        SELECT id, task_id, tz, start_utc AS s, coalesce(end_utc, :now) AS f
        FROM entries WHERE start_utc < :wend AND coalesce(end_utc, :now) > :wstart
    )
    SELECT e.task_id, b.day,
           sum(min(e.f, b.hi) - max(e.s, b.lo)) AS seconds,
           count(DISTINCT e.id) AS sessions
    FROM e JOIN b ON b.tz = e.tz AND e.s < b.hi AND e.f > b.lo
    GROUP BY e.task_id, b.day
    HAVING seconds > 0
    """
    return conn.execute(*_named(sql, params, now_utc, window)).fetchall()


def _named(sql: str, params: list, now_utc: int, window: tuple[int, int]) -> tuple[str, dict]:
    """sqlite3 cannot mix ? and :name; number the day bounds and name the rest."""
    named = {"now": now_utc, "wstart": window[0], "wend": window[1]}
    for i in range(len(params)):
        sql = sql.replace("?", f":p{i}", 1)
    named.update({f"p{i}": v for i, v in enumerate(params)})
    return sql, named


def sessions_between(
    conn: sqlite3.Connection,
    bounds: list[tuple[str, int, int, int]],
    window: tuple[int, int],
    now_utc: int,
) -> list[tuple[int, int]]:
    """(task_id, entries) for entries with time inside the days in `bounds`."""
    if not bounds:
        return []
    values = ",".join("(?, ?, ?, ?)" for _ in bounds)
    params: list = [v for b in bounds for v in b]
    sql = f"""
    WITH b(tz, day, lo, hi) AS (VALUES {values}),
    e AS (
        SELECT id, task_id, tz, start_utc AS s, coalesce(end_utc, :now) AS f
        FROM entries WHERE start_utc < :wend AND coalesce(end_utc, :now) > :wstart
    )
    SELECT e.task_id, count(DISTINCT e.id) FROM e JOIN b ON b.tz = e.tz AND e.s < b.hi AND e.f > b.lo
    GROUP BY e.task_id
    """
    return [(r[0], r[1]) for r in conn.execute(*_named(sql, params, now_utc, window)).fetchall()]
