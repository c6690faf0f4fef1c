"""The `offload` command: with no command it opens the TUI; otherwise one use case per command.

Must not import Textual (a fast `offload status`); heavy modules load inside commands.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Callable, Sequence

from offload.domain.errors import OffloadError

COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {}


def command(name: str):
    def register(fn: Callable[[argparse.Namespace], int]):
        COMMANDS[name] = fn
        return fn

    return register


def open_service(args: argparse.Namespace):
    from offload.service import Offload

    return Offload.open(args.db)


def _say(text: str) -> None:
    print(text)


@command("start")
def cmd_start(args: argparse.Namespace) -> int:
    with_service = open_service(args)
    entry = with_service.log.start(args.task, at=args.at, note=args.note)
    _say(f"Started {entry.task}")
    return 0


@command("stop")
def cmd_stop(args: argparse.Namespace) -> int:
    svc = open_service(args)
    entry = svc.log.stop(at=args.at)
    from offload.domain.format import duration

    _say(f"Stopped {entry.task} after {duration(entry.end_utc - entry.start_utc)}")
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
    from offload.domain.format import duration

    _say(f"Added {entry.task} ({duration(entry.end_utc - entry.start_utc)})")
    return 0


@command("status")
def cmd_status(args: argparse.Namespace) -> int:
    from offload.domain.format import duration, stopwatch

    svc = open_service(args)
    entry = svc.log.running()
    if entry is None:
        if args.format is None:
            _say("Nothing running")
        return 1
    seconds = entry.seconds(svc.ctx.now_epoch())
    fmt = args.format or "{task} {elapsed}"
    try:
        _say(fmt.format(task=entry.task, elapsed=duration(seconds), clock=stopwatch(seconds),
                        seconds=seconds, note=entry.note))
    except (KeyError, IndexError, ValueError) as exc:
        raise OffloadError(
            f"Bad --format ({exc}); use the fields {{task}} {{elapsed}} {{clock}} {{seconds}} {{note}}."
        ) from None
    return 0


@command("demo")
def cmd_demo(args: argparse.Namespace) -> int:
    from offload.service.demo import create_demo

    if args.db is None:
        raise OffloadError("Say where to write the demo week: offload demo --db demo.db (a new file).")
    svc = create_demo(args.db)
    svc.close()
    _say(f"Wrote a demo week into {args.db}; try: offload --db {args.db}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="offload",
        description="Log a week of work, highlight what to hand over, group it into skill sets, write the brief.",
        epilog="With no command, opens the app. Example: offload --db ~/week.db",
    )
    parser.add_argument("--db", type=Path, default=None, help="database file (default: $OFFLOAD_DB or the user data folder)")
    parser.add_argument("--demo", action="store_true",
                        help="open the app on a made-up week in a temporary database (yours is not touched)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(name: str, help: str, example: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help, description=help, epilog=f"Example: {example}",
                           formatter_class=argparse.RawDescriptionHelpFormatter)
        p.add_argument("--db", type=Path, default=argparse.SUPPRESS, help="database file")
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

    p = add("status", "One line for a prompt or status bar; exit 0 when a timer runs, 1 when none does.",
            "offload status --format '{task} {elapsed}'")
    p.add_argument("--format", default=None, help="fields: {task} {elapsed} {clock} {seconds} {note}")

    add("demo", "Write a made-up week into a new database file, to try every command on.",
        "offload demo --db demo.db")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command is None:
            return run_tui(args)
        return COMMANDS[args.command](args)
    except OffloadError as exc:
        print(f"offload: {exc.message}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def run_tui(args: argparse.Namespace) -> int:
    from offload.service import Offload
    from offload.tui.app import OffloadApp

    if getattr(args, "demo", False):
        return run_demo_tui()
    svc = Offload.open(args.db)
    OffloadApp(svc).run()
    return 0


def run_demo_tui() -> int:
    """The app on a demo week in a temporary folder, removed afterwards; the user's log is never opened."""
    import shutil
    import tempfile

    from offload.service.demo import create_demo
    from offload.tui.app import OffloadApp

    folder = Path(tempfile.mkdtemp(prefix="offload-demo-"))
    try:
        svc = create_demo(folder / "demo.db")
        try:
            OffloadApp(svc, demo=True).run()
        finally:
            svc.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
