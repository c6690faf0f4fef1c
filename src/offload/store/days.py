"""Time per task per local day, summed by SQL over one week's entries only.

The caller passes the UTC bounds of each local day for each zone entries were logged
in; an entry counts on a day for the part of it inside that day, in its own zone.

Only the week's entries are read, through the index on the start instant: those that
start inside the window, plus the one entry that started last before it (entries never
overlap, so no earlier one can still be running into the window).
"""

from __future__ import annotations

import sqlite3

from offload.store.rows import EntryRow

Bounds = list[tuple[str, int, int, int]]  # (zone, day index, start epoch, end epoch)

# A running entry counts up to now, and never below nothing: after the clock went back,
# one that started "later" than now has no time yet.
_FINISH = "max(coalesce(end_utc, :now), start_utc)"
_WEEK_ENTRIES = f"""
e AS (
    SELECT id, task_id, tz, start_utc AS s, {_FINISH} AS f
    FROM entries WHERE start_utc >= :wstart AND start_utc < :wend
    UNION ALL
    SELECT * FROM (
        SELECT id, task_id, tz, start_utc AS s, {_FINISH} AS f
        FROM entries WHERE start_utc < :wstart ORDER BY start_utc DESC LIMIT 1
    ) WHERE f > :wstart
)"""
# The one cut: each entry's part inside each of its own zone's days (or periods).
_JOIN = "FROM e JOIN b ON b.tz = e.tz AND e.s < b.hi AND e.f > b.lo"
_PART = "min(e.f, b.hi) - max(e.s, b.lo)"


def _with(bounds: Bounds, window: tuple[int, int], now_utc: int) -> tuple[str, dict]:
    """The WITH clause naming the day bounds `b` and the week's entries `e`, and its parameters."""
    params: dict = {"now": now_utc, "wstart": window[0], "wend": window[1]}
    rows = []
    for i, (zone, day, lo, hi) in enumerate(bounds):
        rows.append(f"(:z{i}, :d{i}, :lo{i}, :hi{i})")
        params.update({f"z{i}": zone, f"d{i}": day, f"lo{i}": lo, f"hi{i}": hi})
    values = ",".join(rows) if rows else "(NULL, NULL, NULL, NULL)"
    return f"WITH b(tz, day, lo, hi) AS (VALUES {values}),{_WEEK_ENTRIES}\n", params


def zones_between(conn: sqlite3.Connection, start_utc: int, end_utc: int, now_utc: int) -> list[str]:
    """The zones of the entries with time inside the window."""
    head, params = _with([], (start_utc, end_utc), now_utc)
    rows = conn.execute(head + "SELECT DISTINCT tz FROM e WHERE f > :wstart", params).fetchall()
    return [r[0] for r in rows]


def task_day_seconds(conn: sqlite3.Connection, bounds: Bounds, window: tuple[int, int], now_utc: int) -> list[sqlite3.Row]:
    """Rows of (task_id, day, seconds) for the days in `bounds`."""
    if not bounds:
        return []
    head, params = _with(bounds, window, now_utc)
    sql = head + f"""
    SELECT e.task_id, b.day, sum({_PART}) AS seconds
    {_JOIN}
    GROUP BY e.task_id, b.day
    HAVING seconds > 0
    """
    return conn.execute(sql, params).fetchall()


def sessions_between(conn: sqlite3.Connection, bounds: Bounds, window: tuple[int, int], now_utc: int) -> list[tuple[int, int]]:
    """(task_id, entries) for entries with time inside the days in `bounds`; one entry is one session."""
    if not bounds:
        return []
    head, params = _with(bounds, window, now_utc)
    sql = head + f"""
    SELECT e.task_id, count(DISTINCT e.id) {_JOIN}
    GROUP BY e.task_id
    """
    return [(r[0], r[1]) for r in conn.execute(sql, params).fetchall()]


def task_entries(
    conn: sqlite3.Connection, task_id: int, bounds: Bounds, window: tuple[int, int], now_utc: int
) -> list[EntryRow]:
    """One task's entries with time inside the days in `bounds`, oldest first."""
    if not bounds:
        return []
    head, params = _with(bounds, window, now_utc)
    params["task"] = task_id
    sql = head + f"""
    SELECT en.id, en.task_id, t.name AS task, en.start_utc, en.end_utc, en.tz, en.note
    FROM entries en JOIN tasks t ON t.id = en.task_id
    WHERE en.id IN (
        SELECT e.id {_JOIN} WHERE e.task_id = :task
    )
    ORDER BY en.start_utc, en.id
    """
    return [EntryRow(**dict(r)) for r in conn.execute(sql, params).fetchall()]


def entry_seconds(
    conn: sqlite3.Connection, bounds: Bounds, window: tuple[int, int], now_utc: int
) -> list[tuple[EntryRow, int]]:
    """Each entry with time inside `bounds`, oldest first, with its seconds there (cut by the
    same rule as the sums above, so a list of entries and a report agree)."""
    if not bounds:
        return []
    head, params = _with(bounds, window, now_utc)
    sql = head + f"""
    SELECT en.id, en.task_id, t.name AS task, en.start_utc, en.end_utc, en.tz, en.note, p.seconds
    FROM (SELECT e.id, sum({_PART}) AS seconds {_JOIN} GROUP BY e.id) p
    JOIN entries en ON en.id = p.id JOIN tasks t ON t.id = en.task_id
    ORDER BY en.start_utc, en.id
    """
    rows = conn.execute(sql, params).fetchall()
    return [(EntryRow(*tuple(r)[:7]), r["seconds"]) for r in rows]


def notes_between(conn: sqlite3.Connection, bounds: Bounds, window: tuple[int, int], now_utc: int,
                  per_task: int = 50) -> list[tuple[int, str]]:
    """(task_id, note) of the entries with a note and time inside the days in `bounds`,
    at most `per_task` of each task's shortest notes (the brief shows a few of them)."""
    if not bounds:
        return []
    head, params = _with(bounds, window, now_utc)
    params["per_task"] = per_task
    sql = head + f"""
    SELECT task_id, note FROM (
        SELECT en.task_id, en.note,
               row_number() OVER (PARTITION BY en.task_id ORDER BY length(en.note), en.note) AS n
        FROM entries en
        WHERE en.note != '' AND en.id IN (SELECT e.id {_JOIN})
    ) WHERE n <= :per_task
    """
    return [(r[0], r[1]) for r in conn.execute(sql, params).fetchall()]

