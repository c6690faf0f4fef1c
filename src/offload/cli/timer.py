"""The timer's commands: start, stop, resume, and status for a shell prompt."""

from __future__ import annotations

import argparse
import sys

from offload.cli.output import say
from offload.cli.parsing import Add
from offload.cli.session import open_service
from offload.domain.errors import AlreadyRunning, OffloadError
from offload.domain.format import duration, entry_duration, local_time, stopwatch
from offload.service.log import already_running_message


def register(add: Add) -> None:
    p = add("start", cmd_start, "Start a task (or switch to it: the running one stops at the same instant).",
            "offload start Invoices --at 9:30")
    p.add_argument("task")
    p.add_argument("--at", help="when it started, e.g. 9:30, -15m, yesterday 17:00")
    p.add_argument("--note", help="a note for the entry")

    p = add("stop", cmd_stop, "Stop the running task.", "offload stop --at 17:30")
    p.add_argument("--at", help="when it ended, e.g. 17:30 or -10m")

    add("resume", cmd_resume, "Start the last task again.", "offload resume")

    p = add("status", cmd_status, "One line for a prompt or status bar; exit 0 when a timer runs, 1 when none does.",
            "offload status --format '{task} {elapsed}'")
    p.add_argument("--format", default=None, help="fields: {task} {elapsed} {clock} {seconds} {note}")


def cmd_start(args: argparse.Namespace) -> int:
    svc = open_service(args)
    started = svc.log.begin(args.task, at=args.at, note=args.note)
    if started.already_running:
        text = already_running_message(started.entry, svc.clock.zone, svc.now_epoch(), note_set=bool(args.note))
        if not args.note:
            raise AlreadyRunning(text)  # nothing done: said like any refusal, exit 2
        say(text)
        return 0
    say(f"Started {started.entry.task}")
    return 0


def cmd_stop(args: argparse.Namespace) -> int:
    svc = open_service(args)
    entry = svc.log.stop(at=args.at)
    if entry.end_utc == entry.start_utc:
        say(f"Stopped {entry.task} in the second it started: nothing was logged, the empty entry is removed.")
        return 0
    say(f"Stopped {entry.task} after {entry_duration(entry.start_utc, entry.end_utc, 0, svc.clock.zone)}")
    return 0


def cmd_resume(args: argparse.Namespace) -> int:
    svc = open_service(args)
    entry = svc.log.resume()
    say(f"Resumed {entry.task}")
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    svc = open_service(args, reading=True)
    entry = svc.log.running()
    if entry is None:
        if args.format is None:
            say("Nothing running")
        return 1
    seconds = entry.seconds(svc.now_epoch())
    if entry.start_utc > svc.now_epoch():
        print(f"offload: '{entry.task}' started at "
              f"{local_time(entry.start_utc, svc.clock.zone, with_day=True, this_year=svc.report.today().year)}, "
              f"after now: has the computer's clock gone back?", file=sys.stderr)
    fmt = args.format or "{task} {elapsed}"
    try:
        say(fmt.format(task=entry.task, elapsed=duration(seconds), clock=stopwatch(seconds),
                       seconds=seconds, note=entry.note))
    except (KeyError, IndexError, ValueError) as exc:
        raise OffloadError(
            f"Bad --format ({exc}); use the fields {{task}} {{elapsed}} {{clock}} {{seconds}} {{note}}."
        ) from None
    return 0
