"""The Review screen: read the audit period back (a week or several), highlight the tasks to hand
over, say how often each recurs, and see how much of the week that is."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.widgets import DataTable, Header, Static

from offload.domain.weeks import Period
from offload.service.review import SHOWS, SORTS, TaskWeek, WeekReport, arrange
from offload.tui import words
from offload.tui.dialogs.entries import TaskEntriesDialog
from offload.tui.dialogs.entry import edit_entry_dialog
from offload.tui.dialogs.rename import rename_task, undo_task_change
from offload.tui.messages import EntriesLoaded, TimelineLoaded, WeekLoaded
from offload.tui.screens.base import DataScreen
from offload.tui.screens.period_keys import PeriodKeys
from offload.tui.widgets.keys_footer import KeysFooter
from offload.tui.widgets.selection import select_key, selected_key
from offload.tui.widgets.review_tables import TOTAL_ROW, UNLOGGED_ROW, WIDE_FROM, ByDayTable, ReviewTable, TaskTable
from offload.tui.widgets.timeline import Timeline

WEEK_KEYS = Binding.Group("Week", compact=True)

SORT_COLUMNS = {"total": "total", "share": "share", "task": "name"}
SHOW_TEXT = {"all": "all tasks", "highlighted": "highlighted tasks only", "candidates": "candidates only"}
class ReviewScreen(PeriodKeys, DataScreen):
    CSS_PATH = "review.tcss"
    SUB_TITLE = "Review"
    BINDINGS = [
        Binding("space", "toggle_highlight", "Highlight", id="review.highlight",
                tooltip="Mark the selected task to hand over, or unmark it"),
        Binding("enter", "entries", "Entries", id="review.entries", show=False,
                tooltip="Each time the selected task was done this week"),
        # p and n apart from the arrows: on the timeline the arrows move its cursor (it takes
        # them first), so the footer's ← → go, and p and n still change the week.
        Binding("p", "previous_week", "Previous week", id="review.previous.p", show=False,
                tooltip="The audit period a week earlier (saved: the Grouping, brief and plan use it)",
                priority=True),
        Binding("left", "previous_week", "Previous week", id="review.previous", key_display="←",
                tooltip="The audit period a week earlier (saved: the Grouping, brief and plan use it)",
                priority=True, group=WEEK_KEYS),
        Binding("n", "next_week", "Next week", id="review.next.n", show=False,
                tooltip="The audit period a week later", priority=True),
        Binding("right", "next_week", "Next week", id="review.next", key_display="→",
                tooltip="The audit period a week later", priority=True, group=WEEK_KEYS),
        Binding("t", "this_week", "This week", id="review.this_week", show=False,
                tooltip="The audit period up to the current week"),
        Binding("plus,equals_sign", "wider", "One week more", id="review.wider", show=False,
                key_display="+", tooltip="Add the week before to the audit period (up to 13 weeks)"),
        Binding("minus", "narrower", "One week less", id="review.narrower", show=False,
                key_display="-", tooltip="Take the first week out of the audit period"),
        Binding("d", "toggle_by_day", "By day", id="review.by_day",
                tooltip="Switch between the task list and hours per task per day"),
        Binding("w", "toggle_timeline", "Timeline", id="review.timeline",
                tooltip="The week at a glance: each day's entries as blocks, highlighted work painted"),
        # Shown beside the state they change (the view line and the column titles), not in the footer.
        Binding("s", "cycle_sort", "Sort", id="review.sort", show=False, tooltip="Sort by total, share or name"),
        Binding("v", "cycle_show", "Filter tasks", id="review.show", show=False,
                tooltip="Show all tasks, only highlighted ones, or only candidates"),
        Binding("f", "cycle_feeling", "Feeling", id="review.feeling", show=False,
                tooltip="How you feel about the selected task: like, neutral, dislike"),
        Binding("c", "cycle_kind", "Core or support", id="review.kind", show=False,
                tooltip="Core work that earns revenue, or support work for the business"),
        Binding("r", "rename", "Rename", id="review.rename", show=False,
                tooltip="Rename the selected task; an existing task's name merges the two (after asking)"),
        Binding("u", "undo", "Undo rename", id="review.undo", show=False,
                tooltip="Undo the last rename or merge of a task"),
        Binding("o", "cycle_frequency", "How often", id="review.frequency", show=False,
                tooltip="How often the selected task recurs: daily, weekly, monthly, quarterly, yearly, one-off"),
    ]

    # What is shown of the week read: changing one lays the rows again, without reading again.
    sort: reactive[str] = reactive("total", init=False)
    show: reactive[str] = reactive("all", init=False)
    by_day: reactive[bool] = reactive(False, init=False)
    glance: reactive[bool] = reactive(False, init=False)  # the timeline instead of a table

    def __init__(self) -> None:
        super().__init__()
        self.report: WeekReport | None = None
        self.shown_week: Period | None = None  # the audit period of `report` (a week or several)
        self.this_week: Period | None = None
        self.before_seconds = 0  # the period shown is empty: what the one before holds
        self._weeks_in_table = 0  # the task columns are titled for this many weeks
        self._week_in_table: Period | None = None
        self._counting_up = False
        self._minute = -1
        self.compact = False
        self._glance_task: int | None = None  # the task to put the timeline's cursor on once loaded

    @property
    def week(self) -> Period | None:
        """The week asked for (the app's), else the one shown."""
        return self.app.period or self.shown_week

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="week-bar"):
            yield Static("", id="week-title")
            yield Static("", id="week-when")
        yield Static("", id="view-line")
        with Vertical(id="body"):
            yield TaskTable(id="tasks", cursor_type="row", zebra_stripes=True)
            yield ByDayTable(id="by-day", cursor_type="row", zebra_stripes=True)
            yield Timeline(id="timeline")
            yield Static("", id="empty")
        with Horizontal(id="summary-bar"):
            yield Static("", id="summary")
            yield Static("", id="freed")
        yield KeysFooter()

    def set_up(self) -> None:
        self.compact = self.app.size.width < WIDE_FROM
        self._set_task_columns()
        self.query_one("#by-day", DataTable).display = False
        self.query_one(Timeline).display = False
        self.watch(self.app, "period", lambda _: self.read_again(), init=False)
        # After the app has read the new theme's colours (watching `theme` itself could run first,
        # and lay the rows again in the old theme's accent).
        self.app.theme_changed_signal.subscribe(self, lambda _: self._restyle())

    def started(self) -> None:
        self.query_one("#tasks", DataTable).focus()

    def on_resize(self) -> None:
        compact = self.size.width < WIDE_FROM
        if compact == self.compact:
            return
        self.compact = compact
        # New columns: rows are rebuilt, the cursor stays on its task.
        selected = {table.id: selected_key(table) for table in self.query(ReviewTable)}
        self._set_task_columns()
        self._week_in_table = None
        self.query_one("#by-day", ByDayTable).forget_cells()
        self.show_report()
        for table in self.query(ReviewTable):
            select_key(table, selected.get(table.id), table.cursor_row)

    def _set_task_columns(self) -> None:
        self._weeks_in_table = self.shown_week.weeks if self.shown_week else 1
        self.query_one("#tasks", TaskTable).set_columns(self._weeks_in_table, self.compact)

    def out_of_date(self) -> bool:
        """A running entry counts up: durations show whole minutes, so a new minute reads again."""
        return self._counting_up and self.data.now_epoch() // 60 != self._minute

    def tick(self) -> None:
        if self.is_current and self.out_of_date():
            self.reload()

    # --- reading ----------------------------------------------------------------------
    def load(self) -> None:
        """Ask for the week again; WeekLoaded brings every widget up to date in place."""
        self._minute = self.data.now_epoch() // 60
        self.data.load_period(self, self.app.period)

    def on_week_loaded(self, loaded: WeekLoaded) -> None:
        if self.app.period is not None and loaded.week != self.app.period:
            return  # an answer for a week left meanwhile
        self.report, self.shown_week, self.this_week = loaded.report, loaded.week, loaded.this_week
        self.before_seconds = loaded.before_seconds
        self._counting_up = loaded.running_task_id is not None and any(
            t.task.id == loaded.running_task_id for t in loaded.report.tasks)
        self.show_report()
        if self.glance:
            self.data.load_timeline(self, loaded.week)

    def on_timeline_loaded(self, loaded: TimelineLoaded) -> None:
        if loaded.week != self.shown_week:
            return  # an answer for a week left meanwhile
        timeline = self.query_one(Timeline)
        timeline.show(loaded.timeline)
        if self._glance_task is not None:
            timeline.show_task(self._glance_task)  # the task the table's cursor was on
            self._glance_task = None

    def show_report(self) -> None:
        """Lay out the week read last, as sorted, filtered and viewed now (no reading)."""
        report = self.report
        if report is None:
            return
        shown = arrange(report.tasks, self.sort, self.show)
        with self.app.batch_update():
            if self._weeks_in_table != self.shown_week.weeks:
                self._set_task_columns()
            self._show_header(self.this_week)
            self._show_summary(report)
            self._show_empty(report, shown)
            # Only the table in view is brought up to date; the other when it is shown.
            if self.by_day:
                by_day = self.query_one("#by-day", ByDayTable)
                if self._week_in_table != self.shown_week:
                    by_day.set_columns(self.shown_week, self.compact)
                    self._week_in_table = self.shown_week
                by_day.show_days(shown, self.shown_week, self.compact, self.show == "all", report.day_unlogged)
            else:
                self.query_one("#tasks", TaskTable).show_tasks(shown, self.shown_week, self.compact)
        # A table hidden by an empty week lost the focus: back with rows, it takes it again,
        # so its cursor is drawn and the arrows move it.
        view = self.query_one(Timeline) if self.glance else self.table
        if view.display and self.focused is None:
            view.focus()

    def watch_sort(self) -> None:
        self.show_report()

    def watch_show(self) -> None:
        self.show_report()

    def watch_by_day(self) -> None:
        selected = selected_key(self.query_one("#tasks" if self.by_day else "#by-day", DataTable))
        self.show_report()
        table = self.table
        select_key(table, selected, table.cursor_row)
        table.focus()

    def watch_glance(self) -> None:
        timeline = self.query_one(Timeline)
        if self.glance:
            chosen = selected_key(self.table)
            self._glance_task = int(chosen) if chosen and chosen != TOTAL_ROW else None
            if self.shown_week is not None:
                self.data.load_timeline(self, self.shown_week)
        self.show_report()
        if self.glance:
            timeline.focus()
        else:
            self.table.focus()

    def _show_header(self, this_week: Period) -> None:
        self.query_one("#week-title", Static).update(self.shown_week.title())
        self.query_one("#week-when", Static).update(words.period_note(self.shown_week, this_week))
        if self.glance:
            line = "timeline (w): each row a day, each block an entry · p and n move the period"
        else:
            view = "by day" if self.by_day else "by task"
            line = f"{view} (d) · sorted by {self.sort} (s) · showing {SHOW_TEXT[self.show]} (v)"
        self.query_one("#view-line", Static).update(line)

    def _show_summary(self, report: WeekReport) -> None:
        self.query_one("#summary", Static).update(words.summary(report))
        self.query_one("#freed", Static).update(words.freed(report))

    def _show_empty(self, report: WeekReport, shown: list[TaskWeek]) -> None:
        empty = self.query_one("#empty", Static)
        if not report.tasks:
            text = words.empty_period(self.shown_week, self.this_week, self.before_seconds)
        elif not shown:
            text = {
                "highlighted": "No task is highlighted yet. v shows all tasks again; space highlights the one "
                               "under the cursor.",
                "candidates": "No candidates this week: a candidate is disliked support work not yet "
                              "highlighted (f sets the feeling, c core or support). v shows all tasks again.",
            }[self.show]
        else:
            text = ""
        if self.glance and report.tasks:
            text = ""  # the timeline shows every task, whatever the filter
        empty.update(text)
        empty.display = bool(text)
        tables = bool(shown) and not self.glance
        self.query_one("#tasks", DataTable).display = tables and not self.by_day
        self.query_one("#by-day", DataTable).display = tables and self.by_day
        self.query_one(Timeline).display = self.glance and bool(report.tasks)

    def _restyle(self) -> None:
        """A new theme: the accent of highlighted rows follows it."""
        for table in self.query(ReviewTable):
            table.forget_cells()
        self.show_report()

    # --- the task under the cursor ---------------------------------------------------------
    @property
    def table(self) -> DataTable:
        return self.query_one("#by-day" if self.by_day else "#tasks", DataTable)

    def selected_task(self) -> TaskWeek | None:
        key = selected_key(self.table) if self.table.display else None
        if self.report is None or key is None or key in (TOTAL_ROW, UNLOGGED_ROW):
            return None
        return next((t for t in self.report.tasks if str(t.task.id) == key), None)

    def _change_task(self, action: str, change) -> None:
        """`change(review, name)`, on the selected task."""
        task = self.selected_task()
        if task is None:
            self.notify("Move to a task first.", severity="warning")
            return
        name = task.name
        self.data.change(self, action, lambda s: change(s.review, name))

    # --- actions ------------------------------------------------------------------------------
    def action_toggle_highlight(self) -> None:
        self._change_task("highlight", lambda review, name: review.toggle_highlight(name))

    def action_cycle_feeling(self) -> None:
        self._change_task("feeling", lambda review, name: review.cycle_feeling(name))

    def action_cycle_kind(self) -> None:
        self._change_task("kind", lambda review, name: review.cycle_kind(name))

    def action_rename(self) -> None:
        task = self.selected_task()
        if task is None:
            self.notify("Move to a task first.", severity="warning")
            return
        rename_task(self, task.name)

    def action_undo(self) -> None:
        undo_task_change(self)

    def action_cycle_frequency(self) -> None:
        self._change_task("frequency", lambda review, name: review.cycle_frequency(name))

    @on(DataTable.RowSelected)
    def _row_chosen(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_entries()

    def action_entries(self) -> None:
        task = self.selected_task()
        if task is None or self.shown_week is None:
            return
        self.data.load_entries(self, task.name, self.shown_week, task.seconds)

    def on_entries_loaded(self, loaded: EntriesLoaded) -> None:
        if self.is_current:
            self.app.push_screen(TaskEntriesDialog(loaded.task, loaded.week, loaded.entries, loaded.seconds,
                                                   self.data.zone, self.data.now_epoch(), loaded.names))

    def action_toggle_by_day(self) -> None:
        if self.glance:
            self.glance = False  # from the timeline, d goes to the by-day table
            if self.by_day:
                return
        self.by_day = not self.by_day

    def action_toggle_timeline(self) -> None:
        self.glance = not self.glance

    # --- the timeline ----------------------------------------------------------------------------
    def on_timeline_entry_chosen(self, chosen: Timeline.EntryChosen) -> None:
        self.app.push_screen(edit_entry_dialog(chosen.entry, self.data.zone))

    def on_timeline_highlight_asked(self, asked: Timeline.HighlightAsked) -> None:
        name = asked.task.name
        self.data.change(self, "highlight", lambda s: s.review.toggle_highlight(name))

    def on_timeline_task_moved(self, moved: Timeline.TaskMoved) -> None:
        # The tables' cursors follow: back from the timeline, the task is the one last seen there.
        for table in self.query(ReviewTable):
            select_key(table, str(moved.task.id), table.cursor_row)

    def action_cycle_sort(self) -> None:
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]

    def action_cycle_show(self) -> None:
        self.show = SHOWS[(SHOWS.index(self.show) + 1) % len(SHOWS)]

    @on(DataTable.HeaderSelected)
    def _sort_by_header(self, event: DataTable.HeaderSelected) -> None:
        sort = SORT_COLUMNS.get(event.column_key.value)
        if sort:
            self.sort = sort
