"""Per-task attributes the review reads and sets: highlight, feeling, kind, frequency."""

from __future__ import annotations

import sqlite3

from offload.store.rows import TaskRow, task_row
from offload.store.tasks import by_name


def tasks_by_id(conn: sqlite3.Connection, ids: list[int]) -> dict[int, TaskRow]:
    if not ids:
        return {}
    marks = ",".join("?" for _ in ids)
    rows = conn.execute(
        f"SELECT id, name, highlighted, feeling, kind, skill_set_id, frequency FROM tasks WHERE id IN ({marks})", ids
    ).fetchall()
    return {
        r["id"]: task_row(r)
        for r in rows
    }


def task_by_name(conn: sqlite3.Connection, name: str) -> TaskRow | None:
    r = by_name(conn, "SELECT id, name, highlighted, feeling, kind, skill_set_id, frequency FROM tasks", name)
    if r is None:
        return None
    return task_row(r)


def set_highlight(conn: sqlite3.Connection, task_id: int, on: bool) -> None:
    conn.execute("UPDATE tasks SET highlighted = ? WHERE id = ?", (1 if on else 0, task_id))


def set_feeling(conn: sqlite3.Connection, task_id: int, feeling: str) -> None:
    conn.execute("UPDATE tasks SET feeling = ? WHERE id = ?", (feeling, task_id))


def set_frequency(conn: sqlite3.Connection, task_id: int, frequency: str) -> None:
    conn.execute("UPDATE tasks SET frequency = ? WHERE id = ?", (frequency, task_id))


def set_kind(conn: sqlite3.Connection, task_id: int, kind: str) -> None:
    conn.execute("UPDATE tasks SET kind = ? WHERE id = ?", (kind, task_id))
