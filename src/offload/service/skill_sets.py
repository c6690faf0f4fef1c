"""Reading the skill sets: each set by name, the picker's choices, the suggestions, and the
Grouping's view of the audit period (who is in which set, with every task's figures).

Below the audit, which writes its documents from this view; GroupingService (grouping.py)
changes the sets."""

from __future__ import annotations

from dataclasses import dataclass, field

from offload.domain.audit import AuditSet, AuditTask
from offload.domain.catalogue import CATALOGUE
from offload.domain.errors import NotFound
from offload.domain.suggest import Suggester, Suggestion
from offload.domain.text import name_key
from offload.service.context import Context
from offload.service.period import PeriodService
from offload.service.review import ReviewService
from offload.store import skill_sets as set_store
from offload.store.rows import TaskRow
from offload.store.skill_sets import SkillSetRow


@dataclass
class GroupTask:
    """A task as the Grouping screen shows it: its audit figures and, when ungrouped, a suggestion."""

    task: TaskRow
    figures: AuditTask
    suggestion: Suggestion | None = None

    @property
    def name(self) -> str:
        return self.task.name

    @property
    def seconds(self) -> int:
        """Time logged in the whole audit period."""
        return self.figures.seconds

    @property
    def days(self) -> int:
        return len(self.figures.days_logged)

    @property
    def sessions(self) -> int:
        return self.figures.sessions


@dataclass
class GroupSet:
    row: SkillSetRow
    tasks: list[GroupTask] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.row.name

    @property
    def seconds(self) -> int:
        return sum(t.seconds for t in self.tasks)

    @property
    def figures(self) -> AuditSet:
        return AuditSet(self.name, tasks=tuple(t.figures for t in self.tasks))

    @property
    def weekly_hours(self):
        """A week's load by each task's frequency (its month × 12 / 52)."""
        return self.figures.weekly_hours

    @property
    def monthly_hours(self):
        """The estimate a month, following each task's frequency."""
        return self.figures.monthly_hours


@dataclass
class GroupingView:
    week: object  # the audit period (a Period; one week is the common case)
    ungrouped: list[GroupTask]
    sets: list[GroupSet]
    report: object = None  # the period's WeekReport: every task's time, for the plan

    def set(self, name: str) -> GroupSet | None:
        key = name_key(name)
        return next((s for s in self.sets if name_key(s.name) == key), None)


@dataclass(frozen=True)
class SetChoice:
    """A set the picker offers: one in use, or one from the catalogue not yet used."""

    name: str
    description: str
    in_use: bool


class SkillSetService:
    def __init__(self, ctx: Context, review: ReviewService, period: PeriodService) -> None:
        self.ctx = ctx
        self.review = review
        self.period = period

    @property
    def conn(self):
        return self.ctx.store.conn

    def get(self, name: str) -> SkillSetRow:
        found = set_store.find(self.conn, " ".join(str(name).split()))
        if found is None:
            names = [s.name for s in set_store.all_sets(self.conn)]
            known = f"; the skill sets are: {', '.join(names)}" if names else "; there are no skill sets yet"
            raise NotFound(f"There is no skill set '{name}'{known}.")
        return found

    def task(self, name: str) -> TaskRow:
        found = set_store.task(self.conn, " ".join(str(name).split()))
        if found is None:
            raise NotFound(f"There is no task '{name}'.")
        return found

    def choices(self) -> list[SetChoice]:
        """Sets in use first, then the catalogue's others: what the picker lists."""
        in_use = set_store.all_sets(self.conn)
        names = {s.name.casefold() for s in in_use}
        out = [SetChoice(s.name, s.description, True) for s in in_use]
        out += [SetChoice(c.name, c.description, False) for c in CATALOGUE if c.name.casefold() not in names]
        return out

    def suggester(self) -> Suggester:
        sets = set_store.all_sets(self.conn)
        by_id = {s.id: s.name for s in sets}
        learned: dict[str, list[str]] = {}
        for t in set_store.grouped_tasks(self.conn):
            learned.setdefault(by_id[t.skill_set_id], []).append(t.name)
        return Suggester([s.name for s in sets], learned)

    def suggestion(self, task_name: str) -> Suggestion | None:
        return self.suggester().suggest(self.task(task_name).name)

    def view(self, period=None) -> GroupingView:
        """Highlighted tasks not yet in a set, with suggestions; the sets with their tasks;
        every figure over the audit period (or the period asked for)."""
        period = period or self.period.period()
        report = self.review.week(period)
        notes = self.review.notes(period)

        in_week = {t.task.id: t for t in report.tasks}

        def with_week(task: TaskRow) -> GroupTask:
            return GroupTask(task, figures(report, task, in_week.get(task.id), notes.get(task.id, [])))

        suggester = self.suggester()
        ungrouped = [with_week(t) for t in set_store.highlighted_ungrouped(self.conn)]
        for g in ungrouped:
            g.suggestion = suggester.suggest(g.name)
        ungrouped.sort(key=lambda g: (-g.seconds, g.name.casefold()))
        sets = {s.id: GroupSet(s) for s in set_store.all_sets(self.conn)}
        for t in set_store.grouped_tasks(self.conn):
            sets[t.skill_set_id].tasks.append(with_week(t))
        for s in sets.values():
            s.tasks.sort(key=lambda g: (-g.seconds, g.name.casefold()))
        return GroupingView(period, ungrouped, sorted(sets.values(), key=lambda s: s.name.casefold()), report)


def figures(report, row, week_task, notes: list[str]) -> AuditTask:
    """A task's figures over the period: from its row (marks, frequency) and its time there."""
    if week_task is None:
        return AuditTask(row.name, weeks=report.weeks, frequency=row.frequency, highlighted=row.highlighted,
                         feeling=row.feeling, kind=row.kind, notes=tuple(notes))
    return AuditTask(row.name, week_task.seconds, report.weeks, report.days_logged(week_task), week_task.sessions,
                     row.frequency, tuple(notes), row.highlighted, row.feeling, row.kind)
