"""Did handing over pay off? The audit period against a later one: each task's and each skill
set's hours a week before and after, where the time went (core work's share of the logged
time), the work that appeared since, and for each set handed over the hours a month it freed,
what they are worth at the owner's hourly value, less what the handover costs: the net return
a month (seeds/003: "make sure outsourcing is saving your company time and money").

Pure: the service hands over each task's seconds per local day in both periods; every figure
is made here. Hours follow each task's frequency as in the Grouping and the plan (domain/audit),
averaged over the days each period counts, so periods of different lengths compare; money is
worked out from the hours as shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from functools import cached_property
from typing import Mapping, Sequence

from offload.domain.audit import DEFAULT_FREQUENCY, WEEKS_PER_MONTH, ZERO, cost, estimate, tenths
from offload.domain.handover import Handover
from offload.domain.text import name_key
from offload.domain.weeks import Period

KINDS = ("core", "support", "")  # revenue work, work for the business, not marked (seeds/000)
LESS_LOGGED = Decimal("0.8")  # a later period logging under 80% of the audit's week is said


@dataclass(frozen=True)
class Span:
    """The days that count, `first` to `end` (exclusive): a whole period once it is over, the
    days so far while it runs, the days before or since a handover."""

    first: date
    end: date

    @property
    def days(self) -> int:
        return max(0, (self.end - self.first).days)

    @property
    def weeks(self) -> Decimal:
        return Decimal(self.days) / 7

    def holds(self, day: date) -> bool:
        return self.first <= day < self.end

    def clip(self, first: date | None = None, end: date | None = None) -> "Span":
        """The part of this span from `first` and before `end`."""
        lo = max(self.first, first) if first else self.first
        hi = min(self.end, end) if end else self.end
        return Span(lo, max(lo, hi))

    @property
    def last(self) -> date:
        return self.end - timedelta(days=1)


def counted(period: Period, today: date) -> Span:
    """The days of `period` that have begun: all seven a week once it is over, up to today while it runs."""
    return Span(period.start, max(period.start, min(period.end, today + timedelta(days=1))))


@dataclass(frozen=True)
class TaskTime:
    """A task as it is now (its name, marks and set), with the seconds logged on each local day."""

    name: str
    days: Mapping[date, int] = field(default_factory=dict)
    kind: str = ""
    skill_set: str | None = None
    frequency: str = DEFAULT_FREQUENCY

    def seconds(self, span: Span) -> int:
        return sum(s for d, s in self.days.items() if span.holds(d))

    def days_logged(self, span: Span) -> tuple[date, ...]:
        return tuple(sorted(d for d, s in self.days.items() if s > 0 and span.holds(d)))


@dataclass(frozen=True)
class Load:
    """A task's (or set's) time over a span: a week's load, following its frequency (a monthly
    task counts its month's hours × 12 / 52, as on the Grouping screen), and the hours a month.
    A one-off job has no monthly figure: its week is the plain average and `once` says so."""

    seconds: int = 0
    weekly: Decimal = ZERO
    monthly: Decimal = ZERO
    once: bool = False


def task_load(task: TaskTime, span: Span) -> Load:
    seconds = task.seconds(span)
    if span.days == 0 or seconds == 0:
        return Load(seconds, once=task.frequency == "one-off")
    if task.frequency == "one-off":
        return Load(seconds, tenths(Decimal(seconds) / 3600 / span.weeks), ZERO, True)
    monthly = estimate(seconds, span.weeks, task.days_logged(span), task.frequency).monthly
    return Load(seconds, tenths(monthly / WEEKS_PER_MONTH), monthly)


def set_load(tasks: Sequence[TaskTime], span: Span) -> Load:
    """A set's recurring tasks added up, a month then a week (as AuditSet does)."""
    loads = [task_load(t, span) for t in tasks]
    monthly = tenths(sum((ld.monthly for ld in loads if not ld.once), Decimal(0)))
    return Load(sum(ld.seconds for ld in loads), tenths(monthly / WEEKS_PER_MONTH), monthly)


@dataclass(frozen=True)
class Change:
    """One row of a comparison: a task, a skill set, or a kind of work."""

    name: str
    before: Load
    after: Load
    skill_set: str | None = None
    kind: str = ""
    frequency: str = DEFAULT_FREQUENCY

    @property
    def change(self) -> Decimal:
        return self.after.weekly - self.before.weekly

    @property
    def new(self) -> bool:
        """Logged in the later period, not in the audit period."""
        return self.before.seconds == 0 and self.after.seconds > 0


@dataclass(frozen=True)
class Work:
    """Core work, support work or work not marked: its logged hours a week and share in each period."""

    kind: str
    before_seconds: int
    after_seconds: int
    before_weekly: Decimal
    after_weekly: Decimal
    before_share: float
    after_share: float

    @property
    def change(self) -> Decimal:
        return self.after_weekly - self.before_weekly


# What a handover's return says, as codes for scripts (the words are the report's).
PAYING_OFF, NOT_PAYING_OFF, EVEN = "paying_off", "not_paying_off", "even"
NO_VALUE = "no_hourly_value"  # the owner's hour has no value set: hours, no money
NOT_YET = "not_in_later_period"  # handed over after it (or it has no days yet)
BEFORE_AUDIT = "before_audit_period"  # no day of the audit was before the handover
NOTHING_LOGGED = "nothing_logged_since"  # the later period's days since the handover hold no time at all
NOTHING_BEFORE = "nothing_logged_before"  # nor the audit period's days before it: nothing to compare with
TOO_EARLY = "too_early"  # the later period has run less than a week: a day or two says nothing yet
WEEK_DAYS = 7


@dataclass(frozen=True)
class Return:
    """One handed-over set: its hours a month before and since the handover, and what that is worth.

    Prorated by days: of the audit period only the days before the handover count, of the later
    period only the days from it, each averaged over its own days."""

    handover: Handover
    before: Span
    after: Span
    before_load: Load
    after_load: Load
    logged_after: int  # everything logged in `after`, whatever the task
    hourly_value: Decimal | None
    whole_before: Span
    whole_after: Span
    logged_before: int = 1  # everything logged in `before`, whatever the task

    @property
    def name(self) -> str:
        return self.handover.skill_set

    @property
    def prorated(self) -> bool:
        return (self.before.days, self.after.days) != (self.whole_before.days, self.whole_after.days)

    @property
    def comparable(self) -> bool:
        return self.before.days > 0 and self.after.days > 0 and self.logged_before > 0 and self.logged_after > 0

    @property
    def freed(self) -> Decimal | None:
        """Hours a month the owner no longer spends on the set."""
        if not self.comparable:
            return None
        return self.before_load.monthly - self.after_load.monthly

    @property
    def cost(self) -> Decimal:
        return self.handover.monthly_cost

    @property
    def value(self) -> Decimal | None:
        """The freed hours at the owner's hourly value."""
        freed = self.freed
        if freed is None or self.hourly_value is None:
            return None
        return cost(freed, self.hourly_value)

    @property
    def net(self) -> Decimal | None:
        value = self.value
        return None if value is None else value - self.cost

    @property
    def verdict(self) -> str:
        if self.after.days == 0:
            return NOT_YET
        if self.before.days == 0:
            return BEFORE_AUDIT
        if self.logged_before == 0:
            return NOTHING_BEFORE
        if self.logged_after == 0:
            return NOTHING_LOGGED
        if self.whole_after.days < WEEK_DAYS:
            # One Monday stretched to a week is not a verdict on a handover (its hours are shown).
            return TOO_EARLY
        net = self.net
        if net is None:
            return NO_VALUE
        return PAYING_OFF if net > 0 else NOT_PAYING_OFF if net < 0 else EVEN


@dataclass(frozen=True)
class Comparison:
    """The audit period (`before`) against a later period (`after`), up to `today`."""

    before: Period
    after: Period
    today: date
    tasks: Sequence[TaskTime] = ()
    handovers: Sequence[Handover] = ()
    sets: Sequence[str] = ()  # every skill set, those with no time too
    hourly_value: Decimal | None = None
    currency: str = "EUR"

    @property
    def before_span(self) -> Span:
        return counted(self.before, self.today)

    @property
    def after_span(self) -> Span:
        return counted(self.after, self.today)

    # --- what was logged ---------------------------------------------------------------
    def logged(self, span: Span) -> int:
        return sum(t.seconds(span) for t in self.tasks)

    @staticmethod
    def weekly(seconds: int, span: Span) -> Decimal:
        """Logged hours as a week's average over the span's days."""
        return tenths(Decimal(seconds) / 3600 / span.weeks) if span.days else ZERO

    @property
    def logged_before(self) -> int:
        return self.logged(self.before_span)

    @property
    def logged_after(self) -> int:
        return self.logged(self.after_span)

    @property
    def logged_less(self) -> bool:
        """The later period holds clearly fewer logged hours a week: hours that fell may only be
        hours not logged, so the shares say more than the hours."""
        before = self.weekly(self.logged_before, self.before_span)
        return before > 0 and self.weekly(self.logged_after, self.after_span) < before * LESS_LOGGED

    # --- rows ----------------------------------------------------------------------------
    @cached_property
    def task_rows(self) -> list[Change]:
        """Every task with time in either period, the biggest in the audit first."""
        rows = [Change(t.name, task_load(t, self.before_span), task_load(t, self.after_span), t.skill_set,
                       t.kind, t.frequency) for t in self.tasks]
        rows = [r for r in rows if r.before.seconds or r.after.seconds]
        return sorted(rows, key=lambda r: (-r.before.weekly, -r.after.weekly, r.name.casefold()))

    @property
    def new_tasks(self) -> list[Change]:
        """Work that appeared since the audit, the biggest first."""
        return sorted((r for r in self.task_rows if r.new), key=lambda r: (-r.after.seconds, r.name.casefold()))

    def _in_set(self, name: str) -> list[TaskTime]:
        key = name_key(name)
        return [t for t in self.tasks if t.skill_set is not None and name_key(t.skill_set) == key]

    @cached_property
    def set_rows(self) -> list[Change]:
        rows = [Change(s, set_load(self._in_set(s), self.before_span), set_load(self._in_set(s), self.after_span),
                       s) for s in self.sets]
        return sorted(rows, key=lambda r: (-r.before.monthly, r.name.casefold()))

    @cached_property
    def work(self) -> list[Work]:
        """Core, support and unmarked work: logged hours a week and shares, before and after."""
        before, after = self.before_span, self.after_span
        total_before, total_after = self.logged_before, self.logged_after
        out = []
        for kind in KINDS:
            tasks = [t for t in self.tasks if (t.kind if t.kind in KINDS else "") == kind]
            b = sum(t.seconds(before) for t in tasks)
            a = sum(t.seconds(after) for t in tasks)
            out.append(Work(kind, b, a, self.weekly(b, before), self.weekly(a, after),
                            b / total_before if total_before else 0.0, a / total_after if total_after else 0.0))
        return out

    def kind(self, kind: str) -> Work:
        return next(w for w in self.work if w.kind == kind)

    # --- the handovers -------------------------------------------------------------------
    @cached_property
    def returns(self) -> list[Return]:
        out = []
        whole_before, whole_after = self.before_span, self.after_span
        for h in sorted(self.handovers, key=lambda h: h.skill_set.casefold()):
            before = whole_before.clip(end=h.since)
            after = whole_after.clip(first=h.since)
            tasks = self._in_set(h.skill_set)
            out.append(Return(h, before, after, set_load(tasks, before), set_load(tasks, after),
                              self.logged(after), self.hourly_value, whole_before, whole_after, self.logged(before)))
        return out

    @property
    def weighed(self) -> list[Return]:
        """The returns with every figure known (hours freed and money)."""
        return [r for r in self.returns if r.net is not None]

    @property
    def freed(self) -> Decimal:
        return sum((r.freed for r in self.returns if r.freed is not None), Decimal(0))

    def total(self, what: str) -> Decimal:
        """The weighed returns' value, cost or net added up."""
        return sum((getattr(r, what) for r in self.weighed), Decimal(0))
