"""When to remind the user that nothing is running: off by default, set in the settings.

"Nothing has run for N minutes during the working hours" is measured from the later of
the last entry's end and the start of today's working hours, so the first reminder of a
morning comes N minutes into the working day, not at 9:00 sharp for last night's stop.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from offload.domain.errors import InvalidInput

_HOURS = re.compile(r"^\s*(\d{1,2})(?::(\d{2}))?\s*(am|pm)?\s*[-–]\s*(\d{1,2})(?::(\d{2}))?\s*(am|pm)?\s*$")
_EXAMPLE = "use e.g. 9:00-17:30 or 9am-5:30pm"


def _hour(h: int, meridiem: str | None, text: str) -> int:
    if meridiem is None:
        return h
    if not 1 <= h <= 12:
        raise InvalidInput(f"'{text}' has a time that does not exist; {_EXAMPLE}.")
    return h % 12 + (12 if meridiem == "pm" else 0)


def parse_working_hours(text: str) -> tuple[time, time]:
    """`9:00-17:30`, `9-17` or `9am-5:30pm` as (start, end) clock times within one day."""
    m = _HOURS.match(str(text).lower())
    if m is None:
        raise InvalidInput(f"'{text}' is not working hours; {_EXAMPLE}.")
    h1, m1, h2, m2 = int(m[1]), int(m[2] or 0), int(m[4]), int(m[5] or 0)
    if h1 > 23 or h2 > 24 or m1 > 59 or m2 > 59 or (h2 == 24 and m2):
        raise InvalidInput(f"'{text}' has a time that does not exist; {_EXAMPLE}.")
    h1, h2 = _hour(h1, m[3], text), _hour(h2, m[6], text)
    start = time(h1, m1)
    end = time(23, 59, 59) if h2 == 24 else time(h2, m2)
    if end == start:
        raise InvalidInput(f"The working hours '{text}' start and end at the same time; {_EXAMPLE}.")
    if end < start:
        raise InvalidInput(f"The working hours '{text}' end before they start: they must lie within one day "
                           f"(for 9 to 5 write 9:00-17:00 or 9am-5pm; hours across midnight are not "
                           f"supported).")
    return start, end


def check_working_hours(text: str) -> str:
    start, end = parse_working_hours(text)
    shown_end = "24:00" if end == time(23, 59, 59) else end.strftime("%H:%M")
    return f"{start.strftime('%H:%M')}-{shown_end}"


def check_reminder_minutes(text: str) -> str:
    """Empty (off) or whole minutes from 5 to 480."""
    s = str(text).strip().lower().removesuffix("m").removesuffix("min").strip()
    if s in ("", "0", "off"):
        return ""
    if not s.isdigit() or not 5 <= int(s) <= 480:
        raise InvalidInput(f"'{text}' is not a reminder: give minutes from 5 to 480, or leave it empty or 0 (off).")
    return str(int(s))


def _at(day: date, clock: time, zone: str) -> int:
    return int(datetime.combine(day, clock, ZoneInfo(zone)).timestamp())


def reminder_due_at(now_epoch: int, zone: str, minutes: int | None, hours: tuple[time, time],
                    running: bool, last_end_epoch: int | None) -> int | None:
    """The instant today's reminder is due (it may be past), or None: reminders off, a task
    running, or no reminder left inside today's working hours."""
    if not minutes or running:
        return None
    now_local = datetime.fromtimestamp(now_epoch, ZoneInfo(zone))
    today = now_local.date()
    opens, closes = _at(today, hours[0], zone), _at(today, hours[1], zone)
    idle_since = max(opens, last_end_epoch or opens)
    due = idle_since + minutes * 60
    if due > closes:
        return None
    return due
