"""The Log's use cases: start, switch, stop, resume, add a missed entry, edit, delete, undo."""

from __future__ import annotations

from datetime import date, datetime, timezone
from typing import TYPE_CHECKING, Callable, NamedTuple

from offload.domain.errors import AlreadyRunning, Conflict, InvalidInput, NotFound, blame
from offload.domain.format import duration, local_time
from offload.domain.gaps import Gap
from offload.domain.names import clean_note, clean_task_name
from offload.domain.zones import reading_zone
from offload.service.context import Context, epoch_to_utc
from offload.store import entries as entry_store
from offload.store import tasks as task_store
from offload.store.rows import EntryRow

if TYPE_CHECKING:
    from offload.service.days import DayService
    from offload.service.review import ReviewService
    from offload.service.settings import SettingsService

# Imported where used, not here: domain.weeks (dataclasses), domain.timeparse and pendulum, and
# domain.reminder. `offload status`, `start`, `stop` and `add` load this module and most of them
# never need those (tests/cli/test_cli_fast_start.py says what each may load).


class DayTotal(NamedTuple):
    """A local day of the week strip: its logged seconds and the unlogged holes between its
    first and last entry (see domain/gaps.py)."""

    day: date
    seconds: int
    unlogged: int = 0


def describe(entry: EntryRow, zone: str | None = None, this_year: int | None = None) -> str:
    """`'Invoices' Fri 20 Nov 09:00–10:30` for messages that name an entry; the year too
    when it is not `this_year` (an entry left by a clock that ran a year ahead)."""
    import pendulum  # only for messages that name an entry (see the note at the top)

    tz = reading_zone(zone or entry.tz)
    start = pendulum.from_timestamp(entry.start_utc, tz=tz)
    day = "ddd D MMM YYYY" if this_year is not None and start.year != this_year else "ddd D MMM"
    text = f"'{entry.task}' {start.format(day + ' HH:mm')}"
    if entry.end_utc is None:
        return text + " (running)"
    end = pendulum.from_timestamp(entry.end_utc, tz=tz)
    fmt = "HH:mm" if end.date() == start.date() else day + " HH:mm"
    return text + "–" + end.format(fmt)


class Started(NamedTuple):
    """What a start did: the entry now running, and whether it was running already (then
    nothing changed but, when one was given, its note)."""

    entry: EntryRow
    already_running: bool = False


def already_running_message(entry: EntryRow, zone: str, now_epoch: int, note_set: bool = False) -> str:
    """`'Invoices' is already running (since 09:30); nothing changed.` (the day too if not today)"""
    since = local_time(entry.start_utc, zone)
    if local_time(entry.start_utc, zone, with_day=True)[:10] != local_time(now_epoch, zone, with_day=True)[:10]:
        since = local_time(entry.start_utc, zone, with_day=True)
    then = f"its note is now '{entry.note}'." if note_set else "nothing changed."
    return f"'{entry.task}' is already running (since {since}); {then}"


class LogService:
    def __init__(self, ctx: Context, days: Callable[[], DayService], review: Callable[[], ReviewService],
                 settings: Callable[[], SettingsService]) -> None:
        # The siblings are asked for when first needed, not made with the Log: `offload status`
        # makes a LogService to read one row and must not import the Review to do it.
        self.ctx = ctx
        self._days, self._review, self._settings = days, review, settings

    # --- reading -----------------------------------------------------------
    @property
    def conn(self):
        return self.ctx.store.conn

    def running(self) -> EntryRow | None:
        return entry_store.running(self.conn)

    def entry(self, entry_id: int) -> EntryRow:
        found = entry_store.get(self.conn, entry_id)
        if found is None:
            raise NotFound(f"There is no entry {entry_id}.")
        return found

    def task_names(self) -> list[str]:
        return task_store.names_for_autocomplete(self.conn)

    def today(self) -> list[EntryRow]:
        """Today's entries (local), newest first; the running one included."""
        return self.day()

    def day(self, day: date | None = None) -> list[EntryRow]:
        """A local day's entries (default today), newest first; one over midnight is on both
        days, the running one included."""
        return self._days().day(day)

    def gaps(self, day: date | None = None) -> list[Gap]:
        """The unlogged stretches of a local day (default today), earliest first."""
        return self._days().gaps(day)

    def today_date(self) -> date:
        return self._days().today_date()

    def unlogged(self, days: list[date]) -> list[int]:
        """Each local day's unlogged seconds (holes between its first and last entry)."""
        return self._days().unlogged(days)

    def reminder_due_at(self) -> int | None:
        """When the "nothing is running" reminder is due today (maybe past), or None."""
        from offload.domain.reminder import reminder_due_at  # not on the fast commands' path

        minutes, hours = self._settings().reminder
        if not minutes:
            return None
        last = entry_store.last(self.conn)
        return reminder_due_at(self.ctx.now_epoch(), self.ctx.zone, minutes, hours,
                               last is not None and last.running, last.end_utc if last else None)

    def week_totals(self, day: date | None = None, week_start_day: int | None = None) -> list[DayTotal]:
        """Each local day of the week holding `day` (default today) with its logged time."""
        from offload.domain.weeks import local_date, week_of  # see the note at the top

        review = self._review()
        if day is None:
            day = local_date(self.ctx.now(), self.ctx.zone)
        start_day = review.week_start_day() if week_start_day is None else week_start_day
        report = review.week(week_of(day, start_day))
        return [DayTotal(d, s, u) for d, s, u in zip(report.days, report.day_totals, report.day_unlogged)]

    # --- naming entries in messages -------------------------------------------
    def _name(self, entry: EntryRow) -> str:
        """An entry as messages name it, the year shown when it is not this year's; one that
        lies after now (a clock that was, or is, wrong) says so and how to fix it."""
        from offload.domain.weeks import local_date  # see the note at the top

        now = self.ctx.now()
        text = describe(entry, self.ctx.zone, local_date(now, self.ctx.zone).year)
        last = entry.end_utc if entry.end_utc is not None else entry.start_utc
        if last > int(now.timestamp()):
            text += (f", which is after now ({local_time(int(now.timestamp()), self.ctx.zone, with_day=True)}):"
                     f" was the computer's clock wrong then, or is it now? Fix the entry with"
                     f" `offload edit {entry.id} --from ... --to ...` or remove it with `offload delete {entry.id}`")
        return text

    def _went_back(self, entry: EntryRow) -> str:
        """What to say when the running entry started after now: the clock went back."""
        now = self.ctx.now_epoch()
        return (f"'{entry.task}' started at {self._at(entry.start_utc)}, after now "
                f"({local_time(now, self.ctx.zone)}): the computer's clock seems to have gone back. Give it an "
                f"earlier start (`offload edit {entry.id} --from {local_time(now, self.ctx.zone)}`, or e in the Log)"
                f" or delete it (`offload delete {entry.id}`); or wait until {self._at(entry.start_utc, day=False)}.")

    def _at(self, epoch: int, day: bool = True) -> str:
        """An instant in a message: with its day (without `day`: only when it is not today), and
        its year when it is not this year (a clock that ran ahead)."""
        from offload.domain.weeks import local_date  # see the note at the top

        today = local_date(self.ctx.now(), self.ctx.zone)
        if not day and local_date(datetime.fromtimestamp(epoch, timezone.utc), self.ctx.zone) == today:
            return local_time(epoch, self.ctx.zone)
        return local_time(epoch, self.ctx.zone, with_day=True, this_year=today.year)

    def _end_before_start(self, lo: int, hi: int) -> str:
        return (f"The end must be after the start: it would end {self._at(hi)}, starting {self._at(lo)}. "
                f"To cross midnight give the day too, e.g. from mon 23:00 to tue 01:00.")

    # --- parsing -----------------------------------------------------------
    def parse_instant(self, text: str, what: str = "time", day: date | None = None) -> int:
        """A typed time as epoch seconds; not in the future, not before 1970. A clock time
        alone falls on `day` (default today)."""
        from offload.domain.timeparse import parse_time  # pendulum: see the note at the top

        now = self.ctx.now()
        with blame(what):
            instant = parse_time(text, now, self.ctx.zone, day)
        epoch = int(instant.timestamp())
        if epoch < 0:
            raise InvalidInput(f"The {what} '{text}' is before 1970.", field=what)
        if epoch > int(now.timestamp()):
            raise InvalidInput(f"The {what} '{text}' is in the future; Offload logs what has happened.", field=what)
        return epoch

    # --- changing ------------------------------------------------------------
    def start(self, name: str, at: str | None = None, note: str | None = None) -> EntryRow:
        """Start a task; a running one ends at the same instant, in one transaction.

        Starting the task that is already running changes nothing and raises AlreadyRunning;
        with a note, it sets the running entry's note instead (see `begin`)."""
        started = self.begin(name, at, note)
        if started.already_running and not clean_note(note):
            raise AlreadyRunning(already_running_message(started.entry, self.ctx.zone, self.ctx.now_epoch()))
        return started.entry

    def begin(self, name: str, at: str | None = None, note: str | None = None) -> Started:
        """`start`, telling the caller whether the task was running already rather than
        refusing: the command line says so and still sets a note given with it."""
        name = clean_task_name(name)
        note = clean_note(note)
        start = self.parse_instant(at, "start") if at else None
        with self.ctx.store.write() as conn:
            if start is None:
                # "Now" is read under the write lock: after waiting for another process's
                # switch, ours is still later than it, so neither switch is refused or lost.
                start = self.ctx.now_epoch()
            current = entry_store.running(conn)
            same = task_store.find(conn, name)
            if current is not None and same is not None and same.id == current.task_id:
                # A second entry would split one session in two (and halve the Review's
                # typical session): keep the running entry; only a note given changes it.
                if note and note != current.note:
                    entry_store.update(conn, current.id, current.task_id, current.start_utc, None, note)
                return Started(entry_store.get(conn, current.id), already_running=True)
            if current is not None:
                if start == current.start_utc and at is None:
                    # Switched again within the same second: the first was a slip, so the
                    # running entry becomes the new task rather than a zero-length entry. Its
                    # note is the one typed with the new task: a note written for the slip
                    # (perhaps private) must not move onto another task.
                    task_id = task_store.get_or_create(conn, name, self.ctx.now_epoch())
                    entry_store.update(conn, current.id, task_id, start, None, note)
                    return Started(entry_store.get(conn, current.id))
                if start <= current.start_utc:
                    if at is None:
                        raise Conflict(f"Cannot start now: {self._went_back(current)}")
                    raise Conflict(
                        f"Cannot start at that time: {self._name(current)} began then or later."
                    )
                later = entry_store.started_after(conn, start)
                if later is not None and later.id != current.id:
                    raise Conflict(f"Cannot start then: it would overlap {self._name(later)}.")
                entry_store.end_running(conn, start)
            else:
                clash = entry_store.overlapping(conn, start, start + 1, self.ctx.now_epoch())
                later = clash or entry_store.started_after(conn, start)
                if later is not None:
                    raise Conflict(f"Cannot start then: it would overlap {self._name(later)}.")
            task_id = task_store.get_or_create(conn, name, self.ctx.now_epoch())
            new_id = entry_store.insert(conn, task_id, start, None, self.ctx.zone, note)
            return Started(entry_store.get(conn, new_id))

    def stop(self, at: str | None = None) -> EntryRow:
        """Stop the running entry and return it. Stopped in the second it started, it holds
        no time: it is removed, and the entry returned ends where it starts (zero seconds),
        which no kept entry can."""
        end = self.parse_instant(at, "end") if at else None
        with self.ctx.store.write() as conn:
            if end is None:
                end = self.ctx.now_epoch()  # under the lock, as in start()
            current = entry_store.running(conn)
            if current is None:
                raise Conflict("Nothing is running.")
            if end == current.start_utc:
                entry_store.delete(conn, current.id)
                return current._replace(end_utc=end)
            if end < current.start_utc:
                if at is None:
                    raise InvalidInput(f"Cannot stop now: {self._went_back(current)}")
                raise InvalidInput(
                    f"The end must be after the start: {self._name(current)} began later than that."
                )
            entry_store.end_running(conn, end)
            return entry_store.get(conn, current.id)

    def resume(self) -> EntryRow:
        last = entry_store.last(self.conn)
        if last is None:
            raise NotFound("There is no earlier task to resume yet; start one by name.")
        if last.running:
            raise Conflict(f"'{last.task}' is already running.")
        return self.start(last.task)

    def add(self, name: str, start: str, end: str, note: str | None = None, day: date | None = None) -> EntryRow:
        """A missed entry after the fact; refused if it would overlap another. A clock time
        alone falls on `day` (default today): the Log adds on the day it shows."""
        with blame("task"):
            name = clean_task_name(name)
        with blame("note"):
            note = clean_note(note)
        lo = self.parse_instant(start, "start", day)
        hi = self.parse_instant(end, "end", day)
        if hi <= lo:
            raise InvalidInput(self._end_before_start(lo, hi), field="end")
        with self.ctx.store.write() as conn:
            self._refuse_overlap(conn, lo, hi)
            task_id = task_store.get_or_create(conn, name, self.ctx.now_epoch())
            new_id = entry_store.insert(conn, task_id, lo, hi, self.ctx.zone, note)
            return entry_store.get(conn, new_id)

    def edit(
        self,
        entry_id: int,
        name: str | None = None,
        start: str | None = None,
        end: str | None = None,
        note: str | None = None,
    ) -> EntryRow:
        """Change any of task, start, end, note. An end given to the running entry stops it."""
        from offload.domain.weeks import local_date  # see the note at the top

        current = self.entry(entry_id)
        with blame("task"):
            task_name = clean_task_name(name) if name is not None else current.task
        with blame("note"):
            new_note = clean_note(note) if note is not None else current.note
        # A clock time alone (`9:15`) means that time on the entry's own day, not today's
        # (today's, for an entry a clock ahead put in the future).
        today = local_date(self.ctx.now(), self.ctx.zone)
        start_day = min(local_date(epoch_to_utc(current.start_utc), self.ctx.zone), today)
        end_day = min(local_date(epoch_to_utc(current.end_utc), self.ctx.zone), today) if current.end_utc else start_day
        lo = self.parse_instant(start, "start", start_day) if start not in (None, "") else current.start_utc
        if end not in (None, ""):
            hi: int | None = self.parse_instant(end, "end", end_day)
        else:
            hi = current.end_utc
        if end == "" and current.end_utc is not None:
            raise InvalidInput("A finished entry needs an end time.", field="end")
        if hi is not None and hi <= lo:
            raise InvalidInput(self._end_before_start(lo, hi), field="end")
        if hi is None and lo > self.ctx.now_epoch():
            raise InvalidInput("The start is in the future.", field="start")
        with self.ctx.store.write() as conn:
            self._refuse_overlap(conn, lo, hi if hi is not None else self.ctx.now_epoch() + 1, ignore=entry_id)
            if hi is None:
                later = entry_store.started_after(conn, lo)
                if later is not None and later.id != entry_id:
                    raise Conflict(f"That would overlap {self._name(later)}.")
            task_id = task_store.get_or_create(conn, task_name, self.ctx.now_epoch())
            entry_store.update(conn, entry_id, task_id, lo, hi, new_note)
            return entry_store.get(conn, entry_id)

    def delete(self, entry_id: int) -> EntryRow:
        """Delete an entry and hand it back, so the caller can offer undo."""
        gone = self.entry(entry_id)
        with self.ctx.store.write() as conn:
            entry_store.delete(conn, entry_id)
        return gone

    def undo_delete(self, entry: EntryRow) -> EntryRow:
        """Put a deleted entry back as it was, unless something now takes its place."""
        with self.ctx.store.write() as conn:
            if entry.end_utc is None and entry_store.running(conn) is not None:
                raise Conflict("Cannot undo: another task is running now. Stop it first.")
            hi = entry.end_utc if entry.end_utc is not None else self.ctx.now_epoch() + 1
            self._refuse_overlap(conn, entry.start_utc, hi)
            task_id = task_store.get_or_create(conn, entry.task, self.ctx.now_epoch())
            # Its own id: never given to another entry (schema 6), unless a file from before that
            # or an import used it.
            free = entry_store.get(conn, entry.id) is None
            new_id = entry_store.insert(conn, task_id, entry.start_utc, entry.end_utc, entry.tz, entry.note,
                                        entry_id=entry.id if free else None)
            return entry_store.get(conn, new_id)

    def undo_edit(self, before: EntryRow, after: EntryRow) -> EntryRow:
        """Put an edited entry back as it was before the edit, unless it was changed or deleted
        since (another process) or something now takes its old place."""
        with self.ctx.store.write() as conn:
            now = entry_store.get(conn, before.id)
            if now is None:
                raise Conflict(f"Cannot undo the edit: entry {before.id} was deleted since.")
            if (now.task, now.start_utc, now.end_utc, now.note) != (after.task, after.start_utc, after.end_utc, after.note):
                raise Conflict(f"Cannot undo the edit: entry {before.id} was changed again since; "
                               f"edit it (e) to what it should be.")
            if before.end_utc is None:
                running = entry_store.running(conn)
                if running is not None and running.id != before.id:
                    raise Conflict("Cannot undo: another task is running now. Stop it first.")
            hi = before.end_utc if before.end_utc is not None else self.ctx.now_epoch() + 1
            self._refuse_overlap(conn, before.start_utc, hi, ignore=before.id)
            task_id = task_store.get_or_create(conn, before.task, self.ctx.now_epoch())
            entry_store.update(conn, before.id, task_id, before.start_utc, before.end_utc, before.note)
            return entry_store.get(conn, before.id)

    def _refuse_overlap(self, conn, lo: int, hi: int, ignore: int | None = None) -> None:
        clash = entry_store.overlapping(conn, lo, hi, self.ctx.now_epoch(), ignore_id=ignore)
        if clash is not None:
            raise Conflict(f"That would overlap {self._name(clash)}.")

    def is_long_running(self, entry: EntryRow, limit_seconds: int) -> bool:
        return entry.running and entry.seconds(self.ctx.now_epoch()) > limit_seconds

    @staticmethod
    def elapsed_text(entry: EntryRow, now_epoch: int) -> str:
        return duration(entry.seconds(now_epoch))
