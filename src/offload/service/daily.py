"""The daily backup, taken before the day's first change: a failure is said once, the change still made."""

from __future__ import annotations

from offload.domain.errors import StorageError
from offload.service.context import Context
from offload.store import backups


class DailyBackup:
    """Installed as the store's `before_write`: checks the file and copies it once a day.

    A damaged file refuses the change (it must not be written to, nor push good copies out);
    a copy that cannot be made (a file named `backups`, no room, a read-only folder) is said
    once a day through `Context.warn` and the change goes ahead.
    """

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self._done_day: str | None = None

    def __call__(self) -> None:
        now = self.ctx.now()
        day = now.strftime("%Y%m%d")
        if self._done_day == day:
            return
        store = self.ctx.store
        try:
            backups.take_daily(store.conn, store.path, now, store.reader)
        except backups.BackupFailed as exc:
            self._done_day = day  # said once; the next try is tomorrow
            self.ctx.warn(f"Today's backup was not made: {exc.message} Your change is saved.")
            return
        except StorageError:
            raise  # damaged: refuse this change and the next ones, until restored
        self._done_day = day
