"""Aggregations over any span of days, all history included, done by SQL in one pass.

The caller passes the UTC bounds of each local day for each zone entries were logged in;
they go into a temporary table (ten years are ~3,650 rows a zone, too many for a
VALUES list) and one join sums each entry's part inside each of its own zone's days.
"""

from __future__ import annotations

import sqlite3
from typing import Iterable

_TEMP = "offload_report_days"


def span(conn: sqlite3.Connection, now_utc: int) -> tuple[int, int] | None:
    """The first start and the last end (a running entry ends now) of the whole log."""
    r = conn.execute("SELECT min(start_utc), max(coalesce(end_utc, ?)) FROM entries", (now_utc,)).fetchone()
    return None if r[0] is None else (int(r[0]), int(r[1]))


def last_start(conn: sqlite3.Connection, before_utc: int) -> tuple[int, str] | None:
    """The start and zone of the latest entry begun by `before_utc` (by the start index)."""
    r = conn.execute(
        "SELECT start_utc, tz FROM entries WHERE start_utc <= ? ORDER BY start_utc DESC LIMIT 1", (before_utc,)
    ).fetchone()
    return None if r is None else (int(r[0]), r[1])


def zones(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute("SELECT DISTINCT tz FROM entries ORDER BY tz")]


def zone_spans(conn: sqlite3.Connection, now_utc: int) -> dict[str, tuple[int, int]]:
    """For each zone entries were logged in: the first start and the last end (now if running)."""
    rows = conn.execute(
        "SELECT tz, min(start_utc), max(coalesce(end_utc, ?)) FROM entries GROUP BY tz", (now_utc,)
    ).fetchall()
    return {r[0]: (int(r[1]), int(r[2])) for r in rows}


def task_day_seconds(
    conn: sqlite3.Connection, bounds: Iterable[tuple[str, int, int, int]], now_utc: int
) -> list[tuple[int, int, int]]:
    """(task_id, day index, seconds) for the days in `bounds` (zone, day index, start, end)."""
    conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS {_TEMP} (tz TEXT, day INTEGER, lo INTEGER, hi INTEGER)")
    try:
        conn.execute(f"DELETE FROM {_TEMP}")
        conn.executemany(f"INSERT INTO {_TEMP} VALUES (?, ?, ?, ?)", bounds)
        longest = conn.execute("SELECT max(coalesce(end_utc, ?) - start_utc) FROM entries", (now_utc,)).fetchone()[0]
        if longest is None:
            return []
        # Each day looks up only the entries that can reach into it (started at most the
        # longest entry's length before it): a range on the start index, not a scan.
        # `+e.tz` keeps SQLite from building an automatic index on the zone instead
        # (two or three zones: each day would then read half the log; 50 s at 100k entries).
        rows = conn.execute(
            f"""
            SELECT e.task_id, b.day,
                   sum(min(max(coalesce(e.end_utc, :now), e.start_utc), b.hi) - max(e.start_utc, b.lo)) AS seconds
            FROM {_TEMP} b CROSS JOIN entries e
            WHERE e.start_utc < b.hi AND e.start_utc >= b.lo - :longest
              AND +e.tz = b.tz AND coalesce(e.end_utc, :now) > b.lo
            GROUP BY e.task_id, b.day
            HAVING seconds > 0
            """,
            {"now": now_utc, "longest": longest},
        ).fetchall()
        return [(r[0], r[1], r[2]) for r in rows]
    finally:
        conn.execute(f"DELETE FROM {_TEMP}")


def task_sessions(conn: sqlite3.Connection, start_utc: int, end_utc: int, now_utc: int) -> dict[int, int]:
    """Entries per task with time inside [start, end)."""
    rows = conn.execute(
        "SELECT task_id, count(*) FROM entries WHERE start_utc < ? AND coalesce(end_utc, ?) > ? GROUP BY task_id",
        (end_utc, now_utc, start_utc),
    ).fetchall()
    return {r[0]: r[1] for r in rows}


def skill_set_names(conn: sqlite3.Connection) -> dict[int, str]:
    return {r[0]: r[1] for r in conn.execute("SELECT id, name FROM skill_sets")}
