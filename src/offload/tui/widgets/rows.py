"""Rows kept by key: a refresh changes the cells that changed, and the cursor stays on its row's key."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import DataTable

from offload.tui.widgets.selection import select_key, selected_key

Rows = list[tuple[str, list[Text]]]


def _same(a: Text, b: Text) -> bool:
    return a.plain == b.plain and str(a.style) == str(b.style) and a.spans == b.spans


def sync_rows(table: DataTable, rows: Rows, before: dict[str, list[Text]],
              chosen: str | None = None) -> dict[str, list[Text]]:
    """Bring `table` to `rows` (key, cells), given the cells it showed (`before`, as returned last
    time). Same keys in the same order: only the changed cells are updated; otherwise the rows are
    laid again and the cursor goes back to its key (or to `chosen`, when the table was empty).
    Returns what to pass as `before` next time."""
    if [key for key, _ in rows] == [r.key.value for r in table.ordered_rows]:
        columns = [c.key for c in table.ordered_columns]
        for key, cells in rows:
            old = before.get(key) or [None] * len(cells)
            for column, cell, was in zip(columns, cells, old):
                if was is None or not _same(cell, was):
                    table.update_cell(key, column, cell)
    else:
        selected, row = selected_key(table) or chosen, table.cursor_row
        table.clear()
        for key, cells in rows:
            table.add_row(*cells, key=key)
        select_key(table, selected, row)
    return dict(rows)
