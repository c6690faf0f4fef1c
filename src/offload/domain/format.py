"""How durations and times read everywhere: TUI, CLI and brief use these, nothing else."""

from __future__ import annotations


def duration(seconds: float) -> str:
    """`1h 05m`; under an hour `25m`; under a minute `0m`."""
    total = int(seconds) // 60
    hours, minutes = divmod(total, 60)
    if hours:
        return f"{hours}h {minutes:02d}m"
    return f"{minutes}m"


def hours(seconds: float) -> str:
    """Decimal hours with one place, for tables and briefs: `3.5`."""
    return f"{seconds / 3600:.1f}"


def stopwatch(seconds: float) -> str:
    """`01:05:09` for the big elapsed display."""
    seconds = max(0, int(seconds))
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h:02d}:{m:02d}:{s:02d}"


def percent(part: float, whole: float) -> str:
    if whole <= 0:
        return "0%"
    return f"{round(100 * part / whole)}%"


def local_time(epoch: int, zone: str, with_day: bool = False, this_year: int | None = None) -> str:
    """`09:30` (or `Fri 20 Nov 09:30`) for an instant, in the user's zone; with the day,
    the year too when it is not `this_year` (an entry from a clock that ran ahead)."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    moment = datetime.fromtimestamp(epoch, ZoneInfo(zone))
    if not with_day:
        return moment.strftime("%H:%M")
    year = f" {moment.year}" if this_year is not None and moment.year != this_year else ""
    return moment.strftime("%a %d %b") + year + moment.strftime(" %H:%M")


def input_time(epoch: int, zone: str) -> str:
    """An instant as the parser reads it back (`2026-11-20 09:30`): what edit dialogs prefill."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    return datetime.fromtimestamp(epoch, ZoneInfo(zone)).strftime("%Y-%m-%d %H:%M")


def money(amount: float, currency: str) -> str:
    """`EUR 1,733.33` for a code, `£1,733.33` for a sign: the brief's and the screen's amounts."""
    text = f"{amount:,.2f}"
    if currency and currency.isalpha():
        return f"{currency} {text}"
    return f"{currency}{text}"
