"""Writing the demo week: into a fresh file for `offload demo --db`, or a temp file for `--demo`."""

from __future__ import annotations

from pathlib import Path

from offload.domain.clock import Clock
from offload.domain.demo import DemoWeek, demo_week
from offload.domain.errors import Conflict
from offload.service.context import Context
from offload.store import demo as demo_store
from offload.store import entries as entry_store
from offload.store import settings as settings_store
from offload.store import tasks as task_store


class DemoService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def fill(self) -> DemoWeek:
        """Write the demo week into this (empty) database, in one transaction."""
        from offload.domain.settings import check_setting
        from offload.service.settings import SettingsService

        week = demo_week(self.ctx.now(), self.ctx.zone, SettingsService(self.ctx).week_start_day)
        now = self.ctx.now_epoch()
        with self.ctx.store.write() as conn:
            if not demo_store.is_empty(conn):
                raise Conflict(f"{self.ctx.store.path} already holds a log; the demo goes only into a new file.")
            sets = {
                s.name: demo_store.insert_skill_set(
                    conn, s.name, now, **{f: getattr(s, f) for f in demo_store.SKILL_SET_FIELDS}
                )
                for s in week.skill_sets
            }
            for task in week.tasks:
                task_id = task_store.get_or_create(conn, task.name, now)
                demo_store.set_task_marks(conn, task_id, task.highlighted, task.feeling, task.kind,
                                          sets.get(task.skill_set) if task.skill_set else None)
            for e in week.entries:
                task_id = task_store.get_or_create(conn, e.task, now)
                entry_store.insert(conn, task_id, int(e.start.timestamp()),
                                   int(e.end.timestamp()) if e.end else None, self.ctx.zone, e.note)
            for key, value in week.settings.items():
                settings_store.put(conn, key, check_setting(key, value))
        return week


def create_demo(path: Path | str, clock: Clock | None = None):
    """A new database file holding the demo week; refuses a path that already exists."""
    from offload.service.app import Offload

    path = Path(path)
    if path.exists():
        raise Conflict(f"{path} already exists; the demo is written only into a new file, so nothing was changed.")
    svc = Offload.open(path, clock)
    try:
        DemoService(svc.ctx).fill()
    except BaseException:
        svc.close()
        raise
    return svc
