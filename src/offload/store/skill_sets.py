"""Queries on skill sets and which set each task is in."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from offload.store.rows import TaskRow, task_row
from offload.store.tasks import by_name

FIELDS = ("description", "rate", "inputs", "outputs", "quality", "quantity", "speed", "success",
          "data_rules", "contact")
_COLUMNS = "id, name, " + ", ".join(FIELDS)


@dataclass(frozen=True)
class SkillSetRow:
    id: int
    name: str
    description: str = ""
    rate: float | None = None
    fields: dict[str, str] = field(default_factory=dict)  # the brief fields by key


def _row(r: sqlite3.Row) -> SkillSetRow:
    return SkillSetRow(
        r["id"], r["name"], r["description"], r["rate"],
        {k: r[k] for k in FIELDS if k not in ("description", "rate")},
    )


def all_sets(conn: sqlite3.Connection) -> list[SkillSetRow]:
    rows = conn.execute(f"SELECT {_COLUMNS} FROM skill_sets ORDER BY name COLLATE NOCASE").fetchall()
    return [_row(r) for r in rows]


def find(conn: sqlite3.Connection, name: str) -> SkillSetRow | None:
    r = by_name(conn, f"SELECT {_COLUMNS} FROM skill_sets", name)
    return _row(r) if r else None


def get(conn: sqlite3.Connection, set_id: int) -> SkillSetRow | None:
    r = conn.execute(f"SELECT {_COLUMNS} FROM skill_sets WHERE id = ?", (set_id,)).fetchone()
    return _row(r) if r else None


def insert(conn: sqlite3.Connection, name: str, description: str, now_utc: int) -> int:
    cur = conn.execute(
        "INSERT INTO skill_sets (name, description, created_utc) VALUES (?, ?, ?)", (name, description, now_utc)
    )
    return int(cur.lastrowid)


def rename(conn: sqlite3.Connection, set_id: int, name: str) -> None:
    conn.execute("UPDATE skill_sets SET name = ? WHERE id = ?", (name, set_id))


def update(conn: sqlite3.Connection, set_id: int, values: dict[str, object]) -> None:
    """Set some of the description, rate and brief fields (keys checked against FIELDS)."""
    keys = [k for k in values if k in FIELDS]
    if not keys:
        return
    assignments = ", ".join(f"{k} = ?" for k in keys)
    conn.execute(f"UPDATE skill_sets SET {assignments} WHERE id = ?", [values[k] for k in keys] + [set_id])


def delete(conn: sqlite3.Connection, set_id: int) -> None:
    """Drop a set; its tasks stay (ungrouped), with their highlight untouched."""
    conn.execute("UPDATE tasks SET skill_set_id = NULL WHERE skill_set_id = ?", (set_id,))
    conn.execute("DELETE FROM skill_sets WHERE id = ?", (set_id,))


def move_tasks(conn: sqlite3.Connection, from_id: int, into_id: int) -> int:
    cur = conn.execute("UPDATE tasks SET skill_set_id = ? WHERE skill_set_id = ?", (into_id, from_id))
    return cur.rowcount


def assign(conn: sqlite3.Connection, task_id: int, set_id: int | None) -> None:
    conn.execute("UPDATE tasks SET skill_set_id = ? WHERE id = ?", (set_id, task_id))


def _task(r: sqlite3.Row) -> TaskRow:
    return task_row(r)


def grouped_tasks(conn: sqlite3.Connection) -> list[TaskRow]:
    """Every task in some set, whatever its highlight."""
    rows = conn.execute(
        "SELECT id, name, highlighted, feeling, kind, skill_set_id, frequency FROM tasks "
        "WHERE skill_set_id IS NOT NULL ORDER BY name COLLATE NOCASE"
    ).fetchall()
    return [_task(r) for r in rows]


def highlighted_ungrouped(conn: sqlite3.Connection) -> list[TaskRow]:
    rows = conn.execute(
        "SELECT id, name, highlighted, feeling, kind, skill_set_id, frequency FROM tasks "
        "WHERE highlighted = 1 AND skill_set_id IS NULL ORDER BY name COLLATE NOCASE"
    ).fetchall()
    return [_task(r) for r in rows]


def task(conn: sqlite3.Connection, name: str) -> TaskRow | None:
    r = by_name(conn, "SELECT id, name, highlighted, feeling, kind, skill_set_id, frequency FROM tasks", name)
    return _task(r) if r else None
