"""What an importer makes of a file: records to add, problems found, and the refusal that
lists them. Below the importers, which fill a Parsed, and their package, which picks one."""

from __future__ import annotations

from dataclasses import dataclass, field

from offload.domain.errors import InvalidInput
from offload.domain.format import plural


@dataclass(frozen=True)
class Record:
    """One entry to import: instants in UTC epoch seconds; `end` None for a running one."""

    where: str
    task: str
    start: int
    end: int | None
    tz: str | None
    note: str = ""


@dataclass(frozen=True)
class Problem:
    where: str
    why: str

    def __str__(self) -> str:
        return f"{self.where}: {self.why}"


@dataclass
class Parsed:
    """What a file holds. Only Offload's own JSON fills tasks, skill sets, settings and handovers."""

    format: str
    records: list[Record] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    tasks: list[dict] = field(default_factory=list)
    skill_sets: list[dict] = field(default_factory=list)
    settings: dict[str, str] = field(default_factory=dict)
    handovers: list[dict] = field(default_factory=list)  # skill_set, since, amount, per, hours, created_utc


class BadRows(InvalidInput):
    """A file with rows that cannot be imported: nothing is, and every bad row is listed."""

    def __init__(self, source: str, problems: list[Problem]) -> None:
        super().__init__(f"Cannot import {source}: {plural(len(problems), 'bad row')}, so nothing was imported.")
        self.problems = problems
