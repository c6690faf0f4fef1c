"""One headless TUI measurement in its own process, driven by bench/run.py.

Each run is a fresh process, so the start-up cost and the peak memory (ru_maxrss,
read by the parent) are those of one app. Prints one JSON line with the timings.

    python bench/tui_probe.py minimal                 # the baseline app
    python bench/tui_probe.py offload DB              # Log ready, Review, previous week, Grouping
    python bench/tui_probe.py idle-offload DB SECONDS # CPU while idle with a timer running
    python bench/tui_probe.py idle-minimal - SECONDS

`--t0 EPOCH` (time.time() taken by the parent just before it spawned us) makes the
"ready" time include interpreter start and imports, as a user would feel it.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import sys
import time
from pathlib import Path

SIZE = (120, 36)
LOOK = 1.0  # seconds the user looks at the Log before the first key


def cpu_seconds() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def minimal_app():
    """The baseline: Header, Footer and a 20-row DataTable, nothing else."""
    from textual.app import App
    from textual.widgets import DataTable, Footer, Header

    class Minimal(App):
        def compose(self):
            yield Header()
            yield DataTable(id="table")
            yield Footer()

        def on_mount(self) -> None:
            table = self.query_one(DataTable)
            table.add_columns("Start", "End", "Duration", "Task", "Note")
            for i in range(20):
                table.add_row(f"{8 + i // 4:02d}:{(i % 4) * 15:02d}", "", "15m", f"Task {i}", "")
            self.set_interval(1.0, self.tick)

        def tick(self) -> None:
            self.sub_title = time.strftime("%H:%M:%S")

    return Minimal()


def offload_app(db: str):
    from offload.service import Offload
    from offload.tui.app import OffloadApp

    return OffloadApp(Offload.open(db), tick_seconds=1.0)


async def settle(app, pilot) -> None:
    """Wait until what a key started has finished: messages, workers, the next refresh."""
    await pilot.pause()
    try:
        await app.workers.wait_for_complete()
    except Exception:
        pass
    await pilot.pause()


def find_key(screen, words: tuple[str, ...]) -> str | None:
    """The key bound on this screen to an action whose name holds one of `words`."""
    bindings = []
    for node in [screen, *screen.walk_children()]:
        for b in getattr(node, "BINDINGS", []):
            bindings.append(b)
    for b in bindings:
        action = b.action if hasattr(b, "action") else str(b[1])
        key = b.key if hasattr(b, "key") else str(b[0])
        if any(w in action.lower() for w in words):
            return key.split(",")[0].strip()
    return None


async def measure_offload(db: str, t0: float | None) -> dict:
    start = time.perf_counter()
    app = offload_app(db)
    out: dict = {"missing": []}
    async with app.run_test(size=SIZE) as pilot:
        if hasattr(app, "data"):
            # Ready: the Log shows the day's entries (what the app does next, composing the other
            # screens while the user looks at the Log, is not waited for here).
            while not getattr(app.screen, "loaded", False):
                await asyncio.sleep(0.002)
            await asyncio.sleep(0)
        else:
            await settle(app, pilot)  # an app that reads on the UI thread: ready when idle
        ready = time.time()
        out["log_ready_in_process"] = time.perf_counter() - start
        if t0 is not None:
            out["log_ready"] = ready - t0
        # The user looks at the Log for a moment before the first key.
        await settle(app, pilot)
        await asyncio.sleep(LOOK)
        modes = getattr(app, "MODES", {})

        async def step(name: str, key: str, check) -> None:
            c, t = cpu_seconds(), time.perf_counter()
            await pilot.press(key)
            await settle(app, pilot)
            elapsed = time.perf_counter() - t
            if check():
                out[name] = elapsed
                out[name + "_cpu"] = cpu_seconds() - c  # less swayed by other processes than wall time
            else:
                out["missing"].append(f"{name} (key {key} did nothing visible)")

        # The Log screen starts in its task field, where a 2 is typed; Escape leaves it,
        # as a user would before switching screens (not timed).
        await pilot.press("escape")
        await settle(app, pilot)
        if "review" in modes:
            await step("review", "2", lambda: app.current_mode == "review")
            prev = find_key(app.screen, ("previous_week", "prev_week", "previous", "prev", "back_week", "earlier"))
            if prev:
                title_before = _screen_text(app.screen)
                await step("previous_week", prev, lambda: _screen_text(app.screen) != title_before)
            else:
                out["missing"].append("previous week (no key found on the Review screen)")
        else:
            out["missing"].append("Review screen (no 'review' mode)")
        if "review" in modes:
            nxt = find_key(app.screen, ("next_week",))
            if nxt:
                title_before = _screen_text(app.screen)
                await step("next_week", nxt, lambda: _screen_text(app.screen) != title_before)
        if "grouping" in modes:
            await step("grouping", "3", lambda: app.current_mode == "grouping")
        else:
            out["missing"].append("Grouping screen (no 'grouping' mode)")
        # Back and forth: screens already visited.
        await step("log_again", "1", lambda: app.current_mode == "log")
        if "review" in modes:
            await step("review_again", "2", lambda: app.current_mode == "review")
        if "grouping" in modes:
            await step("grouping_again", "3", lambda: app.current_mode == "grouping")
        await pilot.press("1")
        await settle(app, pilot)
        echo = await keystroke_echo(app, pilot)
        if echo:
            out["echo_while_loading"], out["echo_while_loading_max"] = echo
    return out


async def keystroke_echo(app, pilot) -> tuple[float, float] | None:
    """A key typed into the Log's task field while the app reads a week and the Grouping in the
    background: seconds until the field holds it (median and worst of 20)."""
    from textual import events
    from textual.widgets import Input

    data = getattr(app, "data", None)
    if data is None:
        return None  # an app that reads on the UI thread: a key waits for each read
    await pilot.press("n")
    field = app.screen.query_one("#task-input", Input)
    times = []
    for i in range(20):
        week = app.period.previous() if app.period else None
        data.load_period(app.screen, week)
        data.load_grouping(app.screen, week)
        await asyncio.sleep(0.005)  # the reads under way
        before = field.value
        t = time.perf_counter()
        field.post_message(events.Key("z", "z"))
        while field.value == before:
            await asyncio.sleep(0)
        field.refresh()
        await asyncio.sleep(0)
        times.append(time.perf_counter() - t)
        await settle(app, pilot)
    times.sort()
    return times[len(times) // 2], times[-1]


def _screen_text(screen) -> str:
    """Something that changes when the week shown changes: titles and static texts."""
    parts = [str(getattr(screen, "sub_title", "")), str(getattr(screen, "title", ""))]
    try:
        from textual.widgets import Static

        for w in screen.query(Static):
            parts.append(str(getattr(w, "content", "")))
    except Exception:
        pass
    return "\n".join(parts)


async def measure_minimal(t0: float | None) -> dict:
    start = time.perf_counter()
    app = minimal_app()
    out: dict = {}
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        ready = time.time()
        out["ready_in_process"] = time.perf_counter() - start
        if t0 is not None:
            out["ready"] = ready - t0
    return out


async def measure_idle(app, seconds: float) -> dict:
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await asyncio.sleep(1.0)  # let start-up work finish before counting
        c0, w0 = cpu_seconds(), time.perf_counter()
        await asyncio.sleep(seconds)
        c1, w1 = cpu_seconds(), time.perf_counter()
    return {"cpu_seconds": c1 - c0, "wall_seconds": w1 - w0, "cpu_share": (c1 - c0) / (w1 - w0)}


def peak_rss_kb() -> int | None:
    """This process's own peak resident memory since exec (VmHWM), in KiB."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return None


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("what", choices=["minimal", "offload", "idle-offload", "idle-minimal"])
    p.add_argument("db", nargs="?", default="-")
    p.add_argument("seconds", nargs="?", type=float, default=30.0)
    p.add_argument("--t0", type=float, default=None)
    args = p.parse_args()
    if args.what == "minimal":
        out = asyncio.run(measure_minimal(args.t0))
    elif args.what == "offload":
        out = asyncio.run(measure_offload(args.db, args.t0))
    elif args.what == "idle-offload":
        out = asyncio.run(measure_idle(offload_app(args.db), args.seconds))
    else:
        out = asyncio.run(measure_idle(minimal_app(), args.seconds))
    out["peak_rss_kb"] = peak_rss_kb()
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
