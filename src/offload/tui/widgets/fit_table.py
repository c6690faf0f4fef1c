"""A DataTable as wide as its box: the flexible columns (names, notes) share the width the
others leave.

On the Review ← and → change the week, so a table wider than the screen would have columns
no key can reach; and an auto-width column only ever grows, so one long row (an empty skill
set's hint) would push the number columns out for good. Here the flexible columns are cut to
fit (a long name ends in …) and grow back when the window does.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import DataTable

from offload.tui.textual_internals import relayout_columns

MIN_FLEX = 8


def share(room: int, wants: list[int]) -> list[int]:
    """Split `room` among columns wanting `wants` cells: the narrow get what they want, the
    wide split the rest evenly; what is left over goes to the last, so a short name
    keeps its note beside it (the table fills its box)."""
    widths = [0] * len(wants)
    left, count = room, len(wants)
    for i in sorted(range(len(wants)), key=lambda i: wants[i]):
        widths[i] = max(MIN_FLEX, min(wants[i], left // count))
        left -= widths[i]
        count -= 1
    if left > 0:
        widths[-1] += left
    return widths


class FitTable(DataTable):
    def __init__(self, *args, flex: str | tuple[str, ...], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.flex = (flex,) if isinstance(flex, str) else tuple(flex)
        self._refit_pending = False

    def on_resize(self) -> None:
        self.fit()

    def add_row(self, *cells, **kwargs):
        key = super().add_row(*cells, **kwargs)
        self._refit_soon()
        return key

    def update_cell(self, row_key, column_key, value, *, update_width: bool = False) -> None:
        super().update_cell(row_key, column_key, value, update_width=update_width)
        # A longer name arriving in place (rows updated by key) gets the room the box has.
        key = getattr(column_key, "value", column_key)
        if key in self.flex:
            self._refit_soon()

    def _refit_soon(self) -> None:
        if not self._refit_pending:
            self._refit_pending = True
            self.call_after_refresh(self._refit)

    def _refit(self) -> None:
        self._refit_pending = False
        self.fit()

    def fit(self) -> None:
        """Give the flexible columns what the box has left; call after adding columns."""
        columns = [self.columns.get(key) for key in self.flex]  # type: ignore[call-overload]
        # Inside the vertical scrollbar when there is one (rows arriving refit after they are drawn).
        room = self.scrollable_content_region.width
        if None in columns or not room:
            return
        others = sum(c.get_render_width(self) for key, c in self.columns.items() if key not in self.flex)
        room -= others + 2 * self.cell_padding * len(columns)
        wants = [self._widest(key, column.label.cell_len) for key, column in zip(self.flex, columns)]
        changed = False
        for column, fitted in zip(columns, share(room, wants)):
            if column.auto_width or column.width != fitted:
                column.auto_width = False
                column.width = fitted
                changed = True
        if changed:
            relayout_columns(self)

    def _widest(self, key: str, label: int) -> int:
        """The widest cell of a flexible column as it stands now (the table's own measure only
        grows, and only when cells are added, so a name updated in place would stay cut)."""
        widths = [cell.cell_len if isinstance(cell, Text) else len(str(cell)) for cell in self.get_column(key)]
        return max([label, *widths])


def cut(text: str, style: object = "") -> Text:
    """A cell for a flexible column: one line, cut with … when the column is narrower."""
    return Text(text, style=style, no_wrap=True, overflow="ellipsis")
