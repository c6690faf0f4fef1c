"""Writing the demo week: into a fresh file for `offload demo --db`, or a temp file for `--demo`."""

from __future__ import annotations

from pathlib import Path

from offload.domain.audit import format_period
from offload.domain.clock import Clock
from offload.domain.demo import DemoWeek, demo_week
from offload.domain.errors import Conflict
from offload.domain.settings import check_setting
from offload.domain.weeks import Period
from offload.service.app import Offload
from offload.service.compare import CompareService
from offload.service.context import Context
from offload.service.grouping import GroupingService
from offload.service.period import PERIOD_KEY
from offload.service.settings import SettingsService
from offload.store import entries as entry_store
from offload.store import review as review_store
from offload.store import settings as settings_store
from offload.store import tasks as task_store


class DemoService:
    def __init__(self, ctx: Context, settings: SettingsService, grouping: GroupingService,
                 compare: CompareService) -> None:
        self.ctx = ctx
        self.settings = settings
        self.grouping = grouping
        self.compare = compare

    def fill(self) -> DemoWeek:
        """Write the demo week into this (empty) database: the log, the marks, the skill sets, then
        the two handed over."""
        week = demo_week(self.ctx.now(), self.ctx.zone, self.settings.week_start_day)
        now = self.ctx.now_epoch()
        with self.ctx.store.write() as conn:
            if entry_store.count(conn) or task_store.names_for_autocomplete(conn, 1):
                raise Conflict(f"{self.ctx.store.path} already holds a log; the demo goes only into a new file.")
            for task in week.tasks:
                task_id = task_store.get_or_create(conn, task.name, now)
                review_store.set_highlight(conn, task_id, task.highlighted)
                review_store.set_feeling(conn, task_id, task.feeling)
                review_store.set_kind(conn, task_id, task.kind)
                review_store.set_frequency(conn, task_id, task.frequency)
            for e in week.entries:
                task_id = task_store.get_or_create(conn, e.task, now)
                entry_store.insert(conn, task_id, int(e.start.timestamp()),
                                   int(e.end.timestamp()) if e.end else None, self.ctx.zone, e.note)
            for key, value in week.settings.items():
                settings_store.put(conn, key, check_setting(key, value))
            if week.audit_start is not None:
                settings_store.put(conn, PERIOD_KEY, format_period(Period(week.audit_start)))
        grouping = self.grouping
        for s in week.skill_sets:
            grouping.create(s.name, s.description)
            grouping.update(s.name, rate=s.rate, inputs=s.inputs, outputs=s.outputs, quality=s.quality,
                            quantity=s.quantity, speed=s.speed, success=s.success, data_rules=s.data_rules,
                            contact=s.contact)
        for task in week.tasks:
            if task.skill_set:
                grouping.assign(task.name, task.skill_set)
        for h, since in week.handovers:
            self.compare.hand_over(h.skill_set, since, h.cost, h.hours)
        return week


def create_demo(path: Path | str, clock: Clock | None = None):
    """A new database file holding the demo week; refuses a path that already exists."""
    path = Path(path)
    if path.exists():
        raise Conflict(f"{path} already exists; the demo is written only into a new file, so nothing was changed.")
    svc = Offload.open(path, clock)
    try:
        svc.demo.fill()
    except BaseException:
        svc.close()
        for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            leftover.unlink(missing_ok=True)
        raise
    return svc
