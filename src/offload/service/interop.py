"""Export everything, and import from Offload's own files or other trackers', all or nothing."""

from __future__ import annotations

import csv
import io
import json
from bisect import bisect_left
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from offload.domain.csvcells import neutralise
from offload.domain.errors import InvalidInput
from offload.domain.importers import BadRows, Record, check_times, detect, parse
from offload.domain.importers.common import epoch_iso, zone_named
from offload.domain.importers.offload_json import FORMAT_VERSION
from offload.domain.text import name_key
from offload.domain.weeks import local_date
from offload.service.context import Context
from offload.service.log import describe
from offload.store import bulk
from offload.store import entries as entry_store
from offload.store import settings as settings_store
from offload.store.entries import RUNNING_HOLDS_UNTIL

EXPORT_FORMATS = ("json", "csv")
CSV_COLUMNS = ("task", "start", "end", "note", "tz")


@dataclass(frozen=True)
class Overlap:
    record: Record
    other: str  # the entry it overlaps, described for the user


@dataclass
class ImportResult:
    source: str
    format: str
    dry_run: bool
    added: list[Record] = field(default_factory=list)
    duplicates: list[Record] = field(default_factory=list)
    overlaps: list[Overlap] = field(default_factory=list)
    new_tasks: list[str] = field(default_factory=list)
    new_skill_sets: list[str] = field(default_factory=list)
    settings: list[str] = field(default_factory=list)
    handovers: list[str] = field(default_factory=list)  # the skill sets whose handover is added


class InteropService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    # --- export ----------------------------------------------------------------------
    def export_data(self, with_entries: bool = True) -> dict:
        """Tasks with their marks, entries, skill sets and settings, as plain JSON values."""
        rows = bulk.dump(self.ctx.store.conn, with_entries=with_entries)

        def when(epoch):
            return None if epoch is None else epoch_iso(epoch)

        return {
            "offload": FORMAT_VERSION,
            "exported_utc": epoch_iso(self.ctx.now_epoch()),
            "settings": {r["key"]: r["value"] for r in rows["settings"]},
            "skill_sets": [{**r, "created_utc": when(r["created_utc"])} for r in rows["skill_sets"]],
            "tasks": [
                {**r, "highlighted": bool(r["highlighted"]), "created_utc": when(r["created_utc"])}
                for r in rows["tasks"]
            ],
            "handovers": [{**r, "created_utc": when(r["created_utc"])} for r in rows["handovers"]],
            "entries": [
                {"task": r["task"], "start": when(r["start_utc"]), "end": when(r["end_utc"]), "tz": r["tz"],
                 "note": r["note"]}
                for r in rows["entries"]
            ],
        }

    def export_json(self) -> str:
        """Indented, with one entry a line. The entry lines are made by SQLite (JSON1):
        building 100,000 dicts and json's pure-Python indenting encoder took seconds."""
        data = self.export_data(with_entries=False)
        data.pop("entries")
        lines = bulk.entries_json(self.ctx.store.conn)
        if lines is None:  # an SQLite without JSON functions
            lines = [json.dumps(e, ensure_ascii=False) for e in self.export_data()["entries"]]
        head = json.dumps(data, ensure_ascii=False, indent=2)
        joined = ",\n    ".join(lines)
        body = f'"entries": [\n    {joined}\n  ]' if lines else '"entries": []'
        return head[:-2] + f",\n  {body}\n}}\n"

    def export_csv(self) -> str:
        """Entries, one a row, times local to where each was logged with their offset."""
        def when(epoch, tz) -> str:
            return "" if epoch is None else datetime.fromtimestamp(epoch, ZoneInfo(self.ctx.read_zone(tz))).isoformat()

        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        for r in bulk.dump(self.ctx.store.conn)["entries"]:
            writer.writerow([neutralise(r["task"]), when(r["start_utc"], r["tz"]), when(r["end_utc"], r["tz"]),
                             neutralise(r["note"]), r["tz"]])
        return buf.getvalue()

    def export(self, fmt: str = "json") -> str:
        if fmt == "json":
            return self.export_json()
        if fmt == "csv":
            return self.export_csv()
        raise InvalidInput(f"Offload exports as {' or '.join(EXPORT_FORMATS)}, not '{fmt}'.")

    # --- import ----------------------------------------------------------------------
    def import_text(self, text: str, source: str, fmt: str | None = None, dry_run: bool = False,
                    zone: str | None = None) -> ImportResult:
        """Read a file's text and add what is new, in one transaction.

        Any bad row: BadRows listing them all, nothing imported. Entries already there
        (same task, start and end) are skipped quietly; ones overlapping others are
        listed and skipped.
        """
        zone = zone or self.ctx.zone
        zone_named(zone)
        fmt = fmt or detect(source, text)
        parsed = parse(fmt, text, zone)
        check_times(parsed, self.ctx.now_epoch())
        if parsed.problems:
            raise BadRows(source, parsed.problems)
        result = ImportResult(source, fmt, dry_run)
        store = self.ctx.store
        with (nullcontext(store.conn) if dry_run else store.write()) as conn:
            self._plan(conn, parsed, result)
            if not dry_run:
                self._write(conn, parsed, result, zone)
        return result

    def _plan(self, conn, parsed, result: ImportResult) -> None:
        now = self.ctx.now_epoch()
        tasks = bulk.task_ids(conn)
        accepted: list[Record] = []
        last_end = None
        records = sorted(parsed.records, key=lambda r: (r.start, r.end is None, r.end or 0))
        # A running record holds all time from its start, like the log's running entry: with the
        # clock behind, entries logged before it went back lie after now and must be checked too.
        def reach(r: Record) -> int:
            return r.end if r.end is not None else RUNNING_HOLDS_UNTIL

        existing = _Intervals(
            bulk.entries_within(conn, records[0].start, max(reach(r) for r in records), now) if records else [],
            now,
        )
        # One entry runs at a time: the log's running one may start after now (a clock that went
        # back), out of reach of the overlap check, and a running record must not join it.
        running = entry_store.running(conn)
        year = local_date(self.ctx.now(), self.ctx.zone).year  # entries of another year are named with it
        for r in records:
            hi = reach(r)
            found = existing.overlapping(r.start, hi)
            tid = tasks.get(name_key(r.task))
            if any(c.start_utc == r.start and c.end_utc == r.end and c.task_id == tid for c in found):
                result.duplicates.append(r)
            elif found:
                result.overlaps.append(Overlap(r, describe(found[0], self.ctx.zone, year)))
            elif r.end is None and running is not None:
                result.overlaps.append(Overlap(r, describe(running, self.ctx.zone, year)))
            elif accepted and last_end is not None and r.start < last_end:
                prev = accepted[-1]
                if (prev.start, prev.end, name_key(prev.task)) == (r.start, r.end, name_key(r.task)):
                    result.duplicates.append(r)
                else:
                    result.overlaps.append(Overlap(r, f"'{prev.task}' from {prev.where} of the same file"))
            else:
                accepted.append(r)
                last_end = hi
        result.added = accepted
        have_sets = bulk.skill_set_ids(conn)
        result.new_skill_sets = [s["name"] for s in parsed.skill_sets if name_key(s["name"]) not in have_sets]
        names: dict[str, str] = {}
        for t in parsed.tasks:
            names.setdefault(name_key(t["name"]), t["name"])
        for r in accepted:
            names.setdefault(name_key(r.task), r.task)
        result.new_tasks = [name for key, name in names.items() if key not in tasks]
        have_settings = set(settings_store.get_all(conn))
        result.settings = [k for k in parsed.settings if k not in have_settings]
        # A set's own handover record stays; one comes in only for a set that has none.
        handed = {name_key(n) for n in bulk.handed_over(conn)}
        result.handovers = [h["skill_set"] for h in parsed.handovers if name_key(h["skill_set"]) not in handed]

    def _write(self, conn, parsed, result: ImportResult, zone: str) -> None:
        now = self.ctx.now_epoch()
        new_sets = {name_key(n) for n in result.new_skill_sets}
        bulk.insert_skill_sets(conn, [
            {**s, "created_utc": s["created_utc"] if s["created_utc"] is not None else now}
            for s in parsed.skill_sets if name_key(s["name"]) in new_sets
        ])
        set_ids = bulk.skill_set_ids(conn)
        marks = {name_key(t["name"]): t for t in parsed.tasks}
        rows = []
        for name in result.new_tasks:
            t = marks.get(name_key(name), {})
            rows.append({
                "name": name,
                "created_utc": t.get("created_utc") if t.get("created_utc") is not None else now,
                "highlighted": 1 if t.get("highlighted") else 0,
                "feeling": t.get("feeling", "neutral"),
                "kind": t.get("kind", ""),
                "frequency": t.get("frequency", "weekly"),
                "skill_set_id": set_ids.get(name_key(t["skill_set"])) if t.get("skill_set") else None,
            })
        bulk.insert_tasks(conn, rows)
        task_ids = bulk.task_ids(conn)
        bulk.insert_entries(conn, [
            {"task_id": task_ids[name_key(r.task)], "start_utc": r.start, "end_utc": r.end,
             "tz": r.tz or zone, "note": r.note}
            for r in result.added
        ])
        bulk.add_settings(conn, {k: parsed.settings[k] for k in result.settings})
        bulk.add_handovers(conn, parsed.handovers, now)


class _Intervals:
    """Existing entries held in memory for the import's overlap checks: one query, then a
    binary search per record instead of one query each (100,000 records re-imported in seconds)."""

    def __init__(self, rows, now: int) -> None:
        self.rows = rows
        self.starts = [r.start_utc for r in rows]
        # The running entry holds all time from its start (see entries.overlapping).
        self.ends = [r.end_utc if r.end_utc is not None else RUNNING_HOLDS_UNTIL for r in rows]
        self.reach = []  # the latest end among this entry and every one before it
        latest = None
        for end in self.ends:
            latest = end if latest is None else max(latest, end)
            self.reach.append(latest)

    def overlapping(self, start: int, end: int) -> list:
        """Entries overlapping [start, end), oldest first; touching ends do not overlap."""
        i = bisect_left(self.starts, end) - 1
        found = []
        while i >= 0 and self.reach[i] > start:
            if self.ends[i] > start:
                found.append(self.rows[i])
            i -= 1
        return found[::-1]
