"""One audit from review to brief: the period it covers (chosen once, saved: period.py), and the
two documents written from it, the brief for the provider and the plan for the owner."""

from __future__ import annotations

from pathlib import Path

from offload.domain.audit import Audit, AuditSet
from offload.domain.brief import build_brief
from offload.domain.catalogue import catalogue_set
from offload.domain.plan import build_plan
from offload.domain.weeks import Period
from offload.service.context import Context
from offload.service.files import FileService
from offload.service.period import PeriodService
from offload.service.settings import SettingsService
from offload.service.skill_sets import SkillSetService, figures
from offload.service.timeline import TimelineService


class AuditService:
    def __init__(self, ctx: Context, period: PeriodService, sets: SkillSetService, timeline: TimelineService,
                 settings: SettingsService, files: FileService) -> None:
        self.ctx = ctx
        self._period = period
        self.sets = sets
        self.timeline = timeline
        self.settings = settings
        self.files = files

    # --- the period (period.py) ------------------------------------------------------------
    def saved_period(self) -> Period | None:
        """The period the owner chose, under today's week-start setting; None if none was (or
        if the one stored cannot be used: unreadable, or after this week, typed by hand)."""
        return self._period.saved_period()

    def default_period(self) -> Period:
        """This week if it has entries, else the most recent week that has."""
        return self._period.default_period()

    def period(self) -> Period:
        """The audit period the Review, the Grouping, the brief and the plan all use."""
        return self._period.period()

    def choose(self, period: Period) -> Period:
        """Save the period (aligned to the week start); one that starts after this week is refused."""
        return self._period.choose(period)

    def forget(self) -> Period:
        """Back to the default period (none chosen)."""
        return self._period.forget()

    # --- the audit -----------------------------------------------------------------------
    def audit(self, period: Period | None = None) -> Audit:
        """Every figure the brief and the plan are written from, over the period."""
        period = period or self.period()
        view = self.sets.view(period)
        breaks, core_logged = self.timeline.broken_up(
            period, {s.name: [t.task.id for t in s.tasks] for s in view.sets})
        sets = []
        for s in view.sets:
            known = catalogue_set(s.name)
            sets.append(AuditSet(s.name, s.row.description, s.row.rate, dict(s.row.fields),
                                 tuple(t.figures for t in s.tasks), dict(known.examples) if known else {},
                                 breaks.get(s.name, 0)))
        candidates = [figures(view.report, t.task, t, []) for t in view.report.tasks if t.candidate]
        value = self.settings.get("hourly_value")
        return Audit(period, tuple(sets), tuple(t.figures for t in view.ungrouped), tuple(candidates),
                     view.report.total_seconds, float(value) if value else None, self.settings.get("currency"),
                     core_logged)

    def brief(self, set_name: str | None = None, period: Period | None = None) -> str:
        """The brief for the provider, for one set or all: no rates, no budget."""
        audit = self.audit(period)
        sets = None
        if set_name is not None:
            row = self.sets.get(set_name)
            sets = [s for s in audit.sets if s.name == row.name]
        return build_brief(audit, sets)

    def plan(self, period: Period | None = None) -> str:
        """The plan for the owner: cost against the value of their time, the return, what is left."""
        return build_plan(self.audit(period))

    def default_plan_name(self, period: Period | None = None) -> str:
        return f"plan-{(period or self.period()).start.isoformat()}.md"

    def write_plan(self, path: str | Path, period: Period | None = None, force: bool = False) -> Path:
        """Write the plan to a new file readable by its owner only (0600); returns the full path.
        An existing file is replaced only with `force` (AlreadyExists otherwise)."""
        return self.files.write_text(path, self.plan(period), force)
