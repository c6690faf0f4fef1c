"""Local days and weeks: where an instant falls, and the UTC bounds of each local day.

Durations are differences of UTC instants; days are local, so a DST day is 23 or 25
hours long and an entry over midnight counts on both days.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from offload.domain.errors import InvalidInput

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
DAY_LETTERS = "MTWTFSS"


def weekday_number(name: str) -> int:
    """0 for Monday ... 6 for Sunday, from a name or its first three letters."""
    key = str(name).strip().lower()
    for i, day in enumerate(WEEKDAYS):
        if key == day or (len(key) >= 3 and day.startswith(key)):
            return i
    raise InvalidInput(f"'{name}' is not a day of the week; use e.g. monday or sun.")


def week_start(day: date, start_weekday: int = 0) -> date:
    """The first day of the week holding `day`, weeks starting on `start_weekday`."""
    return day - timedelta(days=(day.weekday() - start_weekday) % 7)


def local_date(instant: datetime, zone: str) -> date:
    """The local day an instant falls on (a naive instant is read as UTC)."""
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=timezone.utc)
    moment = instant.astimezone(ZoneInfo(zone))
    return date(moment.year, moment.month, moment.day)


def epoch_date(epoch: int, zone: str) -> date:
    """The local day an epoch instant falls on."""
    return datetime.fromtimestamp(epoch, ZoneInfo(zone)).date()


def day_start_epoch(day: date, zone: str) -> int:
    """The instant a local day begins. The standard library, not pendulum: all-history
    reports need thousands of these (pendulum took 1.7 s for ten years, this 60 ms).

    Where midnight does not exist (a DST jump at 00:00) the day begins at the jump;
    where midnight happens twice, at the later one (as pendulum did; tested on every
    zone's special midnights 1995-2035).
    """
    tz = ZoneInfo(zone)
    first = datetime(day.year, day.month, day.day, tzinfo=tz)
    later = first.replace(fold=1)
    if first.utcoffset() == later.utcoffset():
        return int(first.timestamp())
    back = first.astimezone(timezone.utc).astimezone(tz)
    missing = back.replace(tzinfo=None) != first.replace(tzinfo=None)
    return int((first if missing else later).timestamp())


MAX_WEEKS = 13  # a quarter: enough for quarterly work, small enough to read back at once


@dataclass(frozen=True)
class Period:
    """`weeks` consecutive weeks of seven local days from `start`: the audit period.

    One week is the common case (`Period(start)`, the default of one week), so everything that reads a week
    reads a period of several weeks the same way: its days, their bounds, its title.
    """

    start: date
    weeks: int = 1

    @property
    def days(self) -> list[date]:
        return [self.start + timedelta(days=i) for i in range(7 * self.weeks)]

    @property
    def end(self) -> date:
        """The day after the last day (exclusive)."""
        return self.start + timedelta(days=7 * self.weeks)

    @property
    def last_week_start(self) -> date:
        return self.end - timedelta(days=7)

    def previous(self) -> "Period":
        return Period(self.start - timedelta(days=7), self.weeks)

    def next(self) -> "Period":
        return Period(self.start + timedelta(days=7), self.weeks)

    def wider(self) -> "Period":
        """One week more, added before: the last week stays the one the owner chose."""
        if self.weeks >= MAX_WEEKS:
            return self
        return Period(self.start - timedelta(days=7), self.weeks + 1)

    def narrower(self) -> "Period":
        """One week less, taken from the start: the last week stays."""
        if self.weeks <= 1:
            return self
        return Period(self.start + timedelta(days=7), self.weeks - 1)

    def holds(self, day: date) -> bool:
        return self.start <= day < self.end

    def title(self) -> str:
        if self.weeks == 1:
            return "Week of " + self.start.strftime("%a %d %b %Y")
        last = self.end - timedelta(days=1)
        first = self.start.strftime("%a %d %b" if self.start.year == last.year else "%a %d %b %Y")
        return f"{self.weeks} weeks, {first} to {last.strftime('%a %d %b %Y')}"

    def day_letters(self) -> list[str]:
        return [DAY_LETTERS[d.weekday()] for d in self.days]

    def day_bounds(self, zone: str) -> list[tuple[int, int, int]]:
        """(day index, start epoch, end epoch) of each local day in `zone`."""
        edges = [day_start_epoch(d, zone) for d in self.days + [self.end]]
        return [(i, edges[i], edges[i + 1]) for i in range(len(edges) - 1)]

    def span_epochs(self, zones: list[str]) -> tuple[int, int]:
        """The UTC window that holds this period in any of `zones` (for the SQL filter)."""
        return span_epochs(self.start, self.end, zones)




def span_epochs(first: date, end: date, zones: list[str]) -> tuple[int, int]:
    """The UTC window that holds the local days first..end (exclusive) in any of `zones`."""
    starts = [day_start_epoch(first, z) for z in zones]
    ends = [day_start_epoch(end, z) for z in zones]
    return min(starts), max(ends)


def week_of(day: date, start_weekday: int = 0) -> Period:
    return Period(week_start(day, start_weekday))


def weeks_ending(day: date, weeks: int, start_weekday: int = 0) -> Period:
    """`weeks` weeks whose last one holds `day`; from 1 to MAX_WEEKS."""
    if not 1 <= weeks <= MAX_WEEKS:
        raise InvalidInput(f"An audit period is 1 to {MAX_WEEKS} weeks long, not {weeks}.")
    last = week_start(day, start_weekday)
    return Period(last - timedelta(days=7 * (weeks - 1)), weeks)
