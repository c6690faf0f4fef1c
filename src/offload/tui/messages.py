"""What the app's data object tells the screens, in the past tense: loaded, done, failed, changed.

Small dataclasses in one module (as toolong does). The data object posts them when a use case
run off the UI thread has finished; screens and dialogs handle them on the UI thread.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from textual.message import Message

from offload.domain.weeks import Period


@dataclass
class DataChanged(Message, bubble=False):
    """The database changed: by one of this app's changes, or by another process (the CLI)."""

    outside: bool = False


@dataclass
class ActionDone(Message):
    """A change asked for as `action` was made; the app shows `said`, if anything."""

    action: str
    result: Any = None
    said: str = ""


@dataclass
class ActionFailed(Message):
    """A change or a read was refused or failed. It bubbles up to the app, which shows `message`,
    unless a form stops it on the way to show it beside `field`."""

    action: str
    message: str
    field: str | None = None
    error: BaseException | None = None  # what was raised, for a form that asks next (replace the file?)


@dataclass
class Warned(Message):
    """Something went wrong beside a change that still succeeded (a daily backup not made)."""

    message: str


@dataclass
class SettingsLoaded(Message):
    """Every setting (defaults filled in), and the week holding today under the week-start setting."""

    values: dict[str, str]
    this_week: Period
    asked: Period | None  # the app's week when these were asked for
    week: Period | None  # that week laid on the week start now set
    unreadable_zones: list[Any] = field(default_factory=list)  # UnreadableZone: said once at launch
    period: Period | None = None  # the audit period: the one saved, else the default rule's


@dataclass
class LogLoaded(Message):
    """What the Log shows: names to complete, the running entry, the entries and unlogged
    stretches of the day shown (today unless the user went to another), the week strip."""

    names: list[str]
    running: Any  # EntryRow | None
    entries: list[Any]  # EntryRow, newest first
    week_totals: list[Any]  # DayTotal (day, logged seconds, unlogged seconds) of the week holding `day`
    today_date: date
    long_running_seconds: int
    day: date | None = None  # the day shown; None: today
    gaps: list[Any] = field(default_factory=list)  # Gap, earliest first


@dataclass
class NamesLoaded(Message):
    """Every task's name, most recent first: what a task field completes from."""

    names: list[str]


@dataclass
class ReminderLoaded(Message):
    """When "nothing is running" is due to be said (an epoch, maybe past), or None: off, a task
    running, or outside the working hours."""

    due_at: int | None
    since: int | None = None  # when the idle stretch began: the reminder rings once for each


@dataclass
class WeekLoaded(Message):
    """One audit period's review (a week or several), the week holding today, and the running
    entry's task (it counts up)."""

    week: Period
    report: Any  # WeekReport
    this_week: Period
    running_task_id: int | None = None
    before_seconds: int = 0  # an empty period: what was logged in the one before it


@dataclass
class TimelineLoaded(Message):
    """The week (or audit period) at a glance: its entries cut into local days, with the tasks' marks."""

    week: Period
    timeline: Any  # TimelineData


@dataclass
class GroupingLoaded(Message):
    """The Grouping view of a week, the skill sets the picker offers, and the currency for rates."""

    view: Any  # GroupingView
    choices: list[Any]  # SetChoice
    currency: str


@dataclass
class EntriesLoaded(Message):
    """A task's entries in a week (oldest first), for the entries dialog; the names to complete
    when one is edited."""

    task: str
    week: Period
    entries: list[Any]  # EntryRow
    seconds: int
    names: list[str] = field(default_factory=list)


@dataclass
class BriefLoaded(Message):
    """The handover brief as Markdown, for `set_name` (None: every set), and its default file name."""

    set_name: str | None
    week: Any
    markdown: str
    file_name: str


@dataclass
class ComparisonLoaded(Message):
    """The audit period against a later one (`asked`: the later period asked for, None for the
    default), and the week holding today."""

    comparison: Any  # Comparison
    asked: Period | None
    this_week: Period


@dataclass
class HandoverLoaded(Message):
    """A skill set's handover record (None: not handed over), for the handover dialog."""

    set_name: str
    handover: Any  # Handover | None
    currency: str


@dataclass
class PlanLoaded(Message):
    """The owner's plan as Markdown over `period` (what `offload plan` writes), and its default file name."""

    period: Any
    markdown: str
    file_name: str
