"""The one source of "now" and of the user's time zone, injectable so tests freeze time.

Only the standard library here: `offload status` reads the clock and must start fast.
"""

from __future__ import annotations

import os
from datetime import datetime, timedelta, timezone
from offload.domain.zones import check_zone, from_environment


class Clock:
    """Real time. `now()` is always UTC-aware; `zone` is where the user is."""

    def __init__(self, zone: str | None = None) -> None:
        # Resolved once, when the clock is made at start-up; later reads use the key.
        self.zone = zone or from_environment(os.environ)

    @property
    def zone(self) -> str:
        return self._zone

    @zone.setter
    def zone(self, key: str) -> None:
        # Every entry is stored with this zone: one that cannot be loaded never gets that far.
        self._zone = check_zone(key)

    def now(self) -> datetime:
        return datetime.now(timezone.utc).replace(microsecond=0)


class FrozenClock(Clock):
    """A clock that only moves when told to: for tests, demos and screenshots."""

    def __init__(self, at: datetime, zone: str = "UTC") -> None:
        super().__init__(zone)
        if at.tzinfo is None:
            raise ValueError("FrozenClock needs an aware datetime")
        self._now = at.astimezone(timezone.utc)

    def now(self) -> datetime:
        return self._now

    def advance(self, seconds: float = 0, **kwargs: float) -> None:
        self._now = self._now + timedelta(seconds=seconds, **kwargs)

    def set(self, at: datetime) -> None:
        self._now = at.astimezone(timezone.utc)


class ShiftedClock(Clock):
    """Real time moving on from a chosen instant: the demo's timer runs live inside its made-up week."""

    def __init__(self, at: datetime, zone: str = "UTC") -> None:
        super().__init__(zone)
        self._offset = at.astimezone(timezone.utc) - datetime.now(timezone.utc)

    def now(self) -> datetime:
        return (datetime.now(timezone.utc) + self._offset).replace(microsecond=0)
