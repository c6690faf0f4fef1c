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
    keys = [key for key, _ in rows]
    present = [r.key.value for r in table.ordered_rows]
    columns = [c.key for c in table.ordered_columns]

    def update(key: str, cells: list[Text]) -> None:
        old = before.get(key) or [None] * len(cells)
        for column, cell, was in zip(columns, cells, old):
            if was is None or not _same(cell, was):
                table.update_cell(key, column, cell)

    if keys == present:
        for key, cells in rows:
            update(key, cells)
        return dict(rows)
    selected, row = selected_key(table) or chosen, table.cursor_row
    if not set(keys) & set(present):
        table.clear()  # nothing in common: lay the rows afresh
        for key, cells in rows:
            table.add_row(*cells, key=key)
    else:
        # Rows in common stay (another week with mostly the same tasks): those gone leave, new
        # ones come, changed cells change, then the rows take their order.
        wanted = set(keys)
        for key in present:
            if key not in wanted:
                table.remove_row(key)
        for key, cells in rows:
            if key in table.rows:
                update(key, cells)
            else:
                table.add_row(*cells, key=key)
        place = {id(table.get_cell(key, columns[0])): i for i, key in enumerate(keys)}
        table.sort(key=lambda values: place[id(values[0])])
    select_key(table, selected, row)
    return dict(rows)
