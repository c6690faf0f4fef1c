"""Two Offloads on one file, a clock that jumps (forward and sometimes back), and random use.

A Hypothesis state machine drives the service as two processes would (an app and a shell,
each its own `Offload` on the same SQLite file and its own zone), and keeps a plain-Python
model of what the user was told (tests/reliability/_stateful_model.py). After every step:

- at most one entry is running and no two entries overlap;
- every change Offload confirmed is in the file, nothing else is (deleted entries stay gone);
- undo puts back exactly what was deleted;
- the week's report (by task and by day) equals the entries cut at the edges of each day,
  in each entry's own zone; the log lists exactly the entries with time in the week;
  all history adds up to every entry's whole length;
- a setting changed by one side survives the other side's save of the settings dialog.

Refusals are checked too: the model says when a change must be refused and why (overlap,
nothing running, a bad time...), and a refused change must leave the file as it was.

`OFFLOAD_SOAK=1` runs many more and longer sequences.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from offload.domain.clock import Clock
from offload.domain.errors import AlreadyRunning, Conflict, InvalidInput, NotFound, OffloadError, WouldMerge
from offload.domain.importers import BadRows
from offload.service import Offload

from ._stateful_model import (
    DEFAULTS,
    WEEKDAYS,
    Entry,
    Model,
    Task,
    expected_day_seconds,
    expected_log,
    local_day,
    midnight,
    same_name,
    tidy,
    week_days,
)
from ._support import scaled

# Zones whose midnights always exist once (the model's day edges are plain zoneinfo midnights),
# with DST both ways, far from UTC both ways, and half-hour offsets.
ZONES = ["Europe/London", "America/New_York", "Asia/Kolkata", "Pacific/Kiritimati", "Australia/Sydney", "UTC"]

# Starting instants next to the edges that break things: DST changes, a new year, week edges.
STARTS = [
    datetime(2025, 3, 30, 0, 30, tzinfo=timezone.utc),  # London springs forward at 01:00 UTC
    datetime(2025, 10, 26, 0, 30, tzinfo=timezone.utc),  # London falls back
    datetime(2025, 3, 9, 6, 0, tzinfo=timezone.utc),  # New York springs forward
    datetime(2025, 4, 6, 15, 0, tzinfo=timezone.utc),  # Sydney falls back
    datetime(2025, 12, 31, 22, 0, tzinfo=timezone.utc),
    datetime(2026, 11, 15, 23, 30, tzinfo=timezone.utc),  # a Sunday night
    datetime(2026, 11, 20, 10, 0, tzinfo=timezone.utc),
]

# Task names: some the same task in another case or spacing.
NAMES = ["Invoices", "invoices", "Email", "EMAIL", "Deep work", "deep   work", "Calls", "Admin", "École", "école",
         "E\u0301COLE", "Straße", "STRASSE"]
NOTES = [None, "", "call with Ana", "private: salary talk", "[b]bold[/b]", "  spaced   out  "]

SETTING_VALUES = {
    "week_start": ["monday", "sunday", "wed", "Saturday"],
    "long_running_hours": ["4", "2.5", "8"],
    "hourly_value": ["", "60", "42.5"],
    "currency": ["EUR", "gbp", "£"],
    "theme": ["textual-dark", "textual-light", "nord"],
}
STORED_FORM = {"wed": "wednesday", "Saturday": "saturday", "gbp": "GBP"}

# A step forward: seconds, minutes, hours, days; now and then the clock goes back.
TICKS = st.one_of(
    st.integers(0, 3),
    st.integers(1, 59 * 60),
    st.integers(1, 10 * 3600),
    st.integers(1, 4 * 86400),
    st.integers(-3 * 3600, -1),
)
MINUTES_AGO = st.one_of(st.integers(0, 90), st.integers(0, 3 * 24 * 60))


class WorldClock:
    """The machine's time, shared by both sides; each side reads it in its own zone."""

    def __init__(self, at: datetime) -> None:
        self.now = at


class SideClock(Clock):
    def __init__(self, world: WorldClock, zone: str) -> None:
        super().__init__(zone)
        self.world = world

    def now(self) -> datetime:
        return self.world.now


class Side:
    """One process: its own service (connection), zone, last deleted entry and open dialog."""

    def __init__(self, name: str, path: Path, world: WorldClock, zone: str) -> None:
        self.name = name
        self.clock = SideClock(world, zone)
        self.service = Offload.open(path, self.clock)
        self.deleted = None  # what `u` would put back, as the Log screen keeps it
        self.dialog: dict[str, str] | None = None  # the settings dialog's fields when it opened
        self.task_change = None  # the last rename or merge, which it can undo

    @property
    def zone(self) -> str:
        return self.clock.zone


def time_text(minutes_ago: int, iso: bool, now: int, zone: str) -> tuple[str, int]:
    """What the user types for a time `minutes_ago` before now, and the instant it means.

    `-1h05m` keeps now's seconds; `2026-11-20 09:05` is a local minute (when it names one
    instant: not in a DST gap or overlap, where `-…` is typed instead)."""
    if iso:
        tz = ZoneInfo(zone)
        target = datetime.fromtimestamp(now - minutes_ago * 60, tz).replace(second=0)
        naive = target.replace(tzinfo=None)
        once = naive.replace(tzinfo=tz, fold=0).utcoffset() == naive.replace(tzinfo=tz, fold=1).utcoffset()
        back = datetime.fromtimestamp(int(target.timestamp()), tz).replace(tzinfo=None)
        if once and back == naive:
            return target.strftime("%Y-%m-%d %H:%M"), int(target.timestamp())
    hours, minutes = divmod(minutes_ago, 60)
    return (f"-{hours}h{minutes:02d}m" if minutes_ago else "now"), now - minutes_ago * 60


times = st.tuples(MINUTES_AGO, st.booleans())


class TwoSides(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="offload-state-", dir=_fast_root()))
        self.path = self.folder / "offload.db"
        self.model = Model()
        self.sides: list[Side] = []
        self.reader: sqlite3.Connection | None = None

    # --- set-up and tear-down ------------------------------------------------------
    @initialize(start=st.one_of(st.sampled_from(STARTS),
                                st.datetimes(datetime(2024, 1, 1), datetime(2027, 12, 31),
                                             timezones=st.just(timezone.utc))),
                zones=st.tuples(st.sampled_from(ZONES), st.sampled_from(ZONES)))
    def open_two(self, start: datetime, zones: tuple[str, str]) -> None:
        self.world = WorldClock(start.replace(microsecond=0))
        self.sides = [Side("app", self.path, self.world, zones[0]), Side("shell", self.path, self.world, zones[1])]
        self.reader = sqlite3.connect(self.path)

    def teardown(self) -> None:
        for side in self.sides:
            side.service.close()
        if self.reader is not None:
            self.reader.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    # --- helpers -------------------------------------------------------------------------
    @property
    def now(self) -> int:
        return int(self.world.now.timestamp())

    def side(self, which: int) -> Side:
        return self.sides[which]

    def refused(self, expected: type[OffloadError], call):
        """The service must refuse with `expected` (a message) and change nothing."""
        event(f"refused: {expected.__name__}")
        before = self.snapshot()
        with pytest.raises(OffloadError) as caught:
            call()
        assert type(caught.value) is expected or isinstance(caught.value, expected), (
            f"expected {expected.__name__}, got {type(caught.value).__name__}: {caught.value}")
        assert caught.value.message.strip()
        assert self.snapshot() == before, "a refused change changed the file"

    def snapshot(self) -> tuple:
        conn = self.reader
        return (
            conn.execute("SELECT id, task_id, start_utc, end_utc, tz, note FROM entries ORDER BY id").fetchall(),
            conn.execute("SELECT id, name, highlighted FROM tasks ORDER BY id").fetchall(),
            conn.execute("SELECT key, value FROM settings ORDER BY key").fetchall(),
        )

    def task_for(self, name: str, returned_task_id: int) -> int:
        """The task an entry was filed under: the existing one by that name, else a new one."""
        known = self.model.task_named(name)
        if known is not None:
            assert returned_task_id == known, f"'{name}' went to task {returned_task_id}, not {known}"
        else:
            assert returned_task_id not in self.model.tasks, "a new task reused an existing task's id"
            self.model.tasks[returned_task_id] = Task(tidy(name))
        return returned_task_id

    def record(self, row, name: str, start: int, end: int | None, tz: str, note: str) -> None:
        """A new entry Offload confirmed: keep it in the model, checking what it was told."""
        assert row.id not in self.model.entries, f"the new entry took the id of entry {row.id}"
        task_id = self.task_for(name, row.task_id)
        assert (row.start_utc, row.end_utc, row.tz, row.note) == (start, end, tz, note)
        self.model.entries[row.id] = Entry(task_id, start, end, tz, note)

    # --- the clock -------------------------------------------------------------------------
    @rule(seconds=TICKS)
    def time_passes(self, seconds: int) -> None:
        self.world.now = self.world.now + timedelta(seconds=seconds)

    # --- the log ---------------------------------------------------------------------------
    @rule(which=st.integers(0, 1), name=st.sampled_from(NAMES), at=st.one_of(st.none(), times),
          note=st.sampled_from(NOTES))
    def start(self, which: int, name: str, at, note) -> None:
        side, now = self.side(which), self.now
        text, start = time_text(*at, now, side.zone) if at else (None, now)
        self.expect_start(side, name, text, start, note, lambda: side.service.log.start(name, at=text, note=note))

    @rule(which=st.integers(0, 1))
    def resume(self, which: int) -> None:
        """`offload resume`: start again the task of the entry that started last."""
        side, m = self.side(which), self.model
        call = side.service.log.resume
        if not m.entries:
            return self.refused(NotFound, call)
        last = max(m.entries, key=lambda eid: (m.entries[eid].start, eid))
        if m.entries[last].end is None:
            return self.refused(Conflict, call)
        self.expect_start(side, m.tasks[m.entries[last].task_id].name, None, self.now, None, call)

    def expect_start(self, side: Side, name: str, text: str | None, start: int, note, call) -> None:
        """A start (or a switch) at `start`, typed as `text` (None: now), checked against the model."""
        m, now = self.model, self.now
        note_stored = tidy(note)
        running = m.running()
        if running is not None and m.task_named(name) == m.entries[running].task_id:
            # Starting the task that is running keeps its entry (one session, not two); a note
            # typed with it becomes the entry's note, without one nothing changes.
            current = m.entries[running]
            if not note_stored:
                return self.refused(AlreadyRunning, call)
            row = call()
            assert (row.id, row.start_utc, row.end_utc, row.note) == (running, current.start, None, note_stored)
            current.note = note_stored
            return
        if running is not None:
            current = m.entries[running]
            if start == current.start and text is None:
                # Switched again within the same second: the running entry becomes the new task.
                row = call()
                assert row.id == running
                task_id = self.task_for(name, row.task_id)
                # Its note is the one typed with the new task: the slip's may be private.
                assert row.note == note_stored
                m.entries[running] = Entry(task_id, start, None, current.tz, note_stored)
                return
            if start <= current.start:
                return self.refused(Conflict, call)
            if [e for e in m.started_after(start) if e != running]:
                return self.refused(Conflict, call)
            row = call()
            current.end = start
        else:
            if [e for e in m.entries.values() if e.reach(now) > start]:
                return self.refused(Conflict, call)
            row = call()
        self.record(row, name, start, None, side.zone, note_stored)

    @rule(which=st.integers(0, 1), at=st.one_of(st.none(), times))
    def stop(self, which: int, at) -> None:
        side, m, now = self.side(which), self.model, self.now
        text, end = time_text(*at, now, side.zone) if at else (None, now)
        call = lambda: side.service.log.stop(at=text)  # noqa: E731
        running = m.running()
        if running is None:
            return self.refused(Conflict, call)
        if end < m.entries[running].start:
            return self.refused(InvalidInput, call)
        row = call()
        assert row.id == running and row.end_utc == end
        if end == m.entries[running].start:
            del m.entries[running]  # stopped in the second it started: it held no time
        else:
            m.entries[running].end = end

    @rule(which=st.integers(0, 1), name=st.sampled_from(NAMES), since=times, length=st.integers(-5, 600),
          note=st.sampled_from(NOTES))
    def add(self, which: int, name: str, since, length: int, note) -> None:
        side, m, now = self.side(which), self.model, self.now
        start_text, lo = time_text(*since, now, side.zone)
        end_text, hi = time_text(max(0, since[0] - length), since[1], now, side.zone)
        call = lambda: side.service.log.add(name, start_text, end_text, note=note)  # noqa: E731
        if hi <= lo:
            return self.refused(InvalidInput, call)
        if m.clashes(lo, hi, now):
            return self.refused(Conflict, call)
        self.record(call(), name, lo, hi, side.zone, tidy(note))

    @rule(which=st.integers(0, 1), pick=st.integers(0, 10**6), name=st.one_of(st.none(), st.sampled_from(NAMES)),
          start=st.one_of(st.none(), times), end=st.one_of(st.none(), st.just(""), times),
          note=st.sampled_from(NOTES))
    def edit(self, which: int, pick: int, name, start, end, note) -> None:
        side, m, now = self.side(which), self.model, self.now
        eid = self.pick(pick)
        start_text, lo = time_text(*start, now, side.zone) if start else (None, None)
        end_text, hi = time_text(*end, now, side.zone) if end else (end, None)
        call = lambda: side.service.log.edit(eid, name=name, start=start_text, end=end_text, note=note)  # noqa: E731
        if eid not in m.entries:
            return self.refused(NotFound, call)
        current = m.entries[eid]
        lo = current.start if lo is None else lo
        hi = current.end if hi is None else hi
        if end_text == "" and current.end is not None:
            return self.refused(InvalidInput, call)
        if hi is not None and hi <= lo:
            return self.refused(InvalidInput, call)
        if hi is None and lo > now:
            return self.refused(InvalidInput, call)
        if m.clashes(lo, hi if hi is not None else now + 1, now, ignore=eid):
            return self.refused(Conflict, call)
        if hi is None and m.started_after(lo, ignore=eid):
            return self.refused(Conflict, call)
        row = call()
        task_id = self.task_for(name, row.task_id) if name is not None else current.task_id
        new = Entry(task_id, lo, hi, current.tz, tidy(note) if note is not None else current.note)
        assert (row.id, row.task_id, row.start_utc, row.end_utc, row.tz, row.note) == (
            eid, new.task_id, new.start, new.end, new.tz, new.note)
        m.entries[eid] = new

    @rule(which=st.integers(0, 1), pick=st.integers(0, 10**6))
    def delete(self, which: int, pick: int) -> None:
        side, m = self.side(which), self.model
        eid = self.pick(pick)
        call = lambda: side.service.log.delete(eid)  # noqa: E731
        if eid not in m.entries:
            return self.refused(NotFound, call)
        gone = call()
        assert (gone.task, gone.start_utc, gone.end_utc, gone.tz, gone.note) == m.content(eid)
        side.deleted = (gone, m.entries.pop(eid))

    @precondition(lambda self: any(s.deleted for s in self.sides))
    @rule(which=st.integers(0, 1))
    def undo(self, which: int) -> None:
        side, m, now = self.side(which), self.model, self.now
        if side.deleted is None:
            side = self.sides[1 - which]
        gone, entry = side.deleted
        call = lambda: side.service.log.undo_delete(gone)  # noqa: E731
        if entry.end is None and m.running() is not None:
            return self.refused(Conflict, call)
        hi = entry.end if entry.end is not None else now + 1
        if m.clashes(entry.start, hi, now):
            return self.refused(Conflict, call)
        back = call()
        event("undo: put back" + (" under a new id" if back.id != gone.id else ""))
        side.deleted = None
        assert back.id not in m.entries
        # Exactly as it was: under the task name it had, its start, end, zone and note. (A task
        # renamed since is not followed: the entry comes back under the old name, as a new task
        # if no task is called that any more.)
        task_id = self.task_for(gone.task, back.task_id)
        assert (back.task_id, back.start_utc, back.end_utc, back.tz, back.note) == (
            task_id, entry.start, entry.end, entry.tz, entry.note)
        m.entries[back.id] = Entry(task_id, entry.start, entry.end, entry.tz, entry.note)

    def pick(self, pick: int) -> int:
        """An entry the user points at: one of the log's, now and then one that is not there."""
        ids = sorted(self.model.entries)
        if not ids or pick % 10 == 0:
            return (max(ids, default=0) + 1 + pick % 3) if pick % 20 else 0
        return ids[pick % len(ids)]

    # --- tasks -------------------------------------------------------------------------------
    @rule(which=st.integers(0, 1), old=st.sampled_from(NAMES), new=st.sampled_from(NAMES + ["Billing", "Mail"]),
          merge=st.booleans())
    def rename(self, which: int, old: str, new: str, merge: bool) -> None:
        side, m = self.side(which), self.model
        call = lambda: side.service.tasks.rename(old, new, merge=merge)  # noqa: E731
        found = m.task_named(old)
        if found is None:
            return self.refused(NotFound, call)
        other = m.task_named(new)
        if other is not None and other != found:
            # Onto another task's name: said first (nothing changes), merged only when asked.
            if not merge:
                return self.refused(WouldMerge, call)
            side.task_change = self.expect_merge([found], other, call)
        elif m.tasks[found].name == tidy(new):
            return self.refused(InvalidInput, call)
        else:
            renamed = call()
            assert (renamed.old, renamed.new, renamed.task_id) == (m.tasks[found].name, tidy(new), found)
            m.tasks[found].name = tidy(new)
            side.task_change = ("rename", renamed)

    @rule(which=st.integers(0, 1), names=st.lists(st.sampled_from(NAMES), min_size=1, max_size=3),
          into=st.sampled_from(NAMES))
    def merge(self, which: int, names: list[str], into: str) -> None:
        """`offload merge A B --into C`."""
        side, m = self.side(which), self.model
        call = lambda: side.service.tasks.merge(names, into)  # noqa: E731
        found = [m.task_named(n) for n in [into, *names]]
        if None in found:
            return self.refused(NotFound, call)
        kept, merged = found[0], list(dict.fromkeys(t for t in found[1:] if t != found[0]))
        if not merged:
            return self.refused(InvalidInput, call)
        side.task_change = self.expect_merge(merged, kept, call)

    def expect_merge(self, merged: list[int], kept: int, call):
        """Every entry of the merged tasks moves to the kept one, whose marks stay; the merged go."""
        m = self.model
        result = call()
        event("merged")
        assert result.into == m.tasks[kept].name and [t.name for t in result.moved] == [m.tasks[t].name for t in merged]
        was = [(tid, m.tasks.pop(tid), [(eid, e.start) for eid, e in sorted(m.entries.items()) if e.task_id == tid])
               for tid in merged]
        for e in m.entries.values():
            if e.task_id in merged:
                e.task_id = kept
        return ("merge", result, kept, was)

    @precondition(lambda self: any(s.task_change for s in self.sides))
    @rule(which=st.integers(0, 1))
    def undo_task_change(self, which: int) -> None:
        """Undo of the last rename or merge: the old name back; merged tasks back as they were,
        with the entries that were theirs (those deleted or edited since stay where they are)."""
        side, m = self.side(which), self.model
        if side.task_change is None:
            side = self.sides[1 - which]
        (kind, change, *merged), side.task_change = side.task_change, None
        if kind == "rename":
            call = lambda: side.service.tasks.undo_rename(change)  # noqa: E731
            task = m.tasks.get(change.task_id)
            if task is None or task.name != change.new:
                return self.refused(Conflict, call)
            if m.task_named(change.old) not in (None, change.task_id):
                return self.refused(Conflict, call)
            call()
            task.name = change.old
            return
        result, (kept, was) = change, merged
        call = lambda: side.service.tasks.undo_merge(result)  # noqa: E731
        if any(m.task_named(task.name) is not None for _, task, _ in was):
            return self.refused(Conflict, call)
        assert call() == [task.name for _, task, _ in was]
        ids = {same_name(r[1]): r[0] for r in self.reader.execute("SELECT id, name FROM tasks")}
        for old_id, task, spans in was:
            tid = ids[same_name(task.name)]
            assert tid == old_id or old_id in m.tasks, "a merged task came back under a new id for no reason"
            m.tasks[tid] = task
            for eid, start in spans:
                e = m.entries.get(eid)
                if e is not None and e.start == start and e.task_id == kept:
                    e.task_id = tid

    @rule(which=st.integers(0, 1), name=st.sampled_from(NAMES))
    def highlight(self, which: int, name: str) -> None:
        side, m = self.side(which), self.model
        call = lambda: side.service.review.toggle_highlight(name)  # noqa: E731
        found = m.task_named(name)
        if found is None:
            return self.refused(NotFound, call)
        on = call()
        assert on == (not m.tasks[found].highlighted)
        m.tasks[found].highlighted = on

    # --- settings ------------------------------------------------------------------------------
    @rule(which=st.integers(0, 1), key=st.sampled_from(sorted(SETTING_VALUES)), data=st.data())
    def config(self, which: int, key: str, data) -> None:
        """`offload config KEY VALUE`, or a value set from the app."""
        value = data.draw(st.sampled_from(SETTING_VALUES[key]))
        stored = self.side(which).service.settings.set(key, value)
        assert stored == STORED_FORM.get(value, value)
        self.model.settings[key] = stored

    @rule(which=st.integers(0, 1))
    def open_settings_dialog(self, which: int) -> None:
        side = self.side(which)
        side.dialog = side.service.settings.all()
        assert side.dialog == {k: self.model.setting(k) for k in DEFAULTS}

    @precondition(lambda self: any(s.dialog is not None for s in self.sides))
    @rule(which=st.integers(0, 1), key=st.sampled_from(sorted(SETTING_VALUES)), data=st.data())
    def save_settings_dialog(self, which: int, key: str, data) -> None:
        """The user changes one field of the dialog opened earlier and saves it."""
        side = self.side(which)
        if side.dialog is None:
            side = self.sides[1 - which]
        value = data.draw(st.sampled_from(SETTING_VALUES[key]))
        fields = dict(side.dialog, **{key: value})
        # The dialog hands over every field with what it showed: only the changed one is saved,
        # so what the other side set since it opened is kept.
        side.service.settings.set_many(fields, before=side.dialog)
        if value != side.dialog[key]:
            self.model.settings[key] = STORED_FORM.get(value, value)
        side.dialog = None

    # --- import ------------------------------------------------------------------------------
    @rule(which=st.integers(0, 1), data=st.data(), fmt=st.sampled_from(["offload-json", "csv"]))
    def import_file(self, which: int, data, fmt: str) -> None:
        side, m, now = self.side(which), self.model, self.now
        records = data.draw(st.lists(self.import_record(now), max_size=6))
        marks = data.draw(st.lists(st.tuples(st.sampled_from(NAMES + ["Billing"]), st.booleans()), max_size=3,
                                   unique_by=lambda t: same_name(t[0]))) if fmt == "offload-json" else []
        new_settings = data.draw(st.dictionaries(st.sampled_from(sorted(SETTING_VALUES)),
                                                 st.sampled_from(["sunday", "EUR", "textual-light"]), max_size=2))
        new_settings = {k: v for k, v in new_settings.items() if _valid(k, v)} if fmt == "offload-json" else {}
        text = _import_text(fmt, records, marks, new_settings)
        running = [r for r in records if r[2] is None]
        future = [r for r in records if r[1] > now or (r[2] is not None and r[2] > now)]
        if len(running) > 1 or future:
            return self.refused(BadRows, lambda: side.service.interop.import_text(text, "x", fmt))
        result = side.service.interop.import_text(text, "x", fmt)
        event(f"import: {'some' if result.added else 'none'} added, {'some' if result.overlaps else 'none'} overlapping")
        self.check_import(result, side, now, marks, new_settings)

    @rule(which=st.integers(0, 1), fmt=st.sampled_from(["json", "csv"]))
    def import_own_export(self, which: int, fmt: str) -> None:
        """One side exports, the other imports the file: everything is already there."""
        m, now = self.model, self.now
        text = self.side(which).service.interop.export(fmt)
        other = self.side(1 - which).service.interop
        call = lambda: other.import_text(text, f"export.{fmt}")  # noqa: E731
        if any(e.start > now or (e.end or 0) > now for e in m.entries.values()):
            return self.refused(BadRows, call)  # entries ahead of a clock that went back
        before = self.snapshot()
        result = call()
        assert (result.added, result.overlaps, result.new_tasks, result.settings) == ([], [], [], [])
        assert len(result.duplicates) == len(m.entries)
        assert self.snapshot() == before

    def import_record(self, now: int):
        """An entry in an import: a copy of one in the log, or one at some time in the past."""
        model = self.model

        finished = [e for _, e in sorted(model.entries.items()) if e.end is not None]

        def copy(i: int):
            e = finished[i % len(finished)]
            name = model.tasks[e.task_id].name
            return (name.upper() if i % 2 else name, e.start, e.end, e.tz, e.note)

        fresh = st.builds(
            lambda name, ago, length, running, tz, note: (name, now - ago, None if running else now - ago + min(length, ago),
                                                            tz, note),
            st.sampled_from(NAMES), st.integers(60, 3 * 86400), st.integers(1, 4 * 3600),
            st.integers(0, 9).map(lambda i: i == 0), st.sampled_from(ZONES), st.sampled_from(["", "imported"]))
        return st.one_of(fresh, st.integers(0, 100).map(copy)) if finished else fresh

    def check_import(self, result, side: Side, now: int, marks, new_settings) -> None:
        m = self.model
        taken = [(e.start, e.reach(now)) for e in m.entries.values()]
        for r in result.added:
            hi = r.end if r.end is not None else now + 1
            assert not any(lo < hi and end > r.start for lo, end in taken), f"import added an overlap: {r}"
            taken.append((r.start, hi))
        for o in result.overlaps:
            # A running record holds all time from its start, as the log's running entry does:
            # an entry that a clock set ahead left after now is in its way too.
            hi = o.record.end if o.record.end is not None else float("inf")
            beside_running = o.record.end is None and m.running() is not None  # one runs at a time
            assert beside_running or any(lo < hi and end > o.record.start for lo, end in taken), (
                f"refused as overlapping: {o}")
        # What the file now holds: the model plus exactly the added records.
        rows = {r[0]: r for r in self.reader.execute(
            "SELECT e.id, e.task_id, t.name, e.start_utc, e.end_utc, e.tz, e.note "
            "FROM entries e JOIN tasks t ON t.id = e.task_id")}
        new_rows = sorted((r for eid, r in rows.items() if eid not in m.entries), key=lambda r: r[3])
        added = sorted(result.added, key=lambda r: r.start)
        assert len(new_rows) == len(added)
        tasks = {r[0]: (r[1], bool(r[2])) for r in self.reader.execute("SELECT id, name, highlighted FROM tasks")}
        mark = {same_name(n): on for n, on in marks}
        for tid, (name, on) in tasks.items():
            if tid not in m.tasks:
                assert m.task_named(name) is None
                m.tasks[tid] = Task(name, mark.get(same_name(name), False))
        for row, r in zip(new_rows, added):
            assert same_name(row[2]) == same_name(r.task) and (row[3], row[4], row[5], row[6]) == (
                r.start, r.end, r.tz or side.zone, r.note)
            m.entries[row[0]] = Entry(row[1], r.start, r.end, row[5], r.note)
        for key, value in new_settings.items():
            if key not in m.settings:
                m.settings[key] = value

    # --- invariants ------------------------------------------------------------------------------
    @invariant()
    def log_is_sound(self) -> None:
        if not self.sides:
            return
        rows = self.reader.execute("SELECT id, start_utc, end_utc FROM entries ORDER BY start_utc, id").fetchall()
        running = [r for r in rows if r[2] is None]
        assert len(running) <= 1, f"{len(running)} entries running"
        for a, b in zip(rows, rows[1:]):
            assert a[2] is not None and a[2] <= b[1], f"entries {a[0]} and {b[0]} overlap"
        assert all(r[2] is None or r[2] > r[1] for r in rows)

    @invariant()
    def file_holds_what_was_confirmed(self) -> None:
        if not self.sides:
            return
        m = self.model
        entries, tasks, stored = self.snapshot()
        assert {r[0]: tuple(r[1:]) for r in entries} == {
            eid: (e.task_id, e.start, e.end, e.tz, e.note) for eid, e in m.entries.items()}
        assert {r[0]: (r[1], bool(r[2])) for r in tasks} == {
            tid: (t.name, t.highlighted) for tid, t in m.tasks.items()}
        assert dict(stored) == m.settings
        for side in self.sides:
            assert side.service.settings.all() == {k: m.setting(k) for k in DEFAULTS}

    @invariant()
    def reports_cut_entries_at_the_edges(self) -> None:
        if not self.sides:
            return
        m, now = self.model, self.now
        for side in self.sides:
            self.check_week(side, local_day(now, side.zone), this_week=True)
        every = self.sides[0].service.report.report(by="task", all_time=True)
        whole: dict[str, int] = {}
        for e in m.entries.values():
            seconds = e.counted_end(now) - e.start
            if seconds > 0:
                name = m.tasks[e.task_id].name
                whole[name] = whole.get(name, 0) + seconds
        assert {line.name: line.seconds for line in every.lines} == whole

    @rule(which=st.integers(0, 1), weeks=st.integers(1, 3))
    def look_at_an_earlier_week(self, which: int, weeks: int) -> None:
        side = self.side(which)
        self.check_week(side, local_day(self.now, side.zone) - timedelta(weeks=weeks), this_week=False)

    def check_week(self, side: Side, day, this_week: bool) -> None:
        """The week holding `day` as the Review, `report --by day` and `log` show it from `side`."""
        m, now = self.model, self.now
        report = side.service.report
        days = week_days(day, m.week_start_day())
        expected = expected_day_seconds(m, days, now)
        period = None if this_week else report.week_holding(day)
        week = side.service.review.week(period)
        assert week.days == days
        got = {t.task.id: list(t.day_seconds) for t in week.tasks}
        assert got == expected, f"{side.name}'s week of {days[0]} in {side.zone}"
        by_day = report.report(by="day", period=period)
        assert [line.seconds for line in by_day.lines] == [sum(s[i] for s in expected.values()) for i in range(7)]
        listed = [(e.entry.id, e.seconds) for e in report.entries(days[0], days[-1])]
        assert listed == expected_log(m, days[0], days[-1], now)


def _valid(key: str, value: str) -> bool:
    return value in SETTING_VALUES[key]


def _iso(epoch: int, zone: str) -> str:
    return datetime.fromtimestamp(epoch, ZoneInfo(zone)).isoformat()


def _import_text(fmt: str, records, marks, new_settings) -> str:
    if fmt == "csv":
        lines = ["task,start,end,note,tz"]
        for name, start, end, tz, note in records:
            lines.append(",".join([f'"{name}"', _iso(start, tz), "" if end is None else _iso(end, tz),
                                   f'"{note}"', tz]))
        return "\n".join(lines) + "\n"
    return json.dumps({
        "offload": 1,
        "settings": new_settings,
        "tasks": [{"name": n, "highlighted": on} for n, on in marks],
        "entries": [{"task": n, "start": _iso(s, tz), "end": None if e is None else _iso(e, tz), "tz": tz,
                     "note": note} for n, s, e, tz, note in records],
    })


def _fast_root() -> str | None:
    shm = Path("/dev/shm")
    return str(shm) if shm.is_dir() else None


TwoSides.TestCase.settings = settings(
    max_examples=scaled(30, 500),
    stateful_step_count=scaled(30, 80),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
test_two_services_on_one_file = TwoSides.TestCase
