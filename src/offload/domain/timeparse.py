"""The times people type when fixing the log, turned into UTC instants.

Accepted: `9:30`, `09:30`, `14:05`, `9am`, `9:30pm`, `noon`, `midnight`, `now`,
`yesterday 17:00`, `today 8:00`, `mon 9:00` (the most recent Monday, today included),
`2026-11-20 09:00`, `2026-11-20T09:00`, `-15m`, `-1h`, `-1h30m` (that long before now).
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pendulum

from offload.domain.errors import InvalidInput
from offload.domain.zones import skipped

EXAMPLES = "9:30, 9am, yesterday 17:00, mon 9:00, 2026-11-20 09:00 or -15m"

_DAYS = {
    "mon": 0, "monday": 0, "tue": 1, "tues": 1, "tuesday": 1, "wed": 2, "wednesday": 2,
    "thu": 3, "thur": 3, "thurs": 3, "thursday": 3, "fri": 4, "friday": 4,
    "sat": 5, "saturday": 5, "sun": 6, "sunday": 6,
}
_CLOCK = re.compile(r"^(\d{1,2})[:.](\d{2})$")
_AMPM = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?(am|pm)$")
_MERIDIEM = re.compile(r"(?<=\d)\s?([ap])\.?m\.?$")
_NAMED = {"noon": (12, 0), "midday": (12, 0), "midnight": (0, 0)}
_AGO = re.compile(r"^-\s*(?:(\d+)\s*h)?\s*(?:(\d+)\s*m(?:in)?)?$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[ t](\S+)$")
_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def _refuse(text: str, why: str = "") -> InvalidInput:
    lead = f"Cannot read the time '{text}'" + (f" ({why})" if why else "")
    return InvalidInput(f"{lead}. Try e.g. {EXAMPLES}.")


def _clock(text: str, part: str) -> tuple[int, int]:
    if part in _NAMED:
        return _NAMED[part]
    m = _AMPM.match(part)
    if m:
        # 12-hour clock: 12am is midnight, 12pm noon; 0am or 13pm are no times at all.
        hour, minute = int(m.group(1)), int(m.group(2) or 0)
        if not 1 <= hour <= 12 or minute > 59:
            raise _refuse(text, "with am or pm, hours go from 1 to 12 and minutes to 59")
        return hour % 12 + (12 if m.group(3) == "pm" else 0), minute
    m = _CLOCK.match(part)
    if not m:
        raise _refuse(text)
    hour, minute = int(m.group(1)), int(m.group(2))
    if hour > 23 or minute > 59:
        raise _refuse(text, "hours go to 23 and minutes to 59")
    return hour, minute


def _at(day: date, hour: int, minute: int, zone: str, text: str = "") -> datetime:
    tz = ZoneInfo(zone)
    wall = datetime(day.year, day.month, day.day, hour, minute, tzinfo=tz)
    if skipped(wall):
        back = wall.astimezone(timezone.utc).astimezone(tz)
        # Skipped when the clocks went forward: no instant has this local time (pendulum
        # would quietly move it an hour on, and then blame the end for being before it).
        raise InvalidInput(
            f"The time '{text or f'{hour:02d}:{minute:02d}'}' does not exist on {day:%a %d %b %Y} in {zone}: "
            f"the clocks went forward over it that day. Try e.g. {back:%H:%M}."
        )
    local = pendulum.datetime(day.year, day.month, day.day, hour, minute, tz=zone)
    return local.in_timezone("UTC")


_SECONDS = re.compile(r"^(\d{1,2}:\d{2}):(\d{2})$")


def _clock_seconds(raw: str, part: str) -> tuple[int, int, int]:
    """A clock time with its seconds if given (`09:00:37`): what the Log fills a gap with and
    `offload delete` prints to put an entry back exactly, meeting its neighbours to the second."""
    seconds = _SECONDS.match(part)
    hh, mm = _clock(raw, seconds.group(1) if seconds else part)
    second = int(seconds.group(2)) if seconds else 0
    if second > 59:
        raise _refuse(raw, "seconds go to 59")
    return hh, mm, second


def parse_time(text: str, now: datetime, zone: str, day: date | None = None) -> datetime:
    """Read a typed time relative to `now` (aware) in the user's `zone`; return UTC.
    A clock time alone falls on `day` (default today): editing an entry, its own day."""
    if text is None:
        raise _refuse("")
    raw = str(text)
    s = " ".join(raw.strip().lower().split())
    if not s:
        raise InvalidInput(f"Type a time, e.g. {EXAMPLES}.")
    s = _MERIDIEM.sub(r"\1m", s)  # `9:30 pm`, `9 a.m.` read as `9:30pm`, `9am`
    now_local = pendulum.instance(now).in_timezone(zone)
    today = now_local.date()
    if s == "now":
        return now.astimezone(timezone.utc).replace(microsecond=0)
    if s.startswith("-"):
        m = _AGO.match(s)
        if not m or not (m.group(1) or m.group(2)):
            raise _refuse(raw)
        hours, minutes = int(m.group(1) or 0), int(m.group(2) or 0)
        if hours * 60 + minutes > 24 * 366 * 60:  # minutes too: "-99999999999m" is not a date
            raise _refuse(raw, "too far back")
        return (now - timedelta(hours=hours, minutes=minutes)).astimezone(timezone.utc).replace(microsecond=0)
    m = _ISO.match(s)
    if m:
        y, mo, d = (int(g) for g in m.groups()[:3])
        try:
            day = date(y, mo, d)
        except ValueError:
            raise _refuse(raw, "no such date") from None
        hh, mm, second = _clock_seconds(raw, m.group(4))
        if y < 1970:
            raise _refuse(raw, "before 1970")
        return _at(day, hh, mm, zone, raw.strip()) + timedelta(seconds=second)
    parts = s.split(" ")
    if len(parts) == 1:
        hour, minute, second = _clock_seconds(raw, parts[0])
        return _at(day or today, hour, minute, zone, raw.strip()) + timedelta(seconds=second)
    if len(parts) == 2:
        word, clock = parts
        hour, minute, second = _clock_seconds(raw, clock)
        if word == "today":
            day = today
        elif word == "yesterday":
            day = today - timedelta(days=1)
        elif word in _DAYS:
            back = (today.weekday() - _DAYS[word]) % 7
            day = today - timedelta(days=back)
        else:
            raise _refuse(raw)
        return _at(day, hour, minute, zone, raw.strip()) + timedelta(seconds=second)
    raise _refuse(raw)


def parse_date(text: str, today: date, on_or_after: date | None = None) -> date:
    """A day for `--week DATE` and friends: `2026-11-20`, `today`, `yesterday`, `mon`.

    A day's name is the most recent such day, today included; given `on_or_after` (the
    first day of a span), the first such day from there: `--from mon --to sun` is a week."""
    s = " ".join(str(text or "").strip().lower().split())
    m = _DATE.match(s)
    if m:
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            pass
        raise InvalidInput(f"Cannot read the date '{text}' (no such date). Try e.g. 2026-11-16.")
    if s == "today":
        return today
    if s == "yesterday":
        return today - timedelta(days=1)
    if s in _DAYS:
        if on_or_after is not None:
            return on_or_after + timedelta(days=(_DAYS[s] - on_or_after.weekday()) % 7)
        return today - timedelta(days=(today.weekday() - _DAYS[s]) % 7)
    raise InvalidInput(f"Cannot read the date '{text}'. Try e.g. 2026-11-16, today or mon.")
