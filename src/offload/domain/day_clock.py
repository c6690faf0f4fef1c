"""Each local day's clock: where an instant falls across a day (seconds from its midnight),
in any zone, on a day whose clocks jump too.

On a day the clocks go forward the hour that never happened is a missing span; on a day they
go back the hour that happens twice is placed once, both times in it sharing its width (each
minute half a minute wide), so nothing overlaps and every clock time outside it keeps its place.
`Days` makes each zone's midnights and each day's clock once for a whole period.
"""

from __future__ import annotations

import calendar
from bisect import bisect_right
from datetime import date, datetime, timedelta
from typing import Callable, Sequence
from zoneinfo import ZoneInfo

from offload.domain.weeks import day_start_epoch
from offload.domain.zones import reading_zone

DAY = 86_400

class DayClock:
    """Maps an instant of one local day to its place on that day's clock (seconds from its
    midnight), as this module's docstring says for DST days."""

    def __init__(self, day: date, zone: str, lo: int, hi: int) -> None:
        self.lo, self.hi = lo, hi
        tz = ZoneInfo(zone)
        self._midnight = calendar.timegm(day.timetuple())  # the day's 00:00 as if it were UTC

        def offset(t: int) -> int:
            return int(datetime.fromtimestamp(t, tz).utcoffset().total_seconds())

        start_offset, end_offset = offset(lo), offset(hi - 1)
        self.shift: int | None = start_offset - self._midnight  # place = instant + shift, on an ordinary day
        self.times: list[int] | None = None
        self.places: list[float] = []
        self.missing: list[tuple[float, float]] = []
        first = lo + start_offset - self._midnight
        if first > 0:  # midnight never happened: the day starts at the jump
            self.missing.append((0.0, float(first)))
        if hi - lo == DAY and start_offset == end_offset:
            return
        self.shift = None
        points = [(lo, float(first))]
        for at, old, new in _transitions(offset, lo, hi):
            wall = at + old - self._midnight  # the clock just before the change
            if new > old:
                points += [(at, float(wall)), (at, float(wall + new - old))]
                self.missing.append((float(wall), float(wall + new - old)))
            else:
                back = old - new
                points += [(max(lo, at - back), float(wall - back)), (min(hi, at + back), float(wall))]
        points.append((hi, float(hi + end_offset - self._midnight)))
        points.sort(key=lambda p: p[0])
        self.times, self.places = [], []
        for t, x in points:  # never back: odd zones must not fold the row over itself
            self.times.append(t)
            self.places.append(max(x, self.places[-1]) if self.places else x)

    def place(self, t: int) -> float:
        if self.times is None:
            return float(t + self.shift)
        times, places = self.times, self.places
        i = bisect_right(times, t) - 1
        if i < 0:
            return places[0]
        if i >= len(times) - 1:
            return places[-1]
        t0, t1 = times[i], times[i + 1]
        if t1 == t0:
            return places[i + 1]
        return places[i] + (places[i + 1] - places[i]) * (t - t0) / (t1 - t0)


def _transitions(offset: Callable[[int], int], lo: int, hi: int) -> list[tuple[int, int, int]]:
    """(instant, offset before, offset after) of each change of the clock in [lo, hi)."""
    found = []
    probe = 900
    t, before = lo, offset(lo)
    while t < hi:
        nxt = min(t + probe, hi - 1)
        after = offset(nxt)
        if after != before:
            a, b = t, nxt  # offset(a) == before, offset(b) != before
            while b - a > 1:
                mid = (a + b) // 2
                if offset(mid) == before:
                    a = mid
                else:
                    b = mid
            found.append((b, before, offset(b)))
            before = offset(b)
            t = b
            continue
        if nxt == hi - 1:
            break
        t = nxt
    return found


class Days:
    """The period's local days in each zone: their edges and their clocks, each made once."""

    def __init__(self, days: Sequence[date]) -> None:
        self.days = list(days)
        self._bounds = self.days + [_after(self.days[-1])] if self.days else []
        self._edges: dict[str, list[int]] = {}
        self._clocks: dict[tuple[str, int], DayClock] = {}

    def edges(self, zone: str) -> list[int]:
        """Where each day begins (and the last ends) in `zone` (read in UTC if it cannot load)."""
        found = self._edges.get(zone)
        if found is None:
            read = reading_zone(zone)
            found = self._edges[zone] = [day_start_epoch(d, read) for d in self._bounds]
        return found

    def clock(self, zone: str, day: int) -> DayClock:
        found = self._clocks.get((zone, day))
        if found is None:
            edges = self.edges(zone)
            found = self._clocks[(zone, day)] = DayClock(self.days[day], reading_zone(zone), edges[day],
                                                         edges[day + 1])
        return found


def _after(day: date) -> date:
    return day + timedelta(days=1)


def missing_spans(days: Sequence[date] | Days, zone: str) -> list[list[tuple[float, float]]]:
    """Per day, the clock spans that never happened in `zone` (a DST jump)."""
    known = days if isinstance(days, Days) else Days(days)
    return [known.clock(zone, i).missing for i in range(len(known.days))]
