"""What every use case shares: the open store and the clock."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Callable

from offload.domain.clock import Clock
from offload.domain.zones import reading_zone
from offload.store.db import Store


class Context:
    # A plain class, not a dataclass: `offload status` passes here and dataclasses costs it ~8 ms.
    def __init__(self, store: Store, clock: Clock) -> None:
        self.store = store
        self.clock = clock
        # Zones found on stored entries that cannot be loaded (written by an older Offload):
        # their entries are read in UTC, and the CLI and the app say so once.
        self.unreadable_zones: set[str] = set()
        self.warnings: list[str] = []  # said to no one yet
        self._listener: Callable[[str], None] | None = None

    def warn(self, message: str) -> None:
        """Something the user must hear though their change succeeded (a backup that failed)."""
        if self._listener is None:
            self.warnings.append(message)
        else:
            self._listener(message)

    def listen(self, listener: Callable[[str], None] | None) -> None:
        """Where warnings go (stderr for a command, a notification in the app); held ones first."""
        self._listener = listener
        held, self.warnings = self.warnings, []
        for message in held:
            self.warn(message)

    def now_epoch(self) -> int:
        return int(self.clock.now().timestamp())

    def now(self) -> datetime:
        return self.clock.now()

    @property
    def zone(self) -> str:
        return self.clock.zone

    def read_zone(self, key: str) -> str:
        """The zone to read a stored entry in: its own, or UTC (noted) when its own cannot be loaded."""
        found = reading_zone(key)
        if found != key:
            self.unreadable_zones.add(key)
        return found


def epoch_to_utc(epoch: int) -> datetime:
    return datetime.fromtimestamp(epoch, tz=timezone.utc)
