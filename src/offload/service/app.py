"""`Offload`: one object holding the open database, the clock and every use case."""

from __future__ import annotations

from pathlib import Path

from offload.domain.clock import Clock
from offload.service.backups import BackupService
from offload.service.context import Context
from offload.service.demo import DemoService
from offload.service.interop import InteropService
from offload.service.grouping import GroupingService
from offload.service.log import LogService
from offload.service.report import ReportService
from offload.service.review import ReviewService
from offload.service.settings import SettingsService
from offload.store.db import Store, open_store


class Offload:
    """The service facade. `Offload.open(path, clock)`; then `.log`, `.settings` ..."""

    def __init__(self, store: Store, clock: Clock | None = None) -> None:
        self.ctx = Context(store, clock or Clock())
        self.settings = SettingsService(self.ctx)
        self.log = LogService(self.ctx)
        self.review = ReviewService(self.ctx)
        self.demo = DemoService(self.ctx)
        self.report = ReportService(self.ctx)
        self.interop = InteropService(self.ctx)
        self.grouping = GroupingService(self.ctx)
        self.backups = BackupService(self.ctx)
        store.backup_clock = self.ctx.now  # a daily copy before the day's first change

    @classmethod
    def open(cls, path: Path | str | None = None, clock: Clock | None = None) -> "Offload":
        return cls(open_store(path), clock)

    @property
    def path(self) -> Path:
        return self.ctx.store.path

    @property
    def clock(self) -> Clock:
        return self.ctx.clock

    def close(self) -> None:
        self.ctx.store.close()
