"""What an older Offload or a wrong clock left in the log, and its repair: entries whose
zone cannot be loaded (read in UTC until their zone is set) and entries in the future."""

from __future__ import annotations

from typing import NamedTuple

from offload.domain.errors import NotFound
from offload.domain.zones import check_zone, loads, resolve
from offload.service.context import Context
from offload.store import entries as entry_store
from offload.store.rows import EntryRow


class UnreadableZone(NamedTuple):
    """A stored zone that cannot be loaded, its entries, and the key it names if one is sure."""

    zone: str
    count: int
    first: list[EntryRow]  # the first few, to name them
    suggestion: str | None


class DoctorService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def unreadable_zones(self, only: set[str] | None = None) -> list[UnreadableZone]:
        """Every stored zone that cannot be loaded (or just those in `only`), with its entries."""
        conn = self.ctx.store.conn
        found = []
        for zone, count in entry_store.zone_counts(conn):
            if loads(zone) or (only is not None and zone not in only):
                continue
            self.ctx.unreadable_zones.add(zone)
            found.append(UnreadableZone(zone, count, entry_store.in_zone(conn, zone, 5), resolve(zone)))
        return found

    def future_entries(self) -> list[EntryRow]:
        """Entries that end (or start) after now: written while the clock was ahead."""
        return entry_store.after(self.ctx.store.conn, self.ctx.now_epoch())

    def set_zone(self, zone: str, only: str | None = None) -> tuple[str, int]:
        """Give the entries of every unreadable zone (or of `only`) the zone `zone`: the key
        it was read as, and how many entries changed."""
        key = resolve(zone) or check_zone(zone)
        with self.ctx.store.write() as conn:
            bad = [z for z, _ in entry_store.zone_counts(conn) if not loads(z)]
            if only is not None:
                if only not in bad:
                    raise NotFound(f"No entries are in an unreadable zone {only!r}.")
                bad = [only]
            changed = sum(entry_store.set_zone(conn, z, key) for z in bad)
        self.ctx.unreadable_zones.difference_update(bad)
        return key, changed

    def fix_zones(self) -> list[tuple[str, str, int]]:
        """Set each unreadable zone that names a key surely (`/usr/share/zoneinfo/Europe/Paris`)
        to that key: (old, new, entries) for each one set."""
        done = []
        for trouble in self.unreadable_zones():
            if trouble.suggestion is not None:
                key, changed = self.set_zone(trouble.suggestion, only=trouble.zone)
                done.append((trouble.zone, key, changed))
        return done

