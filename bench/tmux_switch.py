"""First visits end to end, as a person sees them: a key sent through tmux until the terminal
shows the new screen's title, polled every few milliseconds. Offload's Review and Grouping,
each on a fresh launch, against a minimal two-screen Textual app switched the same way in the
same run (a ratio, so a busy machine does not mislead).

    python bench/tmux_switch.py DB [--repeat 5]     # prints JSON; bench/run.py calls it too
    python bench/tmux_switch.py --minimal-app        # the baseline app itself (run in tmux)
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path

SIZE = (120, 36)
POLL = 0.003  # seconds between looks at the terminal
READY_TIMEOUT = 30.0


def minimal_app():
    """The baseline: two screens as modes, each a Header, a 20-row DataTable and a Footer; `2`
    switches to the second, whose title then shows in the header."""
    from textual.app import App
    from textual.screen import Screen
    from textual.widgets import DataTable, Footer, Header

    class Table(Screen):
        def __init__(self, name: str) -> None:
            super().__init__()
            self.title = name

        def compose(self):
            yield Header()
            yield DataTable()
            yield Footer()

        def on_mount(self) -> None:
            table = self.query_one(DataTable)
            table.add_columns("Start", "End", "Duration", "Task", "Note")
            for i in range(20):
                table.add_row(f"{8 + i // 4:02d}:{(i % 4) * 15:02d}", "", "15m", f"Task {i}", "")

    class Minimal(App):
        MODES = {"first": lambda: Table("Minimal — First"), "second": lambda: Table("Minimal — Second")}
        BINDINGS = [("1", "switch_mode('first')", "First"), ("2", "switch_mode('second')", "Second")]

        def on_mount(self) -> None:
            self.switch_mode("first")

    return Minimal()


class Terminal:
    """One tmux server of its own (its own socket), one window of SIZE."""

    def __init__(self, command: list[str], env: dict) -> None:
        self.socket = f"offload-bench-{uuid.uuid4().hex[:8]}"
        inner = " ".join(_quote(c) for c in ["env", "-u", "COLUMNS", "-u", "LINES", *command])
        self._tmux("new-session", "-d", "-x", str(SIZE[0]), "-y", str(SIZE[1]), inner, env=env)

    def _tmux(self, *args: str, env: dict | None = None) -> str:
        return subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True,
                              env=env, check=False).stdout

    def first_line(self) -> str:
        return self._tmux("capture-pane", "-p", "-S", "0", "-E", "0")

    def wait_for(self, text: str, timeout: float = READY_TIMEOUT) -> float:
        """Seconds until the top line shows `text` (polling every POLL)."""
        t0 = time.perf_counter()
        while text not in self.first_line():
            if time.perf_counter() - t0 > timeout:
                screen = self._tmux("capture-pane", "-p")
                raise TimeoutError(f"{text!r} did not show in {timeout:g} s:\n{screen}")
            time.sleep(POLL)
        return time.perf_counter() - t0

    def send(self, *keys: str) -> None:
        self._tmux("send-keys", *keys)

    def close(self) -> None:
        self._tmux("kill-server")


def _quote(text: str) -> str:
    return "'" + text.replace("'", "'\\''") + "'"


def one_switch(command: list[str], env: dict, ready: str, before: list[str], key: str, shows: str) -> float:
    """Launch, wait until `ready` shows and the app is idle, send `before` keys, then time `key`
    until `shows` is in the title line."""
    term = Terminal(command, env)
    try:
        term.wait_for(ready)
        time.sleep(0.6)  # the launch's own work done (workers, first refreshes): not timed
        for k in before:
            term.send(k)
        time.sleep(0.3 if before else 0)
        t0 = time.perf_counter()
        term.send(key)
        term.wait_for(shows)
        return time.perf_counter() - t0
    finally:
        term.close()


def measure(db: Path, repeat: int, offload: list[str]) -> dict:
    """Each first visit `repeat` times, interleaved with the minimal app's switch. The Log opens
    in its task field, where ctrl+r and ctrl+g are the Review's and the Grouping's keys."""
    env = dict(os.environ, TERM="xterm-256color")
    env.pop("OFFLOAD_DB", None)
    minimal = [sys.executable, str(Path(__file__).resolve()), "--minimal-app"]
    runs: dict[str, list[float]] = {"minimal_switch": [], "review_first": [], "grouping_first": []}
    for _ in range(repeat):
        runs["minimal_switch"].append(one_switch(minimal, env, "Minimal — First", [], "2", "Minimal — Second"))
        runs["review_first"].append(one_switch(offload + ["--db", str(db)], env, "— Log", [], "C-r",
                                               "— Review"))
        runs["grouping_first"].append(one_switch(offload + ["--db", str(db)], env, "— Log", [], "C-g",
                                                 "— Grouping"))
    out = {name: {"median": statistics.median(v), "runs": v} for name, v in runs.items()}
    base = out["minimal_switch"]["median"]
    for name in ("review_first", "grouping_first"):
        out[name]["x_minimal"] = out[name]["median"] / base if base else None
    return out


def offload_command() -> list[str]:
    """The `offload` console script beside this interpreter, as pip wrote it."""
    script = Path(sys.executable).parent / "offload"
    return [str(script)] if script.exists() else [sys.executable, "-m", "offload"]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("db", nargs="?", type=Path)
    p.add_argument("--repeat", type=int, default=5)
    p.add_argument("--minimal-app", action="store_true", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.minimal_app:
        minimal_app().run()
        return 0
    if not shutil.which("tmux"):
        print(json.dumps({"error": "tmux is not installed (apt-get install tmux)"}))
        return 0
    if args.db is None:
        p.error("give a database to launch Offload on")
    print(json.dumps(measure(args.db, args.repeat, offload_command())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
