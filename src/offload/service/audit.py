"""One audit from review to brief: the period it covers (chosen once, saved), and the two
documents written from it, the brief for the provider and the plan for the owner."""

from __future__ import annotations

from pathlib import Path

from offload.domain.audit import Audit, AuditSet, AuditTask, aligned, default_period, format_period, parse_period
from offload.domain.errors import InvalidInput
from offload.domain.weeks import Period
from offload.service.context import Context

PERIOD_KEY = "audit_period"


class AuditService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    @property
    def _review(self):
        from offload.service.review import ReviewService

        return ReviewService(self.ctx)

    @property
    def _settings(self):
        from offload.service.settings import SettingsService

        return SettingsService(self.ctx)

    # --- the period ----------------------------------------------------------------------
    def saved_period(self) -> Period | None:
        """The period the owner chose, under today's week-start setting; None if none was (or
        if the one stored cannot be used: unreadable, or after this week, typed by hand)."""
        try:
            period = parse_period(self._settings.get(PERIOD_KEY))
        except InvalidInput:
            return None
        if period is None:
            return None
        review = self._review
        period = aligned(period, review.week_start_day())
        return None if period.last_week_start > review.this_week().start else period

    def default_period(self) -> Period:
        """This week if it has entries, else the most recent week that has."""
        from offload.domain.weeks import local_date
        from offload.service.context import epoch_to_utc
        from offload.store import history

        review = self._review
        this_week = review.this_week()
        if review.week(this_week).tasks:
            return this_week
        last = history.last_start(self.ctx.store.conn, self.ctx.now_epoch())
        day = local_date(epoch_to_utc(last[0]), self.ctx.zone) if last else None
        return default_period(this_week, False, day, review.week_start_day())

    def period(self) -> Period:
        """The audit period the Review, the Grouping, the brief and the plan all use."""
        return self.saved_period() or self.default_period()

    def choose(self, period: Period) -> Period:
        """Save the period (aligned to the week start); one that starts after this week is refused."""
        from offload.domain.weeks import MAX_WEEKS

        period = aligned(Period(period.start, period.weeks), self._review.week_start_day())
        if not 1 <= period.weeks <= MAX_WEEKS:
            raise InvalidInput(f"An audit period is 1 to {MAX_WEEKS} weeks long, not {period.weeks}.")
        if period.last_week_start > self._review.this_week().start:
            raise InvalidInput("That week has not happened yet.")
        self._settings.set(PERIOD_KEY, format_period(period))
        return period

    def forget(self) -> Period:
        """Back to the default period (none chosen)."""
        self._settings.set(PERIOD_KEY, "")
        return self.period()

    # --- the audit -----------------------------------------------------------------------
    def audit(self, period: Period | None = None) -> Audit:
        """Every figure the brief and the plan are written from, over the period."""
        from offload.domain.catalogue import catalogue_set
        from offload.service.grouping import GroupingService

        from offload.service.timeline import TimelineService

        period = period or self.period()
        view = GroupingService(self.ctx).view(period)
        breaks, core_logged = TimelineService(self.ctx).broken_up(
            period, {s.name: [t.task.id for t in s.tasks] for s in view.sets})
        sets = []
        for s in view.sets:
            known = catalogue_set(s.name)
            sets.append(AuditSet(s.name, s.row.description, s.row.rate, dict(s.row.fields),
                                 tuple(t.figures for t in s.tasks), dict(known.examples) if known else {},
                                 breaks.get(s.name, 0)))
        candidates = [figures(view.report, t.task, t, []) for t in view.report.tasks if t.candidate]
        value = self._settings.get("hourly_value")
        return Audit(period, tuple(sets), tuple(t.figures for t in view.ungrouped), tuple(candidates),
                     view.report.total_seconds, float(value) if value else None, self._settings.get("currency"),
                     core_logged)

    def brief(self, set_name: str | None = None, period: Period | None = None) -> str:
        """The brief for the provider, for one set or all: no rates, no budget."""
        from offload.domain.brief import build_brief
        from offload.service.grouping import GroupingService

        audit = self.audit(period)
        sets = None
        if set_name is not None:
            row = GroupingService(self.ctx).get(set_name)
            sets = [s for s in audit.sets if s.name == row.name]
        return build_brief(audit, sets)

    def plan(self, period: Period | None = None) -> str:
        """The plan for the owner: cost against the value of their time, the return, what is left."""
        from offload.domain.plan import build_plan

        return build_plan(self.audit(period))

    def default_plan_name(self, period: Period | None = None) -> str:
        return f"plan-{(period or self.period()).start.isoformat()}.md"

    def write_plan(self, path: str | Path, period: Period | None = None, force: bool = False) -> Path:
        """Write the plan to a new file readable by its owner only (0600); returns the full path.
        An existing file is replaced only with `force` (AlreadyExists otherwise)."""
        from offload.service.files import FileService

        return FileService(self.ctx).write_text(path, self.plan(period), force)


def figures(report, row, week_task, notes: list[str]) -> AuditTask:
    """A task's figures over the period: from its row (marks, frequency) and its time there."""
    if week_task is None:
        return AuditTask(row.name, weeks=report.weeks, frequency=row.frequency, highlighted=row.highlighted,
                         feeling=row.feeling, kind=row.kind, notes=tuple(notes))
    return AuditTask(row.name, week_task.seconds, report.weeks, report.days_logged(week_task), week_task.sessions,
                     row.frequency, tuple(notes), row.highlighted, row.feeling, row.kind)
