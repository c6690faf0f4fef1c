"""What the log should hold, in plain Python: the stateful test's model of Offload.

Kept apart from the product's code on purpose (no imports from offload): the rules of the
log are written out again here from what the user is promised, so a bug in the product's
code cannot also be in the oracle that checks it.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

def same_name(name: str) -> str:
    """Task names are one task whatever their case, for all of Unicode ("École" is "école"),
    and whatever the composition of their accents (Unicode's canonical caseless match)."""
    nfd = unicodedata.normalize("NFD", " ".join(name.split()))
    return unicodedata.normalize("NFD", nfd.casefold())


def tidy(text: str | None) -> str:
    """Names and notes are stored with their spacing collapsed."""
    return " ".join((text or "").split())


NO_END = 2**62


@dataclass
class Entry:
    task_id: int
    start: int
    end: int | None
    tz: str
    note: str

    def reach(self, now: int) -> int:
        """Where the entry ends for overlap checks: a running one has no end yet, so anything
        after its start overlaps it (even past now, after the clock went back)."""
        return self.end if self.end is not None else NO_END

    def counted_end(self, now: int) -> int:
        """Where it ends for reports: a running one counts up to now, never less than nothing."""
        return self.end if self.end is not None else max(now, self.start)


@dataclass
class Task:
    name: str
    highlighted: bool = False


DEFAULTS = {
    "week_start": "monday",
    "long_running_hours": "4",
    "hourly_value": "",
    "currency": "EUR",
    "theme": "textual-dark",
    "reminder_minutes": "",
    "working_hours": "09:00-17:30",
    "audit_period": "",  # chosen on the Review, not in the dialog: the model never changes it
}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


@dataclass
class Model:
    entries: dict[int, Entry] = field(default_factory=dict)
    tasks: dict[int, Task] = field(default_factory=dict)
    settings: dict[str, str] = field(default_factory=dict)  # only what was stored

    # --- reading ---------------------------------------------------------------
    def task_named(self, name: str) -> int | None:
        key = same_name(name)
        return next((tid for tid, t in self.tasks.items() if same_name(t.name) == key), None)

    def running(self) -> int | None:
        return next((eid for eid, e in self.entries.items() if e.end is None), None)

    def clashes(self, lo: int, hi: int, now: int, ignore: int | None = None) -> list[int]:
        """Entries overlapping [lo, hi); touching ends do not overlap."""
        return sorted(
            eid for eid, e in self.entries.items() if eid != ignore and e.start < hi and e.reach(now) > lo
        )

    def started_after(self, instant: int, ignore: int | None = None) -> list[int]:
        return [eid for eid, e in self.entries.items() if e.start > instant and eid != ignore]

    def setting(self, key: str) -> str:
        return self.settings.get(key, DEFAULTS[key])

    def week_start_day(self) -> int:
        return WEEKDAYS.index(self.setting("week_start"))

    def content(self, eid: int) -> tuple:
        """An entry as the user sees it: task name, start, end, zone, note."""
        e = self.entries[eid]
        return (self.tasks[e.task_id].name, e.start, e.end, e.tz, e.note)


# --- days and weeks, computed here without the product's helpers ------------------
def local_day(epoch: int, zone: str) -> date:
    return datetime.fromtimestamp(epoch, ZoneInfo(zone)).date()


def midnight(day: date, zone: str) -> int:
    """Where a local day begins. The zones the test uses never skip or repeat midnight."""
    return int(datetime(day.year, day.month, day.day, tzinfo=ZoneInfo(zone)).timestamp())


def week_days(today: date, start_weekday: int) -> list[date]:
    first = today - timedelta(days=(today.weekday() - start_weekday) % 7)
    return [first + timedelta(days=i) for i in range(7)]


def expected_day_seconds(model: Model, days: list[date], now: int) -> dict[int, list[int]]:
    """Seconds per task per day: each entry cut at the edges of the days of its own zone."""
    out: dict[int, list[int]] = {}
    for e in model.entries.values():
        end = e.counted_end(now)
        for i, day in enumerate(days):
            lo, hi = midnight(day, e.tz), midnight(day + timedelta(days=1), e.tz)
            part = min(end, hi) - max(e.start, lo)
            if part > 0:
                out.setdefault(e.task_id, [0] * len(days))[i] += part
    return out


def expected_log(model: Model, first: date, last: date, now: int) -> list[tuple[int, int]]:
    """What `log` lists for the local days first..last: (id, seconds inside them) of every entry
    reaching into those days in its own zone, oldest first; cut at the edges as reports cut."""
    out = []
    for eid, e in sorted(model.entries.items(), key=lambda item: (item[1].start, item[0])):
        lo, hi = midnight(first, e.tz), midnight(last + timedelta(days=1), e.tz)
        end = e.counted_end(now)
        if e.start < hi and end > lo:
            out.append((eid, min(end, hi) - max(e.start, lo)))
    return out


def utc(epoch: int) -> datetime:
    return datetime.fromtimestamp(epoch, timezone.utc)
