"""Plain records read from the database; the store returns these, never widgets or text."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EntryRow:
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
        return (self.end_utc if self.end_utc is not None else now_utc) - self.start_utc


@dataclass(frozen=True)
class TaskRow:
    id: int
    name: str
    highlighted: bool = False
    feeling: str = "neutral"
    kind: str = ""
    skill_set_id: int | None = None
