"""The footer, whole at any width: every key it shows stays on screen.

Textual's Footer is one line that cuts off whatever does not fit, and the keys cut first are
the app's own (the screens and help). Under 100 columns this one is compact; when one line is
still not enough it takes two.
"""

from __future__ import annotations

from math import ceil

from textual.widgets import Footer

NARROW = 100
MAX_LINES = 3


class KeysFooter(Footer):
    DEFAULT_CSS = """
    KeysFooter.-compact FooterLabel { margin-right: 1; }
    KeysFooter.-two-lines {
        layout: grid;
        grid-columns: auto;
        grid-gutter: 0 1;
        height: 2;
    }
    /* In a grid a margin would be cut from the key: the gutter spaces them instead. */
    KeysFooter.-two-lines FooterKey { margin: 0; }
    """

    _width = 0
    _two_lines = False
    _shown: tuple | None = None  # the keys as last composed
    _recompose_pending = False

    def on_mount(self) -> None:
        self.compact = self.app.size.width < NARROW

    def on_resize(self) -> None:
        # Only a new width calls for a new measure: going to two lines changes the height.
        if self.size.width != self._width:
            self._width = self.size.width
            self.compact = self._width < NARROW
            self._measure()

    def _keys_now(self) -> tuple:
        """What the footer would show: each shown binding's key, words and whether it works."""
        return tuple((b.key, b.description, b.action, enabled, tooltip)
                     for _node, b, enabled, tooltip in self.screen.active_bindings.values() if b.show)

    def bindings_changed(self, screen) -> None:
        # Textual recomposes the footer each time the bindings may have changed (every focus
        # move, every screen switch, several times each, on screens out of sight too): only a
        # real change on the screen shown is worth the ten new widgets and their styles.
        self._bindings_ready = True
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen or not screen.is_current:
            return
        if self._recompose_pending:
            return
        self._recompose_pending = True
        self.call_after_refresh(self._recompose_if_changed)

    async def _recompose_if_changed(self) -> None:
        self._recompose_pending = False
        if self.is_attached and self.screen.is_current and self._keys_now() != self._shown:
            await self.recompose()

    def compose(self):
        if self._bindings_ready:
            self._shown = self._keys_now()
        yield from super().compose()
        self._measure()

    def _measure(self) -> None:
        """Lay the keys out on one line, then see whether they fit there (the keys are only
        ever measured on one line: in two their widths differ, and the choice would flip)."""
        self._set_two_lines(False)
        self.call_after_refresh(self._fit)

    def _fit(self, tries: int = 10) -> None:
        if not self.is_attached or self._two_lines:
            return
        if tries and any(not child.outer_size.width for child in self.children):
            # New keys are not laid out yet (a recompose after the focus moved): measure next frame.
            self.call_after_refresh(self._fit, tries - 1)
            return
        # The command palette's key is docked right; the others line up.
        items = [child for child in self.children if child.styles.dock == "none"]
        docked = [child for child in self.children if child.styles.dock != "none"]
        # Where the last key ends (the gaps between keys count too), and the docked key beside it.
        needed = (max((child.region.right for child in items), default=self.region.x) - self.region.x
                  + sum(child.outer_size.width for child in docked))
        if needed > self.size.width and len(items) > 1:
            # As few lines as hold every key: a grid's column is as wide as its widest key.
            room = self.size.width - sum(child.outer_size.width for child in docked)
            widths = [child.outer_size.width for child in items]
            for lines in range(2, MAX_LINES + 1):
                columns = ceil(len(items) / lines)
                if sum(max(widths[c::columns]) for c in range(columns)) + columns - 1 <= room:
                    break
            self._set_two_lines(True, columns, lines)

    def _set_two_lines(self, two: bool, columns: int = 0, lines: int = 2) -> None:
        """One line, or a grid of `columns` keys on `lines` lines (two, or three when keys are many)."""
        if two == self._two_lines:
            return
        self._two_lines = two
        if two:
            self.styles.grid_size_columns = columns
            self.styles.height = lines
        else:
            self.styles.clear_rule("height")
        self.set_class(two, "-two-lines")
        # The screen above grows or shrinks by a line: lay it out and paint it all again.
        self.screen.refresh(layout=True)
