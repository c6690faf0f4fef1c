"""A task's entries for one week (day, start, end, duration, note): each time it was done."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from offload.domain.format import duration, entry_duration
from offload.domain.weeks import Period, epoch_date
from offload.domain.zones import reading_zone
from offload.tui.dialogs.dialog import Dialog
from offload.tui.dialogs.entry import EntryKeys
from offload.tui.messages import ActionDone, DataChanged, EntriesLoaded
from offload.tui.widgets.keys_footer import KeysFooter
from offload.tui.widgets.selection import selected_key


def entry_cells(entry, zone: str, now_epoch: int) -> list[Text]:
    """Times in the zone the entry was logged in (named when it is not the user's zone now)."""
    shown_zone = reading_zone(entry.tz)  # a zone an older Offload stored unreadable: UTC
    tz = ZoneInfo(shown_zone)
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
        # Agrees with the times beside it (from the shown start to the shown end).
        Text(entry_duration(entry.start_utc, entry.end_utc, now_epoch, shown_zone), justify="right"),
        Text(entry.note, style="dim"),
    ]


class TaskEntriesDialog(EntryKeys, Dialog[None]):
    """Each time a task was done in the audit period; e (or Enter) edits the entry under the cursor,
    d deletes it and u undoes the last of those, as on the Log. The list and the total follow every change (and
    the Review below it, which hears DataChanged too)."""

    BINDINGS = [
        Binding("escape,q", "close", "Close", id="entries.close", tooltip="Back to the review"),
        Binding("e", "edit", "Edit", id="entries.edit", tooltip="Edit the entry under the cursor: task, times, note"),
        Binding("d", "delete", "Delete", id="entries.delete", tooltip="Delete the entry under the cursor (u puts it back)"),
        Binding("u", "undo", "Undo", id="entries.undo", tooltip="Undo the last delete or edit made here"),
    ]

    def __init__(self, task: str, week: Period, entries: list, week_seconds: int, zone: str,
                 now_epoch: int, names: list[str] | None = None) -> None:
        super().__init__()
        self.task_name = task
        self.period = week
        self.entries = entries
        self.week_seconds = week_seconds
        self.zone = zone
        self.now_epoch = now_epoch
        self.names = names or []

    def compose(self) -> ComposeResult:
        with Vertical(id="entries-box", classes="dialog"):
            yield Static(self.task_name, id="entries-task", markup=False)
            yield Static(self.period.title(), id="entries-week", markup=False)
            yield DataTable(id="entries", cursor_type="row", zebra_stripes=True)
            yield Static("", id="entries-total", markup=False)
            yield KeysFooter()

    def on_mount(self) -> None:
        table = self.query_one("#entries", DataTable)
        table.add_column("Day", key="day", width=10)
        table.add_column("Start", key="start")
        table.add_column("End", key="end")
        table.add_column("Duration", key="duration", width=8)
        table.add_column("Note", key="note")
        self._fill()
        table.focus()
        self.app.data.follow(self)

    def on_unmount(self) -> None:
        self.app.data.unfollow(self)

    def _fill(self) -> None:
        table = self.query_one("#entries", DataTable)
        chosen = selected_key(table)
        table.clear()
        for entry in self.entries:
            table.add_row(*entry_cells(entry, self.zone, self.now_epoch), key=str(entry.id))
        keys = [str(e.id) for e in self.entries]
        if chosen in keys:
            table.move_cursor(row=keys.index(chosen), animate=False)
        count = len(self.entries)
        period = "this week" if self.period.weeks == 1 else f"these {self.period.weeks} weeks"
        total = (f"{count} {'entry' if count == 1 else 'entries'} · {duration(self.week_seconds)} in {period}"
                 if count else f"No entries of this task left in {period}.")
        self.query_one("#entries-total", Static).update(total)

    # --- following changes ------------------------------------------------------------------
    def on_data_changed(self, _message: DataChanged) -> None:
        self.app.data.load_entries(self, self.task_name, self.period)

    def on_entries_loaded(self, loaded: EntriesLoaded) -> None:
        loaded.stop()  # ours: the Review below asked for none
        self.entries, self.week_seconds, self.names = loaded.entries, loaded.seconds, loaded.names
        self.now_epoch = self.app.data.now_epoch()
        self._fill()

    def on_action_done(self, done: ActionDone) -> None:
        self.entry_done(done)

    # --- the keys ---------------------------------------------------------------------------
    def selected_entry(self):
        key = selected_key(self.query_one("#entries", DataTable))
        return next((e for e in self.entries if str(e.id) == key), None)

    def entry_names(self) -> list[str]:
        return self.names

    def shows(self, entry) -> bool:
        return any(str(e.id) == str(entry.id) for e in self.entries) or (
            entry.task == self.task_name and self.period.start <= self._day_of(entry) < self.period.end)

    def _day_of(self, entry):
        return epoch_date(entry.start_utc, reading_zone(entry.tz))

    @on(DataTable.RowSelected)
    def _row_chosen(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit()

    def action_edit(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            self.notify("No entry to edit here.", severity="warning")
            return
        self.edit_entry(entry)

    def action_delete(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            self.notify("No entry to delete here.", severity="warning")
            return
        self.delete_entry(entry)

    def action_undo(self) -> None:
        self.undo_entry_change()

    def action_close(self) -> None:
        self.dismiss(None)
