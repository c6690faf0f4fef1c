"""Rows the demo writes that no other store module writes yet: skill sets and task marks."""

from __future__ import annotations

import sqlite3

SKILL_SET_FIELDS = ("description", "rate", "inputs", "outputs", "quality", "quantity", "speed",
                    "success", "data_rules", "contact")


def insert_skill_set(conn: sqlite3.Connection, name: str, now_utc: int, **fields) -> int:
    cols = [c for c in SKILL_SET_FIELDS if c in fields]
    names = ", ".join(["name", "created_utc", *cols])
    marks = ", ".join("?" for _ in range(len(cols) + 2))
    cur = conn.execute(f"INSERT INTO skill_sets ({names}) VALUES ({marks})",
                       (name, now_utc, *(fields[c] for c in cols)))
    return int(cur.lastrowid)


def set_task_marks(conn: sqlite3.Connection, task_id: int, highlighted: bool, feeling: str, kind: str,
                   skill_set_id: int | None) -> None:
    conn.execute(
        "UPDATE tasks SET highlighted = ?, feeling = ?, kind = ?, skill_set_id = ? WHERE id = ?",
        (1 if highlighted else 0, feeling, kind, skill_set_id, task_id),
    )


def is_empty(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT (SELECT count(*) FROM entries) + (SELECT count(*) FROM tasks)").fetchone()[0] == 0
