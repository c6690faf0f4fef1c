"""Reading a week back: per-task totals, shares, sessions and days, and the handover marks."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from offload.domain.audit import check_frequency, is_candidate, next_frequency
from offload.domain.errors import InvalidInput, NotFound
from offload.domain.format import whole_percents
from offload.domain.text import name_key
from offload.domain.weeks import local_date, span_epochs, week_of
from offload.service.context import Context
from offload.service.days import DayService
from offload.service.settings import SettingsService
from offload.store import days as day_store
from offload.store import review as review_store
from offload.store.rows import EntryRow, TaskRow

FEELINGS = ("neutral", "like", "dislike")
KINDS = ("", "core", "support")

# Zones at the far ends of UTC: the SQL window for a week must hold it in any zone an
# entry may have been logged in, before we know which zones those are.
_EDGE_ZONES = ["Pacific/Kiritimati", "Etc/GMT+12"]


@dataclass
class TaskWeek:
    """One task's week: seconds per local day (7), sessions, and its marks."""

    task: TaskRow
    day_seconds: list[int]
    sessions: int
    share: float = 0.0
    percent: int = 0  # the share as shown: the week's percents add up to 100

    @property
    def name(self) -> str:
        return self.task.name

    @property
    def seconds(self) -> int:
        return sum(self.day_seconds)

    @property
    def days_seen(self) -> int:
        return sum(1 for s in self.day_seconds if s > 0)

    @property
    def frequency(self) -> str:
        return self.task.frequency

    @property
    def highlighted(self) -> bool:
        return self.task.highlighted

    @property
    def candidate(self) -> bool:
        """Disliked support work not yet highlighted: worth a second look."""
        return is_candidate(self.task.feeling, self.task.kind, self.task.highlighted)


@dataclass
class WeekReport:
    start: date
    days: list[date]
    tasks: list[TaskWeek] = field(default_factory=list)
    day_unlogged: list[int] = field(default_factory=list)  # holes between each day's first and last entry

    @property
    def total_seconds(self) -> int:
        return sum(t.seconds for t in self.tasks)

    @property
    def highlighted_seconds(self) -> int:
        return sum(t.seconds for t in self.tasks if t.highlighted)

    @property
    def weeks(self) -> int:
        """How many weeks the report covers (an audit period may be several)."""
        return max(1, len(self.days) // 7)

    @property
    def day_totals(self) -> list[int]:
        return [sum(t.day_seconds[i] for t in self.tasks) for i in range(len(self.days))]

    def days_logged(self, task: TaskWeek) -> tuple[date, ...]:
        """The local days a task has time on."""
        return tuple(d for d, s in zip(self.days, task.day_seconds) if s > 0)

    def task(self, name: str) -> TaskWeek | None:
        key = name_key(name)
        return next((t for t in self.tasks if name_key(t.name) == key), None)


SORTS = ("total", "share", "name")
SHOWS = ("all", "highlighted", "candidates")


def arrange(tasks: list[TaskWeek], sort: str = "total", show: str = "all") -> list[TaskWeek]:
    """The tasks to list, in order: biggest first (total or share) or by name; all or some."""
    if show == "highlighted":
        tasks = [t for t in tasks if t.highlighted]
    elif show == "candidates":
        tasks = [t for t in tasks if t.candidate]
    if sort == "name":
        return sorted(tasks, key=lambda t: t.name.casefold())
    if sort == "share":
        return sorted(tasks, key=lambda t: (-t.share, t.name.casefold()))
    return sorted(tasks, key=lambda t: (-t.seconds, t.name.casefold()))


class ReviewService:
    def __init__(self, ctx: Context, settings: SettingsService, days: DayService) -> None:
        self.ctx = ctx
        self.settings = settings
        self.days = days

    def week_start_day(self) -> int:
        return self.settings.week_start_day

    def this_week(self):
        """The Week holding today, by the week-start setting."""
        return week_of(local_date(self.ctx.now(), self.ctx.zone), self.week_start_day())

    def week_holding(self, day: date):
        return week_of(day, self.week_start_day())

    def zones_within(self, first: date, end: date) -> list[str]:
        """The zones of the entries with time in the local days first..end (exclusive), as
        stored, the user's own included."""
        wide = span_epochs(first, end, [self.ctx.zone, *_EDGE_ZONES])
        found = day_store.zones_between(self.ctx.store.conn, *wide, self.ctx.now_epoch())
        return sorted(set(found) | {self.ctx.zone})

    def _bounds(self, week) -> tuple[list, tuple[int, int], int]:
        """The UTC bounds of each local day of `week`, in every zone the week's entries were logged in."""
        now = self.ctx.now_epoch()
        zones = self.zones_within(week.start, week.end)
        # Each zone's days are labelled with the stored name (the SQL joins on it) and bounded
        # in the zone it is read in.
        window = week.span_epochs([self.ctx.read_zone(z) for z in zones])
        bounds = [(z, i, lo, hi) for z in zones for (i, lo, hi) in week.day_bounds(self.ctx.read_zone(z))]
        return bounds, window, now

    def week(self, period=None) -> WeekReport:
        """Aggregate one week (or an audit period of several) by SQL over its entries only;
        a running entry counts to now."""
        period = period or self.this_week()
        conn = self.ctx.store.conn
        bounds, window, now = self._bounds(period)
        per_task: dict[int, list[int]] = {}
        for r in day_store.task_day_seconds(conn, bounds, window, now):
            per_task.setdefault(r["task_id"], [0] * len(period.days))[r["day"]] += r["seconds"]
        sessions = dict(day_store.sessions_between(conn, bounds, window, now))
        tasks = review_store.tasks_by_id(conn, list(per_task))
        report = WeekReport(period.start, period.days)
        report.tasks = [
            TaskWeek(tasks[tid], secs, sessions.get(tid, 0)) for tid, secs in per_task.items() if tid in tasks
        ]
        total = report.total_seconds
        for t, whole in zip(report.tasks, whole_percents([t.seconds for t in report.tasks])):
            t.share = t.seconds / total if total else 0.0
            t.percent = whole
        report.tasks.sort(key=lambda t: (-t.seconds, t.name.casefold()))
        report.day_unlogged = self.days.unlogged(period.days)
        return report

    def task_entries(self, name: str, period=None) -> list[EntryRow]:
        """A task's entries with time in the week, oldest first: each time it was done."""
        period = period or self.this_week()
        task = self._task(name)
        bounds, window, now = self._bounds(period)
        return day_store.task_entries(self.ctx.store.conn, task.id, bounds, window, now)

    def notes(self, period) -> dict[int, list[str]]:
        """Each task's notes written on entries in the week (or period), by task id."""
        bounds, window, now = self._bounds(period)
        out: dict[int, list[str]] = {}
        for task_id, note in day_store.notes_between(self.ctx.store.conn, bounds, window, now):
            out.setdefault(task_id, []).append(note)
        return out

    # --- marks -------------------------------------------------------------------
    def _task(self, name: str) -> TaskRow:
        found = review_store.task_by_name(self.ctx.store.conn, name)
        if found is None:
            raise NotFound(f"There is no task '{name}'.")
        return found

    def toggle_highlight(self, name: str) -> bool:
        task = self._task(name)
        with self.ctx.store.write() as conn:
            review_store.set_highlight(conn, task.id, not task.highlighted)
        return not task.highlighted

    def set_highlight(self, name: str, on: bool) -> None:
        task = self._task(name)
        with self.ctx.store.write() as conn:
            review_store.set_highlight(conn, task.id, on)

    def set_feeling(self, name: str, feeling: str) -> None:
        if feeling not in FEELINGS:
            raise InvalidInput(f"How you feel about a task is one of: {', '.join(FEELINGS)}.")
        task = self._task(name)
        with self.ctx.store.write() as conn:
            review_store.set_feeling(conn, task.id, feeling)

    def set_kind(self, name: str, kind: str) -> None:
        if kind not in KINDS:
            raise InvalidInput("A task is core (earns revenue) or support (work for the business), or unset.")
        task = self._task(name)
        with self.ctx.store.write() as conn:
            review_store.set_kind(conn, task.id, kind)

    def set_frequency(self, name: str, frequency: str) -> str:
        """How often the task recurs (daily ... one-off): what its monthly estimate follows."""
        frequency = check_frequency(frequency)
        task = self._task(name)
        with self.ctx.store.write() as conn:
            review_store.set_frequency(conn, task.id, frequency)
        return frequency

    def cycle_frequency(self, name: str) -> str:
        return self.set_frequency(name, next_frequency(self._task(name).frequency))

    def cycle_feeling(self, name: str) -> str:
        task = self._task(name)
        nxt = FEELINGS[(FEELINGS.index(task.feeling) + 1) % len(FEELINGS)]
        self.set_feeling(name, nxt)
        return nxt

    def cycle_kind(self, name: str) -> str:
        task = self._task(name)
        nxt = KINDS[(KINDS.index(task.kind) + 1) % len(KINDS)]
        self.set_kind(name, nxt)
        return nxt
