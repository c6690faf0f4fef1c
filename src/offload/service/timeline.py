"""The week at a glance: the period's entries cut into local days, with the tasks' marks, for
the Review's timeline; and what broke up core work, for the plan."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from offload.domain.day_clock import Days, missing_spans
from offload.domain.timeline import Grid, Piece, broken_up, cut, lay_out
from offload.domain.weeks import Period
from offload.service.context import Context
from offload.service.report import ReportService
from offload.store import review as review_store
from offload.store.rows import EntryRow, TaskRow

__all__ = ["EntryRow", "TaskRow", "TimelineData", "TimelineService"]  # the rows the timeline shows, for tui/


@dataclass
class TimelineData:
    """Everything the timeline draws from: lay it out at any width with `grid(cells)`."""

    period: Period
    entries: list[EntryRow]
    tasks: dict[int, TaskRow]
    pieces: list[list[Piece]]
    missing: list[list[tuple[float, float]]]  # per day, clock spans that never happened here
    zone: str  # the user's
    now: int
    _grids: dict[int, Grid] = field(default_factory=dict, repr=False)  # by width: a resize back is free

    @property
    def days(self) -> list[date]:
        return self.period.days

    def is_core(self, task_id: int) -> bool:
        task = self.tasks.get(task_id)
        return task is not None and task.kind == "core"

    def grid(self, cells: int) -> Grid:
        """The grid for `cells` cells of width (made once for each width)."""
        if cells not in self._grids:
            self._grids[cells] = lay_out(self.pieces, self.days, cells, self.is_core, self.missing)
        return self._grids[cells]

    def task(self, entry: int) -> TaskRow | None:
        """The task of the entry at this index (as the grid's cells name them)."""
        return self.tasks.get(self.entries[entry].task_id)


class TimelineService:
    def __init__(self, ctx: Context, report: ReportService) -> None:
        self.ctx = ctx
        self.report = report

    def timeline(self, period: Period) -> TimelineData:
        """The period's entries (each read in its own zone) cut at their local midnights."""
        found = self.report.entries(period.start, period.end - timedelta(days=1))
        entries = [e.entry for e in found]
        tasks = review_store.tasks_by_id(self.ctx.store.conn, sorted({e.task_id for e in entries}))
        now = self.ctx.now_epoch()
        zone = self.ctx.read_zone(self.ctx.zone)
        days = Days(period.days)  # each zone's midnights and clocks worked out once
        return TimelineData(period, entries, tasks, cut(entries, days, now), missing_spans(days, zone), zone, now)

    def broken_up(self, period: Period, sets: dict[str, list[int]]) -> tuple[dict[str, int], bool]:
        """How many times each skill set (name: task ids) broke up core work in the period, and
        whether the period has any core work at all."""
        timeline = self.timeline(period)
        core = any(timeline.is_core(e.task_id) for e in timeline.entries)
        return broken_up(timeline.pieces, timeline.is_core, sets), core
