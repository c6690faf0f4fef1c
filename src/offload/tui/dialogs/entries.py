"""A task's entries for one week (day, start, end, duration, note): each time it was done."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from offload.domain.format import duration
from offload.domain.weeks import Week
from offload.domain.zones import reading_zone


def entry_cells(entry, zone: str, now_epoch: int) -> list[Text]:
    """Times in the zone the entry was logged in (named when it is not the user's zone now)."""
    tz = ZoneInfo(reading_zone(entry.tz))  # a zone an older Offload stored unreadable: UTC
    start = datetime.fromtimestamp(entry.start_utc, tz)
    away = f" {start.tzname()}" if entry.tz != zone else ""
    if entry.end_utc is None:
        end_text = Text("running", style="bold")
    else:
        end = datetime.fromtimestamp(entry.end_utc, tz)
        end_text = Text(end.strftime("%H:%M" if end.date() == start.date() else "%a %H:%M") + away)
    return [
        Text(start.strftime("%a %d %b")),
        Text(start.strftime("%H:%M") + away),
        end_text,
        Text(duration(entry.seconds(now_epoch)), justify="right"),
        Text(entry.note, style="dim"),
    ]


class TaskEntriesDialog(ModalScreen[None]):
    """Read-only: Escape goes back to the review."""

    CSS_PATH = "entries.tcss"
    BINDINGS = [Binding("escape,q", "close", "Close", id="entries.close", tooltip="Back to the review")]

    def __init__(self, task: str, week: Week, entries: list, week_seconds: int, zone: str,
                 now_epoch: int) -> None:
        super().__init__()
        self.task_name = task
        self.week = week
        self.entries = entries
        self.week_seconds = week_seconds
        self.zone = zone
        self.now_epoch = now_epoch

    def compose(self) -> ComposeResult:
        with Vertical(id="entries-box"):
            yield Static(self.task_name, id="entries-task", markup=False)
            yield Static(self.week.title(), id="entries-week", markup=False)
            yield DataTable(id="entries", cursor_type="row", zebra_stripes=True)
            count = len(self.entries)
            yield Static(
                f"{count} {'entry' if count == 1 else 'entries'} · {duration(self.week_seconds)} in this week"
                " · Esc closes",
                id="entries-total",
                markup=False,
            )

    def on_mount(self) -> None:
        table = self.query_one("#entries", DataTable)
        table.add_column("Day", key="day", width=10)
        table.add_column("Start", key="start")
        table.add_column("End", key="end")
        table.add_column("Duration", key="duration", width=8)
        table.add_column("Note", key="note")
        for entry in self.entries:
            table.add_row(*entry_cells(entry, self.zone, self.now_epoch), key=str(entry.id))
        table.focus()

    def action_close(self) -> None:
        self.dismiss(None)
