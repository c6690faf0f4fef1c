"""The schema as an ordered list of migrations; `PRAGMA user_version` counts those applied.

Never edit a step that has shipped: add a new one at the end.
Instants are integer epoch seconds in UTC; `tz` is the IANA zone the entry was logged in.
"""

MIGRATIONS: list = [  # SQL text, or a function of the connection for a step SQL cannot do
    # 1: tasks, entries, settings. The schema, not only the code, keeps the log sound:
    # an end after its start, and at most one running entry (the unique index on a
    # constant expression over the rows with no end).
    """
    CREATE TABLE tasks (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
        created_utc INTEGER NOT NULL
    );
    CREATE TABLE entries (
        id INTEGER PRIMARY KEY,
        task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE RESTRICT,
        start_utc INTEGER NOT NULL,
        end_utc INTEGER CHECK (end_utc IS NULL OR end_utc > start_utc),
        tz TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX entries_start ON entries(start_utc);
    CREATE INDEX entries_task ON entries(task_id, start_utc);
    CREATE UNIQUE INDEX entries_one_running ON entries((end_utc IS NULL)) WHERE end_utc IS NULL;
    CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    """,
    # 2: what the review and grouping add: the handover highlight and attributes on a
    # task, and skill sets with the fields of a handover brief.
    """
    CREATE TABLE skill_sets (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
        description TEXT NOT NULL DEFAULT '',
        rate REAL CHECK (rate IS NULL OR rate >= 0),
        inputs TEXT NOT NULL DEFAULT '',
        outputs TEXT NOT NULL DEFAULT '',
        quality TEXT NOT NULL DEFAULT '',
        quantity TEXT NOT NULL DEFAULT '',
        speed TEXT NOT NULL DEFAULT '',
        success TEXT NOT NULL DEFAULT '',
        data_rules TEXT NOT NULL DEFAULT '',
        contact TEXT NOT NULL DEFAULT '',
        created_utc INTEGER NOT NULL
    );
    ALTER TABLE tasks ADD COLUMN highlighted INTEGER NOT NULL DEFAULT 0 CHECK (highlighted IN (0, 1));
    ALTER TABLE tasks ADD COLUMN feeling TEXT NOT NULL DEFAULT 'neutral'
        CHECK (feeling IN ('like', 'neutral', 'dislike'));
    ALTER TABLE tasks ADD COLUMN kind TEXT NOT NULL DEFAULT ''
        CHECK (kind IN ('', 'core', 'support'));
    ALTER TABLE tasks ADD COLUMN skill_set_id INTEGER REFERENCES skill_sets(id) ON DELETE SET NULL;
    CREATE INDEX tasks_skill_set ON tasks(skill_set_id);
    """,
    # 3: how often a task recurs (seeds/001), for the monthly estimates of the brief and plan.
    """
    ALTER TABLE tasks ADD COLUMN frequency TEXT NOT NULL DEFAULT 'weekly'
        CHECK (frequency IN ('daily', 'weekly', 'monthly', 'quarterly', 'yearly', 'one-off'));
    """,
]


def _one_task_per_name(conn) -> None:
    """4: names differing only in non-ASCII case ("École", "école") were two tasks (or two
    skill sets) to SQLite's NOCASE, which folds A-Z only, but one to the Review, the Grouping
    and the brief, which counted the pair's hours twice. From now on they are one name
    everywhere (`offload.domain.text.name_key`), so such a pair becomes one: the first made
    keeps its name and takes the other's entries (every entry and its time stay), tasks,
    highlight and marks, and any brief field or rate it lacks."""
    from offload.domain.text import name_key

    sets = _groups(conn, "skill_sets", name_key)
    for keep, others in sets:
        for other in others:
            for column in ("description", "inputs", "outputs", "quality", "quantity", "speed", "success",
                           "data_rules", "contact"):
                conn.execute(f"UPDATE skill_sets SET {column} = (SELECT {column} FROM skill_sets WHERE id = ?) "
                             f"WHERE id = ? AND {column} = ''", (other, keep))
            conn.execute("UPDATE skill_sets SET rate = (SELECT rate FROM skill_sets WHERE id = ?) "
                         "WHERE id = ? AND rate IS NULL", (other, keep))
            conn.execute("UPDATE tasks SET skill_set_id = ? WHERE skill_set_id = ?", (keep, other))
            conn.execute("DELETE FROM skill_sets WHERE id = ?", (other,))
    for keep, others in _groups(conn, "tasks", name_key):
        for other in others:
            conn.execute("UPDATE entries SET task_id = ? WHERE task_id = ?", (keep, other))
            conn.execute(
                """UPDATE tasks SET
                     highlighted = max(highlighted, (SELECT highlighted FROM tasks WHERE id = :other)),
                     feeling = CASE WHEN feeling = 'neutral' THEN (SELECT feeling FROM tasks WHERE id = :other)
                               ELSE feeling END,
                     kind = CASE WHEN kind = '' THEN (SELECT kind FROM tasks WHERE id = :other) ELSE kind END,
                     frequency = CASE WHEN frequency = 'weekly' THEN (SELECT frequency FROM tasks WHERE id = :other)
                                 ELSE frequency END,
                     skill_set_id = coalesce(skill_set_id, (SELECT skill_set_id FROM tasks WHERE id = :other))
                   WHERE id = :keep""",
                {"keep": keep, "other": other},
            )
            conn.execute("DELETE FROM tasks WHERE id = ?", (other,))


def _groups(conn, table: str, key) -> list[tuple[int, list[int]]]:
    """(first id, later ids) of each name shared, by `key`, by more than one row of `table`."""
    by_key: dict[str, list[int]] = {}
    for row in conn.execute(f"SELECT id, name FROM {table} ORDER BY id").fetchall():
        by_key.setdefault(key(row[1]), []).append(row[0])
    return [(ids[0], ids[1:]) for ids in by_key.values() if len(ids) > 1]


MIGRATIONS.append(_one_task_per_name)

# 5: a skill set handed over (seeds/003: "make sure outsourcing is saving your company time and
# money"): the day it began and what it costs now, a monthly amount or an hourly rate with the
# hours billed a month. One a set; it goes with its set. IF NOT EXISTS: a file brought back to
# an older version number by hand (tests do) runs this step again.
MIGRATIONS.append(
    """
    CREATE TABLE IF NOT EXISTS handovers (
        skill_set_id INTEGER PRIMARY KEY REFERENCES skill_sets(id) ON DELETE CASCADE,
        since TEXT NOT NULL CHECK (since GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        amount REAL NOT NULL CHECK (amount >= 0),
        per TEXT NOT NULL CHECK (per IN ('month', 'hour')),
        hours REAL CHECK (hours IS NULL OR hours >= 0),
        created_utc INTEGER NOT NULL,
        CHECK ((per = 'hour') = (hours IS NOT NULL))
    );
    """
)

# 6: an entry's id is its own for good (`offload log` shows it; `edit` and `delete` take it):
# AUTOINCREMENT never hands a deleted entry's id to a new one, so an id noted earlier, or an edit
# dialog left open while the entry was deleted elsewhere, can never reach another entry; and undo
# always puts an entry back under its own id. SQLite cannot add AUTOINCREMENT in place: the table
# is made again, with every row, index and rule of step 1.
MIGRATIONS.append(
    """
    CREATE TABLE entries_own_ids (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE RESTRICT,
        start_utc INTEGER NOT NULL,
        end_utc INTEGER CHECK (end_utc IS NULL OR end_utc > start_utc),
        tz TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT ''
    );
    INSERT INTO entries_own_ids (id, task_id, start_utc, end_utc, tz, note)
        SELECT id, task_id, start_utc, end_utc, tz, note FROM entries ORDER BY id;
    DROP TABLE entries;
    ALTER TABLE entries_own_ids RENAME TO entries;
    CREATE INDEX entries_start ON entries(start_utc);
    CREATE INDEX entries_task ON entries(task_id, start_utc);
    CREATE UNIQUE INDEX entries_one_running ON entries((end_utc IS NULL)) WHERE end_utc IS NULL;
    """
)

CURRENT_VERSION = len(MIGRATIONS)
