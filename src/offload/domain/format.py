"""How durations and times read everywhere: TUI, CLI and brief use these, nothing else."""

from __future__ import annotations

import unicodedata
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from zoneinfo import ZoneInfo


def duration(seconds: float) -> str:
    """`1h 05m`; under an hour `25m`; to the nearest minute (a half rounds up), so `0m`
    only under 30 seconds. Totals are summed from exact seconds, then rounded once here.
    Never negative: a clock gone back behind a running entry's start reads `0m`."""
    total = (max(0, int(seconds)) + 30) // 60
    hours, minutes = divmod(total, 60)
    if hours:
        return f"{hours}h {minutes:02d}m"
    return f"{minutes}m"


def shown_span(start_epoch: int, end_epoch: int, zone: str) -> int:
    """The seconds between an entry's start and end as `local_time` shows them (to the
    minute): 18:18:40 to 18:30:10 reads 18:18–18:30, so it lasts 12m there, not 11m."""
    tz = ZoneInfo(zone)
    start = start_epoch - datetime.fromtimestamp(start_epoch, tz).second
    end = end_epoch - datetime.fromtimestamp(end_epoch, tz).second
    return end - start


def entry_duration(start_epoch: int, end_epoch: int | None, now_epoch: int, zone: str) -> str:
    """What an entry's duration reads next to its shown times: whole minutes from the shown
    start to the shown end; a running one (shown "now") its time so far."""
    if end_epoch is None:
        return duration(now_epoch - start_epoch)
    return duration(shown_span(start_epoch, end_epoch, zone))


def whole_percents(parts: list[float]) -> list[int]:
    """Shares as whole percents that add up to 100 (largest remainder): 1/3 each is 34, 33,
    33, not 33 three times. All zero when there is no whole."""
    whole = sum(parts)
    if whole <= 0:
        return [0] * len(parts)
    exact = [100 * p / whole for p in parts]
    shares = [int(e) for e in exact]
    # The points left go to the largest remainders (the earlier part on a tie).
    for i in sorted(range(len(parts)), key=lambda i: (-(exact[i] - shares[i]), i))[: 100 - sum(shares)]:
        shares[i] += 1
    return shares


def hours(seconds: float) -> str:
    """Decimal hours with one place, for the brief's tables (screens and the command line's
    tables say `3h 30m`): `3.5`."""
    # Half up, as people round (1h 15m is 1.3, 2h 45m is 2.8), not Python's half to even.
    tenths = (Decimal(seconds) / 3600).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return f"{tenths:.1f}"


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
    moment = datetime.fromtimestamp(epoch, ZoneInfo(zone))
    if not with_day:
        return moment.strftime("%H:%M")
    year = f" {moment.year}" if this_year is not None and moment.year != this_year else ""
    return moment.strftime("%a %d %b") + year + moment.strftime(" %H:%M")


def input_time(epoch: int, zone: str) -> str:
    """An instant as the parser reads it back (`2026-11-20 09:30`): what edit dialogs prefill."""
    return datetime.fromtimestamp(epoch, ZoneInfo(zone)).strftime("%Y-%m-%d %H:%M")


def cells(text: str) -> int:
    """Terminal columns a text takes: wide (CJK, emoji) count two, combining marks none."""
    return sum(0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
               for ch in text)


def text_table(heads: list[str], rows: list[list[str]], right: set[int] | frozenset[int] = frozenset(),
               foot: list[str] | None = None) -> list[str]:
    """A table for a terminal, in lines: columns in `right` (numbers) aligned right, a rule
    under the headings and, with a `foot` (totals), one above it."""
    every = [heads, *rows, *([foot] if foot is not None else [])]
    widths = [max(cells(r[i]) for r in every) for i in range(len(heads))]

    def fit(row: list[str]) -> str:
        shown = [" " * (w - cells(c)) + c if i in right else c + " " * (w - cells(c))
                 for i, (c, w) in enumerate(zip(row, widths))]
        return "  ".join(shown).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return [fit(heads), rule, *[fit(r) for r in rows], *([rule, fit(foot)] if foot is not None else [])]


def plural(n: int, word: str, many: str | None = None) -> str:
    """`1 entry`, `2 entries`: the count and the word for it (`many`, or the word with an s)."""
    return f"{n} {word if n == 1 else many or word + 's'}"


def money(amount: float, currency: str) -> str:
    """`EUR 1,733.33` for a code, `£1,733.33` for a sign: the brief's and the screen's amounts."""
    text = f"{amount:,.2f}"
    if currency and currency.isalpha():
        return f"{currency} {text}"
    return f"{currency}{text}"
