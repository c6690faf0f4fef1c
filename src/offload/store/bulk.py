"""Rows in bulk for export and import, through sqlite-utils on the store's own connection.

Writes here run inside the caller's `Store.write()` transaction (sqlite-utils nests a
savepoint in it), so an import is all or nothing.
"""

from __future__ import annotations

import sqlite3

from offload.domain.text import name_key
from offload.store.entries import RUNNING_HOLDS_UNTIL
from offload.store.rows import EntryRow

SKILL_SET_FIELDS = ("name", "description", "rate", "inputs", "outputs", "quality", "quantity", "speed",
                    "success", "data_rules", "contact", "created_utc")


def database(conn: sqlite3.Connection):
    import sqlite_utils

    return sqlite_utils.Database(conn, recursive_triggers=False, execute_plugins=False)


def dump(conn: sqlite3.Connection, with_entries: bool = True) -> dict[str, list[dict]]:
    """Everything the user made, in an order that does not depend on row ids."""
    db = database(conn)
    skill_sets = list(db.query(
        f"SELECT {', '.join(SKILL_SET_FIELDS)} FROM skill_sets ORDER BY name COLLATE NOCASE, name, id"
    ))
    tasks = list(db.query(
        """SELECT t.name, t.highlighted, t.feeling, t.kind, t.frequency, s.name AS skill_set, t.created_utc
        FROM tasks t LEFT JOIN skill_sets s ON s.id = t.skill_set_id
        ORDER BY t.name COLLATE NOCASE, t.name, t.id"""
    ))
    entries = list(db.query(
        f"""SELECT t.name AS task, e.start_utc, e.end_utc, e.tz, e.note
        FROM entries e JOIN tasks t ON t.id = e.task_id ORDER BY {_ENTRY_ORDER}"""
    )) if with_entries else []
    settings = list(db.query("SELECT key, value FROM settings ORDER BY key"))
    handovers = list(db.query(
        """SELECT s.name AS skill_set, h.since, h.amount, h.per, h.hours, h.created_utc
        FROM handovers h JOIN skill_sets s ON s.id = h.skill_set_id ORDER BY s.name COLLATE NOCASE, s.name, s.id"""
    ))
    return {"skill_sets": skill_sets, "tasks": tasks, "entries": entries, "settings": settings,
            "handovers": handovers}


# Entries never overlap, so no two start together: the start index gives this order
# without a sort (with end_utc in it, SQLite sorted 100,000 rows again).
_ENTRY_ORDER = "e.start_utc, e.id"
_ISO = "'%Y-%m-%dT%H:%M:%SZ'"


def entries_json(conn: sqlite3.Connection) -> list[str] | None:
    """Each entry as the export writes it, one JSON object a row, made by SQLite in the
    dump's order; None where this SQLite has no JSON functions."""
    try:
        return [r[0] for r in conn.execute(
            f"""SELECT json_object('task', t.name, 'start', strftime({_ISO}, e.start_utc, 'unixepoch'),
                'end', strftime({_ISO}, e.end_utc, 'unixepoch'), 'tz', e.tz, 'note', e.note)
            FROM entries e JOIN tasks t ON t.id = e.task_id ORDER BY {_ENTRY_ORDER}"""
        )]
    except sqlite3.OperationalError:
        return None


def entries_within(conn: sqlite3.Connection, start_utc: int, end_utc: int, now_utc: int) -> list[EntryRow]:
    """Every entry with time inside [start, end), oldest first; a running one holds all time
    from its start (`now_utc` is kept for callers; an entry can never follow the running one)."""
    rows = conn.execute(
        """SELECT e.id, e.task_id, t.name AS task, e.start_utc, e.end_utc, e.tz, e.note
        FROM entries e JOIN tasks t ON t.id = e.task_id
        WHERE e.start_utc < :end AND coalesce(e.end_utc, :forever) > :start
        ORDER BY e.start_utc, e.id""",
        {"start": start_utc, "end": end_utc, "forever": RUNNING_HOLDS_UNTIL},
    ).fetchall()
    return [EntryRow(**dict(r)) for r in rows]


def skill_set_ids(conn: sqlite3.Connection) -> dict[str, int]:
    """Skill set ids by the key of their name (`name_key`: the same name whatever its case)."""
    return {name_key(r[1]): r[0] for r in conn.execute("SELECT id, name FROM skill_sets")}


def task_ids(conn: sqlite3.Connection) -> dict[str, int]:
    return {name_key(r[1]): r[0] for r in conn.execute("SELECT id, name FROM tasks")}


def insert_skill_sets(conn: sqlite3.Connection, rows: list[dict]) -> None:
    if rows:
        database(conn)["skill_sets"].insert_all(rows)


def insert_tasks(conn: sqlite3.Connection, rows: list[dict]) -> None:
    if rows:
        database(conn)["tasks"].insert_all(rows)


def insert_entries(conn: sqlite3.Connection, rows: list[dict]) -> None:
    if rows:
        database(conn)["entries"].insert_all(rows, batch_size=500)


def handed_over(conn: sqlite3.Connection) -> list[str]:
    """The names of the skill sets with a handover recorded."""
    return [r[0] for r in conn.execute("SELECT s.name FROM handovers h JOIN skill_sets s ON s.id = h.skill_set_id")]


def add_handovers(conn: sqlite3.Connection, rows: list[dict], now_utc: int) -> list[str]:
    """Record the handovers (skill_set by name, since, amount, per, hours, created_utc) of sets that have none
    yet; return those sets' names. A set's own record is never replaced by an import."""
    ids = skill_set_ids(conn)
    have = {r[0] for r in conn.execute("SELECT skill_set_id FROM handovers")}
    chosen = [r for r in rows if ids.get(name_key(r["skill_set"])) is not None
              and ids[name_key(r["skill_set"])] not in have]
    if chosen:
        database(conn)["handovers"].insert_all([
            {"skill_set_id": ids[name_key(r["skill_set"])], "since": r["since"], "amount": r["amount"],
             "per": r["per"], "hours": r["hours"],
             "created_utc": r["created_utc"] if r.get("created_utc") is not None else now_utc} for r in chosen])
    return [r["skill_set"] for r in chosen]


def add_settings(conn: sqlite3.Connection, values: dict[str, str]) -> list[str]:
    """Store the settings not already set; return their keys."""
    have = {r[0] for r in conn.execute("SELECT key FROM settings")}
    new = [{"key": k, "value": v} for k, v in values.items() if k not in have]
    if new:
        database(conn)["settings"].insert_all(new)
    return [row["key"] for row in new]

