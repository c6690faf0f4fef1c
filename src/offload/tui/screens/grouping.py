"""The Grouping screen: put each highlighted task into a skill set, then write the set's brief.

Left, the highlighted tasks not yet in a set, with a suggestion and why; right, the skill
sets with their tasks and hours a week. Every key changes the database at once.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Header, Static

from offload.domain.format import duration, money
from offload.domain.skill_sets import FIELD_KEYS
from offload.tui.dialogs.rename import rename_task, undo_task_change
from offload.tui.messages import BriefLoaded, GroupingLoaded, HandoverLoaded, PlanLoaded
from offload.tui.screens.base import DataScreen
from offload.tui.screens.grouping_dialogs import GroupingDialogs
from offload.tui.screens.period_keys import PeriodKeys
from offload.tui.widgets.fit_table import FitTable, cut
from offload.tui.widgets.keys_footer import KeysFooter


def period_title(period) -> str:
    """The Grouping's title line: the audit period, how its hours are counted, the keys that move it."""
    hours = "hours a week" if period.weeks == 1 else "averages a week"
    return f"Audit period: {period.title()} · {hours} · a month by each task's frequency · ← → + -"


class GroupingScreen(PeriodKeys, DataScreen):
    CSS_PATH = "grouping.tcss"
    SUB_TITLE = "Grouping"
    BINDINGS = [
        Binding("a", "accept", "Accept", id="grouping.accept",
                tooltip="Put the selected task in the skill set suggested for it"),
        Binding("m", "move", "Move", id="grouping.move",
                tooltip="Choose a skill set for the selected task (type to filter)"),
        Binding("o", "take_out", "Take out", show=False, id="grouping.take_out",
                tooltip="Take the selected task out of its skill set (it stays highlighted)"),
        Binding("c", "create", "New set", id="grouping.create", tooltip="Create a skill set"),
        Binding("r", "rename", "Rename", show=False, id="grouping.rename",
                tooltip="Rename the selected task, or the selected skill set (an existing task's name merges the two)"),
        Binding("u", "undo", "Undo rename", show=False, id="grouping.undo",
                tooltip="Undo the last rename or merge of a task"),
        Binding("g", "merge", "Merge", show=False, id="grouping.merge",
                tooltip="Merge the selected skill set into another (every task moves)"),
        Binding("e", "edit", "Details", id="grouping.edit",
                tooltip="Edit the selected set's description, rate and brief fields"),
        Binding("x", "delete", "Delete set", show=False, id="grouping.delete",
                tooltip="Delete the selected skill set; its tasks stay highlighted, ungrouped"),
        Binding("h", "handover", "Handed over", show=False, id="grouping.handover",
                tooltip="Record that the selected skill set was handed over: since when, at what cost"),
        Binding("b", "brief", "Brief", id="grouping.brief",
                tooltip="Preview the handover brief (the selected set, or all) and save it to a file"),
        Binding("p", "plan", "Plan", id="grouping.plan", show=False,
                tooltip="Preview your plan (cost against the value of your time, the return) and save it"),
        # The audit period, changed with the Review's keys (and saved for both).
        Binding("left", "previous_week", "Previous week", id="grouping.previous", key_display="←", show=False,
                tooltip="The audit period a week earlier", priority=True),
        Binding("right", "next_week", "Next week", id="grouping.next", key_display="→", show=False,
                tooltip="The audit period a week later", priority=True),
        Binding("t", "this_week", "This week", id="grouping.this_week", show=False,
                tooltip="The audit period up to the current week"),
        Binding("plus,equals_sign", "wider", "One week more", id="grouping.wider", show=False, key_display="+",
                tooltip="Add the week before to the audit period (up to 13 weeks)"),
        Binding("minus", "narrower", "One week less", id="grouping.narrower", show=False, key_display="-",
                tooltip="Take the first week out of the audit period"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.view = None  # GroupingView, as read last
        self.choices: list = []  # SetChoice: what the picker offers
        self.currency = ""
        self._ticks = 0
        self.select_after: str | None = None  # a set just made or merged into: the cursor goes to it
        self._brief_when_read = False  # b (or the palette) before the first read: the brief once it is in
        # Row key -> (kind, name): "task" rows on both sides, "set" rows on the right.
        self.rows: dict[str, tuple[str, str]] = {}
        self.dialogs = GroupingDialogs(self)  # the flows of m, c, r, g, e, x, h, b and p

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="week-title", markup=False)
        with Horizontal(id="panes"):
            with Vertical(id="left"):
                yield Static("To group: highlighted, not yet in a skill set", classes="pane-title")
                yield FitTable(id="ungrouped", cursor_type="row", zebra_stripes=True, flex=("task", "suggestion"))
                yield Static("", id="left-empty", markup=False)
            with Vertical(id="right"):
                yield Static("Skill sets", classes="pane-title")
                # The names take what the hours leave: an empty set's hint never pushes them out.
                yield FitTable(id="sets", cursor_type="row", flex="name")
                yield Static("", id="right-empty", markup=False)
        yield Static("", id="hint", markup=False)
        yield KeysFooter()

    def set_up(self) -> None:
        left = self.query_one("#ungrouped", DataTable)
        left.add_column("Task", key="task")
        left.add_column("a week", key="hours", width=7)
        left.add_column("Suggestion (a accepts)", key="suggestion")
        right = self.query_one("#sets", DataTable)
        right.add_column("Skill set / task", key="name")
        right.add_column("a week", key="hours", width=7)
        right.add_column("a month", key="month", width=8)
        left.fit()
        right.fit()
        self.watch(self.app, "period", lambda _: self.read_again(), init=False)

    def started(self) -> None:
        self.query_one("#ungrouped", DataTable).focus()

    def on_resize(self, event) -> None:
        self.set_class(event.size.width < 100, "narrow")

    # --- reading ----------------------------------------------------------------------
    def load(self) -> None:
        """Ask for the grouping over the audit period (the Review's); GroupingLoaded shows it."""
        self.data.load_grouping(self, self.app.period)

    def on_grouping_loaded(self, loaded: GroupingLoaded) -> None:
        self.view = view = loaded.view
        self.choices, self.currency = loaded.choices, loaded.currency
        self.query_one("#week-title", Static).update(period_title(view.week))
        weeks = view.week.weeks
        left = self.query_one("#ungrouped", DataTable)
        right = self.query_one("#sets", DataTable)
        self.rows = {}
        with self.app.batch_update():
            keep_left, keep_right = left.cursor_row, right.cursor_row
            left.clear()
            for t in view.ungrouped:
                key = f"t{t.task.id}"
                self.rows[key] = ("task", t.name)
                reason = cut(t.suggestion.reason) if t.suggestion else cut("no suggestion: m chooses", "dim")
                left.add_row(cut(t.name), Text(duration(t.seconds / weeks), justify="right"), reason, key=key)
            right.clear()
            for s in view.sets:
                key = f"s{s.row.id}"
                self.rows[key] = ("set", s.name)
                right.add_row(
                    cut(s.name, "bold"),
                    Text(duration(s.seconds / weeks), justify="right", style="bold"),
                    Text(duration(s.monthly_hours * 3600), justify="right", style="bold"),
                    key=key,
                )
                for i, t in enumerate(s.tasks):
                    tkey = f"t{t.task.id}"
                    self.rows[tkey] = ("task", t.name)
                    branch = "└ " if i == len(s.tasks) - 1 else "├ "
                    label = Text.assemble((branch, "dim"), t.name, no_wrap=True, overflow="ellipsis")
                    if not t.task.highlighted:
                        label.append(" (not highlighted)", style="dim")
                    right.add_row(label, Text(duration(t.seconds / weeks), justify="right"),
                                  Text(duration(t.figures.estimate.monthly * 3600), justify="right"), key=tkey)
                if not s.tasks:
                    right.add_row(cut("└ no tasks yet: m on a task puts it here", "dim"), "", "",
                                  key=f"e{s.row.id}")
            if left.row_count:
                left.move_cursor(row=min(keep_left, left.row_count - 1))
            if right.row_count:
                right.move_cursor(row=min(keep_right, right.row_count - 1))
        if self.select_after:
            self._select_set(self.select_after)
            self.select_after = None
        self._empty_states()
        self.update_hint()
        if self._brief_when_read:
            self._brief_when_read = False
            self.action_brief()

    def _empty_states(self) -> None:
        view = self.view
        left_empty = self.query_one("#left-empty", Static)
        left_empty.display = not view.ungrouped
        self.query_one("#ungrouped", DataTable).display = bool(view.ungrouped)
        if view.sets:
            left_empty.update("Every highlighted task is in a skill set. b previews the brief, p your plan.")
        else:
            left_empty.update(
                "No highlighted tasks yet. Press 2 to review your week and highlight (space) the tasks "
                "you would hand over; they appear here to be grouped."
            )
        right_empty = self.query_one("#right-empty", Static)
        right_empty.display = not view.sets
        self.query_one("#sets", DataTable).display = bool(view.sets)
        right_empty.update("No skill sets yet. a accepts a suggestion, m picks a set, c creates one.")

    def tick(self) -> None:
        """Each minute: a running entry's hours (another process's writes come as DataChanged)."""
        self._ticks += 1
        if self._ticks % 60 == 0 and self.is_current:
            self.reload()

    # --- what is selected ------------------------------------------------------------
    def _selected(self, table_id: str) -> tuple[str, str] | None:
        table = self.query_one(f"#{table_id}", DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key((table.cursor_row, 0)).row_key.value
        if key and key.startswith("e"):
            return ("set", self._set_of_row(table, table.cursor_row))
        return self.rows.get(key)

    def _set_of_row(self, table: DataTable, row: int) -> str | None:
        """The set a row of the right table belongs to: the nearest set row above it."""
        for i in range(row, -1, -1):
            key = table.coordinate_to_cell_key((i, 0)).row_key.value
            if key in self.rows and self.rows[key][0] == "set":
                return self.rows[key][1]
        return None

    def selected_task(self) -> str | None:
        focused = self.focused
        table_id = "sets" if focused is self.query_one("#sets") else "ungrouped"
        found = self._selected(table_id)
        return found[1] if found and found[0] == "task" else None

    def selected_set(self) -> str | None:
        """The set under the cursor on the right (a task row means its set)."""
        table = self.query_one("#sets", DataTable)
        if not table.row_count:
            return None
        return self._set_of_row(table, table.cursor_row)

    def right_has_focus(self) -> bool:
        return self.focused is self.query_one("#sets")

    @on(DataTable.RowHighlighted)
    def update_hint(self, event: DataTable.RowHighlighted | None = None) -> None:
        hint = self.query_one("#hint", Static)
        if self.view is None:
            return
        if self.right_has_focus():
            name = self.selected_set()
            if name is None:
                hint.update("c creates a skill set · Tab goes back to the tasks")
                return
            group = self.view.set(name)
            rate = (f" · rate {money(group.row.rate, self.currency)}/h" if group and group.row.rate is not None
                    else " · no rate yet")
            empty = sum(1 for k in FIELD_KEYS if not (group.row.fields.get(k) or "").strip()) if group else 0
            todo = f" · {empty} brief questions open (e)" if empty else " · brief fields filled"
            renames = "r renames the task · o takes it out" if self.selected_task() else "r renames the set"
            hint.update(f"{name}{rate}{todo} · b: its brief · p: your plan · h: handed over · {renames} · g merges")
            return
        task = self.selected_task()
        if task is None:
            hint.update("Tab: the skill sets · b: the brief for all sets · p: your plan")
            return
        row = next((t for t in self.view.ungrouped if t.name == task), None)
        if row and row.suggestion:
            hint.update(f"a puts {task} in {row.suggestion.set_name} ({row.suggestion.reason}) · m chooses another"
                        " · r renames the task")
        else:
            hint.update(f"m chooses a skill set for {task} · c creates one · r renames the task")

    def on_descendant_focus(self) -> None:
        self.update_hint()

    @on(DataTable.RowSelected, "#ungrouped")
    def enter_on_task(self) -> None:
        self.action_move()

    @on(DataTable.RowSelected, "#sets")
    def enter_on_set(self) -> None:
        found = self._selected("sets")
        if found and found[0] == "task":
            self.action_move()
        else:
            self.action_edit()

    # --- changing --------------------------------------------------------------------
    def _change(self, action: str, job, said=None) -> None:
        self.data.change(self, action, job, said)

    def action_accept(self) -> None:
        task = self.selected_task()
        if task is None:
            self.notify("Select a task on the left to accept its suggestion.", severity="warning")
            return
        self._change("accept", lambda s: s.grouping.accept(task), lambda row: f"{task} → {row.name}")

    def action_move(self) -> None:
        task = self.selected_task()
        if task is None:
            self.notify("Select a task to move (left, or a task row on the right).", severity="warning")
            return
        self.dialogs.move(task, [(c.name, c.description, c.in_use) for c in self.choices])

    def action_take_out(self) -> None:
        found = self._selected("sets") if self.right_has_focus() else None
        if not found or found[0] != "task":
            self.notify("Select a task inside a skill set (right) to take it out.", severity="warning")
            return
        task = found[1]
        self._change("take out", lambda s: s.grouping.unassign(task),
                     lambda _: f"{task} is back among the tasks to group")

    def action_create(self) -> None:
        self.dialogs.create()

    def _select_set(self, name: str) -> None:
        table = self.query_one("#sets", DataTable)
        for key, (kind, value) in self.rows.items():
            if kind == "set" and value.casefold() == name.casefold():
                table.move_cursor(row=table.get_row_index(key))
                return

    def _need_set(self) -> str | None:
        name = self.selected_set()
        if name is None:
            self.notify("Select a skill set on the right first (Tab).", severity="warning")
        return name

    def action_undo(self) -> None:
        undo_task_change(self)

    def action_rename(self) -> None:
        task = self.selected_task()
        if task is not None:  # a task row, on either side: the task
            rename_task(self, task)
            return
        name = self._need_set()
        if name is not None:
            self.dialogs.rename_set(name)

    def action_merge(self) -> None:
        name = self._need_set()
        if name is None:
            return
        others = [(c.name, c.description, True) for c in self.choices if c.in_use and c.name != name]
        if not others:
            self.notify("There is no other skill set to merge into.", severity="warning")
            return
        self.dialogs.merge(name, others)

    def description(self, set_name: str) -> str:
        group = self.view.set(set_name) if self.view else None
        return group.row.description.strip() if group else ""

    def action_edit(self) -> None:
        name = self._need_set()
        group = self.view.set(name) if name and self.view else None
        if group is not None:
            self.dialogs.edit(name, group.row, self.currency)

    def action_delete(self) -> None:
        name = self._need_set()
        if name is None:
            return
        count = len(self.view.set(name).tasks) if self.view and self.view.set(name) else 0
        self.dialogs.delete(name, count)

    def action_handover(self) -> None:
        name = self._need_set()
        if name is not None:
            self.data.load_handover(self, name)

    def on_handover_loaded(self, loaded: HandoverLoaded) -> None:
        if self.is_current:
            self.dialogs.handover(loaded)

    def action_brief(self) -> None:
        if self.view is None:
            self._brief_when_read = True
            return
        name = self.selected_set() if self.right_has_focus() else None
        if not self.view or not self.view.sets:
            self.notify("No skill sets yet: group some tasks first.", severity="warning")
            return
        if name is None and len(self.view.sets) == 1:
            name = self.view.sets[0].name  # the brief of all is this one set's: name the file after it
        self.data.load_brief(self, name, self.view.week)

    def on_brief_loaded(self, loaded: BriefLoaded) -> None:
        if self.is_current:
            self.dialogs.brief(loaded)

    def action_plan(self) -> None:
        if self.view is None:
            return
        self.data.load_plan(self, self.view.week)

    def on_plan_loaded(self, loaded: PlanLoaded) -> None:
        if self.is_current:
            self.dialogs.plan(loaded)
