"""The `offload` command: with no command it opens the TUI; otherwise one use case per command.

Must not import Textual (a fast `offload status`); heavy modules load inside commands.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Callable, Sequence

from offload import __version__
from offload.domain.errors import OffloadError

COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {}


def command(name: str):
    def register(fn: Callable[[argparse.Namespace], int]):
        COMMANDS[name] = fn
        return fn

    return register


def make_clock():
    """Real time, unless OFFLOAD_NOW (ISO 8601, e.g. 2026-11-20T10:00:00Z) freezes it, for tests
    and demos; OFFLOAD_TZ names the zone (default: this machine's)."""
    from offload.domain.clock import Clock, FrozenClock
    from offload.domain.zones import from_environment

    zone = from_environment(os.environ)  # refused here, with a message, before anything is stored
    frozen = os.environ.get("OFFLOAD_NOW")
    if not frozen:
        return Clock(zone)
    from datetime import datetime

    try:
        at = datetime.fromisoformat(frozen.strip())
    except ValueError:
        raise OffloadError(f"OFFLOAD_NOW='{frozen}' is not an ISO 8601 time like 2026-11-20T10:00:00Z.") from None
    if at.tzinfo is None:
        raise OffloadError(f"OFFLOAD_NOW='{frozen}' needs an offset or Z, e.g. 2026-11-20T10:00:00Z.")
    return FrozenClock(at, zone)


_OPENED: list = []  # the services a command opened, for the warnings said after it


def open_service(args: argparse.Namespace, reading: bool = False):
    """The service on the chosen database; a reading command (`reading`) never creates one."""
    from offload.service import Offload

    svc = Offload.open(args.db, make_clock(), create=not reading)
    _OPENED.append(svc)
    # A failure beside a change that still succeeded (a daily backup not made): said on stderr.
    svc.on_warning(lambda message: print(f"offload: {_shown(message)}", file=sys.stderr))
    return svc


def _say(text: str) -> None:
    print(_shown(text))


def _shown(text: str) -> str:
    """User text on the terminal literally: a control character stored by an older version or
    another program is printed as `\\x1b`, so it can never retitle or clear the terminal."""
    from offload.domain.text import visible

    return visible(str(text))


def _count(n: int, word: str, many: str | None = None) -> str:
    """`1 entry`, `2 entries`."""
    return f"{n} {word if n == 1 else many or word + 's'}"


def _warn_unreadable_zones() -> None:
    """Once per command: entries read in UTC because their stored zone cannot be loaded."""
    for svc in _OPENED:
        zones = set(svc.unreadable_zones_seen)
        if not zones:
            continue
        for t in svc.doctor.unreadable_zones(only=zones):
            ids = ", ".join(str(e.id) for e in t.first) + (", ..." if t.count > len(t.first) else "")
            which = f"entry {ids} is" if t.count == 1 else f"{t.count} entries ({ids}) are"
            print(f"offload: warning: {which} in the zone {t.zone!r}, which cannot be read; shown in UTC "
                  f"until `offload doctor` sets their zone.", file=sys.stderr)


@command("start")
def cmd_start(args: argparse.Namespace) -> int:
    from offload.domain.errors import AlreadyRunning
    from offload.service.log import already_running_message

    svc = open_service(args)
    started = svc.log.begin(args.task, at=args.at, note=args.note)
    if started.already_running:
        text = already_running_message(started.entry, svc.clock.zone, svc.now_epoch(), note_set=bool(args.note))
        if not args.note:
            raise AlreadyRunning(text)  # nothing done: said like any refusal, exit 2
        _say(text)
        return 0
    _say(f"Started {started.entry.task}")
    return 0


@command("stop")
def cmd_stop(args: argparse.Namespace) -> int:
    svc = open_service(args)
    entry = svc.log.stop(at=args.at)
    from offload.domain.format import entry_duration

    if entry.end_utc == entry.start_utc:
        _say(f"Stopped {entry.task} in the second it started: nothing was logged, the empty entry is removed.")
        return 0
    _say(f"Stopped {entry.task} after {entry_duration(entry.start_utc, entry.end_utc, 0, svc.clock.zone)}")
    return 0


@command("resume")
def cmd_resume(args: argparse.Namespace) -> int:
    svc = open_service(args)
    entry = svc.log.resume()
    _say(f"Resumed {entry.task}")
    return 0


@command("add")
def cmd_add(args: argparse.Namespace) -> int:
    svc = open_service(args)
    entry = svc.log.add(args.task, args.start, args.end, note=args.note)
    from offload.domain.format import entry_duration, local_time
    from offload.domain.weeks import epoch_date

    zone = svc.clock.zone
    # Its day and id: `offload log` finds it by them, `edit` and `delete` take the id.
    _say(f"Added {entry.task} ({entry_duration(entry.start_utc, entry.end_utc, 0, zone)}), "
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
    from offload.domain.errors import NotFound

    try:
        return svc.log.entry(entry_id)
    except NotFound:
        raise NotFound(f"There is no entry {entry_id}; `offload log` (or `offload log --from DAY`) shows "
                       f"the ids.") from None


def _shell_word(text: str) -> str:
    """`text` as one word for the shell: single quotes, or bash's $'...' where it holds
    characters a terminal would act on."""
    import shlex

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
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from offload.domain.timeparse import parse_time
    from offload.domain.zones import reading_zone

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


@command("edit")
def cmd_edit(args: argparse.Namespace) -> int:
    from offload.service.log import describe

    entry_id = _entry_id(args.id)
    if args.task is None and args.start is None and args.end is None and args.note is None:
        raise OffloadError("Say what to change: --task, --from, --to or --note, e.g. "
                           f"offload edit {entry_id} --from 9:15.")
    svc = open_service(args)
    before = _entry(svc, entry_id)
    after = svc.log.edit(entry_id, name=args.task, start=args.start, end=args.end, note=args.note)
    year = svc.report.today().year
    _say(f"Changed entry {entry_id}: {describe(after, svc.clock.zone, year)}"
         + (f" (was {describe(before, svc.clock.zone, year)})" if before != after else " (no change)")
         + (f"; note: {after.note}" if args.note is not None and after.note else ""))
    return 0


@command("delete")
def cmd_delete(args: argparse.Namespace) -> int:
    from offload.service.log import describe

    entry_id = _entry_id(args.id)
    svc = open_service(args)
    _entry(svc, entry_id)
    gone = svc.log.delete(entry_id)
    _say(f"Deleted entry {entry_id}: {describe(gone, svc.clock.zone, svc.report.today().year)}. To put it back:")
    _say(restore_line(gone, svc.clock.zone, svc.clock.now(), args.db))
    return 0


@command("status")
def cmd_status(args: argparse.Namespace) -> int:
    from offload.domain.format import duration, stopwatch

    svc = open_service(args, reading=True)
    entry = svc.log.running()
    if entry is None:
        if args.format is None:
            _say("Nothing running")
        return 1
    seconds = entry.seconds(svc.now_epoch())
    if entry.start_utc > svc.now_epoch():
        from offload.domain.format import local_time

        print(f"offload: '{entry.task}' started at "
              f"{local_time(entry.start_utc, svc.clock.zone, with_day=True, this_year=svc.report.today().year)}, "
              f"after now: has the computer's clock gone back?", file=sys.stderr)
    fmt = args.format or "{task} {elapsed}"
    try:
        _say(fmt.format(task=entry.task, elapsed=duration(seconds), clock=stopwatch(seconds),
                        seconds=seconds, note=entry.note))
    except (KeyError, IndexError, ValueError) as exc:
        raise OffloadError(
            f"Bad --format ({exc}); use the fields {{task}} {{elapsed}} {{clock}} {{seconds}} {{note}}."
        ) from None
    return 0


@command("config")
def cmd_config(args: argparse.Namespace) -> int:
    from offload.domain.settings import SETTINGS, check_setting

    if args.key is None:
        values = _stored_settings(args)
        width = max(len(k) for k in SETTINGS)
        for key, setting in SETTINGS.items():
            shown = values[key] if values[key] != "" else "(not set)"
            _say(f"{key:<{width}}  {shown:<14}  {setting.label}; {setting.help}")
        return 0
    key = args.key.strip().lower().replace("-", "_")
    if key not in SETTINGS:
        check_setting(key, "")  # raises, naming the settings there are
    if args.value is None:
        _say(_stored_settings(args)[key] or "(not set)")
        return 0
    stored = open_service(args).settings.set(key, args.value)
    _say(f"{key} = {stored}")
    return 0


def _stored_settings(args: argparse.Namespace) -> dict[str, str]:
    """Every setting's value; the defaults on a machine where nothing was logged yet."""
    from offload.domain.errors import NoDatabase
    from offload.domain.settings import SETTINGS

    try:
        return open_service(args, reading=True).settings.all()
    except NoDatabase as exc:
        if exc.explicit:
            raise
        return {key: s.default for key, s in SETTINGS.items()}


# A reading command where nothing was logged yet: its exit status, and whether its standard
# output is data (export, brief, plan), so the words go to standard error.
_NOTHING_YET = {"status": (1, False), "log": (0, False), "report": (0, False), "export": (1, True),
                "brief": (1, True), "plan": (1, True), "compare": (1, True), "handover": (0, False)}


def _nothing_yet(args: argparse.Namespace, exc) -> int:
    code, data = _NOTHING_YET.get(args.command, (1, True))
    if args.command == "status" and args.format is not None:
        return code  # a prompt shows nothing
    print(exc.message, file=sys.stderr if data else sys.stdout)
    return code


@command("doctor")
def cmd_doctor(args: argparse.Namespace) -> int:
    """What needs fixing in the log, and the fix for zones."""
    from shlex import quote as shell_quote

    from offload.domain.format import local_time

    svc = open_service(args, reading=True)  # a mistyped --db has nothing to fix: made, it would hide the typo
    doctor = svc.doctor
    if args.set_zone is not None:
        zone, changed = doctor.set_zone(args.set_zone, only=args.only)
        _say(f"Set the zone of {_count(changed, 'entry', 'entries')} to {zone}." if changed
             else "No entry is in a zone that cannot be read; nothing changed.")
        return 0
    if args.fix:
        done = doctor.fix_zones()
        for old, new, n in done:
            _say(f"Set the zone of {_count(n, 'entry', 'entries')} from {old!r} to {new}.")
        left = doctor.unreadable_zones()
        if left:
            _say(f"Left as they are ({', '.join(repr(t.zone) for t in left)}): no sure zone; "
                 f"set one with `offload doctor --set-zone ZONE`, e.g. yours: {svc.clock.zone}.")
            return 1
        if not done:
            _say("No entry is in a zone that cannot be read; nothing changed.")
        return 0
    zones = doctor.unreadable_zones()
    future = doctor.future_entries()
    if not zones and not future:
        _say("Nothing to fix: every entry's zone can be read and none is in the future.")
        return 0
    for t in zones:
        _say(f"{_count(t.count, 'entry', 'entries')} logged in the zone {t.zone!r}, which cannot be read "
             f"(shown in UTC until it is set):")
        for e in t.first:
            _say("  " + _entry_line(e, "UTC", svc.now_epoch(), with_day=True, this_year=svc.report.today().year))
        if t.count > len(t.first):
            _say(f"  ... and {t.count - len(t.first)} more")
        if t.suggestion and t.zone.lstrip(":").startswith("/etc/"):
            _say(f"  On this machine it is the zone {t.suggestion}: `offload doctor --fix` sets it.")
        elif t.suggestion:
            _say(f"  It is the zone {t.suggestion}: `offload doctor --fix` sets it.")
        else:
            _say(f"  Set their zone with `offload doctor --set-zone ZONE --only {shell_quote(t.zone)}` "
                 f"(yours now: {svc.clock.zone}).")
    if future:
        now = svc.clock.now()
        _say(f"{_count(len(future), 'entry', 'entries')} after now ({local_time(int(now.timestamp()), svc.clock.zone, with_day=True)} "
             f"{now.year}): logged while the computer's clock was ahead?")
        for e in future:
            _say("  " + _entry_line(e, svc.read_zone(e.tz), svc.now_epoch(), with_day=True,
                                    this_year=now.year, user_zone=svc.clock.zone))
        _say("  Fix one with `offload edit ID --from ... --to ...`, or remove it with `offload delete ID`.")
    return 1


@command("demo")
def cmd_demo(args: argparse.Namespace) -> int:
    from offload.service.demo import create_demo

    if args.db is None:
        raise OffloadError("Say where to write the demo week: offload demo --db demo.db (a new file).")
    svc = create_demo(args.db, make_clock())  # OFFLOAD_NOW sets the demo's "now" too
    svc.close()
    _say(f"Wrote a demo week into {args.db}; try: offload --db {args.db}")
    return 0


def _date(text: str, today, on_or_after=None):
    """A typed day, within the years a log can hold."""
    from offload.domain.timeparse import parse_date

    day = parse_date(text, today, on_or_after)
    if not 1970 <= day.year <= 9000:
        raise OffloadError(f"The date '{text}' is outside the years a log can hold; try e.g. 2026-11-16.")
    return day


def _days(args: argparse.Namespace, svc) -> tuple:
    """The local days the period options (see `_period`) name: (first, last, title)."""
    from datetime import timedelta

    today = svc.report.today()
    start = getattr(args, "start", None)
    end = getattr(args, "end", None)
    if (start or end) and (args.week or args.last_week):
        raise OffloadError("Give either --week/--last-week or --from/--to, not both.")
    if start or end:
        if not start:
            raise OffloadError("--to needs --from too, e.g. --from 2026-11-02 --to 2026-11-15.")
        first = _date(start, today)
        last = _date(end, today, on_or_after=first) if end else today
        if last < first:
            raise OffloadError(f"--to ({last}) is before --from ({first}).")
        return first, last, f"{first:%a %d %b %Y} to {last:%a %d %b %Y}"
    week = svc.report.week_holding(_date(args.week, today) if args.week else today)
    if args.last_week:
        week = week.previous()
    return week.start, week.end - timedelta(days=1), week.title()


def _weeks(args: argparse.Namespace, svc):
    """The period `report`, `brief` and `plan` read, from the same options as `log`: whole weeks,
    so --from/--to gives the weeks holding those days (the title says which), and --weeks N the
    N weeks ending with the week named (this one unless told); None when no option was given
    (the saved audit period)."""
    from datetime import timedelta

    from offload.domain.weeks import MAX_WEEKS, Period

    weeks = getattr(args, "weeks", None)
    if weeks is not None and (args.start or args.end):
        raise OffloadError("Give either --weeks or --from/--to, not both.")
    if weeks is not None and not 1 <= weeks <= MAX_WEEKS:
        raise OffloadError(f"--weeks is 1 to {MAX_WEEKS}, not {weeks}.")
    if not (args.week or args.last_week or args.start or args.end or weeks):
        return None
    first, last, _ = _days(args, svc)
    start = svc.report.week_holding(first).start
    if weeks:
        return Period(start - timedelta(days=7 * (weeks - 1)), weeks)
    return Period(start, (svc.report.week_holding(last).start - start).days // 7 + 1)


def _entry_line(e, zone: str, now_epoch: int, *, seconds: int | None = None, with_day: bool = False,
                this_year: int | None = None, id_width: int = 0, user_zone: str | None = None) -> str:
    """One entry as `log` and `doctor` list it: `12  09:00–10:30   1h 30m  Invoices  note`; its
    id first (for `offload edit` and `delete`), times in `zone` (named when not the user's)."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from offload.domain.format import duration, entry_duration, local_time

    start = local_time(e.start_utc, zone, with_day=with_day, this_year=this_year)
    end = local_time(e.end_utc, zone) if e.end_utc is not None else "now  "
    away = ""
    if user_zone is not None and zone != user_zone:
        away = " " + (datetime.fromtimestamp(e.start_utc, ZoneInfo(zone)).tzname() or zone)
    full = e.seconds(now_epoch)
    shown = full if seconds is None else seconds
    running = " (running)" if e.running else ""
    note = f"  {e.note}" if e.note else ""
    whole = entry_duration(e.start_utc, e.end_utc, now_epoch, zone)  # agrees with the times shown
    cut = f"  ({whole} in all)" if shown < full else ""
    return f"{e.id:>{id_width}}  {start}–{end}{away}  {duration(shown) if cut else whole:>7}  {e.task}{running}{note}{cut}"


@command("log")
def cmd_log(args: argparse.Namespace) -> int:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from offload.domain.format import duration

    svc = open_service(args, reading=True)
    first, last, title = _days(args, svc)
    logged = svc.report.entries(first, last)
    now = svc.now_epoch()
    this_year = svc.report.today().year
    _say(title)
    if not logged:
        _say("Nothing logged.")
        return 0
    width = max(len(str(le.entry.id)) for le in logged)
    day_heading = None
    for le in logged:
        # Each entry under its own zone's day (an entry begun before the period, under its first day).
        day = max(datetime.fromtimestamp(le.entry.start_utc, ZoneInfo(le.zone)).date(), first)
        heading = f"{day:%a %d %b}" + (f" {day.year}" if day.year != this_year else "")
        if heading != day_heading:
            _say(f"\n{heading}")
            day_heading = heading
        _say("  " + _entry_line(le.entry, le.zone, now, seconds=le.seconds, id_width=width,
                                user_zone=svc.clock.zone))
    total = sum(le.seconds for le in logged)
    _say(f"\n{_count(len(logged), 'entry', 'entries')}, {duration(total)}")
    return 0


@command("report")
def cmd_report(args: argparse.Namespace) -> int:
    from offload.service.report import render

    svc = open_service(args, reading=True)
    if args.all and (args.week or args.last_week or args.start or args.end or args.weeks):
        raise OffloadError("--all covers every week; leave out --week, --last-week, --weeks, --from and --to.")
    week = None if args.all else _weeks(args, svc) or svc.audit.period()
    report = svc.report.report(by=args.by, week=week, all_time=args.all)
    _say(render(report, args.format))
    return 0


def _entries(n: int) -> str:
    return f"{n} {'entry' if n == 1 else 'entries'}"


def _marks(task) -> str:
    """A task's marks in words: `highlighted, disliked, support work, in skill set 'Books'`."""
    parts = ["highlighted"] if task.highlighted else []
    parts += [{"like": "liked", "dislike": "disliked"}.get(task.feeling, "")]
    parts += [f"{task.kind} work" if task.kind else ""]
    parts += [f"in skill set '{task.skill_set}'" if task.skill_set else ""]
    return ", ".join(p for p in parts if p)


def _merge_lines(plan) -> list[str]:
    """Exactly what a merge moves and which marks stay, done or to be done."""
    from offload.domain.format import duration

    done = plan.done
    lines = [f"{'Merged' if done else 'Would merge'} into '{plan.into}':"]
    for t in plan.moved:
        lines.append(f"  '{t.name}': {_entries(t.entries)}, {duration(t.seconds)}")
    total = plan.kept.entries + plan.entries
    seconds = plan.kept.seconds + plan.seconds
    holds = "now holds" if done else "would hold"
    kept = _marks(plan.kept)
    lines.append(f"'{plan.into}' {holds} {_entries(total)} ({duration(seconds)}) and keeps its own marks"
                 + (f": {kept}." if kept else " (none set)."))
    dropped = [f"'{t.name}' was {_marks(t)}" for t in plan.moved if _marks(t)]
    if dropped:
        lines.append(f"Not kept from the merged {'tasks' if len(plan.moved) > 1 else 'task'}: {'; '.join(dropped)}.")
    return lines


@command("rename")
def cmd_rename(args: argparse.Namespace) -> int:
    import shlex

    from offload.domain.errors import WouldMerge

    svc = open_service(args)
    try:
        done = svc.tasks.rename(args.old, args.new, merge=args.merge)
    except WouldMerge as exc:
        plan = exc.plan
        print(f"offload: There is already a task '{plan.into}': renaming '{plan.moved[0].name}' to it merges "
              "the two.", file=sys.stderr)
        for line in _merge_lines(plan):
            print(f"  {line}", file=sys.stderr)
        again = shlex.join(["offload", "rename", plan.moved[0].name, plan.into, "--merge"])
        print(f"Nothing changed. To merge them: {again}", file=sys.stderr)
        return 2
    if hasattr(done, "moved"):
        _say("\n".join(_merge_lines(done)))
    else:
        _say(f"Renamed '{done.old}' to '{done.new}' ({_entries(done.entries)}).")
    return 0


@command("merge")
def cmd_merge(args: argparse.Namespace) -> int:
    svc = open_service(args)
    if args.dry_run:
        plan = svc.tasks.plan_merge(args.tasks, args.into)
        _say("\n".join(_merge_lines(plan) + ["Dry run: nothing was changed."]))
        return 0
    _say("\n".join(_merge_lines(svc.tasks.merge(args.tasks, args.into))))
    return 0


@command("export")
def cmd_export(args: argparse.Namespace) -> int:
    svc = open_service(args, reading=True)
    svc.doctor.unreadable_zones()  # noted, so the warning after the export names them
    fmt = args.format or ("csv" if args.output and str(args.output).lower().endswith(".csv") else "json")
    text = svc.interop.export(fmt)
    if args.output is None or str(args.output) == "-":
        sys.stdout.write(text)
        return 0
    path = svc.files.write_text(args.output, text, force=args.force)
    print(f"Exported to {path}", file=sys.stderr)
    return 0


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise OffloadError(f"There is no file {path}.") from None
    except UnicodeDecodeError:
        raise OffloadError(f"{path} is not UTF-8 text.") from None
    except IsADirectoryError:
        raise OffloadError(f"Cannot read {path}: it is a folder (for Watson, give the folder holding `frames`).") from None
    except OSError as exc:
        raise OffloadError(f"Cannot read {path}: {exc.strerror}.") from None


@command("import")
def cmd_import(args: argparse.Namespace) -> int:
    from offload.domain.importers import BadRows
    from offload.service.log import describe  # noqa: F401  (keeps messages in one style)

    fmt = args.format
    if str(args.file) == "-":
        text, source = sys.stdin.read(), "stdin"
    elif Path(args.file).is_dir() and (Path(args.file) / "frames").is_file():
        # Watson's folder: its frames, and the running frame from `state` if one runs.
        from offload.domain.importers.watson import with_running

        folder = Path(args.file)
        source, fmt = str(folder / "frames"), fmt or "watson"
        text = _read_text(folder / "frames")
        if (folder / "state").is_file():
            text = with_running(text, _read_text(folder / "state"))
    else:
        source = str(args.file)
        text = _read_text(Path(args.file))
    svc = open_service(args, reading=args.dry_run)  # a dry run changes nothing, not even by making the file
    try:
        result = svc.interop.import_text(text, source, fmt=fmt, dry_run=args.dry_run, zone=args.zone)
    except BadRows as exc:
        print(f"offload: {_shown(exc.message)}", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {_shown(problem)}", file=sys.stderr)
        return 2
    _say(_import_summary(result, svc.clock.zone, svc.report.today().year))
    return 0


def _import_summary(result, zone: str, this_year: int | None = None) -> str:
    from offload.domain.format import local_time

    plural = _count
    verb = "Would import" if result.dry_run else "Imported"
    head = f"{verb} {plural(len(result.added), 'entry', 'entries')} from {result.source} ({result.format})"
    extra = []
    if result.new_tasks:
        extra.append(plural(len(result.new_tasks), "new task"))
    if result.new_skill_sets:
        extra.append(plural(len(result.new_skill_sets), "new skill set"))
    if result.settings:
        extra.append(plural(len(result.settings), "setting"))
    if result.handovers:
        extra.append(plural(len(result.handovers), "handover"))
    lines = [head + (f", with {', '.join(extra)}" if extra else "") + "."]
    if result.duplicates:
        already = plural(len(result.duplicates), "entry", "entries")
        lines.append(f"{already} already there, skipped.")
    if result.overlaps:
        count = len(result.overlaps)
        lines.append(f"Skipped {count} {'entry that overlaps' if count == 1 else 'entries that overlap'} another:")
        for o in result.overlaps:
            r = o.record
            end = local_time(r.end, zone) if r.end is not None else "running"
            lines.append(f"  {r.where}: '{r.task}' {local_time(r.start, zone, with_day=True, this_year=this_year)}–{end} overlaps {o.other}")
    if result.dry_run:
        lines.append("Dry run: nothing was changed.")
    return "\n".join(lines)


class _Parser(argparse.ArgumentParser):
    """argparse, with its refusals on one line and a pointer to --help."""

    def error(self, message: str):
        self.exit(2, f"{self.prog}: {message} (see {self.prog} --help)\n")


def _period(p: argparse.ArgumentParser, weeks: bool = True) -> None:
    """The period options, one definition for `log`, `report`, `brief` and `plan` (read by
    `_days` and `_weeks`); `weeks`: the command reads whole weeks (and takes --weeks N); with
    no option it reads the saved audit period."""
    p.add_argument("--week", metavar="DATE", help="the week holding this day, e.g. 2026-11-16 or mon")
    p.add_argument("--last-week", action="store_true", help="the week before (or before --week)")
    whole = " (the weeks holding it)" if weeks else ""
    p.add_argument("--from", dest="start", metavar="DAY", help=f"first day{whole}, e.g. 2026-11-02 or mon")
    p.add_argument("--to", dest="end", metavar="DAY",
                   help=f"last day{whole}, default today; a day's name counts on from --from: "
                        "--from mon --to sun is this week")
    if weeks:
        p.add_argument("--weeks", type=int, metavar="N", default=None,
                       help="N weeks ending with --week or --last-week (default: ending this week); with "
                            "no period option: the audit period chosen on the Review")
@command("backup")
def cmd_backup(args: argparse.Namespace) -> int:
    svc = open_service(args, reading=True)  # a copy of a database made for the copy would hide a typo
    made = svc.backups.backup(args.file, force=args.force)
    _say(f"Backed up to {made}")
    return 0


@command("restore")
def cmd_restore(args: argparse.Namespace) -> int:
    from offload.service.backups import restore

    # The one clock, so OFFLOAD_NOW freezes the name of the copy kept before restoring too.
    done = restore(args.db, args.file, make_clock().now())
    kept = f"; the file it replaced is kept as {done.kept}" if done.kept else ""
    _say(f"Restored {done.path} from {done.source}{kept}")
    return 0


def _force(p: argparse.ArgumentParser) -> None:
    p.add_argument("--force", action="store_true",
                   help="replace the file if it exists (never the database or its backups)")


def _add_backup_commands(add) -> None:
    p = add("backup", "Copy the database now (kept in the backups folder next to it, or at FILE).",
            "offload backup ~/offload-before-cleanup.db")
    p.add_argument("file", nargs="?", type=Path, default=None, help="where to write the copy (a new file)")
    _force(p)
    p = add("restore", "Put a backup back as the database; the current one is kept as a backup first.",
            "offload restore ~/.local/share/offload/backups/offload-20261120-090000-daily.db")
    p.add_argument("file", type=Path, help="an Offload backup file")


class _Unused:
    """Stands in for the parser of a command not being run: takes arguments, keeps nothing."""

    def __getattr__(self, name: str):
        return lambda *args, **kwargs: self


def command_named(argv: Sequence[str]) -> str | None:
    """The command in argv, read past the global options; None when unsure (help, a typo)."""
    args = list(argv)
    i = 0
    while i < len(args):
        token = args[i]
        if token == "--db":
            i += 2
            continue
        if token.startswith("--db=") or token == "--demo":
            i += 1
            continue
        return token if token in COMMANDS else None
    return None


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole command line; with `only`, that command's arguments alone (building all
    sixteen sub-parsers cost `offload status` about 20 ms, more than the interpreter's start)."""
    parser = _Parser(
        prog="offload",
        description="Log a week of work, highlight what to hand over, group it into skill sets, write the brief.",
        epilog="With no command, opens the app. Example: offload --db ~/week.db",
    )
    parser.add_argument("--db", type=Path, default=None, help="database file (default: $OFFLOAD_DB or the user data folder)")
    parser.add_argument("--demo", action="store_true",
                        help="open the app on a made-up week in a temporary database (yours is not touched)")
    parser.add_argument("--version", action="version", version=f"offload {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    parser.commands = {}  # type: ignore[attr-defined]  # name -> its parser, to point at its --help

    def add(name: str, help: str, example: str) -> argparse.ArgumentParser:
        if only is not None and name != only:
            return _Unused()  # type: ignore[return-value]
        p = sub.add_parser(name, help=help, description=__import__("textwrap").fill(help, 80), epilog=f"Example: {example}",
                           formatter_class=argparse.RawDescriptionHelpFormatter)
        p.add_argument("--db", type=Path, default=argparse.SUPPRESS, help="database file")
        parser.commands[name] = p  # type: ignore[attr-defined]
        return p

    p = add("start", "Start a task (or switch to it: the running one stops at the same instant).",
            "offload start Invoices --at 9:30")
    p.add_argument("task")
    p.add_argument("--at", help="when it started, e.g. 9:30, -15m, yesterday 17:00")
    p.add_argument("--note", help="a note for the entry")

    p = add("stop", "Stop the running task.", "offload stop --at 17:30")
    p.add_argument("--at", help="when it ended, e.g. 17:30 or -10m")

    add("resume", "Start the last task again.", "offload resume")

    p = add("add", "Add a missed entry after the fact.", "offload add Calls --from 8:00 --to 8:30")
    p.add_argument("task")
    p.add_argument("--from", dest="start", required=True, help="start, e.g. 8:00 or yesterday 14:00")
    p.add_argument("--to", dest="end", required=True, help="end, e.g. 8:30")
    p.add_argument("--note", help="a note for the entry")

    p = add("edit", "Change an entry by its id (the first column of `offload log`): its task, start, end "
            "or note. A time alone (9:15) is on the entry's own day.",
            "offload edit 12 --from 9:15\n         offload edit 12 --task 'Client calls' --to 'tue 17:30'")
    p.add_argument("id", help="the entry's id, as `offload log` shows it")
    p.add_argument("--task", default=None, help="the task's name")
    p.add_argument("--from", dest="start", default=None, help="start, e.g. 9:15 or 2026-11-17 09:15")
    p.add_argument("--to", dest="end", default=None, help="end, e.g. 10:30 (for the running entry: stops it)")
    p.add_argument("--note", default=None, help="the note ('' removes it)")

    p = add("delete", "Delete an entry by its id (the first column of `offload log`); prints the command "
            "that puts it back.", "offload delete 12")
    p.add_argument("id", help="the entry's id, as `offload log` shows it")

    p = add("status", "One line for a prompt or status bar; exit 0 when a timer runs, 1 when none does.",
            "offload status --format '{task} {elapsed}'")
    p.add_argument("--format", default=None, help="fields: {task} {elapsed} {clock} {seconds} {note}")

    p = add("config", "List the settings, show one, or set one (checked as in the app's settings dialog).",
            "offload config hourly_value 80")
    p.add_argument("key", nargs="?", help="week_start, long_running_hours, hourly_value, currency or theme")
    p.add_argument("value", nargs="?", help="the new value")

    p = add("doctor", "Find what needs fixing in the log (entries whose time zone cannot be read, entries "
            "in the future) and set those zones.", "offload doctor\n         offload doctor --fix\n"
            "         offload doctor --set-zone Europe/Paris")
    p.add_argument("--fix", action="store_true", help="set each unreadable zone that surely names a zone to it")
    p.add_argument("--set-zone", metavar="ZONE", default=None,
                   help="set the entries of every unreadable zone to ZONE, e.g. Europe/Paris")
    p.add_argument("--only", metavar="OLD", default=None, help="with --set-zone: only the entries of this zone")

    add("demo", "Write a made-up week into a new database file, to try every command on.",
        "offload demo --db demo.db")

    p = add("rename", "Rename a task everywhere. Onto the name of another task, the two would merge: "
            "that is said first and done only with --merge.", "offload rename Acounts Accounts")
    p.add_argument("old", help="the task's name now")
    p.add_argument("new", help="its new name")
    p.add_argument("--merge", action="store_true",
                   help="when NEW is another task, merge into it (it keeps its highlight, feeling, work kind "
                        "and skill set)")

    p = add("merge", "Merge tasks into one: every entry of TASK... moves to --into, which keeps its highlight, "
            "feeling, work kind and skill set; the merged tasks are gone.",
            "offload merge 'Email customers' Emails --into 'Customer emails'")
    p.add_argument("tasks", nargs="+", metavar="TASK", help="the tasks to merge")
    p.add_argument("--into", required=True, metavar="TASK", help="the task that stays (an existing one)")
    p.add_argument("--dry-run", action="store_true", help="say exactly what would move, change nothing")

    p = add("log", "The entries of a week (this one unless told) or of a span of days.",
            "offload log --last-week\n         offload log --from 2026-11-02 --to 2026-11-15")
    _period(p, weeks=False)

    p = add("report", "Time per task, day or skill set for a week, several weeks or all history: what the "
            "Review shows.",
            "offload report --last-week --by skill-set --format markdown")
    _period(p)
    p.add_argument("--all", action="store_true", help="all history instead of one week")
    p.add_argument("--by", choices=["task", "day", "skill-set"], default="task", help="how to group (default task)")
    p.add_argument("--format", choices=["table", "csv", "json", "markdown"], default="table",
                   help="table (default), csv, json or markdown")

    p = add("export", "Everything, to a file or standard output: JSON holds tasks with their highlights and "
            "attributes, entries, skill sets and settings; CSV holds the entries.",
            "offload export -o offload-backup.json\n         offload export --format csv -o entries.csv")
    p.add_argument("--format", choices=["json", "csv"], default=None, help="json (default) or csv")
    p.add_argument("-o", "--output", type=Path, default=None, help="file to write (default: standard output)")
    _force(p)

    p = add("import", "Bring in history from Offload, a CSV, Watson, Timewarrior or Toggl. All or nothing: "
            "any bad row imports nothing. Entries already there are skipped; overlapping ones are listed "
            "and skipped.",
            "offload import ~/.config/watson   (frames, and the running frame)\n         timew export > t.json && offload import t.json "
            "--dry-run\n\nCSV columns (with a header): task,start,end,note[,tz]; times like "
            "2026-11-20T09:00:00+00:00.")
    p.add_argument("file", help="the file to read (or Watson's folder), or - for standard input")
    p.add_argument("--format", choices=["offload-json", "csv", "watson", "timewarrior", "toggl"], default=None,
                   help="the file's format (default: told from the file)")
    p.add_argument("--dry-run", action="store_true", help="say what would be imported, change nothing")
    p.add_argument("--zone", default=None, help="zone of times written without one (Toggl, CSV); default yours")
    _add_backup_commands(add)

    p = add("brief", "The handover brief in Markdown for one skill set (or all), to send to providers: the "
            "tasks, how often and how long, examples from your notes, and the scope of work to fill in. It "
            "carries no rates or budget (those are in `offload plan`).",
            "offload brief --set 'Bookkeeping and accounts' --last-week -o books.md")
    p.add_argument("--set", dest="skill_set", metavar="NAME", default=None, help="one skill set (default: all)")
    _period(p)
    p.add_argument("-o", "--output", metavar="FILE", default=None,
                   help="write to FILE, readable by you only (default: standard output)")
    _force(p)

    p = add("plan", "Your outsourcing plan in Markdown, for you and not for providers: each skill set's hours "
            "a month, its cost at the rate against the value of your own time, the return, what handing "
            "over frees, and what is still to decide.",
            "offload plan -o plan.md\n         offload plan --last-week --weeks 4")
    _period(p)
    p.add_argument("-o", "--output", metavar="FILE", default=None,
                   help="write to FILE, readable by you only (default: standard output)")
    _force(p)

    p = add("handover", "Record that a skill set was handed over: since when, and what it costs now (an amount "
            "a month, or an hourly rate with the hours billed a month); `offload compare` weighs it. With no "
            "SET, lists the sets handed over.",
            "offload handover 'Marketing and newsletters' --since 2026-11-16 --cost 400/month\n"
            "         offload handover 'Bookkeeping and accounts' --since mon --cost 35/h --hours 8\n"
            "         offload handover 'Bookkeeping and accounts' --clear")
    p.add_argument("skill_set", nargs="?", metavar="SET", help="the skill set, as on the Grouping screen")
    p.add_argument("--since", metavar="DATE", default=None, help="the day it was handed over, e.g. 2026-11-16 or mon")
    p.add_argument("--cost", default=None, help="what it costs now: 400/month, or 25/h with --hours")
    p.add_argument("--hours", default=None, help="with an hourly cost: the hours billed a month, e.g. 10")
    p.add_argument("--clear", action="store_true", help="forget that this set was handed over")

    p = add("compare", "Did handing over pay off? The audit period against a later one: each task's and skill "
            "set's hours a week before and after, core work's share of your time, work that appeared since, and "
            "for each set handed over the hours a month it freed, their worth and the net return after its cost.",
            "offload compare\n         offload compare --after 'last week' --format markdown -o compare.md\n"
            "         offload compare --before 2026-11-02 --after '2026-11-16 to 2026-11-29'")
    p.add_argument("--before", metavar="PERIOD", default=None,
                   help="the earlier period (default: the audit period): a day (the week holding it), "
                        "'last week', or 'DAY to DAY' (the weeks holding them)")
    p.add_argument("--after", metavar="PERIOD", default=None,
                   help="the later period, written the same way (default: the most recent complete weeks "
                        "after the earlier one, as many as it has)")
    p.add_argument("--format", choices=["table", "markdown", "json"], default=None,
                   help="table (default on the terminal), markdown (default in a file) or json")
    p.add_argument("-o", "--output", metavar="FILE", default=None,
                   help="write to FILE, readable by you only (default: standard output)")
    _force(p)
    return parser


@command("plan")
def cmd_plan(args: argparse.Namespace) -> int:
    svc = open_service(args, reading=True)
    period = _weeks(args, svc)  # None: the audit period
    if args.output is None or str(args.output) == "-":
        sys.stdout.write(svc.audit.plan(period))
        return 0
    path = svc.audit.write_plan(args.output, period, force=args.force)
    print(f"Wrote the plan to {path}", file=sys.stderr)
    return 0


@command("brief")
def cmd_brief(args: argparse.Namespace) -> int:
    svc = open_service(args, reading=True)
    week = _weeks(args, svc)  # None: the audit period
    if args.output is None or str(args.output) == "-":
        sys.stdout.write(svc.grouping.brief(args.skill_set, week))
        return 0
    path = svc.grouping.write_brief(args.output, args.skill_set, week, force=args.force)
    print(f"Wrote the brief to {path}", file=sys.stderr)
    return 0


def _handover_line(h, currency: str) -> str:
    """`Bookkeeping and accounts: handed over on Mon 16 Nov 2026, GBP 280.00 a month (GBP 35.00 an hour × 8 h billed)`."""
    from offload.domain.format import money

    cost = f"{money(float(h.monthly_cost), currency)} a month"
    if h.per == "hour":
        cost += f" ({money(float(h.amount), currency)} an hour × {h.hours_billed} h billed)"
    return f"{h.skill_set}: handed over on {h.since:%a %d %b %Y}, {cost}"


@command("handover")
def cmd_handover(args: argparse.Namespace) -> int:
    changing = args.since is not None or args.cost is not None or args.hours is not None
    if args.skill_set is None:
        if changing or args.clear:
            raise OffloadError("Name the skill set: offload handover 'Bookkeeping and accounts' --since 2026-11-16 "
                               "--cost 400/month.")
        svc = open_service(args, reading=True)
        handovers = svc.compare.handovers()
        currency = svc.settings.get("currency")
        for h in handovers:
            _say(_handover_line(h, currency))
        if not handovers:
            _say("No skill set is recorded as handed over; record one with offload handover SET --since DATE "
                 "--cost 400/month.")
        return 0
    if args.clear and changing:
        raise OffloadError("--clear forgets the handover; leave out --since, --cost and --hours.")
    from offload.domain.errors import NoDatabase, NotFound

    try:
        svc = open_service(args, reading=True)  # a mistake on a new machine creates no database
    except NoDatabase as exc:
        if exc.explicit:
            raise
        raise NotFound(f"There is no skill set '{args.skill_set}'; there are no skill sets yet.") from None
    if not (changing or args.clear):
        h = svc.compare.handover_of(args.skill_set)
        name = svc.grouping.get(args.skill_set).name
        _say(_handover_line(h, svc.settings.get("currency")) if h else f"{name}: not recorded as handed over.")
        return 0
    if args.clear:
        name = svc.grouping.get(args.skill_set).name
        done = svc.compare.clear_handover(args.skill_set)
        _say(f"{name}: no longer recorded as handed over." if done else
             f"{name} was not recorded as handed over; nothing changed.")
        return 0
    h = svc.compare.hand_over(args.skill_set, args.since, args.cost, args.hours)
    _say(_handover_line(h, svc.settings.get("currency")))
    return 0


def _named_period(text: str, svc, option: str):
    """A period typed after --before or --after, read by the same code as `report`'s options:
    a day (the week holding it), `this week`, `last week`, or `DAY to DAY` (the weeks holding them)."""
    import re

    words = " ".join(str(text).split())
    values = argparse.Namespace(week=None, last_week=False, start=None, end=None, weeks=None)
    span = re.fullmatch(r"(.+?)\s*(?:\.\.|\s+to\s+)\s*(.+)", words)
    if words.lower() == "this week":
        values.week = "today"
    elif words.lower() == "last week":
        values.last_week = True
    elif span:
        values.start, values.end = span.group(1), span.group(2)
    else:
        values.week = words
    try:
        return _weeks(values, svc)
    except OffloadError as exc:
        raise OffloadError(f"{option} '{words}': {exc.message}") from None


@command("compare")
def cmd_compare(args: argparse.Namespace) -> int:
    svc = open_service(args, reading=True)
    before = _named_period(args.before, svc, "--before") if args.before else None
    after = _named_period(args.after, svc, "--after") if args.after else None
    to_file = args.output is not None and str(args.output) != "-"
    fmt = args.format or ("json" if to_file and str(args.output).lower().endswith(".json") else
                          "markdown" if to_file else "table")
    if not to_file:
        text = svc.compare.report(fmt, before, after)
        if fmt == "json":
            sys.stdout.write(text)
        else:
            _say(text.rstrip("\n"))
        return 0
    path = svc.compare.write_report(args.output, fmt, before, after, force=args.force)
    print(f"Wrote the comparison to {path}", file=sys.stderr)
    return 0


_TIME_OPTIONS = ("--at", "--from", "--to")


def join_times_ago(argv: Sequence[str]) -> list[str]:
    """`--at -15m` as `--at=-15m`: argparse would take a time ago for an option of its own."""
    out: list[str] = []
    args = list(argv)
    i = 0
    while i < len(args):
        arg = args[i]
        if arg in _TIME_OPTIONS and i + 1 < len(args) and args[i + 1].startswith("-") \
                and args[i + 1][1:2].isdigit():
            out.append(f"{arg}={args[i + 1]}")
            i += 2
            continue
        out.append(arg)
        i += 1
    return out


def refuse_extra(parser: argparse.ArgumentParser, args: argparse.Namespace, extra: list[str]) -> None:
    """An argument no parser took, refused by the command it was given to, so the pointer
    goes to that command's --help (`offload brief --foo` -> see offload brief --help)."""
    owner = parser.commands.get(args.command, parser) if args.command else parser  # type: ignore[attr-defined]
    word = extra[0]
    if word.startswith("-") and len(word) > 1:
        owner.error(f"unknown option {word.split('=', 1)[0]}")
    owner.error(f"unexpected argument '{word}'")


def main(argv: Sequence[str] | None = None) -> int:
    argv = join_times_ago(sys.argv[1:] if argv is None else argv)
    _OPENED.clear()
    parser = build_parser(only=command_named(argv))
    try:
        args, extra = parser.parse_known_args(argv)
        if extra:
            refuse_extra(parser, args, extra)
    except SystemExit as exc:  # --help, or a refused argument (already said on stderr)
        return exc.code if isinstance(exc.code, int) else 2
    try:
        if args.command is None:
            return run_tui(args)
        code = COMMANDS[args.command](args)
        if args.command != "doctor":
            _warn_unreadable_zones()
        return code
    except OffloadError as exc:
        from offload.domain.errors import AlreadyExists, NoDatabase

        if isinstance(exc, NoDatabase) and not Path(exc.path).is_absolute() and _folder_gone():
            return 2
        if isinstance(exc, NoDatabase) and not exc.explicit:
            return _nothing_yet(args, exc)
        hint = " Add --force to replace it." if isinstance(exc, AlreadyExists) else ""
        print(f"offload: {_shown(exc.message)}{hint}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except FileNotFoundError:
        if _folder_gone():
            return 2
        raise
    except BrokenPipeError:  # `offload log | head`: the reader left, nothing to say
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        return 0
    except _database_error() as exc:  # looked up only when an error gets this far
        print(f"offload: the database {args.db or '(default)'} failed: {exc}.", file=sys.stderr)
        return 3


def _folder_gone() -> bool:
    """True, after saying so, when the shell's current folder was removed: a relative path
    (a file name alone) names nothing then."""
    try:
        os.getcwd()
    except FileNotFoundError:
        print("offload: the current folder was removed; cd to a folder that exists, or give full paths.",
              file=sys.stderr)
        return True
    return False


def _database_error() -> type[Exception]:
    """What the database raises beneath the service's own refusals (imported late: a fast --help)."""
    from offload.service import DatabaseError

    return DatabaseError


def run_tui(args: argparse.Namespace) -> int:
    from offload.tui.app import OffloadApp

    if getattr(args, "demo", False):
        return run_demo_tui()
    svc = open_service(args)
    return _run_app(OffloadApp(svc), svc.path.parent, svc.clock)


def _run_app(app, folder: Path, clock) -> int:
    """Run the app; after a crash (Textual has printed the error) write its details to a new
    owner-only file, say where, and exit non-zero so a script or a wrapper knows."""
    app.run()
    crashed = app.crashed
    if crashed is None:
        return app.return_code or 0
    import traceback

    details = "".join(traceback.format_exception(crashed))
    now = clock.now()
    from offload.service.files import save_new_text

    text = f"Offload stopped on an error at {now:%Y-%m-%d %H:%M:%S %Z}.\n\n{details}"
    for place in (folder, Path(__import__("tempfile").gettempdir())):
        try:
            written = save_new_text(place, f"offload-crash-{now:%Y%m%d-%H%M%S}-{os.getpid()}", ".txt", text)
        except OSError:
            continue
        print(f"offload: stopped on an error; the details are in {written}. Your log is saved as you go.",
              file=sys.stderr)
        break
    else:
        print(f"offload: stopped on an error (no file could be written for the details):\n{details}", file=sys.stderr)
    return app.return_code or 1


def run_demo_tui() -> int:
    """The app on a demo week in a temporary folder, removed afterwards; the user's log is never opened."""
    import shutil
    import tempfile

    from offload.service.demo import create_demo
    from offload.tui.app import OffloadApp

    from offload.domain.clock import ShiftedClock
    from offload.domain.demo import SHOT_NOW, SHOT_ZONE

    import signal

    def leave(signum, frame):  # a closed terminal or kill: still remove the demo folder
        raise SystemExit(128 + signum)

    for sig in (signal.SIGHUP, signal.SIGTERM):
        signal.signal(sig, leave)
    folder = Path(tempfile.mkdtemp(prefix="offload-demo-"))
    try:
        # The demo lives in its own Thursday afternoon, whatever today is, so the week
        # under review is full; its clock still runs, so the timer counts live.
        svc = create_demo(folder / "demo.db", ShiftedClock(SHOT_NOW, SHOT_ZONE))
        try:
            # The details outlive the demo's folder; named by the real clock, not the demo's.
            return _run_app(OffloadApp(svc, demo=True), Path(tempfile.gettempdir()), make_clock())
        finally:
            svc.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
