"""How long the week at a glance takes to be ready, at 100,000 entries.

    python bench/timeline.py [--size 100000] [--repeat 10] [--data-dir bench/data]

On the benchmark's generated log (bench/generate.py, cached in bench/data/ like run.py's),
in one process, warm (the first run not counted), each step timed apart and together:

- read: the period's entries and tasks from the database, cut at local midnights (service);
- lay out: the grid for the widget's width (domain);
- draw: the widget shown and every line of it rendered, at 120x36, headless.

"Ready" is the three added up, for the last full week of the log and for a 13-week audit
period (the longest there is), against the screen-switch target of 100 ms. A stress line
puts 100,000 entries inside one 13-week period (one every 79 s, day and night), which no
log holds, to show how the view degrades rather than what a user waits for.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from datetime import datetime, time as clock_time, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import generate  # noqa: E402

TARGET = 0.100
SIZE = (120, 36)


def log_db(size: int, data_dir: Path) -> Path:
    from offload.store.schema import CURRENT_VERSION

    end = generate.history_end(generate.HOME_ZONE)
    db = data_dir / f"log-{size}-{end.isoformat()}-g{generate.GENERATOR_VERSION}-s{CURRENT_VERSION}.db"
    if not db.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        tmp = db.with_suffix(".tmp")
        tmp.unlink(missing_ok=True)
        generate.write_offload(tmp, generate.make_log(size, end))
        tmp.rename(db)
    return db


def stress(period, now: int):
    """100,000 entries filling one period end to end, in the log's zone."""
    from offload.domain.day_clock import missing_spans
    from offload.domain.timeline import cut
    from offload.service.timeline import TimelineData
    from offload.store.rows import EntryRow, TaskRow

    zone = generate.HOME_ZONE
    lo = int(datetime.combine(period.start, clock_time(), ZoneInfo(zone)).timestamp())
    n = 100_000
    step = (7 * period.weeks * 86400) // n
    entries = [EntryRow(i, i % 40, f"Task {i % 40}", lo + i * step, lo + (i + 1) * step, zone, "")
               for i in range(n)]
    kinds = ("core", "support", "")
    tasks = {t: TaskRow(t, f"Task {t}", highlighted=t % 7 == 0, kind=kinds[t % 3]) for t in range(40)}

    def read():
        data = TimelineData(period, entries, tasks, [], missing_spans(period.days, zone), zone, now)
        data.pieces = cut(entries, period.days, now)
        return data

    return read


async def measure(reads: dict, repeat: int) -> dict[str, dict[str, list[float]]]:
    from textual.app import App

    from offload.tui.widgets.timeline import CHROME, Timeline

    class Probe(App):
        def compose(self):
            yield Timeline()

    out: dict[str, dict[str, list[float]]] = {}
    app = Probe()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        widget = app.query_one(Timeline)
        for name, read in reads.items():
            times = out[name] = {"read": [], "lay out": [], "draw": [], "ready": [], "entries": []}
            for i in range(repeat + 1):
                t0 = time.perf_counter()
                data = read()
                t1 = time.perf_counter()
                data.grid(widget.content_size.width - CHROME)
                t2 = time.perf_counter()
                widget.data = None  # a new period each time: no cached layout
                widget.show(data)
                for y in range(widget.size.height):
                    widget.render_line(y)
                t3 = time.perf_counter()
                if i == 0:
                    continue  # warm-up
                times["read"].append(t1 - t0)
                times["lay out"].append(t2 - t1)
                times["draw"].append(t3 - t2)  # show() finds the layout made for its width
                times["ready"].append(t3 - t0)
                times["entries"].append(len(data.entries))
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--size", type=int, default=100_000)
    p.add_argument("--repeat", type=int, default=10)
    p.add_argument("--data-dir", type=Path, default=BENCH / "data")
    args = p.parse_args(argv)

    from offload.domain.clock import FrozenClock
    from offload.domain.weeks import Period, week_of
    from offload.service import Offload

    db = log_db(args.size, args.data_dir)
    end = generate.history_end(generate.HOME_ZONE)
    now = datetime.combine(end + timedelta(days=2), clock_time(12), ZoneInfo(generate.HOME_ZONE))
    svc = Offload.open(db, FrozenClock(now.astimezone(timezone.utc), generate.HOME_ZONE), create=False)
    last_week = week_of(end - timedelta(days=7))
    quarter = Period(last_week.start - timedelta(days=7 * 12), 13)
    reads = {
        "last full week": lambda: svc.timeline.timeline(last_week),
        "13-week audit period": lambda: svc.timeline.timeline(quarter),
        "stress: 100,000 entries in 13 weeks": stress(quarter, int(now.timestamp())),
    }
    try:
        result = asyncio.run(measure(reads, args.repeat))
    finally:
        svc.close()
    print(f"Timeline at {args.size:,} entries in the log, {SIZE[0]}x{SIZE[1]}, median of {args.repeat} "
          f"(ms; target: ready <= {TARGET * 1000:.0f} ms)")
    print(f"{'view':<38} {'entries':>8} {'read':>7} {'lay out':>8} {'draw':>7} {'ready':>7}  target")
    for name, times in result.items():
        med = {k: statistics.median(v) for k, v in times.items()}
        ok = "met" if med["ready"] <= TARGET else "MISSED"
        if name.startswith("stress"):
            ok = "(no target)"
        print(f"{name:<38} {int(med['entries']):>8,} {med['read'] * 1000:>7.1f} {med['lay out'] * 1000:>8.1f} "
              f"{med['draw'] * 1000:>7.1f} {med['ready'] * 1000:>7.1f}  {ok}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
