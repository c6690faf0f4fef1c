"""Reports for the command line: the Review's aggregation by task, day or skill set, for a
week or all history, and the entries of a span of days (`offload log`)."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import NamedTuple

from offload.domain.csvcells import neutralise
from offload.domain.errors import InvalidInput
from offload.domain.format import duration, text_table, whole_percents
from offload.domain.markdown import table
from offload.domain.weeks import day_start_epoch, local_date, span_epochs
from offload.service.context import Context, epoch_to_utc
from offload.service.review import ReviewService
from offload.store import days as day_store
from offload.store import history
from offload.store import review as review_store
from offload.store.rows import EntryRow, TaskRow

BY = ("task", "day", "skill-set")
UNGROUPED = "Ungrouped"


@dataclass
class ReportLine:
    """One row: a task, a day or a skill set, with its time and share of the whole."""

    name: str
    seconds: int
    share: float = 0.0
    percent: int = 0  # the share as the table shows it: the lines' percents add up to 100
    sessions: int = 0
    days: int = 0
    tasks: int = 0
    highlighted: bool = False
    feeling: str = ""
    kind: str = ""
    skill_set: str = ""


@dataclass
class Report:
    title: str
    by: str
    lines: list[ReportLine] = field(default_factory=list)

    @property
    def total_seconds(self) -> int:
        return sum(line.seconds for line in self.lines)


def _midnights(days: list[date], zone: str) -> list[int]:
    """`day_start_epoch` for many days (the standard library's zoneinfo caches the zone)."""
    return [day_start_epoch(d, zone) for d in days]


class LoggedEntry(NamedTuple):
    """An entry in `offload log`: its seconds inside the period, and the zone it reads in."""

    entry: EntryRow
    seconds: int
    zone: str


@dataclass
class _TaskSpan:
    task: TaskRow
    day_seconds: dict[date, int]
    sessions: int


class ReportService:
    def __init__(self, ctx: Context, review: ReviewService) -> None:
        self.ctx = ctx
        self.review = review

    # --- periods ---------------------------------------------------------------------
    def today(self) -> date:
        return local_date(self.ctx.now(), self.ctx.zone)

    def week_holding(self, day: date | None = None):
        return self.review.week_holding(day or self.today())

    # --- the log ---------------------------------------------------------------------
    def entries(self, first: date, last: date) -> list[LoggedEntry]:
        """Entries with time on the local days first..last (inclusive), oldest first, each with
        its time inside those days in its own zone: cut at the edges as the report cuts."""
        if last < first:
            raise InvalidInput(f"The span ends ({last}) before it starts ({first}).")
        end = last + timedelta(days=1)
        zones = self.review.zones_within(first, end)
        read_in = {z: self.ctx.read_zone(z) for z in zones}
        bounds = [(z, 0, day_start_epoch(first, read_in[z]), day_start_epoch(end, read_in[z])) for z in zones]
        window = span_epochs(first, end, sorted(set(read_in.values())))
        found = day_store.entry_seconds(self.ctx.store.conn, bounds, window, self.ctx.now_epoch())
        return [LoggedEntry(e, seconds, read_in[e.tz]) for e, seconds in found]

    # --- aggregation -------------------------------------------------------------------
    def report(self, by: str = "task", period=None, all_time: bool = False) -> Report:
        """The Review's totals, grouped `by` task, day or skill set."""
        if by not in BY:
            raise InvalidInput(f"A report is by one of: {', '.join(BY)}.")
        if all_time:
            spans, days, title = self._all_time()
        else:
            spans, days, title = self._period(period)
        if by == "task":
            lines = self._by_task(spans)
        elif by == "day":
            lines = self._by_day(spans, days, keep_empty=not all_time)
        else:
            lines = self._by_skill_set(spans)
        total = sum(line.seconds for line in lines)
        for line, whole in zip(lines, whole_percents([line.seconds for line in lines])):
            line.share = line.seconds / total if total else 0.0
            line.percent = whole
        if by != "day":
            lines.sort(key=lambda line: (-line.seconds, line.name.casefold()))
        return Report(title, by, lines)

    def _period(self, period) -> tuple[list[_TaskSpan], list[date], str]:
        period = period or self.review.this_week()
        report = self.review.week(period)
        spans = [_TaskSpan(t.task, dict(zip(report.days, t.day_seconds)), t.sessions) for t in report.tasks]
        return spans, report.days, period.title()

    def _all_time(self) -> tuple[list[_TaskSpan], list[date], str]:
        conn = self.ctx.store.conn
        now = self.ctx.now_epoch()
        found = history.span(conn, now)
        if found is None:
            return [], [], "All history"
        spans_by_zone = history.zone_spans(conn, now)
        zones = sorted({self.ctx.read_zone(z) for z in spans_by_zone} | {self.ctx.zone})
        first = min(local_date(epoch_to_utc(found[0]), z) for z in zones)
        last = max(local_date(epoch_to_utc(found[1]), z) for z in zones)
        days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
        bounds = []
        # Each zone's days only from its first entry to its last: a week abroad ten years
        # ago adds seven days to look up, not ten years of them.
        for zone, (lo, hi) in sorted(spans_by_zone.items()):
            read_in = self.ctx.read_zone(zone)
            a = (local_date(epoch_to_utc(lo), read_in) - first).days
            b = (local_date(epoch_to_utc(hi), read_in) - first).days
            edges = _midnights([first + timedelta(days=i) for i in range(a, b + 2)], read_in)
            bounds += [(zone, a + j, edges[j], edges[j + 1]) for j in range(b - a + 1)]
        per_task: dict[int, dict[date, int]] = {}
        for task_id, day, seconds in history.task_day_seconds(conn, bounds, now):
            per_task.setdefault(task_id, {})[days[day]] = seconds
        sessions = history.task_sessions(conn, found[0], found[1] + 1, now)
        tasks = review_store.tasks_by_id(conn, list(per_task))
        spans = [_TaskSpan(tasks[tid], secs, sessions.get(tid, 0)) for tid, secs in per_task.items() if tid in tasks]
        return spans, days, f"All history ({first:%d %b %Y} to {last:%d %b %Y})"

    def _skill_sets(self) -> dict[int, str]:
        return history.skill_set_names(self.ctx.store.conn)

    def _by_task(self, spans: list[_TaskSpan]) -> list[ReportLine]:
        sets = self._skill_sets()
        return [
            ReportLine(
                s.task.name,
                sum(s.day_seconds.values()),
                sessions=s.sessions,
                days=sum(1 for v in s.day_seconds.values() if v > 0),
                tasks=1,
                highlighted=s.task.highlighted,
                feeling=s.task.feeling,
                kind=s.task.kind,
                skill_set=sets.get(s.task.skill_set_id, "") if s.task.skill_set_id else "",
            )
            for s in spans
        ]

    def _by_day(self, spans: list[_TaskSpan], days: list[date], keep_empty: bool) -> list[ReportLine]:
        lines = []
        for day in days:
            seconds = sum(s.day_seconds.get(day, 0) for s in spans)
            tasks = sum(1 for s in spans if s.day_seconds.get(day, 0) > 0)
            if seconds or keep_empty:
                lines.append(ReportLine(day.isoformat(), seconds, days=1 if seconds else 0, tasks=tasks))
        return lines

    def _by_skill_set(self, spans: list[_TaskSpan]) -> list[ReportLine]:
        sets = self._skill_sets()
        groups: dict[str, ReportLine] = {}
        for s in spans:
            name = sets.get(s.task.skill_set_id, UNGROUPED) if s.task.skill_set_id else UNGROUPED
            line = groups.setdefault(name, ReportLine(name, 0))
            line.seconds += sum(s.day_seconds.values())
            line.sessions += s.sessions
            line.tasks += 1
            line.highlighted = line.highlighted or s.task.highlighted
        return list(groups.values())


# --- output ---------------------------------------------------------------------------
FORMATS = ("table", "csv", "json", "markdown")


def _columns(by: str) -> list[tuple[str, str]]:
    """(heading, field) per column, in order; fields beyond these (decimal hours too: one
    hours format a table) go to csv/json only."""
    first = {"task": "Task", "day": "Day", "skill-set": "Skill set"}[by]
    cols = [(first, "name"), ("Time", "time"), ("Share", "share")]
    if by == "task":
        cols += [("Sessions", "sessions"), ("Days", "days"), ("Highlighted", "highlighted"), ("Skill set", "skill_set")]
    elif by == "day":
        cols += [("Tasks", "tasks")]
    else:
        cols += [("Tasks", "tasks"), ("Sessions", "sessions")]
    return cols


def _shown(line: ReportLine, key: str) -> str:
    if key == "time":
        return duration(line.seconds)
    if key == "share":
        return f"{line.percent}%"
    if key == "highlighted":
        return "yes" if line.highlighted else ""
    return str(getattr(line, key))


def _record(line: ReportLine, by: str) -> dict:
    """Raw values for machines: seconds, not `1h 05m`."""
    keys = {"task": ["sessions", "days", "highlighted", "feeling", "kind", "skill_set"],
            "day": ["tasks"], "skill-set": ["tasks", "sessions", "highlighted"]}[by]
    first = {"task": "task", "day": "day", "skill-set": "skill_set"}[by]
    out = {first: line.name, "seconds": line.seconds, "hours": round(line.seconds / 3600, 2),
           "share": round(line.share, 4)}
    out.update({k: getattr(line, k) for k in keys if k != first})
    return out


def render(report: Report, fmt: str = "table") -> str:
    """The report as text for a terminal (table), a spreadsheet (csv), a script (json) or notes (markdown)."""
    if fmt not in FORMATS:
        raise InvalidInput(f"A report's format is one of: {', '.join(FORMATS)}.")
    if fmt == "json":
        return json.dumps(
            {"title": report.title, "by": report.by, "total_seconds": report.total_seconds,
             "rows": [_record(line, report.by) for line in report.lines]},
            ensure_ascii=False, indent=2,
        )
    if fmt == "csv":
        buf = io.StringIO()
        rows = [_record(line, report.by) for line in report.lines]
        heads = list(rows[0]) if rows else list(_record(ReportLine("", 0), report.by))
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(heads)
        for row in rows:
            writer.writerow([neutralise(v) if isinstance(v, str) else str(v).lower() if isinstance(v, bool) else v
                             for v in row.values()])
        return buf.getvalue().rstrip("\n")
    cols = _columns(report.by)
    body = [[_shown(line, key) for _, key in cols] for line in report.lines]
    total = ReportLine("Total", report.total_seconds, percent=100 if report.total_seconds else 0)
    foot = [_shown(total, key) if key in ("name", "time", "share") else "" for _, key in cols]
    heads = [h for h, _ in cols]
    numeric = {"time", "share", "sessions", "days", "tasks"}
    right = {i for i, (_, key) in enumerate(cols) if key in numeric}
    if fmt == "markdown":
        def cell(text: str) -> str:
            # A name shows as typed: `**x**` or `[a](b)` is not formatting in someone's notes.
            return "".join("\\" + ch if ch in "\\`*_[]<>|" else ch for ch in text)

        rows = [[cell(c) for c in row] for row in body] + [[f"**{c}**" if c else "" for c in foot]]
        return "\n".join([f"## {report.title}", "", *table(heads, rows, right)])
    if not body:
        return f"{report.title}\nNothing logged."
    return "\n".join([report.title, "", *text_table(heads, body, right, foot)])
