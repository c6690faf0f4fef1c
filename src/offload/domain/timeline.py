"""The week at a glance: the audit period's entries laid out as a grid, one row a local day,
the day's clock running across, and what each day says about focus (switches, the longest
stretch of core work, what broke it up).

Pure: the service hands in the entries (each read in its own zone, as the Review does) and
the tasks' marks; the widget draws the grid this module computes.

Rules, each chosen once:
- An entry counts on each local day of its own zone for its part inside that day (an entry
  over midnight is cut in two), like every total on the Review.
- Across a row runs the wall clock of that day. On a day the clocks go forward the hour that
  never happened is drawn as such (`Row.missing`); on a day they go back the hour that
  happens twice is drawn once, both times in it sharing its width (each minute half a
  minute wide), so nothing overlaps and every clock time outside it sits in its column.
- The hours shown run from the first to the last hour with logged time in the period,
  rounded out to whole hours; the cell is the finest step of the clock (1, 2, 5, 10, 15,
  20, 30 minutes, then whole hours) at which those hours fit the cells given.
- A cell shows the entry covering most of it (on a tie the earlier); a cell with any logged
  time in it shows something, so a five-minute interruption is never lost at 30 minutes a cell.
- A switch is each time the day's next entry (with time) is of another task than the one
  before it; a break with nothing logged between the two does not change that.
- A stretch of core work runs while core entries follow each other with less than a minute
  between them (hand-typed entries touch; imported ones may miss by seconds): any other entry,
  or a longer gap (the timer stopped), ends it. Its length is real time (a DST day's too).
- Core work is broken up by the entries between two core entries of the same day: each run
  of other entries there is one interruption, counted once for each skill set whose tasks are
  in it (tasks, not entries: emails, a call, emails again between two core stretches break it
  up once).
"""

from __future__ import annotations

import calendar
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Callable, Iterable, Mapping, NamedTuple, Protocol, Sequence
from zoneinfo import ZoneInfo

from offload.domain.weeks import day_start_epoch
from offload.domain.zones import reading_zone

DAY = 86_400
HOUR = 3_600
# Cell lengths in minutes, finest first: each divides an hour (or is whole hours), so the
# hour marks fall on cell edges.
STEPS = (1, 2, 5, 10, 15, 20, 30, 60, 120, 180, 240, 360, 720, 1440)
STRETCH_GAP = 60  # seconds between two core entries that still leave the stretch whole
NOBODY = -1  # a cell with no entry


class EntryLike(Protocol):
    """What the layout reads of an entry (the store's EntryRow has it)."""

    id: int
    task_id: int
    start_utc: int
    end_utc: int | None
    tz: str


class Piece(NamedTuple):
    """The part of one entry inside one local day: real instants and where they fall on the
    day's clock (seconds from its midnight). A named tuple: a long period makes many."""

    entry: int  # index into the entries given
    task_id: int
    day: int  # index into the period's days
    start: int
    end: int
    x0: float
    x1: float

    @property
    def seconds(self) -> int:
        return self.end - self.start


@dataclass
class Row:
    """One local day of the grid."""

    day: date
    pieces: list[Piece]  # in time order, zero-length ones left out
    owners: list[int] = field(default_factory=list)  # per cell: the entry index shown, or NOBODY
    missing: list[bool] = field(default_factory=list)  # per cell: a clock time that never happened
    switches: int = 0
    longest_core: int = 0  # seconds

    def piece_at(self, x: float) -> Piece | None:
        """The piece whose clock span holds `x` (the later one where two touch)."""
        for p in reversed(self.pieces):
            if p.x0 <= x < p.x1:
                return p
        return None


@dataclass
class Grid:
    """Every day of the period as cells of `step` seconds, from `first_hour` for `cells` cells."""

    rows: list[Row]
    first_hour: int = 0
    last_hour: int = 0  # exclusive
    step: int = 30 * 60
    cells: int = 0

    @property
    def empty(self) -> bool:
        return self.cells == 0

    def cell_start(self, cell: int) -> int:
        """Where a cell begins on the day's clock, in seconds from midnight."""
        return self.first_hour * HOUR + cell * self.step

    def cell_of(self, x: float) -> int:
        return int((x - self.first_hour * HOUR) // self.step)

    @property
    def cells_per_hour(self) -> float:
        return HOUR / self.step


# --- the day's clock --------------------------------------------------------------------------
class DayClock:
    """Maps an instant of one local day to its place on that day's clock (seconds from its
    midnight), as the module's docstring says for DST days."""

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


# --- cutting entries into days ----------------------------------------------------------------
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


def cut(entries: Sequence[EntryLike], days: Sequence[date] | Days, now: int) -> list[list[Piece]]:
    """Each day's pieces, in time order: every entry cut at the local midnights of its own zone
    (read in UTC where that zone cannot be loaded); a running one lasts until now."""
    known = days if isinstance(days, Days) else Days(days)
    days = known.days
    out: list[list[Piece]] = [[] for _ in days]
    if not days:
        return out
    edges_of: dict[str, list[int]] = {}
    clocks: dict[tuple[str, int], DayClock] = {}
    last_day = len(days) - 1
    for index, e in enumerate(entries):
        stored = e.tz
        edges = edges_of.get(stored)
        if edges is None:
            edges = edges_of[stored] = known.edges(stored)
        start = e.start_utc
        end = e.end_utc
        if end is None or end < start:
            end = max(start, now) if end is None else start
        if end <= edges[0] or start >= edges[-1]:
            continue
        d = bisect_right(edges, start) - 1
        if d < 0:
            d = 0
        while d <= last_day:
            lo, hi = edges[d], edges[d + 1]
            if lo >= end:
                break
            s, f = (start if start > lo else lo), (end if end < hi else hi)
            if f > s:
                clock = clocks.get((stored, d))
                if clock is None:
                    clock = clocks[(stored, d)] = known.clock(stored, d)
                shift = clock.shift
                if shift is None:
                    x0, x1 = clock.place(s), clock.place(f)
                else:
                    x0, x1 = s + shift, f + shift
                out[d].append(Piece(index, e.task_id, d, s, f, x0, x1))
            d += 1
    for pieces in out:
        pieces.sort(key=lambda p: (p.start, p.entry))
    return out


def _after(day: date) -> date:
    return day + timedelta(days=1)


def missing_spans(days: Sequence[date] | Days, zone: str) -> list[list[tuple[float, float]]]:
    """Per day, the clock spans that never happened in `zone` (a DST jump)."""
    known = days if isinstance(days, Days) else Days(days)
    return [known.clock(zone, i).missing for i in range(len(known.days))]


# --- the grid -------------------------------------------------------------------------------------
def hours_shown(days: Iterable[list[Piece]]) -> tuple[int, int]:
    """(first hour, last hour exclusive) holding every piece with time; (0, 0) when none."""
    lo, hi = None, None
    for pieces in days:
        for p in pieces:
            if p.x1 <= p.x0:
                continue
            lo = p.x0 if lo is None else min(lo, p.x0)
            hi = p.x1 if hi is None else max(hi, p.x1)
    if lo is None or hi is None:
        return 0, 0
    first = int(lo // HOUR)
    last = max(first + 1, -int(-hi // HOUR))
    return first, last


def step_for(hours: int, cells: int) -> int:
    """The finest cell (seconds) at which `hours` hours fit in `cells` cells."""
    for minutes in STEPS:
        if -(-hours * 60 // minutes) <= cells:
            return minutes * 60
    return STEPS[-1] * 60


def lay_out(pieces: list[list[Piece]], days: Sequence[date], cells: int,
            is_core: Callable[[int], bool] = lambda task: False,
            missing: Sequence[Sequence[tuple[float, float]]] | None = None) -> Grid:
    """The grid for `cells` cells of width: hours, step, each cell's entry, each day's figures.

    `is_core(task_id)` says which tasks are core work; `missing`, per day, the clock spans that
    never happened in the user's zone (drawn as such)."""
    rows = [Row(d, [p for p in ps if p.end > p.start]) for d, ps in zip(days, pieces)]
    for row in rows:
        row.switches = switches(row.pieces)
        row.longest_core = longest_core(row.pieces, is_core)
    first, last = hours_shown(r.pieces for r in rows)
    if last <= first or cells <= 0:
        return Grid(rows)
    step = step_for(last - first, cells)
    per = max(1, step // HOUR)
    last = first + -(-(last - first) // per) * per  # whole cells of hours: the last one not cut
    count = (last - first) * HOUR // step
    grid = Grid(rows, first, last, step, count)
    base = first * HOUR
    last_cell = count - 1
    for i, row in enumerate(rows):
        owners = [NOBODY] * count
        cover = [0.0] * count
        for entry, _task, _day, _s, _f, x0, x1 in row.pieces:
            if x1 <= x0:
                continue
            a, b = x0 - base, x1 - base
            c0 = int(a // step)
            c1 = -int(-b // step) - 1
            if c0 == c1 and 0 <= c0 <= last_cell:  # most entries sit inside one cell
                if b - a > cover[c0]:
                    cover[c0] = b - a
                    owners[c0] = entry
                continue
            for c in range(max(0, c0), min(last_cell, c1) + 1):
                edge = c * step
                part = (b if b < edge + step else edge + step) - (a if a > edge else edge)
                if part > cover[c]:
                    cover[c] = part
                    owners[c] = entry
        row.owners = owners
        gaps = missing[i] if missing is not None and i < len(missing) else ()
        row.missing = [any(a <= base + c * step and base + (c + 1) * step <= b for a, b in gaps)
                       for c in range(count)] if gaps else [False] * count
    return grid


# --- what a day says about focus -----------------------------------------------------------------
def switches(pieces: Sequence[Piece]) -> int:
    """How many times the day's next entry with time is of another task."""
    count, before = 0, None
    for p in pieces:
        if p.end <= p.start:
            continue
        if before is not None and p.task_id != before:
            count += 1
        before = p.task_id
    return count


def longest_core(pieces: Sequence[Piece], is_core: Callable[[int], bool]) -> int:
    """The longest uninterrupted stretch of core work in the day, in seconds."""
    best = run = 0
    end = None
    for p in pieces:
        if p.end <= p.start:
            continue
        if not is_core(p.task_id):
            run, end = 0, None
            continue
        if end is None or p.start - end > STRETCH_GAP:
            run = 0
        run += p.seconds
        end = p.end
        best = max(best, run)
    return best


def interruptions(pieces: Sequence[Piece], is_core: Callable[[int], bool]) -> list[frozenset[int]]:
    """Each run of other entries between two core entries of the day: the tasks in it."""
    timed = [p for p in pieces if p.end > p.start]
    core = [i for i, p in enumerate(timed) if is_core(p.task_id)]
    out = []
    for a, b in zip(core, core[1:]):
        if b > a + 1:
            out.append(frozenset(p.task_id for p in timed[a + 1:b]))
    return out


def broken_up(pieces: list[list[Piece]], is_core: Callable[[int], bool],
              sets: Mapping[str, Iterable[int]]) -> dict[str, int]:
    """How many times each skill set (name: its task ids) broke up core work in the period."""
    members = {name: frozenset(ids) for name, ids in sets.items()}
    counts = {name: 0 for name in members}
    for day in pieces:
        for tasks in interruptions(day, is_core):
            for name, ids in members.items():
                if tasks & ids:
                    counts[name] += 1
    return counts
