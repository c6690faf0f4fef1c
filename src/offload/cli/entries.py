"""The commands on single entries: add, edit and delete one, and log (the entries of a period)."""

from __future__ import annotations

import argparse
import shlex
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from offload.cli.output import count, entry_line, say
from offload.cli.parsing import Add
from offload.cli.periods import days, period_options
from offload.cli.session import open_service
from offload.domain.errors import NotFound, OffloadError
from offload.domain.format import duration, entry_duration, local_time
from offload.domain.timeparse import parse_time
from offload.domain.weeks import epoch_date
from offload.domain.zones import reading_zone
from offload.service.log import describe


def register(add: Add) -> None:
    p = add("add", cmd_add, "Add a missed entry after the fact.", "offload add Calls --from 8:00 --to 8:30")
    p.add_argument("task")
    p.add_argument("--from", dest="start", required=True, help="start, e.g. 8:00 or yesterday 14:00")
    p.add_argument("--to", dest="end", required=True, help="end, e.g. 8:30")
    p.add_argument("--note", help="a note for the entry")

    p = add("edit", cmd_edit, "Change an entry by its id (the first column of `offload log`): its task, start, end "
            "or note. A time alone (9:15) is on the entry's own day.",
            "offload edit 12 --from 9:15\n         offload edit 12 --task 'Client calls' --to 'tue 17:30'")
    p.add_argument("id", help="the entry's id, as `offload log` shows it")
    p.add_argument("--task", default=None, help="the task's name")
    p.add_argument("--from", dest="start", default=None, help="start, e.g. 9:15 or 2026-11-17 09:15")
    p.add_argument("--to", dest="end", default=None, help="end, e.g. 10:30 (for the running entry: stops it)")
    p.add_argument("--note", default=None, help="the note ('' removes it)")

    p = add("delete", cmd_delete, "Delete an entry by its id (the first column of `offload log`); prints the "
            "command that puts it back.", "offload delete 12")
    p.add_argument("id", help="the entry's id, as `offload log` shows it")

    p = add("log", cmd_log, "The entries of a week (this one unless told) or of a span of days.",
            "offload log --last-week\n         offload log --from 2026-11-02 --to 2026-11-15")
    period_options(p, weeks=False)


def cmd_add(args: argparse.Namespace) -> int:
    svc = open_service(args)
    entry = svc.log.add(args.task, args.start, args.end, note=args.note)
    zone = svc.clock.zone
    # Its day and id: `offload log` finds it by them, `edit` and `delete` take the id.
    say(f"Added {entry.task} ({entry_duration(entry.start_utc, entry.end_utc, 0, zone)}), "
        f"{local_time(entry.start_utc, zone, with_day=True)}–"
        f"{local_time(entry.end_utc, zone, with_day=epoch_date(entry.end_utc, zone) != epoch_date(entry.start_utc, zone))}"
        f", entry {entry.id}")
    return 0


def _entry_id(text: str) -> int:
    """An entry's id as `offload log` shows it (first on each line)."""
    digits = str(text).strip().lstrip("#")
    if not digits.isascii() or not digits.isdigit() or len(digits) > 18:
        raise OffloadError(f"{text!r} is not an entry id; `offload log` shows each entry's id first, "
                           f"e.g. offload edit 12 --from 9:15.")
    return int(digits)


def _entry(svc, entry_id: int):
    try:
        return svc.log.entry(entry_id)
    except NotFound:
        raise NotFound(f"There is no entry {entry_id}; `offload log` (or `offload log --from DAY`) shows "
                       f"the ids.") from None


def cmd_edit(args: argparse.Namespace) -> int:
    entry_id = _entry_id(args.id)
    if args.task is None and args.start is None and args.end is None and args.note is None:
        raise OffloadError("Say what to change: --task, --from, --to or --note, e.g. "
                           f"offload edit {entry_id} --from 9:15.")
    svc = open_service(args)
    before = _entry(svc, entry_id)
    after = svc.log.edit(entry_id, name=args.task, start=args.start, end=args.end, note=args.note)
    year = svc.report.today().year
    say(f"Changed entry {entry_id}: {describe(after, svc.clock.zone, year)}"
        + (f" (was {describe(before, svc.clock.zone, year)})" if before != after else " (no change)")
        + (f"; note: {after.note}" if args.note is not None and after.note else ""))
    return 0


def cmd_delete(args: argparse.Namespace) -> int:
    entry_id = _entry_id(args.id)
    svc = open_service(args)
    _entry(svc, entry_id)
    gone = svc.log.delete(entry_id)
    say(f"Deleted entry {entry_id}: {describe(gone, svc.clock.zone, svc.report.today().year)}. To put it back:")
    say(restore_line(gone, svc.clock.zone, svc.clock.now(), args.db))
    return 0


def _shell_word(text: str) -> str:
    """`text` as one word for the shell: single quotes, or bash's $'...' where it holds
    characters a terminal would act on."""
    if text.isprintable():
        return shlex.quote(text)
    escaped = "".join(ch if ch.isprintable() and ch not in "\\'" else
                      "\\" + ch if ch in "\\'" else f"\\x{ord(ch):02x}" if ord(ch) < 256 else
                      f"\\u{ord(ch):04x}" if ord(ch) < 0x10000 else f"\\U{ord(ch):08x}" for ch in text)
    return f"$'{escaped}'"


def _option(name: str, value: str) -> str:
    # `--note=-x`, not `--note -x`: a value starting with a dash would read as an option.
    return f"{name}={_shell_word(value)}" if value.startswith("-") else f"{name} {_shell_word(value)}"


def restore_line(entry, zone: str, now, db: Path | None) -> str:
    """The command that puts a deleted entry back: `offload add` (or `start --at` for the running
    one), its times as the parser reads them back to the same second, in its own zone."""
    own = reading_zone(entry.tz)

    def when(epoch: int, in_zone: str) -> str:
        moment = datetime.fromtimestamp(epoch, ZoneInfo(in_zone))
        return moment.strftime("%Y-%m-%d %H:%M" + (":%S" if moment.second else ""))

    def exact(in_zone: str) -> bool:  # an hour the clocks repeat can read back as the other one
        return all(int(parse_time(when(t, in_zone), now, in_zone).timestamp()) == t
                   for t in (entry.start_utc, entry.end_utc) if t is not None)

    if not exact(own):
        own = "UTC"
    words = [] if own == zone else [f"OFFLOAD_TZ={_shell_word(own)}"]
    words.append("offload")
    if db is not None:
        words.append(_option("--db", str(db)))
    if entry.end_utc is None:
        words += ["start", _option("--at", when(entry.start_utc, own))]
    else:
        words += ["add", _option("--from", when(entry.start_utc, own)), _option("--to", when(entry.end_utc, own))]
    if entry.note:
        words.append(_option("--note", entry.note))
    words += ["--", _shell_word(entry.task)] if entry.task.startswith("-") else [_shell_word(entry.task)]
    return " ".join(words)


def cmd_log(args: argparse.Namespace) -> int:
    svc = open_service(args, reading=True)
    first, last, title = days(args, svc)
    logged = svc.report.entries(first, last)
    now = svc.now_epoch()
    this_year = svc.report.today().year
    say(title)
    if not logged:
        say("Nothing logged.")
        return 0
    width = max(len(str(le.entry.id)) for le in logged)
    day_heading = None
    for le in logged:
        # Each entry under its own zone's day (an entry begun before the period, under its first day).
        day = max(datetime.fromtimestamp(le.entry.start_utc, ZoneInfo(le.zone)).date(), first)
        heading = f"{day:%a %d %b}" + (f" {day.year}" if day.year != this_year else "")
        if heading != day_heading:
            say(f"\n{heading}")
            day_heading = heading
        say("  " + entry_line(le.entry, le.zone, now, seconds=le.seconds, id_width=width,
                              user_zone=svc.clock.zone))
    total = sum(le.seconds for le in logged)
    say(f"\n{count(len(logged), 'entry', 'entries')}, {duration(total)}")
    return 0
