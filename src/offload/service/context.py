"""What every use case shares: the open store and the clock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from offload.domain.clock import Clock
from offload.store.db import Store


@dataclass
class Context:
    store: Store
    clock: Clock

    def now_epoch(self) -> int:
        return int(self.clock.now().timestamp())

    def now(self) -> datetime:
        return self.clock.now()

    @property
    def zone(self) -> str:
        return self.clock.zone


def epoch_to_utc(epoch: int) -> datetime:
    return datetime.fromtimestamp(epoch, tz=timezone.utc)
