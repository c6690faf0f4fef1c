"""The clock and the service a command works on, and the warnings said about them after it."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import datetime

from offload.cli.output import shown
from offload.domain.clock import Clock, FrozenClock
from offload.domain.errors import OffloadError
from offload.domain.zones import from_environment

_OPENED: list = []  # the services a command opened, for the warnings said after it


def make_clock():
    """Real time, unless OFFLOAD_NOW (ISO 8601, e.g. 2026-11-20T10:00:00Z) freezes it, for tests
    and demos; OFFLOAD_TZ names the zone (default: this machine's)."""
    zone = from_environment(os.environ)  # refused here, with a message, before anything is stored
    frozen = os.environ.get("OFFLOAD_NOW")
    if not frozen:
        return Clock(zone)
    try:
        at = datetime.fromisoformat(frozen.strip())
    except ValueError:
        raise OffloadError(f"OFFLOAD_NOW='{frozen}' is not an ISO 8601 time like 2026-11-20T10:00:00Z.") from None
    if at.tzinfo is None:
        raise OffloadError(f"OFFLOAD_NOW='{frozen}' needs an offset or Z, e.g. 2026-11-20T10:00:00Z.")
    return FrozenClock(at, zone)


def open_service(args: argparse.Namespace, reading: bool = False):
    """The service on the chosen database; a reading command (`reading`) never creates one."""
    # Imported here, not above: `offload --version` loads no database code (sqlite3 and the store).
    from offload.service import Offload

    svc = Offload.open(args.db, make_clock(), create=not reading)
    _OPENED.append(svc)
    # A failure beside a change that still succeeded (a daily backup not made): said on stderr.
    svc.on_warning(lambda message: print(f"offload: {shown(message)}", file=sys.stderr))
    return svc


def forget_opened() -> None:
    """A new command line: the services of the last one (an earlier call in the same process) are not its own."""
    _OPENED.clear()


def warn_unreadable_zones() -> None:
    """Once per command: entries read in UTC because their stored zone cannot be loaded."""
    for svc in _OPENED:
        zones = set(svc.unreadable_zones_seen)
        if not zones:
            continue
        for t in svc.doctor.unreadable_zones(only=zones):
            ids = ", ".join(str(e.id) for e in t.first) + (", ..." if t.count > len(t.first) else "")
            which = f"entry {ids} is" if t.count == 1 else f"{t.count} entries ({ids}) are"
            print(f"offload: warning: {which} in the zone {t.zone!r}, which cannot be read; shown in UTC "
                  f"until `offload doctor` sets their zone.", file=sys.stderr)
