"""`Offload`: one object holding the open database, the clock and every use case."""

from __future__ import annotations

import importlib
from functools import partial
from pathlib import Path

from offload.domain.clock import Clock
from offload.service.context import Context
from offload.service.daily import DailyBackup
from offload.store.db import DatabaseError, Store, open_store  # noqa: F401  (DatabaseError: for callers)


class _UseCase:
    """A use case made on first use, so `offload status` imports only what it touches
    (importing every service cost it ~60 ms, several times the interpreter's start).

    It is given its siblings from this facade, by name: `needs` made first and handed in,
    `later` handed in as a function that makes (or finds) the sibling when it is first asked."""

    def __init__(self, module: str, name: str, needs: tuple[str, ...] = (), later: tuple[str, ...] = ()) -> None:
        self.module, self.name, self.needs, self.later = module, name, needs, later

    def __set_name__(self, owner: type, attr: str) -> None:
        self.attr = attr

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        made = getattr(importlib.import_module(self.module), self.name)
        siblings = [getattr(obj, need) for need in self.needs]
        siblings += [partial(getattr, obj, sibling) for sibling in self.later]
        value = made(obj.ctx, *siblings)
        obj.__dict__[self.attr] = value  # later reads skip this descriptor
        return value


class Offload:
    """The service facade. `Offload.open(path, clock)`; then `.log`, `.settings` ...

    Each service is made here with the siblings it uses, lowest first; none makes another."""

    settings = _UseCase("offload.service.settings", "SettingsService")
    files = _UseCase("offload.service.files", "FileService")
    backups = _UseCase("offload.service.backups", "BackupService")
    doctor = _UseCase("offload.service.doctor", "DoctorService")
    tasks = _UseCase("offload.service.tasks", "TaskService")
    interop = _UseCase("offload.service.interop", "InteropService")
    days = _UseCase("offload.service.days", "DayService")
    review = _UseCase("offload.service.review", "ReviewService", ("settings", "days"))
    # The Log's siblings come later: `offload status` makes the Log and must not import the Review.
    log = _UseCase("offload.service.log", "LogService", later=("days", "review", "settings"))
    report = _UseCase("offload.service.report", "ReportService", ("review",))
    timeline = _UseCase("offload.service.timeline", "TimelineService", ("report",))
    period = _UseCase("offload.service.period", "PeriodService", ("review", "settings"))
    skill_sets = _UseCase("offload.service.skill_sets", "SkillSetService", ("review", "period"))
    audit = _UseCase("offload.service.audit", "AuditService",
                     ("period", "skill_sets", "timeline", "settings", "files"))
    grouping = _UseCase("offload.service.grouping", "GroupingService", ("skill_sets", "period", "audit", "files"))
    compare = _UseCase("offload.service.compare", "CompareService",
                       ("review", "settings", "skill_sets", "period", "files"))
    demo = _UseCase("offload.service.demo", "DemoService", ("settings", "grouping", "compare"))

    def __init__(self, store: Store, clock: Clock | None = None) -> None:
        self.ctx = Context(store, clock or Clock())
        store.before_write = DailyBackup(self.ctx)  # a daily copy before the day's first change

    def on_warning(self, listener) -> None:
        """Hear what went wrong beside a change that still succeeded (e.g. a failed daily backup)."""
        self.ctx.listen(listener)

    @classmethod
    def open(cls, path: Path | str | None = None, clock: Clock | None = None, create: bool = True) -> "Offload":
        """The database at `path` (default: OFFLOAD_DB or the user data folder). Without
        `create`, a missing file raises NoDatabase instead of being made (reading commands)."""
        return cls(open_store(path, create=create), clock)

    def reopen(self) -> "Offload":
        """Another service on the same file and clock with a connection of its own, for another
        thread (an SQLite connection is never used by two threads at once)."""
        return Offload(open_store(self.path, migrate=False, create=False), self.ctx.clock)

    def data_version(self) -> int:
        """Changes when another connection (another process) commits: a cheap look for outside changes."""
        return self.ctx.store.data_version()

    def now_epoch(self) -> int:
        """Now, from the service's clock, in epoch seconds."""
        return self.ctx.now_epoch()

    def read_zone(self, key: str) -> str:
        """The zone to show a stored entry in: its own, or UTC (noted) when its own cannot be loaded."""
        return self.ctx.read_zone(key)

    @property
    def unreadable_zones_seen(self) -> set[str]:
        """Stored zones read in UTC so far because they cannot be loaded (said once, then fixed by doctor)."""
        return set(self.ctx.unreadable_zones)

    @property
    def path(self) -> Path:
        return self.ctx.store.path

    @property
    def clock(self) -> Clock:
        return self.ctx.clock

    def close(self) -> None:
        self.ctx.store.close()
