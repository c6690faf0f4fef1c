"""Plain records read from the database; the store returns these, never widgets or text.

Named tuples, not dataclasses: `dataclasses` pulls in `inspect` (and ast, dis, tokenize),
about a sixth of what `offload status` took to import.
"""

from __future__ import annotations

from typing import NamedTuple


class EntryRow(NamedTuple):
    id: int
    task_id: int
    task: str
    start_utc: int
    end_utc: int | None
    tz: str
    note: str

    @property
    def running(self) -> bool:
        return self.end_utc is None

    def seconds(self, now_utc: int) -> int:
        """Its length; a running one up to now, never below nothing (a clock gone back)."""
        return max(0, (self.end_utc if self.end_utc is not None else now_utc) - self.start_utc)


class TaskRow(NamedTuple):
    id: int
    name: str
    highlighted: bool = False
    feeling: str = "neutral"
    kind: str = ""
    skill_set_id: int | None = None
    frequency: str = "weekly"


def task_row(r) -> TaskRow:
    """A task with its marks from a row selecting id, name, highlighted, feeling, kind,
    skill_set_id and frequency."""
    return TaskRow(r["id"], r["name"], bool(r["highlighted"]), r["feeling"], r["kind"], r["skill_set_id"],
                   r["frequency"])
