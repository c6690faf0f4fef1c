"""Queries on tasks: find or create by name, rename, names for autocomplete, marks."""

from __future__ import annotations

import sqlite3

from offload.domain.text import name_key
from offload.store.rows import TaskRow


def find(conn: sqlite3.Connection, name: str) -> TaskRow | None:
    r = by_name(conn, "SELECT id, name FROM tasks", name)
    return TaskRow(r["id"], r["name"]) if r else None


def get_or_create(conn: sqlite3.Connection, name: str, now_utc: int) -> int:
    found = find(conn, name)
    if found:
        return found.id
    cur = conn.execute("INSERT INTO tasks (name, created_utc) VALUES (?, ?)", (name, now_utc))
    return int(cur.lastrowid)


def by_name(conn: sqlite3.Connection, select: str, name: str) -> sqlite3.Row | None:
    """The row of `select` (over a table with a `name`) whose name is `name` whatever its case,
    for all of Unicode (`name_key`). Names stay unique by that key (the service looks before it
    adds; migration 4 merged older pairs), so SQLite's NOCASE index, which folds A-Z only,
    answers most lookups; only a miss reads the names with the key."""
    name = " ".join(str(name).split())  # as names are stored: typed spacing finds the task
    r = conn.execute(f"{select} WHERE name = ? COLLATE NOCASE", (name,)).fetchone()
    if r is None:
        r = conn.execute(f"{select} WHERE offload_name_key(name) = ?", (name_key(name),)).fetchone()
    return r


def rename(conn: sqlite3.Connection, task_id: int, name: str) -> None:
    conn.execute("UPDATE tasks SET name = ? WHERE id = ?", (name, task_id))


_RECORD = "id, name, created_utc, highlighted, feeling, kind, skill_set_id"


def record(conn: sqlite3.Connection, task_id: int) -> tuple | None:
    """A task's whole row (its marks and creation time), to put it back exactly on undo."""
    r = conn.execute(f"SELECT {_RECORD} FROM tasks WHERE id = ?", (task_id,)).fetchone()
    return tuple(r) if r else None


def restore(conn: sqlite3.Connection, row: tuple) -> None:
    """Insert a task as `record` read it, under its old id."""
    conn.execute(f"INSERT INTO tasks ({_RECORD}) VALUES (?, ?, ?, ?, ?, ?, ?)", row)


def entry_spans(conn: sqlite3.Connection, task_id: int) -> list[tuple[int, int, int | None]]:
    """(id, start, end) of each of a task's entries, oldest first."""
    rows = conn.execute(
        "SELECT id, start_utc, end_utc FROM entries WHERE task_id = ? ORDER BY start_utc, id", (task_id,)
    ).fetchall()
    return [(r[0], r[1], r[2]) for r in rows]


def move_entries(conn: sqlite3.Connection, from_id: int, into_id: int) -> None:
    conn.execute("UPDATE entries SET task_id = ? WHERE task_id = ?", (into_id, from_id))


def move_back(conn: sqlite3.Connection, spans: list[tuple[int, int]], from_id: int, into_id: int) -> int:
    """Move the entries named by (id, start) from one task to another; an id now holding
    another entry (deleted, and the id reused) does not match its start and stays."""
    moved = 0
    for entry_id, start in spans:
        moved += conn.execute(
            "UPDATE entries SET task_id = ? WHERE id = ? AND start_utc = ? AND task_id = ?",
            (into_id, entry_id, start, from_id),
        ).rowcount
    return moved


def delete(conn: sqlite3.Connection, task_id: int) -> None:
    conn.execute("DELETE FROM tasks WHERE id = ?", (task_id,))


def names_for_autocomplete(conn: sqlite3.Connection, limit: int = 500) -> list[str]:
    """Every task name with entries, the most recently used first, then the most used (a name
    fixed by an edit, whose task has no entry left, is offered no more).

    Per task through the (task, start) index: a join and GROUP BY over every entry
    took 45 ms at 100,000 entries, on each reload of the Log screen."""
    rows = conn.execute(
        """
        SELECT t.name FROM tasks t
        WHERE EXISTS (SELECT 1 FROM entries e WHERE e.task_id = t.id)
        ORDER BY (SELECT max(e.start_utc) FROM entries e WHERE e.task_id = t.id) DESC NULLS LAST,
                 (SELECT count(*) FROM entries e WHERE e.task_id = t.id) DESC, t.name
        LIMIT ?
        """,
        (limit,),
    ).fetchall()
    return [r[0] for r in rows]
