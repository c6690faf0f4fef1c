"""Queries on tasks: find or create by name, rename, names for autocomplete, marks."""

from __future__ import annotations

import sqlite3

from offload.store.rows import TaskRow


def find(conn: sqlite3.Connection, name: str) -> TaskRow | None:
    name = " ".join(str(name).split())  # as names are stored: typed spacing finds the task
    r = conn.execute("SELECT id, name FROM tasks WHERE name = ? COLLATE NOCASE", (name,)).fetchone()
    return TaskRow(r["id"], r["name"]) if r else None


def get_or_create(conn: sqlite3.Connection, name: str, now_utc: int) -> int:
    found = find(conn, name)
    if found:
        return found.id
    cur = conn.execute("INSERT INTO tasks (name, created_utc) VALUES (?, ?)", (name, now_utc))
    return int(cur.lastrowid)


def rename(conn: sqlite3.Connection, task_id: int, name: str) -> None:
    conn.execute("UPDATE tasks SET name = ? WHERE id = ?", (name, task_id))


def merge_into(conn: sqlite3.Connection, from_id: int, into_id: int) -> None:
    """Move every entry of one task to another and drop the first (rename onto an existing name)."""
    conn.execute("UPDATE entries SET task_id = ? WHERE task_id = ?", (into_id, from_id))
    conn.execute("DELETE FROM tasks WHERE id = ?", (from_id,))


def names_for_autocomplete(conn: sqlite3.Connection, limit: int = 500) -> list[str]:
    """Every task name used, the most recently used first, then the most used.

    Per task through the (task, start) index: a join and GROUP BY over every entry
    took 45 ms at 100,000 entries, on each reload of the Log screen."""
    rows = conn.execute(
        """
        SELECT t.name FROM tasks t
        ORDER BY (SELECT max(e.start_utc) FROM entries e WHERE e.task_id = t.id) DESC NULLS LAST,
                 (SELECT count(*) FROM entries e WHERE e.task_id = t.id) DESC, t.name
        LIMIT ?
        """,
        (limit,),
    ).fetchall()
    return [r[0] for r in rows]
