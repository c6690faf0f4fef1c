"""One audit: the period it covers, how often each task recurs, and what each figure is.

Pure: the service reads the period's time per task per day and hands it here; the Grouping
screen, the brief and the plan all read their hours from these objects, so they agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Mapping, Sequence

from offload.domain.errors import InvalidInput
from offload.domain.format import plural
from offload.domain.weeks import MAX_WEEKS, Period, week_of

# --- how often a task recurs (seeds/001: "daily, weekly, monthly, quarterly") -------------
FREQUENCIES = ("daily", "weekly", "monthly", "quarterly", "yearly", "one-off")
DEFAULT_FREQUENCY = "weekly"
WEEKS_PER_MONTH = Decimal(52) / Decimal(12)
ZERO = Decimal("0.0")


def check_frequency(text: str) -> str:
    """A typed frequency in its stored form ("Monthly", "once" -> "one-off")."""
    key = str(text or "").strip().lower().replace("_", "-").replace(" ", "-")
    key = {"once": "one-off", "oneoff": "one-off", "one-time": "one-off", "annually": "yearly"}.get(key, key)
    if key not in FREQUENCIES:
        raise InvalidInput(f"'{text}' is not how often a task recurs; use one of: {', '.join(FREQUENCIES)}.")
    return key


def next_frequency(frequency: str) -> str:
    """The one after, round the list: what one key on the Review steps through."""
    i = FREQUENCIES.index(frequency) if frequency in FREQUENCIES else FREQUENCIES.index(DEFAULT_FREQUENCY)
    return FREQUENCIES[(i + 1) % len(FREQUENCIES)]


# --- figures as the documents print them ------------------------------------------------
def tenths(hours: Decimal | float) -> Decimal:
    """Hours as every document shows them: one decimal, halves up (12.25 -> 12.3)."""
    return Decimal(str(hours)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def hours_of(seconds: float) -> Decimal:
    return tenths(Decimal(str(seconds)) / 3600)


def cost(hours: Decimal, rate: float | None) -> Decimal | None:
    """Money from the hours the reader sees: 12.0 h at 30/h is 360.00, never 359.85."""
    if rate is None:
        return None
    return (tenths(hours) * Decimal(str(rate))).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


# --- the period ---------------------------------------------------------------------------
_PERIOD = re.compile(r"(\d{4}-\d{2}-\d{2})(?:\s*[,/+]?\s*(\d{1,3})\s*(?:w|wk|wks|weeks?)?)?", re.I)


def parse_period(text: str | None) -> Period | None:
    """A stored or typed audit period: `2026-11-09` (one week) or `2026-11-09, 2 weeks`.
    Empty means none chosen (the default applies). The start is aligned by the caller."""
    s = str(text or "").strip()
    if not s:
        return None
    m = _PERIOD.fullmatch(s)
    if m is None:
        raise InvalidInput(f"'{text}' is not an audit period; write its first day and weeks, e.g. 2026-11-09, 2 weeks.")
    try:
        start = date.fromisoformat(m.group(1))
    except ValueError:
        raise InvalidInput(f"'{m.group(1)}' is not a date; write e.g. 2026-11-09.") from None
    weeks = int(m.group(2) or 1)
    if not 1 <= weeks <= MAX_WEEKS:
        raise InvalidInput(f"An audit period is 1 to {MAX_WEEKS} weeks long, not {weeks}.")
    if not 1970 <= start.year <= 9000:
        raise InvalidInput(f"The date '{m.group(1)}' is outside the years a log can hold.")
    return Period(start, weeks)


def format_period(period: Period) -> str:
    """The stored form, which parse_period reads back: `2026-11-09, 2 weeks`."""
    return f"{period.start.isoformat()}, {plural(period.weeks, 'week')}"


def check_period_setting(text: str) -> str:
    period = parse_period(text)
    return "" if period is None else format_period(period)


def aligned(period: Period, start_weekday: int) -> Period:
    """The same weeks under the current week-start setting (it may have changed since)."""
    return Period(week_of(period.start, start_weekday).start, period.weeks)


def default_period(this_week: Period, this_week_logged: bool, last_logged_day: date | None,
                   start_weekday: int = 0) -> Period:
    """No period chosen: this week if it has entries, else the most recent week that has."""
    if this_week_logged or last_logged_day is None:
        return this_week
    return week_of(last_logged_day, start_weekday)


def is_candidate(feeling: str, kind: str, highlighted: bool) -> bool:
    """Disliked support work not highlighted: worth a second look (seeds/000, 001)."""
    return feeling == "dislike" and kind == "support" and not highlighted


# --- one task's figures -----------------------------------------------------------------
def _occurrences(days: Sequence[date], frequency: str) -> int:
    """How many times a task of this frequency happened: distinct months, quarters or years."""
    if frequency == "monthly":
        keys = {(d.year, d.month) for d in days}
    elif frequency == "quarterly":
        keys = {(d.year, (d.month - 1) // 3) for d in days}
    else:
        keys = {d.year for d in days}
    return max(1, len(keys))


@dataclass(frozen=True)
class Estimate:
    """A task's hours a month (or, one-off, once) and the sentence saying how it was made."""

    monthly: Decimal
    once: Decimal
    how: str


def estimate(seconds: int, weeks: int, days_logged: Sequence[date], frequency: str) -> Estimate:
    """The monthly figure by frequency (issue rules): weekly and daily, a week's average × 52 / 12;
    monthly, the hours per occurrence; quarterly a third of them; yearly a twelfth; one-off,
    once, outside the month."""
    frequency = frequency if frequency in FREQUENCIES else DEFAULT_FREQUENCY
    total = Decimal(seconds) / 3600
    logged = hours_of(seconds)
    if seconds <= 0:
        return Estimate(ZERO, ZERO, f"{frequency}: nothing logged in the audit period")
    if frequency == "one-off":
        return Estimate(ZERO, logged, f"one-off: {logged} h once, not part of the monthly figure")
    if frequency in ("daily", "weekly"):
        # From the week's figure as shown, so the sentence's sum checks out.
        weekly = tenths(total / weeks)
        monthly = tenths(weekly * WEEKS_PER_MONTH)
        over = f" (average of {weeks} weeks)" if weeks > 1 else ""
        return Estimate(monthly, ZERO,
                        f"{frequency}: {weekly} h a week{over} × 52 / 12 = {monthly} h a month")
    times = _occurrences(days_logged, frequency)
    per = tenths(total / times)
    unit = {"monthly": "month", "quarterly": "quarter", "yearly": "year"}[frequency]
    in_times = "once" if times == 1 else f"in {times} {unit}s"
    if frequency == "monthly":
        monthly = tenths(per)
        return Estimate(monthly, ZERO, f"monthly: {logged} h logged {in_times} = {monthly} h a month")
    share = 3 if frequency == "quarterly" else 12
    monthly = tenths(per / share)
    return Estimate(monthly, ZERO, f"{frequency}: {per} h a {unit} ÷ {share} = {monthly} h a month")


@dataclass(frozen=True)
class AuditTask:
    """A task over the audit period: its time, the days it was done, and what the owner said."""

    name: str
    seconds: int = 0
    weeks: int = 1
    days_logged: tuple[date, ...] = ()
    sessions: int = 0
    frequency: str = DEFAULT_FREQUENCY
    notes: tuple[str, ...] = ()
    highlighted: bool = False
    feeling: str = "neutral"
    kind: str = ""

    @property
    def weekly_seconds(self) -> float:
        """Hours a week: the period's average over its weeks."""
        return self.seconds / max(1, self.weeks)

    @property
    def weekly_hours(self) -> Decimal:
        return hours_of(self.weekly_seconds)

    @property
    def days_a_week(self) -> Decimal:
        return tenths(Decimal(len(self.days_logged)) / max(1, self.weeks))

    @property
    def typical_session(self) -> int:
        return self.seconds // self.sessions if self.sessions else 0

    @property
    def estimate(self) -> Estimate:
        return estimate(self.seconds, self.weeks, self.days_logged, self.frequency)

    @property
    def candidate(self) -> bool:
        return is_candidate(self.feeling, self.kind, self.highlighted)

    def examples(self, limit: int = 3) -> list[str]:
        """A few of the log's notes: each once (whatever its case), the shortest first."""
        seen: dict[str, str] = {}
        for note in self.notes:
            text = " ".join(str(note).split())
            if text and text.casefold() not in seen:
                seen[text.casefold()] = text
        return sorted(seen.values(), key=lambda t: (len(t), t.casefold()))[:limit]


@dataclass(frozen=True)
class AuditSet:
    """A skill set with its tasks over the period; rate and fields as the owner typed them."""

    name: str
    description: str = ""
    rate: float | None = None
    fields: Mapping[str, str] = field(default_factory=dict)
    tasks: Sequence[AuditTask] = ()
    examples: Mapping[str, str] = field(default_factory=dict)  # the catalogue's, for the questions
    breaks: int = 0  # times its tasks broke up core work in the period (domain/timeline.py)

    @property
    def recurring(self) -> list[AuditTask]:
        return [t for t in self.tasks if t.frequency != "one-off"]

    @property
    def one_off(self) -> list[AuditTask]:
        return [t for t in self.tasks if t.frequency == "one-off" and t.seconds > 0]

    @property
    def monthly_hours(self) -> Decimal:
        """The recurring tasks' monthly figures added up (a one-off job is not monthly work)."""
        return tenths(sum((t.estimate.monthly for t in self.recurring), Decimal(0)))

    @property
    def weekly_hours(self) -> Decimal:
        """The month's hours as a week's load (× 12 / 52): a monthly task counts a quarter of
        its hours a week, not all of them because it fell in the audit week."""
        return tenths(self.monthly_hours / WEEKS_PER_MONTH)

    @property
    def once_hours(self) -> Decimal:
        return tenths(sum((t.estimate.once for t in self.one_off), Decimal(0)))

    @property
    def seconds(self) -> int:
        return sum(t.seconds for t in self.tasks)


@dataclass(frozen=True)
class Audit:
    """Everything the brief and the plan are written from."""

    period: Period
    sets: Sequence[AuditSet] = ()
    ungrouped: Sequence[AuditTask] = ()  # highlighted, in no set
    candidates: Sequence[AuditTask] = ()  # disliked support work, not highlighted
    total_seconds: int = 0  # everything logged in the period
    hourly_value: float | None = None
    currency: str = "EUR"
    core_logged: bool = False  # any core work in the period, so what broke it up can be told

    @property
    def weeks(self) -> int:
        return self.period.weeks

    def set(self, name: str) -> AuditSet | None:
        key = name.casefold()
        return next((s for s in self.sets if s.name.casefold() == key), None)

    @property
    def handed_over_seconds(self) -> int:
        return sum(s.seconds for s in self.sets)

    def hours_heading(self) -> str:
        return "Hours in the week" if self.weeks == 1 else f"Hours in the {self.weeks} weeks"

    def period_line(self) -> str:
        """The period inside a sentence: `week of Mon 16 Nov 2026` or `2 weeks, Mon 09 Nov to ...`."""
        title = self.period.title()
        return title[:1].lower() + title[1:]
