"""Queries on entries: the running one, a day's or week's, overlaps, inserts and edits."""

from __future__ import annotations

import sqlite3

from offload.store.rows import EntryRow

_SELECT = """
SELECT e.id, e.task_id, t.name AS task, e.start_utc, e.end_utc, e.tz, e.note
FROM entries e JOIN tasks t ON t.id = e.task_id
"""


def _row(r: sqlite3.Row | None) -> EntryRow | None:
    return EntryRow(**dict(r)) if r is not None else None


def running(conn: sqlite3.Connection) -> EntryRow | None:
    return _row(conn.execute(_SELECT + " WHERE e.end_utc IS NULL").fetchone())


def get(conn: sqlite3.Connection, entry_id: int) -> EntryRow | None:
    return _row(conn.execute(_SELECT + " WHERE e.id = ?", (entry_id,)).fetchone())


def last(conn: sqlite3.Connection) -> EntryRow | None:
    """The most recently started entry (what `resume` restarts)."""
    return _row(conn.execute(_SELECT + " ORDER BY e.start_utc DESC, e.id DESC LIMIT 1").fetchone())


# Entries never overlap (the service refuses it), so of those starting before an
# instant only the last can reach past it. Reading that one and the entries starting
# inside a span keeps to a range of the start index; `start_utc < :end` alone read
# every entry before the span: all of them for today.
_AROUND = """
SELECT * FROM (
    SELECT * FROM ({select} WHERE e.start_utc < :start AND e.id IS NOT :ignore
                   ORDER BY e.start_utc DESC LIMIT 1)
    UNION ALL
    SELECT * FROM ({select} WHERE e.start_utc >= :start AND e.start_utc < :end AND e.id IS NOT :ignore
                   ORDER BY e.start_utc {limit})
) WHERE coalesce(end_utc, {running_end}) > :start ORDER BY start_utc, id {limit}
"""


RUNNING_HOLDS_UNTIL = 2**62  # where the running entry ends, for overlaps (imports too): never
_NO_END = str(RUNNING_HOLDS_UNTIL)


def between(conn: sqlite3.Connection, start_utc: int, end_utc: int, now_utc: int) -> list[EntryRow]:
    """Entries that overlap [start, end), a running one counted up to now; oldest first."""
    sql = _AROUND.format(select=_SELECT, limit="", running_end=":now")
    rows = conn.execute(sql, {"start": start_utc, "end": end_utc, "now": now_utc, "ignore": None}).fetchall()
    return [EntryRow(**dict(r)) for r in rows]


def overlapping(
    conn: sqlite3.Connection, start_utc: int, end_utc: int, now_utc: int, ignore_id: int | None = None
) -> EntryRow | None:
    """The first entry that would overlap [start, end); touching ends do not overlap.

    The running entry has no end yet: everything after its start overlaps it, even past now
    (an entry put back by undo after the clock went back would otherwise land inside it)."""
    sql = _AROUND.format(select=_SELECT, limit="LIMIT 1", running_end=_NO_END)
    r = conn.execute(sql, {"start": start_utc, "end": end_utc, "now": now_utc, "ignore": ignore_id}).fetchone()
    return _row(r)


def started_after(conn: sqlite3.Connection, start_utc: int) -> EntryRow | None:
    """The first entry starting after an instant (a new running entry must not jump one)."""
    r = conn.execute(_SELECT + " WHERE e.start_utc > ? ORDER BY e.start_utc LIMIT 1", (start_utc,)).fetchone()
    return _row(r)


def insert(
    conn: sqlite3.Connection,
    task_id: int,
    start_utc: int,
    end_utc: int | None,
    tz: str,
    note: str = "",
    entry_id: int | None = None,
) -> int:
    cur = conn.execute(
        "INSERT INTO entries (id, task_id, start_utc, end_utc, tz, note) VALUES (?, ?, ?, ?, ?, ?)",
        (entry_id, task_id, start_utc, end_utc, tz, note),
    )
    return int(cur.lastrowid)


def end_running(conn: sqlite3.Connection, end_utc: int) -> int:
    return conn.execute("UPDATE entries SET end_utc = ? WHERE end_utc IS NULL", (end_utc,)).rowcount


def update(
    conn: sqlite3.Connection, entry_id: int, task_id: int, start_utc: int, end_utc: int | None, note: str
) -> None:
    conn.execute(
        "UPDATE entries SET task_id = ?, start_utc = ?, end_utc = ?, note = ? WHERE id = ?",
        (task_id, start_utc, end_utc, note, entry_id),
    )


def delete(conn: sqlite3.Connection, entry_id: int) -> None:
    conn.execute("DELETE FROM entries WHERE id = ?", (entry_id,))


def count(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT count(*) FROM entries").fetchone()[0]


def zone_counts(conn: sqlite3.Connection) -> list[tuple[str, int]]:
    """(zone, entries) for every zone entries were logged in."""
    return [(r[0], r[1]) for r in conn.execute("SELECT tz, count(*) FROM entries GROUP BY tz ORDER BY tz")]


def in_zone(conn: sqlite3.Connection, zone: str, limit: int = -1) -> list[EntryRow]:
    """Entries logged in `zone`, oldest first."""
    rows = conn.execute(_SELECT + " WHERE e.tz = ? ORDER BY e.start_utc, e.id LIMIT ?", (zone, limit)).fetchall()
    return [EntryRow(**dict(r)) for r in rows]


def set_zone(conn: sqlite3.Connection, old: str, new: str) -> int:
    return conn.execute("UPDATE entries SET tz = ? WHERE tz = ?", (new, old)).rowcount


def after(conn: sqlite3.Connection, now_utc: int) -> list[EntryRow]:
    """Entries with time after `now`: a finished one that ends later, or any that starts later."""
    sql = _AROUND.format(select=_SELECT, limit="", running_end="start_utc")
    rows = conn.execute(sql, {"start": now_utc, "end": 1 << 62, "now": now_utc, "ignore": None}).fetchall()
    return [EntryRow(**dict(r)) for r in rows]
