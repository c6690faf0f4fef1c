"""What every use case shares: the open store and the clock."""

from __future__ import annotations

from datetime import datetime, timezone

from offload.domain.clock import Clock
from offload.store.db import Store


class Context:
    # A plain class, not a dataclass: `offload status` passes here and dataclasses costs it ~8 ms.
    def __init__(self, store: Store, clock: Clock) -> None:
        self.store = store
        self.clock = clock
        # Zones found on stored entries that cannot be loaded (written by an older Offload):
        # their entries are read in UTC, and the CLI and the app say so once.
        self.unreadable_zones: set[str] = set()

    def now_epoch(self) -> int:
        return int(self.clock.now().timestamp())

    def now(self) -> datetime:
        return self.clock.now()

    @property
    def zone(self) -> str:
        return self.clock.zone

    def read_zone(self, key: str) -> str:
        """The zone to read a stored entry in: its own, or UTC (noted) when its own cannot be loaded."""
        from offload.domain.zones import reading_zone

        found = reading_zone(key)
        if found != key:
            self.unreadable_zones.add(key)
        return found


def epoch_to_utc(epoch: int) -> datetime:
    return datetime.fromtimestamp(epoch, tz=timezone.utc)
