"""The Log's day as a table: its entries and its unlogged stretches, newest first; the running
entry's duration counts up in place. Rows are kept by key, so the cursor follows its entry."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.widgets import DataTable

from offload.domain.format import duration, entry_duration, local_time
from offload.domain.weeks import epoch_date
from offload.tui.widgets.fit_table import FitTable, cut
from offload.tui.widgets.rows import sync_rows

GAP = "gap-"  # a row key that is an unlogged stretch, not an entry


def gap_key(gap) -> str:
    return f"{GAP}{gap.start_utc}"


def over_midnight(entry, day: date, zone: str) -> str:
    """`from Thu 22:00 · `: an entry over midnight says which end lies on another day, so a
    22:00-00:30 under Friday's morning does not read as Friday evening."""
    said = []
    for word, epoch in (("from", entry.start_utc), ("to", entry.end_utc)):
        if epoch is not None and epoch_date(epoch, zone) != day:
            said.append(f"{word} {local_time(epoch, zone, with_day=True)}")
    return " · ".join(said) + (" · " if said and entry.note else "")


class DayTable(FitTable, inherit_bindings=False):
    """The day's rows. ← and → are the screen's day keys here: the columns fit the width, so
    there is nothing to scroll sideways."""

    BINDINGS = [b for b in DataTable.BINDINGS if getattr(b, "key", None) not in ("left", "right")]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._cells: dict[str, list[Text]] = {}  # what each row shows, by key

    def add_day_columns(self) -> None:
        self.add_column("Start", key="start", width=5)
        self.add_column("End", key="end", width=5)
        self.add_column("Duration", key="duration", width=8)
        self.add_column("Task", key="task")
        self.add_column("Note", key="note")

    def show_day(self, entries, gaps, day: date, zone: str, now: int) -> None:
        """The day's entries (EntryRow) and unlogged stretches (Gap), newest first: only the cells
        that changed are drawn again."""
        rows = [
            (e.start_utc, str(e.id), [
                local_time(e.start_utc, zone),
                local_time(e.end_utc, zone) if e.end_utc else Text("…", style="bold"),
                Text(entry_duration(e.start_utc, e.end_utc, now, zone), justify="right"),
                cut(e.task, "bold" if e.running else ""),
                cut(over_midnight(e, day, zone) + e.note, "dim"),
            ])
            for e in entries
        ] + [
            # Newest first, as the entries: a hole sits between the entries around it.
            (g.start_utc, gap_key(g), [
                Text(local_time(g.start_utc, zone), style="dim"),
                Text(local_time(g.end_utc, zone), style="dim"),
                Text(entry_duration(g.start_utc, g.end_utc, now, zone), style="dim", justify="right"),
                cut(f"unlogged {entry_duration(g.start_utc, g.end_utc, now, zone)}", "dim italic"),
                cut("Enter adds an entry here", "dim"),
            ])
            for g in gaps
        ]
        rows.sort(key=lambda row: row[0], reverse=True)
        # The cursor follows its entry: one arriving on top must not slide it onto another.
        self._cells = sync_rows(self, [(k, [c if isinstance(c, Text) else Text(c) for c in cells])
                                       for _, k, cells in rows], self._cells)

    def count_up(self, entry, seconds: int) -> None:
        """The running entry's duration, if it is on this day and changed."""
        key = str(entry.id)
        cell = Text(duration(seconds), justify="right")
        if key in self.rows and key in self._cells and self._cells[key][2].plain != cell.plain:
            self.update_cell(key, "duration", cell)
            self._cells[key][2] = cell
