"""The unlogged stretches of a day: the holes between its first and its last entry.

seeds/002 asks for "each minute of your day"; a week's log is only as good as its holes.
A few minutes between two entries is a switch, not a hole, so only stretches longer than
`GAP_SECONDS` count (shown on the Log, summed on the week strip and the Review).
"""

from __future__ import annotations

from typing import Iterable, NamedTuple

GAP_SECONDS = 5 * 60


class Gap(NamedTuple):
    start_utc: int
    end_utc: int

    @property
    def seconds(self) -> int:
        return self.end_utc - self.start_utc


def gaps(spans: Iterable[tuple[int, int]], lo: int, hi: int, least: int = GAP_SECONDS) -> list[Gap]:
    """The stretches longer than `least` seconds inside [lo, hi) that no span covers, between
    the first span's start and the last span's end (before the first entry and after the last
    the day is simply not logged yet). Spans are (start, end) instants in any order; a running
    entry is given up to now."""
    spans = [(s, e) for s, e in spans if e > lo and s < hi and e > s]
    # The day's log runs from the first to the last end of the entries that began that day: the
    # tail of last night's entry reaches into the morning, but the night after it ended is sleep,
    # not a hole in the day's log (the evening before a late entry of the day's own does count).
    own = [(s, min(e, hi)) for s, e in spans if s >= lo]
    if not own:
        return []
    first, last = min(s for s, _ in own), max(e for _, e in own)
    inside = sorted((max(s, lo), min(e, hi)) for s, e in spans)
    found: list[Gap] = []
    covered = None
    for start, end in inside:
        if covered is not None and start - covered > least and start > first and covered < last:
            found.append(Gap(covered, start))
        covered = end if covered is None else max(covered, end)
    return found


def unlogged_seconds(spans: Iterable[tuple[int, int]], lo: int, hi: int, least: int = GAP_SECONDS) -> int:
    """How much of the day between its first and last entry is in holes longer than `least`."""
    return sum(g.seconds for g in gaps(spans, lo, hi, least))
