"""The week at a glance: the audit period's entries laid out as a grid, one row a local day,
the day's clock running across, and what each day says about focus (switches, the longest
stretch of core work, what broke it up).

Pure: the service hands in the entries (each read in its own zone, as the Review does) and
the tasks' marks; the widget draws the grid this module computes.

Rules, each chosen once:
- An entry counts on each local day of its own zone for its part inside that day (an entry
  over midnight is cut in two), like every total on the Review.
- Across a row runs the wall clock of that day (domain/day_clock.py): on a day the clocks go
  forward the hour that never happened is drawn as such (`Row.missing`); on a day they go back
  the hour that happens twice is drawn once, both times in it sharing its width.
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

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from typing import Callable, Iterable, Mapping, NamedTuple, Protocol, Sequence

from offload.domain.day_clock import DayClock, Days

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


# --- cutting entries into days ----------------------------------------------------------------
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
