"""Local days and weeks: where an instant falls, and the UTC bounds of each local day.

Durations are differences of UTC instants; days are local, so a DST day is 23 or 25
hours long and an entry over midnight counts on both days.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
DAY_LETTERS = "MTWTFSS"


def weekday_number(name: str) -> int:
    """0 for Monday ... 6 for Sunday, from a name or its first three letters."""
    key = str(name).strip().lower()
    for i, day in enumerate(WEEKDAYS):
        if key == day or (len(key) >= 3 and day.startswith(key)):
            return i
    from offload.domain.errors import InvalidInput

    raise InvalidInput(f"'{name}' is not a day of the week; use e.g. monday or sun.")


def week_start(day: date, start_weekday: int = 0) -> date:
    """The first day of the week holding `day`, weeks starting on `start_weekday`."""
    return day - timedelta(days=(day.weekday() - start_weekday) % 7)


def local_date(instant: datetime, zone: str) -> date:
    import pendulum  # here, not at the top: `offload status` must not pay for it

    return pendulum.instance(instant).in_timezone(zone).date()


def day_start_epoch(day: date, zone: str) -> int:
    import pendulum

    return int(pendulum.datetime(day.year, day.month, day.day, tz=zone).timestamp())


@dataclass(frozen=True)
class Week:
    """Seven local days from `start`."""

    start: date

    @property
    def days(self) -> list[date]:
        return [self.start + timedelta(days=i) for i in range(7)]

    @property
    def end(self) -> date:
        """The day after the last day (exclusive)."""
        return self.start + timedelta(days=7)

    def previous(self) -> "Week":
        return Week(self.start - timedelta(days=7))

    def next(self) -> "Week":
        return Week(self.start + timedelta(days=7))

    def title(self) -> str:
        return "Week of " + self.start.strftime("%a %d %b %Y")

    def day_letters(self) -> list[str]:
        return [DAY_LETTERS[d.weekday()] for d in self.days]

    def day_bounds(self, zone: str) -> list[tuple[int, int, int]]:
        """(day index, start epoch, end epoch) of each local day in `zone`."""
        edges = [day_start_epoch(d, zone) for d in self.days + [self.end]]
        return [(i, edges[i], edges[i + 1]) for i in range(7)]

    def span_epochs(self, zones: list[str]) -> tuple[int, int]:
        """The UTC window that holds this week in any of `zones` (for the SQL filter)."""
        starts = [day_start_epoch(self.start, z) for z in zones]
        ends = [day_start_epoch(self.end, z) for z in zones]
        return min(starts), max(ends)


def week_of(day: date, start_weekday: int = 0) -> Week:
    return Week(week_start(day, start_weekday))
