"""The Log's live timer: the time so far in big digits, the running task, since when, and a
warning once it has run longer than the limit set. Drawn again each second, only what changed."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Digits, Static

from offload.domain.format import duration, local_time, stopwatch


class TimerPanel(Horizontal):
    """`show(entry, ...)` each second; `small`: the digits are hidden (the screen's -small-timer),
    so the time so far goes in the task's line."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: dict[str, str] = {}  # what each part shows, by selector

    def compose(self) -> ComposeResult:
        yield Digits("00:00:00", id="elapsed")
        with Vertical(id="timer-info"):
            yield Static("", id="running-task", markup=False)
            yield Static("", id="running-since", markup=False)
            yield Static("", id="long-running", markup=False)

    def show(self, entry, now: int, zone: str, limit: int, small: bool) -> None:
        """The running entry (EntryRow) or None, at `now`; `limit`: seconds that make a run long."""
        if entry is None:
            self._say("#elapsed", "00:00:00")
            self._say("#running-task", "Nothing running")
            self._say("#running-since", "type a task above and press Enter · Esc, then r resumes the last one")
            self._say("#long-running", "")
            self.set_class(False, "running")
            self.set_class(False, "long")
            return
        seconds = entry.seconds(now)
        self._say("#elapsed", stopwatch(seconds))
        # With the big digits hidden (a short window, another day), the time so far is in the line.
        self._say("#running-task", f"{entry.task} · {stopwatch(seconds)}" if small else entry.task)
        self._say("#running-since", f"since {local_time(entry.start_utc, zone)}" + (f" · {entry.note}" if entry.note else ""))
        long = seconds > limit
        self._say("#long-running",
                  f"Running for {duration(seconds)}, longer than {duration(limit)}: still on it? "
                  "ctrl+t sets when it really ended." if long else "")
        self.set_class(True, "running")
        self.set_class(long, "long")

    def _say(self, selector: str, text: str) -> None:
        """Show `text` in a Static or the Digits, if it is not shown already (an update lays out again)."""
        if self._shown.get(selector) != text:
            self._shown[selector] = text
            self.query_one(selector).update(text)
