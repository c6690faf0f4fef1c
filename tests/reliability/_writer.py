"""A child process for the fault tests: switches tasks (or adds entries) in a loop, saying each success.

    python _writer.py DB LABEL COUNT T0_NS [--reopen] [--add-every K --lane N]

Every line `ok ...` is printed only after the change was committed, so the parent can hold
the database to each of them after killing this process at any moment.
"""

from __future__ import annotations

import sys
import time
from datetime import datetime, timezone

from offload.domain.clock import Clock
from offload.domain.errors import OffloadError
from offload.service import Offload

BASE = 1_767_225_600  # 2026-01-01 00:00 UTC: the switches run from here
ADD_BASE = 31_536_000  # 1971-01-01 00:00 UTC: the missed entries, 1,000 lanes end before 2010
LANE = 10_000


class TickingClock(Clock):
    """Real time sped up a million times (a microsecond is a second), shared by every process
    started with the same T0: each switch, read under the write lock, is a later second."""

    def __init__(self, t0_ns: int) -> None:
        super().__init__("UTC")
        self.t0_ns = t0_ns

    def now(self) -> datetime:
        return datetime.fromtimestamp(BASE + (time.time_ns() - self.t0_ns) // 1000, tz=timezone.utc)


def main(argv: list[str]) -> int:
    db, label, count, t0 = argv[0], argv[1], int(argv[2]), int(argv[3])
    reopen = "--reopen" in argv
    add_every = int(argv[argv.index("--add-every") + 1]) if "--add-every" in argv else 0
    lane = int(argv[argv.index("--lane") + 1]) if "--lane" in argv else 0
    clock = TickingClock(t0)
    svc = None
    for i in range(count):
        if svc is None or reopen:
            if svc is not None:
                svc.close()
            svc = Offload.open(db, clock)
        try:
            if add_every and i % add_every == add_every - 1 and i < LANE:
                # Missed entries long before the switches (from 1971, a lane of minutes per
                # process, each entry its own minute): never overlapping anything.
                minute = 2 * (lane * LANE + i)
                stamp = datetime.fromtimestamp(ADD_BASE + minute * 60, tz=timezone.utc)
                end = datetime.fromtimestamp(ADD_BASE + minute * 60 + 60, tz=timezone.utc)
                lo, hi = stamp.strftime("%Y-%m-%d %H:%M"), end.strftime("%Y-%m-%d %H:%M")
                entry = svc.log.add(f"{label} add {i}", lo, hi)
                print(f"ok add {entry.task}|{entry.start_utc}|{entry.end_utc}", flush=True)
            else:
                entry = svc.log.start(f"{label} {i}")
                print(f"ok start {entry.task}|{entry.start_utc}|", flush=True)
        except OffloadError as exc:
            print(f"refused {i} {exc.message}", flush=True)
    if svc is not None:
        svc.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
