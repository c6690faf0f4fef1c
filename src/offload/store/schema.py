"""The schema as an ordered list of migrations; `PRAGMA user_version` counts those applied.

Never edit a step that has shipped: add a new one at the end.
Instants are integer epoch seconds in UTC; `tz` is the IANA zone the entry was logged in.
"""

MIGRATIONS: list[str] = [
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

CURRENT_VERSION = len(MIGRATIONS)
