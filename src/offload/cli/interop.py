"""Bringing history in and taking it out: import (Offload, CSV, Watson, Timewarrior, Toggl) and export."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from offload.cli.output import count, say, shown
from offload.cli.parsing import Add, force_option
from offload.cli.session import open_service
from offload.domain.errors import OffloadError
from offload.domain.format import local_time
from offload.domain.importers import BadRows
from offload.domain.importers.watson import with_running


def register(add: Add) -> None:
    p = add("export", cmd_export, "Everything, to a file or standard output: JSON holds tasks with their highlights "
            "and attributes, entries, skill sets and settings; CSV holds the entries.",
            "offload export -o offload-backup.json\n         offload export --format csv -o entries.csv")
    p.add_argument("--format", choices=["json", "csv"], default=None, help="json (default) or csv")
    p.add_argument("-o", "--output", type=Path, default=None, help="file to write (default: standard output)")
    force_option(p)

    p = add("import", cmd_import, "Bring in history from Offload, a CSV, Watson, Timewarrior or Toggl. All or "
            "nothing: any bad row imports nothing. Entries already there are skipped; overlapping ones are listed "
            "and skipped.",
            "offload import ~/.config/watson   (frames, and the running frame)\n         timew export > t.json && "
            "offload import t.json --dry-run\n\nCSV columns (with a header): task,start,end,note[,tz]; times like "
            "2026-11-20T09:00:00+00:00.")
    p.add_argument("file", help="the file to read (or Watson's folder), or - for standard input")
    p.add_argument("--format", choices=["offload-json", "csv", "watson", "timewarrior", "toggl"], default=None,
                   help="the file's format (default: told from the file)")
    p.add_argument("--dry-run", action="store_true", help="say what would be imported, change nothing")
    p.add_argument("--zone", default=None, help="zone of times written without one (Toggl, CSV); default yours")


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


def cmd_import(args: argparse.Namespace) -> int:
    fmt = args.format
    if str(args.file) == "-":
        text, source = sys.stdin.read(), "stdin"
    elif Path(args.file).is_dir() and (Path(args.file) / "frames").is_file():
        # Watson's folder: its frames, and the running frame from `state` if one runs.
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
        print(f"offload: {shown(exc.message)}", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {shown(problem)}", file=sys.stderr)
        return 2
    say(_import_summary(result, svc.clock.zone, svc.report.today().year))
    return 0


def _import_summary(result, zone: str, this_year: int | None = None) -> str:
    verb = "Would import" if result.dry_run else "Imported"
    head = f"{verb} {count(len(result.added), 'entry', 'entries')} from {result.source} ({result.format})"
    extra = []
    if result.new_tasks:
        extra.append(count(len(result.new_tasks), "new task"))
    if result.new_skill_sets:
        extra.append(count(len(result.new_skill_sets), "new skill set"))
    if result.settings:
        extra.append(count(len(result.settings), "setting"))
    if result.handovers:
        extra.append(count(len(result.handovers), "handover"))
    lines = [head + (f", with {', '.join(extra)}" if extra else "") + "."]
    if result.duplicates:
        already = count(len(result.duplicates), "entry", "entries")
        lines.append(f"{already} already there, skipped.")
    if result.overlaps:
        n = len(result.overlaps)
        lines.append(f"Skipped {n} {'entry that overlaps' if n == 1 else 'entries that overlap'} another:")
        for o in result.overlaps:
            r = o.record
            end = local_time(r.end, zone) if r.end is not None else "running"
            lines.append(f"  {r.where}: '{r.task}' {local_time(r.start, zone, with_day=True, this_year=this_year)}"
                         f"–{end} overlaps {o.other}")
    if result.dry_run:
        lines.append("Dry run: nothing was changed.")
    return "\n".join(lines)
