"""A local day of the log: its entries and the unlogged holes between them (see domain/gaps.py).

Below the Log and the Review, which both read days: the Log lists a day and its gaps, the
Review counts each day's unlogged time."""

from __future__ import annotations

from datetime import date, timedelta

from offload.domain.gaps import Gap, gaps, unlogged_seconds
from offload.domain.weeks import day_start_epoch, local_date
from offload.service.context import Context
from offload.store import entries as entry_store
from offload.store.rows import EntryRow


class DayService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def today_date(self) -> date:
        return local_date(self.ctx.now(), self.ctx.zone)

    def day(self, day: date | None = None) -> list[EntryRow]:
        """A local day's entries (default today), newest first; one over midnight is on both
        days, the running one included."""
        lo, hi = self._day_bounds(day)
        rows = entry_store.between(self.ctx.store.conn, lo, hi, self.ctx.now_epoch())
        return list(reversed(rows))

    def gaps(self, day: date | None = None) -> list[Gap]:
        """The unlogged stretches of a local day (default today), earliest first."""
        lo, hi = self._day_bounds(day)
        return gaps(self._spans(lo, hi), lo, hi)

    def unlogged(self, days: list[date]) -> list[int]:
        """Each local day's unlogged seconds (holes between its first and last entry)."""
        if not days:
            return []
        first, *_ = self._day_bounds(days[0])
        _, last = self._day_bounds(days[-1])
        spans = self._spans(first, last)
        out = []
        for d in days:
            lo, hi = self._day_bounds(d)
            out.append(unlogged_seconds(spans, lo, hi))
        return out

    def _day_bounds(self, day: date | None) -> tuple[int, int]:
        day = day or self.today_date()
        return day_start_epoch(day, self.ctx.zone), day_start_epoch(day + timedelta(days=1), self.ctx.zone)

    def _spans(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """(start, end) of the entries with time in [lo, hi); a running one up to now."""
        now = self.ctx.now_epoch()
        return [(e.start_utc, max(e.start_utc, e.end_utc if e.end_utc is not None else now))
                for e in entry_store.between(self.ctx.store.conn, lo, hi, now)]
