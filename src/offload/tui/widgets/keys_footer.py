"""The footer, whole at any width: every key it shows stays on screen.

Textual's Footer is one line that cuts off whatever does not fit, and the keys cut first are
the app's own (the screens and help). Under 100 columns this one is compact; when one line is
still not enough it takes two.
"""

from __future__ import annotations

from math import ceil

from textual.widgets import Footer

NARROW = 100


class KeysFooter(Footer):
    def on_mount(self) -> None:
        self.compact = self.app.size.width < NARROW

    def on_resize(self) -> None:
        self.compact = self.size.width < NARROW
        self.call_after_refresh(self._fit)

    def compose(self):
        yield from super().compose()
        self.call_after_refresh(self._fit)

    def _fit(self) -> None:
        if not self.is_attached:
            return
        # The command palette's key is docked right; the others line up.
        items = [child for child in self.children if child.styles.dock == "none"]
        docked = sum(child.outer_size.width for child in self.children if child.styles.dock != "none")
        needed = sum(child.outer_size.width for child in items) + docked
        two_lines = needed > self.size.width and len(items) > 1
        if two_lines:
            self.styles.layout = "grid"
            self.styles.grid_size_columns = ceil(len(items) / 2)
            self.styles.grid_columns = "auto"
            self.styles.height = 2
        elif self.styles.height is not None and self.styles.height.value == 2:
            self.styles.layout = "horizontal"
            self.styles.height = 1
