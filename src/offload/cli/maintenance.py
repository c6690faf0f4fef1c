"""Looking after the log: config, doctor, demo, backup and restore."""

from __future__ import annotations

import argparse
from pathlib import Path
from shlex import quote as shell_quote

from offload.cli.output import count, entry_line, say
from offload.cli.parsing import Add, force_option
from offload.cli.session import make_clock, open_service
from offload.domain.errors import NoDatabase, OffloadError
from offload.domain.format import local_time
from offload.domain.settings import SETTINGS, check_setting
from offload.service.backups import restore
from offload.service.demo import create_demo


def register(add: Add) -> None:
    p = add("config", cmd_config, "List the settings, show one, or set one (checked as in the app's settings "
            "dialog).", "offload config hourly_value 80")
    p.add_argument("key", nargs="?", help="week_start, long_running_hours, hourly_value, currency or theme")
    p.add_argument("value", nargs="?", help="the new value")

    p = add("doctor", cmd_doctor, "Find what needs fixing in the log (entries whose time zone cannot be read, "
            "entries in the future) and set those zones.", "offload doctor\n         offload doctor --fix\n"
            "         offload doctor --set-zone Europe/Paris")
    p.add_argument("--fix", action="store_true", help="set each unreadable zone that surely names a zone to it")
    p.add_argument("--set-zone", metavar="ZONE", default=None,
                   help="set the entries of every unreadable zone to ZONE, e.g. Europe/Paris")
    p.add_argument("--only", metavar="OLD", default=None, help="with --set-zone: only the entries of this zone")

    add("demo", cmd_demo, "Write a made-up week into a new database file, to try every command on.",
        "offload demo --db demo.db")

    p = add("backup", cmd_backup, "Copy the database now (kept in the backups folder next to it, or at FILE).",
            "offload backup ~/offload-before-cleanup.db")
    p.add_argument("file", nargs="?", type=Path, default=None, help="where to write the copy (a new file)")
    force_option(p)

    p = add("restore", cmd_restore, "Put a backup back as the database; the current one is kept as a backup first.",
            "offload restore ~/.local/share/offload/backups/offload-20261120-090000-daily.db")
    p.add_argument("file", type=Path, help="an Offload backup file")


def cmd_config(args: argparse.Namespace) -> int:
    if args.key is None:
        values = _stored_settings(args)
        width = max(len(k) for k in SETTINGS)
        for key, setting in SETTINGS.items():
            shown = values[key] if values[key] != "" else "(not set)"
            say(f"{key:<{width}}  {shown:<14}  {setting.label}; {setting.help}")
        return 0
    key = args.key.strip().lower().replace("-", "_")
    if key not in SETTINGS:
        check_setting(key, "")  # raises, naming the settings there are
    if args.value is None:
        say(_stored_settings(args)[key] or "(not set)")
        return 0
    stored = open_service(args).settings.set(key, args.value)
    say(f"{key} = {stored}")
    return 0


def _stored_settings(args: argparse.Namespace) -> dict[str, str]:
    """Every setting's value; the defaults on a machine where nothing was logged yet."""
    try:
        return open_service(args, reading=True).settings.all()
    except NoDatabase as exc:
        if exc.explicit:
            raise
        return {key: s.default for key, s in SETTINGS.items()}


def cmd_doctor(args: argparse.Namespace) -> int:
    """What needs fixing in the log, and the fix for zones."""
    svc = open_service(args, reading=True)  # a mistyped --db has nothing to fix: made, it would hide the typo
    doctor = svc.doctor
    if args.set_zone is not None:
        zone, changed = doctor.set_zone(args.set_zone, only=args.only)
        say(f"Set the zone of {count(changed, 'entry', 'entries')} to {zone}." if changed
            else "No entry is in a zone that cannot be read; nothing changed.")
        return 0
    if args.fix:
        done = doctor.fix_zones()
        for old, new, n in done:
            say(f"Set the zone of {count(n, 'entry', 'entries')} from {old!r} to {new}.")
        left = doctor.unreadable_zones()
        if left:
            say(f"Left as they are ({', '.join(repr(t.zone) for t in left)}): no sure zone; "
                f"set one with `offload doctor --set-zone ZONE`, e.g. yours: {svc.clock.zone}.")
            return 1
        if not done:
            say("No entry is in a zone that cannot be read; nothing changed.")
        return 0
    zones = doctor.unreadable_zones()
    future = doctor.future_entries()
    if not zones and not future:
        say("Nothing to fix: every entry's zone can be read and none is in the future.")
        return 0
    for t in zones:
        say(f"{count(t.count, 'entry', 'entries')} logged in the zone {t.zone!r}, which cannot be read "
            f"(shown in UTC until it is set):")
        for e in t.first:
            say("  " + entry_line(e, "UTC", svc.now_epoch(), with_day=True, this_year=svc.report.today().year))
        if t.count > len(t.first):
            say(f"  ... and {t.count - len(t.first)} more")
        if t.suggestion and t.zone.lstrip(":").startswith("/etc/"):
            say(f"  On this machine it is the zone {t.suggestion}: `offload doctor --fix` sets it.")
        elif t.suggestion:
            say(f"  It is the zone {t.suggestion}: `offload doctor --fix` sets it.")
        else:
            say(f"  Set their zone with `offload doctor --set-zone ZONE --only {shell_quote(t.zone)}` "
                f"(yours now: {svc.clock.zone}).")
    if future:
        now = svc.clock.now()
        say(f"{count(len(future), 'entry', 'entries')} after now ({local_time(int(now.timestamp()), svc.clock.zone, with_day=True)} "
            f"{now.year}): logged while the computer's clock was ahead?")
        for e in future:
            say("  " + entry_line(e, svc.read_zone(e.tz), svc.now_epoch(), with_day=True,
                                  this_year=now.year, user_zone=svc.clock.zone))
        say("  Fix one with `offload edit ID --from ... --to ...`, or remove it with `offload delete ID`.")
    return 1


def cmd_demo(args: argparse.Namespace) -> int:
    if args.db is None:
        raise OffloadError("Say where to write the demo week: offload demo --db demo.db (a new file).")
    svc = create_demo(args.db, make_clock())  # OFFLOAD_NOW sets the demo's "now" too
    svc.close()
    say(f"Wrote a demo week into {args.db}; try: offload --db {args.db}")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    svc = open_service(args, reading=True)  # a copy of a database made for the copy would hide a typo
    made = svc.backups.backup(args.file, force=args.force)
    say(f"Backed up to {made}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    # The one clock, so OFFLOAD_NOW freezes the name of the copy kept before restoring too.
    done = restore(args.db, args.file, make_clock().now())
    kept = f"; the file it replaced is kept as {done.kept}" if done.kept else ""
    say(f"Restored {done.path} from {done.source}{kept}")
    return 0
