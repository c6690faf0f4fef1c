"""The footer, whole at any width: every key it shows stays on screen.

Textual's Footer is one line that cuts off whatever does not fit, and the keys cut first are
the app's own (the screens and help). Under 100 columns this one is compact; when one line is
still not enough it takes two (three when the keys are many).

How it lays itself out follows from its keys' texts and its width alone, worked out from the
strings as Textual's FooterKey draws them (`footer_layout`), when it composes its keys and when
its width changes. It never measures its keys after a frame: that made the result depend on how
fast the machine drew the frames.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import groupby
from math import ceil
from typing import Sequence

from rich.cells import cell_len
from textual.widgets import Footer

from offload.tui.textual_internals import footer_bindings_ready, set_footer_bindings_ready

NARROW = 100
MAX_LINES = 3


@dataclass(frozen=True)
class Key:
    """A key as the footer shows it: what the key says (`App.get_key_display`) and its words."""
    display: str
    description: str = ""


@dataclass(frozen=True)
class Group:
    """Keys bound together (a `Binding.Group`): the keys side by side, then the group's words
    in a label of their own (Textual's KeyGroup and FooterLabel)."""
    displays: tuple[str, ...]
    description: str
    compact: bool = False


@dataclass(frozen=True)
class Layout:
    compact: bool
    lines: int = 1
    columns: int = 0  # the grid's columns when on more than one line

    @property
    def grid(self) -> bool:
        return self.lines > 1


# The widths below are Textual 8.2.8's (textual/widgets/_footer.py), with this footer's CSS:
#   FooterKey: the key padded 0 1 and its words 0 1 0 0; compact, the key 0 and the words 0 0 0 1;
#     a key with no words is the key alone. Compact footer: a key's margin-right is 1.
#   KeyGroup (compact): padding-left 1, margin-right 1, its keys no margin; (not compact): its
#     keys a margin of 0 1 each, the margins between two keys collapsing into one.
#   FooterLabel: margin-right 1 (Footer's own CSS, and KeysFooter's when compact).
#   The command palette's key: docked right, always drawn compact, a left border of 1 and
#     padding-right 1 (0 when the footer is compact); compact, a margin-right of 1.
#   In the grid (KeysFooter.-two-lines) the footer's own children lose their margins (the keys
#     in a group keep theirs); a gutter of 1 spaces the columns.

def key_width(key: Key, compact: bool) -> int:
    """The cells a FooterKey takes, without its margin."""
    display = cell_len(key.display)
    if not key.description:
        return display
    if compact:
        return display + 1 + cell_len(key.description)
    return 1 + display + 1 + cell_len(key.description) + 1


def _cells(items: Sequence[Key | Group], compact: bool, grid: bool) -> list[tuple[int, int, int]]:
    """Each widget the footer lines up (a group makes two) as (margin-left, width, margin-right)."""
    one_line = 0 if grid else 1
    cells = []
    for item in items:
        if isinstance(item, Group):
            displays = [cell_len(display) for display in item.displays]
            if item.compact:
                cells.append((0, 1 + sum(displays), one_line))
            else:
                cells.append((0, sum(displays) + len(displays) + 1, 0))
            cells.append((0, cell_len(item.description), one_line))
        else:
            cells.append((0, key_width(item, compact), one_line if compact else 0))
    return cells


def palette_width(key: Key | None, compact: bool, grid: bool) -> int:
    """The cells the docked command palette's key takes from the line, its margin included."""
    if key is None:
        return 0
    return 1 + key_width(key, compact=True) + (0 if compact else 1) + (1 if compact and not grid else 0)


def one_line_width(items: Sequence[Key | Group], palette: Key | None, compact: bool) -> int:
    """Where the last key ends on one line (margins between two widgets collapse into the wider),
    and the palette's key beside it."""
    cells = _cells(items, compact, grid=False)
    if not cells:
        return palette_width(palette, compact, grid=False)
    end = cells[0][0] + sum(width for _, width, _ in cells)
    end += sum(max(left[2], right[0]) for left, right in zip(cells, cells[1:]))
    return end + palette_width(palette, compact, grid=False)


def grid_width(items: Sequence[Key | Group], palette: Key | None, compact: bool, columns: int) -> int:
    """The width of a grid of `columns` columns (each as wide as its widest key, a gutter of one
    between two), and the palette's key beside it."""
    widths = [width for _, width, _ in _cells(items, compact, grid=True)]
    return (sum(max(widths[c::columns]) for c in range(columns)) + columns - 1
            + palette_width(palette, compact, grid=True))


def footer_layout(items: Sequence[Key | Group], palette: Key | None, width: int) -> Layout:
    """Compact under 100 columns; one line if every key fits there, else as few lines as hold
    them all (at most three: past that the keys are cut on the right, as Textual's footer does)."""
    compact = width < NARROW
    cells = len(_cells(items, compact, grid=False))
    if cells <= 1 or one_line_width(items, palette, compact) <= width:
        return Layout(compact)
    columns = ceil(cells / MAX_LINES)
    for lines in range(2, MAX_LINES + 1):
        if grid_width(items, palette, compact, ceil(cells / lines)) <= width:
            columns = ceil(cells / lines)
            break
    return Layout(compact, ceil(cells / columns), columns)


class KeysFooter(Footer):
    DEFAULT_CSS = """
    KeysFooter.-compact FooterLabel { margin-right: 1; }
    KeysFooter.-two-lines {
        layout: grid;
        grid-columns: auto;
        grid-gutter: 0 1;
        height: 2;
    }
    /* A grid's column is as wide as its widest key without the margins, so a margin would be
       cut from the key (or the group's words): the gutter spaces them instead. The keys in
       a group keep theirs. */
    KeysFooter.-two-lines > FooterKey,
    KeysFooter.-two-lines > FooterLabel,
    KeysFooter.-two-lines > KeyGroup,
    KeysFooter.-two-lines > KeyGroup.-compact { margin: 0; }
    """

    _width = 0
    _layout: Layout | None = None
    _items: tuple = ()  # the keys as last composed, as the layout sees them
    _palette: Key | None = None
    _shown: tuple | None = None  # the keys as last composed
    _recompose_pending = False

    def on_resize(self) -> None:
        # Only a new width calls for a new layout: going to two lines changes the height.
        if self.size.width != self._width:
            self._width = self.size.width
            self._lay_out()

    def _keys_now(self) -> tuple:
        """What the footer would show: each shown binding's key, words and whether it works."""
        return tuple((b.key, b.description, b.action, enabled, tooltip)
                     for _node, b, enabled, tooltip in self.screen.active_bindings.values() if b.show)

    def _items_now(self) -> tuple[tuple[Key | Group, ...], Key | None]:
        """The keys Textual's Footer.compose will yield, in its order and with its texts: keys
        of one action are one key, and a run of two or more actions of one group is a group."""
        active = self.screen.active_bindings
        by_action = defaultdict(list)
        for _node, binding, _enabled, _tooltip in active.values():
            if binding.show:
                by_action[binding.action].append(binding)
        items: list[Key | Group] = []
        for group, run in groupby(by_action.values(), lambda bindings: bindings[0].group):
            firsts = [bindings[0] for bindings in run]
            if group is not None and len(firsts) > 1:
                items.append(Group(tuple(self.app.get_key_display(b) for b in firsts),
                                   group.description, group.compact))
            else:
                items.extend(Key(self.app.get_key_display(b), b.description) for b in firsts)
        palette = None
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
            shown = active.get(self.app.COMMAND_PALETTE_BINDING)
            if shown is not None:
                palette = Key(self.app.get_key_display(shown[1]), shown[1].description)
        return tuple(items), palette

    def bindings_changed(self, screen) -> None:
        # Textual recomposes the footer each time the bindings may have changed (every focus
        # move, every screen switch, several times each, on screens out of sight too): only a
        # real change on the screen shown is worth the ten new widgets and their styles.
        set_footer_bindings_ready(self)
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
        if footer_bindings_ready(self):
            self._shown = self._keys_now()
            self._items, self._palette = self._items_now()
        # Before its first layout the footer's width is not known yet: the window's stands in.
        self._width = self.size.width
        self._lay_out(self._width or self.app.size.width)
        yield from super().compose()
        # Footer.compose sets the grid's columns to one a key: the layout's stand.
        self._apply(self._layout, force=True)

    def _lay_out(self, width: int | None = None) -> None:
        self._apply(footer_layout(self._items, self._palette, width or self.size.width))

    def _apply(self, layout: Layout | None, force: bool = False) -> None:
        """Compact or not; one line, or a grid of `columns` keys on `lines` lines."""
        if layout is None or (layout == self._layout and not force):
            return
        lines_before = self._layout.lines if self._layout else 1
        self._layout = layout
        self.compact = layout.compact
        if layout.grid:
            self.styles.grid_size_columns = layout.columns
            self.styles.height = layout.lines
        else:
            self.styles.clear_rule("height")
        self.set_class(layout.grid, "-two-lines")
        if layout.lines != lines_before and self.is_attached:
            # The screen above grows or shrinks by a line: lay it out and paint it all again.
            self.screen.refresh(layout=True)
