"""The week at a glance (seeds/002: "the routine jobs immediately jump off the page"): the
audit period's log as a page, one row a local day, the day's clock running across, every
entry a block; highlighted work painted loud, candidates marked, the rest quiet.

Drawn line by line (no widget per cell), laid out by domain/timeline.py for the width it has;
what each line holds is in timeline_lines.py, the cursor, the keys and the layout here.
Every look has its own character as well as its colour, so the page reads without colour.
"""

from __future__ import annotations

from pathlib import Path

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

from offload.domain.timeline import NOBODY, Grid
from offload.service.timeline import EntryRow, TaskRow, TimelineData
from offload.tui.widgets import timeline_lines as lines
from offload.tui.widgets.timeline_lines import LABEL_WIDTH, LOOKS, POINTER

STATS_WIDTH = 12  # " sw" and the longest core stretch: "  3 10h 05m"
CHROME = LABEL_WIDTH + STATS_WIDTH
FOOT = 4  # a blank line, the entry under the cursor, the legend of looks, of figures
# Keys that move the cursor: the timeline takes them before any screen's (← → change the Review's week).
MOVE_KEYS = frozenset({"left", "right", "up", "down", "home", "end", "pageup", "pagedown",
                       "shift+left", "shift+right", "ctrl+left", "ctrl+right"})



class _Said(Message):
    """What the timeline tells its screen; `control` is the timeline, for @on(..., "#id")."""

    def __init__(self, timeline: "Timeline") -> None:
        super().__init__()
        self.timeline = timeline

    @property
    def control(self) -> "Timeline":
        return self.timeline


class _AboutTask(_Said):
    def __init__(self, timeline: "Timeline", task: TaskRow) -> None:
        super().__init__(timeline)
        self.task = task


class Timeline(Widget, can_focus=True):
    """The audit period as a page. `show(data)` gives it the period's entries; the Review sets
    `selected_task` (the task under its cursor, emphasized wherever it occurs)."""

    DEFAULT_CSS = (Path(__file__).parent / "timeline.tcss").read_text(encoding="utf-8")
    COMPONENT_CLASSES = {f"timeline--{name}" for name in LOOKS} | {
        "timeline--cursor", "timeline--tick", "timeline--missing", "timeline--label", "timeline--label-cursor",
        "timeline--info", "timeline--task",
    }
    BINDINGS = [
        Binding("enter", "open", "Edit", id="timeline.open", tooltip="Edit the entry under the cursor"),
        Binding("space", "highlight", "Highlight", id="timeline.highlight",
                tooltip="Highlight the task under the cursor to hand over, or unhighlight it"),
        Binding("left", "move(0, -1)", "Earlier", id="timeline.left", show=False, tooltip="One cell earlier"),
        Binding("right", "move(0, 1)", "Later", id="timeline.right", show=False, tooltip="One cell later"),
        Binding("up", "move(-1, 0)", "Day before", id="timeline.up", show=False, tooltip="The day before"),
        Binding("down", "move(1, 0)", "Day after", id="timeline.down", show=False, tooltip="The day after"),
        Binding("shift+left,ctrl+left", "jump(-1)", "Previous entry", id="timeline.previous_entry", show=False,
                tooltip="To the entry before"),
        Binding("shift+right,ctrl+right", "jump(1)", "Next entry", id="timeline.next_entry", show=False,
                tooltip="To the next entry"),
        Binding("home", "edge(-1)", "Day's start", id="timeline.home", show=False, tooltip="The first hour shown"),
        Binding("end", "edge(1)", "Day's end", id="timeline.end", show=False, tooltip="The last hour shown"),
        Binding("pageup", "move(-7, 0)", "Week before", id="timeline.page_up", show=False,
                tooltip="Seven days up"),
        Binding("pagedown", "move(7, 0)", "Week after", id="timeline.page_down", show=False,
                tooltip="Seven days down"),
    ]

    class EntryChosen(_Said):
        """Enter on a block: open this entry."""

        def __init__(self, timeline: "Timeline", entry: EntryRow) -> None:
            super().__init__(timeline)
            self.entry = entry

    class HighlightAsked(_AboutTask):
        """Space on a block: highlight (or unhighlight) this task."""

    class TaskMoved(_AboutTask):
        """The cursor came onto a block of another task (the Review's cursor follows it)."""

    selected_task: reactive[int | None] = reactive(None)

    def __init__(self, *, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.data: TimelineData | None = None
        self.grid: Grid | None = None
        self.row = 0  # the cursor: a day of the period ...
        self.cell = 0  # ... and a cell of it
        self.top = 0  # the first day on screen

    def check_consume_key(self, key: str, character: str | None) -> bool:
        return key in MOVE_KEYS

    # --- data ------------------------------------------------------------------------------
    def show(self, data: TimelineData) -> None:
        """Draw this period; the cursor stays where it was when the period is the same."""
        same = self.data is not None and self.data.period == data.period
        self.data = data
        self._lay_out()
        if not same:
            self.row, self.cell, self.top = 0, 0, 0
            self._first_block()
        self._clamp()
        if self.selected_task in data.tasks:
            if not same:  # another period: the cursor goes to the same task there
                self.show_task(self.selected_task)
        else:
            entry = self.entry_at_cursor()
            self.selected_task = entry.task_id if entry is not None else None
        self.refresh(layout=True)

    def show_task(self, task_id: int | None) -> None:
        """Emphasize a task and put the cursor on its first block (if it is in the period)."""
        self.selected_task = task_id
        grid, data = self.grid, self.data
        if grid is None or data is None or task_id is None or self._on_task(task_id):
            return
        for r, row in enumerate(grid.rows):
            for c, owner in enumerate(row.owners):
                if owner != NOBODY and data.entries[owner].task_id == task_id:
                    self.row, self.cell = r, c
                    self._clamp()
                    self.refresh()
                    return

    def _on_task(self, task_id: int) -> bool:
        entry = self.entry_at_cursor()
        return entry is not None and entry.task_id == task_id

    def _lay_out(self) -> None:
        if self.data is None:
            return
        width = self.content_size.width or self.size.width or 80
        self.grid = self.data.grid(max(1, width - CHROME))

    def on_resize(self, event: events.Resize) -> None:
        if self.data is None:
            return
        # The cursor keeps its time of day at the new resolution.
        at = self.grid.cell_start(self.cell) if self.grid and not self.grid.empty else None
        self._lay_out()
        if at is not None and self.grid and not self.grid.empty:
            self.cell = self.grid.cell_of(at)
        self._clamp()
        self.refresh()

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        days = len(self.data.days) if self.data else 7
        return 1 + days * 2 - 1 + FOOT

    # --- the cursor ----------------------------------------------------------------------------
    def _first_block(self) -> None:
        grid = self.grid
        if grid is None:
            return
        for r, row in enumerate(grid.rows):
            for c, owner in enumerate(row.owners):
                if owner != NOBODY:
                    self.row, self.cell = r, c
                    return

    def _clamp(self) -> None:
        grid = self.grid
        if grid is None:
            return
        self.row = min(max(0, self.row), max(0, len(grid.rows) - 1))
        self.cell = min(max(0, self.cell), max(0, grid.cells - 1))
        visible_days = self._visible_days()
        if self.row < self.top:
            self.top = self.row
        elif self.row >= self.top + visible_days:
            self.top = self.row - visible_days + 1
        self.top = max(0, min(self.top, max(0, len(grid.rows) - visible_days)))

    def _go(self, row: int, cell: int) -> None:
        self.row, self.cell = row, cell
        self._clamp()
        entry = self.entry_at_cursor()
        task = self.data.tasks.get(entry.task_id) if entry is not None and self.data else None
        if task is not None and task.id != self.selected_task:
            self.selected_task = task.id
            self.post_message(self.TaskMoved(self, task))
        self.refresh()

    def entry_at_cursor(self) -> EntryRow | None:
        grid, data = self.grid, self.data
        if grid is None or data is None or grid.empty or not grid.rows:
            return None
        owner = grid.rows[self.row].owners[self.cell]
        return None if owner == NOBODY else data.entries[owner]

    def action_move(self, rows: int, cells: int) -> None:
        self._go(self.row + rows, self.cell + cells)

    def action_edge(self, side: int) -> None:
        if self.grid is not None:
            self._go(self.row, 0 if side < 0 else self.grid.cells - 1)

    def action_jump(self, way: int) -> None:
        """To the first cell of the next (or previous) entry, across days."""
        grid = self.grid
        if grid is None or grid.empty:
            return
        cells = grid.cells
        here = self.row * cells + self.cell
        owners = [o for row in grid.rows for o in row.owners]
        current = owners[here]
        i = here
        if way > 0:
            while i + 1 < len(owners):
                i += 1
                if owners[i] != NOBODY and owners[i] != current and (owners[i - 1] != owners[i] or i % cells == 0):
                    self._go(*divmod(i, cells))
                    return
        else:
            start = self._block_start(owners, here, cells)  # back to this block's start first
            i = start
            while i > 0:
                i -= 1
                if owners[i] != NOBODY and (owners[i] != current or i // cells != here // cells):
                    self._go(*divmod(self._block_start(owners, i, cells), cells))
                    return

    @staticmethod
    def _block_start(owners: list[int], i: int, cells: int) -> int:
        while i % cells and owners[i - 1] == owners[i]:
            i -= 1
        return i

    def action_open(self) -> None:
        entry = self.entry_at_cursor()
        if entry is None:
            self.notify("Move onto an entry first.", severity="warning", timeout=2)
            return
        self.post_message(self.EntryChosen(self, entry))

    def action_highlight(self) -> None:
        entry = self.entry_at_cursor()
        task = self.data.tasks.get(entry.task_id) if entry is not None and self.data else None
        if task is None:
            self.notify("Move onto an entry first.", severity="warning", timeout=2)
            return
        self.post_message(self.HighlightAsked(self, task))

    def on_click(self, event: events.Click) -> None:
        place = self._cell_under(event.get_content_offset(self))
        if place is None:
            return
        self._go(*place)
        if event.chain >= 2:
            self.action_open()

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        event.stop()
        self._scroll(1)

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        event.stop()
        self._scroll(-1)

    def _scroll(self, by: int) -> None:
        if self.grid is None:
            return
        self.top = max(0, min(self.top + by, len(self.grid.rows) - self._visible_days()))
        self.row = min(max(self.row, self.top), self.top + self._visible_days() - 1)
        self.refresh()

    def _cell_under(self, offset) -> tuple[int, int] | None:
        if offset is None or self.grid is None or self.grid.empty:
            return None
        x, y = offset
        cell = x - LABEL_WIDTH
        if not 0 <= cell < self.grid.cells:
            return None
        line = y - 1
        spacing = self._spacing()
        if line < 0 or line % spacing:
            return None
        row = self.top + line // spacing
        if row >= len(self.grid.rows) or line // spacing >= self._visible_days():
            return None
        return row, cell

    # --- drawing ---------------------------------------------------------------------------------
    def _spacing(self) -> int:
        """A blank line between days when all of them fit so, one line a day otherwise."""
        days = len(self.grid.rows) if self.grid else 7
        return 2 if 1 + days * 2 - 1 + FOOT <= self.size.height else 1

    def _visible_days(self) -> int:
        days = len(self.grid.rows) if self.grid else 7
        room = max(1, self.size.height - 1 - FOOT)
        spacing = self._spacing()
        return max(1, min(days, (room + spacing - 1) // spacing))

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"timeline--{name}")

    def render_line(self, y: int) -> Strip:
        width = self.content_size.width
        base = self.rich_style
        grid, data = self.grid, self.data
        if grid is None or data is None:
            return Strip.blank(width, base)
        if grid.empty:
            if y == 0:
                return self._text_line(Text("No time was logged in this period.", style=self._style("label")), width)
            return Strip.blank(width, base)
        spacing = self._spacing()
        days_shown = self._visible_days()
        grid_lines = (days_shown - 1) * spacing + 1
        if y == 0:
            return self._header(width)
        if 1 <= y <= grid_lines:
            line = y - 1
            if line % spacing:
                if self.top + line // spacing == self.row:
                    return self._pointer_line(width)
                return Strip.blank(width, base)
            row = self.top + line // spacing
            return self._day_line(row, width) if row < len(grid.rows) else Strip.blank(width, base)
        if y == grid_lines + 2:
            return self._text_line(self._info(), width)
        if y == grid_lines + 3:
            return self._text_line(self._legend(width), width)
        if y == grid_lines + 4:
            return self._text_line(self._figures_legend(), width)
        return Strip.blank(width, base)

    def _text_line(self, text: Text, width: int) -> Strip:
        text = text.copy()
        text.no_wrap = True
        text.truncate(width, overflow="ellipsis", pad=True)
        console = self.app.console
        # Text.render leaves the text's own style out: it is the base of every piece.
        base = self.rich_style + (console.get_style(text.style) if text.style else Style())
        return Strip(list(text.render(console)), width).apply_style(base)

    def _pointer_line(self, width: int) -> Strip:
        text = Text(" " * (LABEL_WIDTH + self.cell))
        text.append(POINTER, style=self._style("cursor"))
        return self._text_line(text, width)

    def _header(self, width: int) -> Strip:
        return self._text_line(lines.header(self.grid, self._style), width)

    def _day_line(self, r: int, width: int) -> Strip:
        cursor = self.cell if r == self.row else None
        segments = lines.day_segments(self.grid, self.data, r, cursor, self.selected_task, self._style)
        return Strip(segments).crop_extend(0, width, self.rich_style).apply_style(self.rich_style)

    def _info(self) -> Text:
        return lines.info(self.grid, self.data, self.row, self.cell, self._style)

    def _legend(self, width: int) -> Text:
        return lines.legend(self.grid, self.data, self.selected_task, self._style)

    def _figures_legend(self) -> Text:
        return lines.figures_legend(self.grid, self._style)

    def watch_selected_task(self, _old: int | None, _new: int | None) -> None:
        self.refresh()
