"""A DataTable as wide as its box: one column (a name) takes the width the others leave.

On the Review ← and → change the week, so a table wider than the screen would have columns
no key can reach; and an auto-width column only ever grows, so one long row (an empty skill
set's hint) would push the number columns out for good. Here the flexible column is cut to
fit (a long name ends in …) and grows back when the window does.
"""

from __future__ import annotations

from textual.widgets import DataTable

MIN_FLEX = 8


class FitTable(DataTable):
    def __init__(self, *args, flex: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.flex = flex

    def on_resize(self) -> None:
        self.fit()

    def fit(self) -> None:
        """Give the flexible column what the box has left; call after adding columns."""
        column = self.columns.get(self.flex)  # type: ignore[call-overload]
        width = self.size.width
        if column is None or not width:
            return
        # The vertical scrollbar's room is always kept, so rows arriving never push a column out.
        room = width - self.styles.scrollbar_size_vertical
        others = sum(c.get_render_width(self) for key, c in self.columns.items() if key != self.flex)
        fitted = max(MIN_FLEX, room - others - 2 * self.cell_padding)
        if column.auto_width or column.width != fitted:
            column.auto_width = False
            column.width = fitted
            # DataTable has no public way to resize a column: recompute its size and redraw.
            self._require_update_dimensions = True
            self._clear_caches()


def cut(text: str, style: object = "") -> "Text":
    """A cell for the flexible column: one line, cut with … when the column is narrower."""
    from rich.text import Text

    return Text(text, style=style, no_wrap=True, overflow="ellipsis")
