"""What commands print: user text made safe for the terminal, counts, and entries one a line."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from offload.domain.format import duration, entry_duration, local_time
from offload.domain.text import visible


def say(text: str) -> None:
    print(shown(text))


def shown(text: str) -> str:
    """User text on the terminal literally: a control character stored by an older version or
    another program is printed as `\\x1b`, so it can never retitle or clear the terminal."""
    return visible(str(text))


def count(n: int, word: str, many: str | None = None) -> str:
    """`1 entry`, `2 entries`."""
    return f"{n} {word if n == 1 else many or word + 's'}"


def entry_line(e, zone: str, now_epoch: int, *, seconds: int | None = None, with_day: bool = False,
               this_year: int | None = None, id_width: int = 0, user_zone: str | None = None) -> str:
    """One entry as `log` and `doctor` list it: `12  09:00–10:30   1h 30m  Invoices  note`; its
    id first (for `offload edit` and `delete`), times in `zone` (named when not the user's)."""
    start = local_time(e.start_utc, zone, with_day=with_day, this_year=this_year)
    end = local_time(e.end_utc, zone) if e.end_utc is not None else "now  "
    away = ""
    if user_zone is not None and zone != user_zone:
        away = " " + (datetime.fromtimestamp(e.start_utc, ZoneInfo(zone)).tzname() or zone)
    full = e.seconds(now_epoch)
    shown_seconds = full if seconds is None else seconds
    running = " (running)" if e.running else ""
    note = f"  {e.note}" if e.note else ""
    whole = entry_duration(e.start_utc, e.end_utc, now_epoch, zone)  # agrees with the times shown
    cut = f"  ({whole} in all)" if shown_seconds < full else ""
    return (f"{e.id:>{id_width}}  {start}–{end}{away}  {duration(shown_seconds) if cut else whole:>7}  "
            f"{e.task}{running}{note}{cut}")
