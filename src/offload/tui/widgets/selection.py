"""The selection belongs to a row's key (a task, an entry), never to a row number.

Rows come and go under the cursor: an entry started from the shell lands on top of the Log,
a week with nothing in it empties the Review's table and the next one fills it again. Space
or d must act on the row the user chose, so the cursor follows that row's key.
"""

from __future__ import annotations

from textual.widgets import DataTable


def selected_key(table: DataTable) -> str | None:
    """The key of the row under the cursor, or None in an empty table."""
    if not table.row_count:
        return None
    return table.coordinate_to_cell_key((table.cursor_row, 0)).row_key.value


def select_key(table: DataTable, key: str | None, fallback_row: int = 0) -> None:
    """Put the cursor on the row `key`; when that row is gone, on the same place (or the last row)."""
    if not table.row_count:
        return
    if key is not None and key in table.rows:
        row = table.get_row_index(key)
    else:
        row = min(max(fallback_row, 0), table.row_count - 1)
    if row != table.cursor_row:
        table.move_cursor(row=row, animate=False)
