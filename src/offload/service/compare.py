"""After the handover: recording which skill sets were handed over (since when, at what cost),
and comparing the audit period with a later one (did handing over pay off?)."""

from __future__ import annotations

import json
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path

from offload.domain.compare import Comparison, TaskTime
from offload.domain.compare_report import FORMATS, as_json, build_markdown, build_text
from offload.domain.errors import InvalidInput
from offload.domain.handover import Handover, amount, check, parse_cost, parse_hours
from offload.domain.text import is_control
from offload.domain.timeparse import parse_date
from offload.domain.weeks import MAX_WEEKS, Period, local_date
from offload.service.context import Context
from offload.service.files import FileService
from offload.service.period import PeriodService
from offload.service.review import ReviewService
from offload.service.settings import SettingsService
from offload.service.skill_sets import SkillSetService
from offload.store import handovers as handover_store
from offload.store import skill_sets as set_store
from offload.store.handovers import HandoverRow


def _json_escape(ch: str) -> str:
    """One character as a JSON escape (a surrogate pair beyond the first plane)."""
    code = ord(ch)
    if code > 0xFFFF:
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


def _handover(row: HandoverRow) -> Handover:
    return Handover(row.skill_set, date.fromisoformat(row.since), amount(row.amount), row.per,
                    None if row.hours is None else amount(row.hours))


class CompareService:
    def __init__(self, ctx: Context, review: ReviewService, settings: SettingsService, sets: SkillSetService,
                 period: PeriodService, files: FileService) -> None:
        self.ctx = ctx
        self.review = review
        self.settings = settings
        self.sets = sets
        self.period = period
        self.files = files

    def _today(self) -> date:
        return local_date(self.ctx.now(), self.ctx.zone)

    def _set(self, name: str):
        return self.sets.get(name)

    # --- handovers -------------------------------------------------------------------------
    def handovers(self) -> list[Handover]:
        """Every skill set handed over, by name."""
        return [_handover(r) for r in handover_store.all_handovers(self.ctx.store.conn)]

    def handover_of(self, set_name: str) -> Handover | None:
        row = handover_store.get(self.ctx.store.conn, self._set(set_name).id)
        return None if row is None else _handover(row)

    def hand_over(self, set_name: str, since: str | date | None = None, cost: str | None = None,
                  hours: str | float | None = None) -> Handover:
        """Record that a set was handed over, or change its record: a part not given stays as it
        was (a new record needs the day and the cost). Everything is checked before anything is saved."""
        row = self._set(set_name)
        old = handover_store.get(self.ctx.store.conn, row.id)
        today = self._today()
        typed_hours = hours is not None and str(hours).strip() != ""
        if since is None or (isinstance(since, str) and not since.strip()):
            if old is None:
                raise InvalidInput(f"Say when '{row.name}' was handed over, e.g. 2026-11-16.", field="since")
            day = date.fromisoformat(old.since)
        elif isinstance(since, date):
            day = since
        else:
            try:
                day = parse_date(since, today)
            except InvalidInput as exc:
                raise InvalidInput(exc.message, field="since") from None
        if cost is not None and str(cost).strip():
            value, per = parse_cost(cost)
            billed = parse_hours(hours) if typed_hours else None
        elif old is None:
            raise InvalidInput(f"Say what '{row.name}' costs now, e.g. 400/month, or 25/h with the hours billed a "
                               "month.", field="cost")
        else:
            value, per = amount(old.amount), old.per
            billed = parse_hours(hours) if typed_hours else (None if old.hours is None else amount(old.hours))
        handover = check(Handover(row.name, day, value, per, billed), today)
        with self.ctx.store.write() as conn:
            handover_store.put(conn, row.id, handover.since.isoformat(), float(handover.amount), handover.per,
                               None if handover.hours is None else float(handover.hours), self.ctx.now_epoch())
        return handover

    def clear_handover(self, set_name: str) -> bool:
        """Forget that a set was handed over; False when it had no record."""
        row = self._set(set_name)
        with self.ctx.store.write() as conn:
            return handover_store.clear(conn, row.id)

    # --- the periods -------------------------------------------------------------------------
    def default_after(self, before: Period) -> Period:
        """The most recent complete weeks after `before`, as many as it has (fewer if fewer have
        passed since); none yet: this week so far."""
        this_week = self.review.this_week()
        passed = (this_week.start - before.end).days // 7
        if passed >= 1:
            weeks = min(before.weeks, passed)
            return Period(this_week.start - timedelta(days=7 * weeks), weeks)
        if this_week.start >= before.end:
            return this_week
        raise InvalidInput(f"The audit period ({before.title()}) runs to this week, so there is nothing later to "
                           "compare it with yet; choose an earlier audit period or compare next week.")

    def periods(self, before: Period | None = None, after: Period | None = None) -> tuple[Period, Period]:
        """The two periods compared: by default the audit period, and the most recent complete
        weeks of the same length after it. Refused when they overlap or one has not begun."""
        before = before or self.period.period()
        after = after or self.default_after(before)
        this_week = self.review.this_week()
        for which, p in (("earlier", before), ("later", after)):
            if not 1 <= p.weeks <= MAX_WEEKS:
                raise InvalidInput(f"A period to compare is 1 to {MAX_WEEKS} weeks long, not {p.weeks}.")
            if p.start > this_week.start:
                raise InvalidInput(f"The {which} period ({p.title()}) has not begun yet.")
        if after.start < before.end:
            raise InvalidInput(f"The later period ({after.title()}) must begin after the audit period "
                               f"({before.title()}) ends.")
        return before, after

    # --- the comparison ----------------------------------------------------------------------
    def comparison(self, before: Period | None = None, after: Period | None = None) -> Comparison:
        """Every figure of the comparison, from the log as it is now: a task renamed or merged
        since the audit is one task in both periods (its entries moved with it)."""
        before, after = self.periods(before, after)
        review = self.review
        reports = [review.week(before), review.week(after)]
        set_names = {s.id: s.name for s in set_store.all_sets(self.ctx.store.conn)}
        days: dict[int, dict[date, int]] = {}
        rows = {}
        for report in reports:
            for t in report.tasks:
                rows[t.task.id] = t.task
                found = days.setdefault(t.task.id, {})
                for day, seconds in zip(report.days, t.day_seconds):
                    if seconds:
                        found[day] = found.get(day, 0) + seconds
        tasks = [TaskTime(row.name, days[tid], row.kind, set_names.get(row.skill_set_id), row.frequency)
                 for tid, row in rows.items()]
        return Comparison(before, after, self._today(), tuple(tasks), tuple(self.handovers()),
                          tuple(sorted(set_names.values(), key=str.casefold)), self._hourly_value(),
                          self.settings.get("currency"))

    def _hourly_value(self) -> Decimal | None:
        """What an hour of the owner's time is worth; None when not set (or unreadable)."""
        try:
            value = Decimal(str(self.settings.get("hourly_value") or "").strip())
        except InvalidOperation:
            return None
        return value if value.is_finite() and value >= 0 else None

    def report(self, fmt: str = "table", before: Period | None = None, after: Period | None = None) -> str:
        """The comparison as a table for the terminal, Markdown for a document, or JSON."""
        if fmt not in FORMATS:
            raise InvalidInput(f"A comparison's format is one of: {', '.join(FORMATS)}.")
        c = self.comparison(before, after)
        if fmt == "json":
            text = json.dumps(as_json(c), ensure_ascii=False, indent=2) + "\n"
            # A control character in a name (from an older version or another program) stays
            # data: escaped as JSON reads it, never sent raw to a terminal.
            return "".join(_json_escape(ch) if ch != "\n" and is_control(ch) else ch for ch in text)
        return build_markdown(c) if fmt == "markdown" else build_text(c)

    def write_report(self, path: str | Path, fmt: str = "markdown", before: Period | None = None,
                     after: Period | None = None, force: bool = False) -> Path:
        """Write the report to a new file readable by its owner only (0600); returns the full path.
        An existing file is replaced only with `force` (AlreadyExists otherwise)."""
        return self.files.write_text(path, self.report(fmt, before, after), force)
