"""The Log screen: type a task and Enter to start or switch; a live timer; the entries and
unlogged stretches of a day (today, or any earlier day the user goes to)."""

from __future__ import annotations

from collections import deque
from datetime import date, timedelta

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.reactive import var
from textual.widgets import DataTable, Header, Input, OptionList, Static

from offload.domain.errors import InvalidInput
from offload.domain.weeks import epoch_date
from offload.domain.zones import reading_zone
from offload.tui import words
from offload.tui.dialogs.day import DayDialog, check_day_shown
from offload.tui.dialogs.entry import EntryForm, EntryKeys, add_dialog, exact_time
from offload.tui.messages import ActionDone, ActionFailed, LogLoaded
from offload.tui.screens.base import DataScreen
from offload.tui.widgets.day_table import GAP, DayTable, gap_key
from offload.tui.widgets.keys_footer import KeysFooter
from offload.tui.widgets.selection import select_key, selected_key
from offload.tui.widgets.task_field import TaskEntry
from offload.tui.widgets.timer_panel import TimerPanel
from offload.tui.widgets.week_strip import WeekStrip


class LogScreen(EntryKeys, DataScreen):
    CSS_PATH = "log.tcss"
    SUB_TITLE = "Log"
    BINDINGS = [
        Binding("n", "new_task", "New task", id="log.new", tooltip="Type a task name to start or switch"),
        Binding("slash", "new_task", "New task", show=False, id="log.new2"),
        Binding("s", "stop", "Stop", id="log.stop", tooltip="Stop the running timer"),
        Binding("r", "resume", "Resume", id="log.resume", tooltip="Start the last task again"),
        Binding("e", "edit", "Edit", id="log.edit", tooltip="Edit the selected entry"),
        Binding("a", "add", "Add missed", id="log.add", tooltip="Add an entry you forgot to log"),
        Binding("d,delete", "delete", "Delete", id="log.delete", tooltip="Delete the selected entry (u undoes)"),
        # u stays out of the footer (each change's message names it); the help screen lists it.
        Binding("u", "undo", "Undo", show=False, id="log.undo",
                tooltip="Undo the last delete, edit or add of an entry"),
        # In the footer only while the timer is flagged; ctrl+t works in the task field too.
        Binding("ctrl+t,x", "set_end", "Real end", id="log.set_end",
                tooltip="Say when the running task really ended"),
        Binding("escape", "leave_input", "Done typing", id="log.leave_input",
                tooltip="Leave the task field; the keys above then work"),
        # The day shown: arrows off the task field, page keys while typing (Input leaves them to us:
        # see TaskField), and ctrl keys Input leaves free; alike in every terminal and in tmux. One
        # footer entry says both directions, so the keys fit in 80 columns.
        Binding("left", "previous_day", "Day", key_display="←→", id="log.previous_day",
                tooltip="Show the day before (→ the day after, up to today)"),
        Binding("pageup", "previous_day", "Day", key_display="pgup/dn", id="log.previous_day_typing",
                tooltip="Show the day before, even while typing (pgdn the day after)"),
        Binding("right,pagedown", "next_day", "Day after", show=False, id="log.next_day",
                tooltip="Show the day after (up to today)"),
        # t stays out of the footer (the title beside the day names it), so the keys of a past day
        # fit in two lines at 80 columns; ctrl+home shows while typing.
        Binding("t", "today", "Today", show=False, id="log.today", tooltip="Back to today"),
        Binding("ctrl+home", "today", "Today", id="log.today_typing", tooltip="Back to today, even while typing"),
        Binding("g,ctrl+l", "go_to_day", "Go to day", id="log.go_to_day",
                tooltip="Type a day to show: yesterday, mon, 2026-11-17"),
    ]

    day: var[date | None] = var(None, init=False)
    """The day shown; None: today (and tomorrow, once it is today)."""

    def __init__(self) -> None:
        super().__init__()
        self.names: list[str] = []
        self.running = None  # EntryRow
        self.entries: dict[str, object] = {}  # the day's entries by row key
        self.gaps: dict[str, object] = {}  # its unlogged stretches (Gap) by row key
        self.shown: date | None = None  # the day the rows are of, as last read
        self.today_date: date | None = None
        self._select_next: str | None = None  # a row key the cursor goes to once it is read
        self.long_running_seconds = 4 * 3600
        self.loaded = False
        self._ticks = 0
        self._flagged = False
        self._starting: deque[str] = deque()

    def compose(self) -> ComposeResult:
        yield Header()
        yield TaskEntry(lambda: self.names, id="top")
        yield Static("", id="welcome")
        yield TimerPanel(id="timer")
        yield WeekStrip(id="week")
        yield Static("Today", id="today-title", markup=False)
        # A long task name is cut (…) rather than pushing the notes off the screen.
        yield DayTable(id="today", cursor_type="row", zebra_stripes=True, flex=("task", "note"))
        yield KeysFooter()

    def set_up(self) -> None:
        self.query_one("#today", DayTable).add_day_columns()
        self.query_one("#welcome", Static).display = False

    def started(self) -> None:
        self.set_focus(self.query_one("#task-input", Input))

    # --- reading ---------------------------------------------------------------
    def load(self) -> None:
        """The day shown, the running entry, the week's totals: LogLoaded shows them."""
        self.data.load_log(self, self.day)

    def watch_day(self) -> None:
        self.reload()

    def on_log_loaded(self, loaded: LogLoaded) -> None:
        if loaded.day != min(self.day or loaded.today_date, loaded.today_date):
            return  # an answer for a day left meanwhile
        if not self.loaded:
            self.app.call_after_refresh(self.app.warm_up)
        self.loaded = True
        self.names = loaded.names
        self.running = loaded.running
        self.long_running_seconds = loaded.long_running_seconds
        new_day = loaded.day != self.shown
        self.shown, self.today_date = loaded.day, loaded.today_date
        self.entries = {str(e.id): e for e in loaded.entries}
        self.gaps = {gap_key(g): g for g in loaded.gaps}
        table = self.query_one("#today", DayTable)
        with self.app.batch_update():
            table.show_day(loaded.entries, loaded.gaps, loaded.day, self.data.zone, self.data.now_epoch())
            if new_day:
                select_key(table, None)  # another day: from its newest row
            if self._select_next is not None and self._select_next in table.rows:
                select_key(table, self._select_next)
                self._select_next = None
            self.query_one("#week", WeekStrip).show(loaded.week_totals, loaded.day, loaded.today_date)
            self._show_title()
            welcome = self.query_one("#welcome", Static)
            welcome.display = not self.names
            welcome.update(
                "Welcome to Offload. Type what you are doing now and press Enter; type the next task when you switch.\n"
                # While the task field has the focus, 2 and ? are typed into it: the ctrl keys work there.
                "Log a whole week, then review it (ctrl+r) and highlight what to hand over. ctrl+o lists every key."
            )
            self.update_timer()
        if new_day:
            self.refresh_bindings()  # "Day after" and "Today" only when there is one to go to

    def _show_title(self) -> None:
        shown, today = self.shown, self.today_date
        self._fit_timer()
        if shown is None or today is None or shown == today:
            title, self.sub_title = "Today", "Log"
        else:
            name = words.day_name(shown, today)
            title = f"{name[0].upper()}{name[1:]}: not today (t or ctrl+home goes back)"
            self.sub_title = f"Log · {name}"
        self.query_one("#today-title", Static).update(title)

    def _fit_timer(self) -> None:
        past = self.shown is not None and self.today_date is not None and self.shown != self.today_date
        small = past or self.size.height < 30
        if small != self.has_class("-small-timer"):
            self.set_class(small, "-small-timer")
            self.update_timer()

    def on_resize(self) -> None:
        self._fit_timer()

    def tick(self) -> None:
        """Once a second: the live display. The week strip and today's totals are read each minute
        (another process's writes come as DataChanged, from the app's one look at the file)."""
        self._ticks += 1
        if self._ticks % 60 == 0:
            self.reload()
        else:
            self.update_timer()

    def update_timer(self) -> None:
        """The live display, each second: only what changed is drawn again (idle costs little)."""
        now = self.data.now_epoch()
        entry = self.running
        self._show_flag(entry is not None and entry.seconds(now) > self.long_running_seconds)
        self.query_one(TimerPanel).show(entry, now, self.data.zone, self.long_running_seconds,
                                        small=self.has_class("-small-timer"))
        if entry is not None:
            self.query_one("#today", DayTable).count_up(entry, entry.seconds(now))

    # --- typing a task ------------------------------------------------------------
    @on(Input.Submitted, "#task-input")
    def start_typed(self, event: Input.Submitted) -> None:
        self.start_task(event.value)

    @on(OptionList.OptionSelected, "#matches")
    def start_chosen(self, event: OptionList.OptionSelected) -> None:
        self.start_task(str(event.option.id))

    def start_task(self, name: str) -> None:
        self._starting.append(name)  # in order: starts are made in the order asked
        self.data.change(self, "start", lambda s: s.log.start(name))

    def on_action_done(self, done: ActionDone) -> None:
        if done.action == "start":
            field = self.query_one("#task-input", Input)
            name = self._starting.popleft()
            # Clear what was submitted; anything typed after Enter stays in the field.
            field.value = field.value[len(name):] if field.value.startswith(name) else field.value
            self.query_one(TaskEntry).hide_matches()
            self.notify(words.started(done.result), timeout=2, markup=False)
            # The focus stays in the field: what is typed next is the next task's name, never a key
            # for the table (a fast typist's "design review" must not fire d, e or s).
            self.set_focus(field)
        else:
            self.entry_done(done)

    def on_action_failed(self, failed: ActionFailed) -> None:
        if failed.action == "start":  # said where it was typed
            self._starting.popleft()
            failed.stop()
            self.set_error(failed.message)
            self.set_focus(self.query_one("#task-input", Input))

    # --- actions --------------------------------------------------------------------
    def action_leave_input(self) -> None:
        self.query_one(TaskEntry).hide_matches()
        self.set_error("")
        self.set_focus(self.query_one("#today", DataTable))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # "Done typing" only means something while typing a task.
        if action == "leave_input":
            return isinstance(self.focused, (Input, OptionList))
        if action == "set_end":
            return self._flagged
        if action == "today":
            return self.shown is not None and self.shown != self.today_date
        return True

    def _show_flag(self, flagged: bool) -> None:
        if flagged != self._flagged:
            self._flagged = flagged
            self.refresh_bindings()

    def set_error(self, message: str) -> None:
        self.query_one(TaskEntry).set_error(message)

    def action_new_task(self) -> None:
        # Focus now, not after a refresh: keys typed right after `n` belong to the name,
        # never to the table's bindings (a fast typist's `d` must not delete an entry).
        self.set_focus(self.query_one("#task-input", Input))

    def action_stop(self) -> None:
        self.data.change(self, "stop", lambda s: s.log.stop(), words.stopped)

    def action_resume(self) -> None:
        self.data.change(self, "resume", lambda s: s.log.resume(), words.resumed)

    def selected_key(self) -> str | None:
        return selected_key(self.query_one("#today", DataTable))

    def selected_entry(self):
        """The entry under the cursor, as last read (EntryRow), or None (none, or unlogged time)."""
        key = self.selected_key()
        return self.entries.get(key) if key is not None else None

    def entry_names(self) -> list[str]:
        return self.names

    def shows(self, entry) -> bool:
        """On the day shown: a change to an entry of another day is not undone unseen."""
        if self.shown is None:
            return False
        zone = reading_zone(entry.tz)
        days = {epoch_date(entry.start_utc, zone)}
        if entry.end_utc is not None:
            days.add(epoch_date(entry.end_utc, zone))
        return self.shown in days

    def _on_gap(self, doing: str) -> bool:
        """On an unlogged stretch, say what e or d does not do there (and do nothing)."""
        key = self.selected_key()
        if key is None or not key.startswith(GAP):
            return False
        self.notify(f"That is unlogged time: nothing to {doing}. Enter (or a) adds an entry there.", timeout=4)
        return True

    def action_edit(self) -> None:
        if self._on_gap("edit"):
            return
        entry = self.selected_entry()
        if entry is None:
            self.notify(f"No entry to edit {self._on_day()}; a adds a missed one.", severity="warning")
            return
        self.edit_entry(entry)

    def action_set_end(self) -> None:
        if self.running is None:
            self.notify("Nothing is running.", severity="warning")
            return
        self.edit_entry(self.running, focus="end")

    def action_add(self) -> None:
        key = self.selected_key()
        if key is not None and key in self.gaps:
            self.fill_gap(self.gaps[key])
            return
        today = self.today_date or self.data.today()
        self.app.push_screen(add_dialog(self.shown or today, today, self.names), self._select_added)

    def fill_gap(self, gap) -> None:
        """The add dialog with the stretch's start and end filled in, the task field ready."""
        zone = self.data.zone
        today = self.today_date or self.data.today()
        form = EntryForm(start=exact_time(gap.start_utc, zone), end=exact_time(gap.end_utc, zone))
        self.app.push_screen(add_dialog(self.shown or today, today, self.names, form), self._select_added)

    def _select_added(self, entry) -> None:
        """The cursor goes to the entry just added (once the day is read again), so e or d act on it."""
        if entry:
            self._select_next = str(entry.id)
        self.entry_added(entry)

    @on(DataTable.RowSelected, "#today")
    def _row_chosen(self, event: DataTable.RowSelected) -> None:
        """Enter on a row: fill an unlogged stretch, or edit an entry."""
        event.stop()
        key = event.row_key.value
        if key in self.gaps:
            self.fill_gap(self.gaps[key])
        elif key in self.entries:
            self.edit_entry(self.entries[key])

    def action_delete(self) -> None:
        if self._on_gap("delete"):
            return
        entry = self.selected_entry()
        if entry is None:
            self.notify(f"No entry to delete {self._on_day()}.", severity="warning")
            return
        self.delete_entry(entry)

    def action_undo(self) -> None:
        self.undo_entry_change()

    # --- the day shown ------------------------------------------------------------------
    def _on_day(self) -> str:
        if self.shown is None or self.today_date is None:
            return "today"
        return words.on_day(self.shown, self.today_date)

    def show_day(self, day: date) -> None:
        """Show `day`: today follows the clock (None); never a day after today or before 1970."""
        today = self.data.today()
        try:
            check_day_shown(day, today)
        except InvalidInput as refused:
            self._say_once(refused.message)
            return
        self._said_at_edge = None
        self.day = None if day == today else day

    _said_at_edge: str | None = None

    def _say_once(self, message: str) -> None:
        """At the first or the last day: said once, not once for each key held down."""
        if self._said_at_edge != message:
            self._said_at_edge = message
            self.notify(message, timeout=3)

    def _step(self, days: int) -> None:
        # From the day asked for last, not the one drawn: keys pressed faster than a day is read
        # each count.
        self.show_day((self.day or self.data.today()) + timedelta(days=days))

    def action_previous_day(self) -> None:
        self._step(-1)

    def action_next_day(self) -> None:
        self._step(1)

    def action_today(self) -> None:
        self.day = None

    def action_go_to_day(self) -> None:
        def chosen(day: date | None) -> None:
            if day is not None:
                self.show_day(day)

        self.app.push_screen(DayDialog(self.data.today()), chosen)

    @on(WeekStrip.DayChosen)
    def _day_clicked(self, event: WeekStrip.DayChosen) -> None:
        self.show_day(event.day)
