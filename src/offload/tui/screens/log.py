"""The Log screen: type a task and Enter to start or switch; a live timer; today's entries."""

from __future__ import annotations

from collections import deque

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.suggester import Suggester
from textual.widgets import DataTable, Digits, Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from offload.domain.format import duration, local_time, stopwatch
from offload.tui import words
from offload.tui.dialogs.entry import EntryDialog, EntryForm, edit_entry_dialog
from offload.tui.messages import ActionDone, ActionFailed, DataChanged, LogLoaded
from offload.tui.widgets.fit_table import FitTable, cut
from offload.tui.widgets.keys_footer import KeysFooter
from offload.tui.widgets.rows import sync_rows
from offload.tui.widgets.selection import selected_key
from offload.tui.widgets.week_strip import WeekStrip

MAX_MATCHES = 6


def matching_names(names: list[str], typed: str) -> list[str]:
    """Names containing what was typed, case-insensitive; prefix matches first, order kept."""
    key = typed.strip().casefold()
    if not key:
        return []
    prefix = [n for n in names if n.casefold().startswith(key)]
    inside = [n for n in names if key in n.casefold() and n not in prefix]
    return (prefix + inside)[:MAX_MATCHES]


class TaskSuggester(Suggester):
    """Ghost-text completion from the names in use, most recent first."""

    def __init__(self, screen: "LogScreen") -> None:
        # Case is matched here, so the completion keeps the spelling the task was saved with.
        super().__init__(use_cache=False, case_sensitive=True)
        self.log_screen = screen

    async def get_suggestion(self, value: str) -> str | None:
        key = value.casefold()
        for name in self.log_screen.names:
            if name.casefold().startswith(key) and len(name) > len(value):
                return name
        return None


class LogScreen(Screen):
    CSS_PATH = "log.tcss"
    BINDINGS = [
        Binding("n", "new_task", "New task", id="log.new", tooltip="Type a task name to start or switch"),
        Binding("slash", "new_task", "New task", show=False, id="log.new2"),
        Binding("s", "stop", "Stop", id="log.stop", tooltip="Stop the running timer"),
        Binding("r", "resume", "Resume", id="log.resume", tooltip="Start the last task again"),
        Binding("e", "edit", "Edit", id="log.edit", tooltip="Edit the selected entry"),
        Binding("a", "add", "Add missed", id="log.add", tooltip="Add an entry you forgot to log"),
        Binding("d,delete", "delete", "Delete", id="log.delete", tooltip="Delete the selected entry (u undoes)"),
        # u stays out of the footer (the delete message names it); the help screen lists it.
        Binding("u", "undo", "Undo delete", show=False, id="log.undo", tooltip="Put back the entry just deleted"),
        # In the footer only while the timer is flagged; ctrl+t works in the task field too.
        Binding("ctrl+t,x", "set_end", "Real end", id="log.set_end",
                tooltip="Say when the running task really ended"),
        Binding("escape", "leave_input", "Done typing", id="log.leave_input",
                tooltip="Leave the task field; the keys above then work"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.names: list[str] = []
        self.running = None  # EntryRow
        self.today: dict[str, object] = {}  # today's entries by row key
        self.deleted = None  # EntryRow: what u puts back
        self.long_running_seconds = 4 * 3600
        self.loaded = False
        self.stale = False
        self._cells: dict[str, list[Text]] = {}
        self._ticks = 0
        self._flagged = False
        self._starting: deque[str] = deque()
        self._shown: dict[str, str] = {}  # what the live display shows, by widget

    @property
    def data(self):
        return self.app.data

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="top"):
            yield Input(
                placeholder="What are you working on? Type a task, Enter starts it (→ completes)",
                id="task-input",
                suggester=TaskSuggester(self),
            )
            yield Static("", id="input-error", markup=False)
            yield OptionList(id="matches")
        yield Static("", id="welcome")
        with Horizontal(id="timer"):
            yield Digits("00:00:00", id="elapsed")
            with Vertical(id="timer-info"):
                yield Static("", id="running-task", markup=False)
                yield Static("", id="running-since", markup=False)
                yield Static("", id="long-running", markup=False)
        yield WeekStrip(id="week")
        yield Static("Today", id="today-title")
        # A long task name is cut (…) rather than pushing the notes off the screen.
        yield FitTable(id="today", cursor_type="row", zebra_stripes=True, flex=("task", "note"))
        yield KeysFooter()

    def on_mount(self) -> None:
        self.sub_title = "Log"
        table = self.query_one("#today", DataTable)
        table.add_column("Start", key="start", width=5)
        table.add_column("End", key="end", width=5)
        table.add_column("Duration", key="duration", width=8)
        table.add_column("Task", key="task")
        table.add_column("Note", key="note")
        self.query_one("#matches", OptionList).display = False
        self.set_error("")
        self.query_one("#welcome", Static).display = False
        self.data.follow(self)
        self.reload()
        self.set_interval(self.app.tick_seconds, self.tick)
        self.set_focus(self.query_one("#task-input", Input))

    # --- reading ---------------------------------------------------------------
    def reload(self) -> None:
        """Ask for everything again (after our writes, or someone else's); LogLoaded shows it."""
        self.stale = False
        self.data.load_log(self)

    def on_data_changed(self, _message: DataChanged) -> None:
        if self in self.app.screen_stack:
            self.reload()
        else:
            self.stale = True  # read again when shown

    def on_screen_resume(self) -> None:
        if self.stale:
            self.reload()

    def on_log_loaded(self, loaded: LogLoaded) -> None:
        if not self.loaded:
            self.app.call_after_refresh(self.app.warm_up)
        self.loaded = True
        self.names = loaded.names
        self.running = loaded.running
        self.long_running_seconds = loaded.long_running_seconds
        self.today = {str(e.id): e for e in loaded.today}
        zone = self.data.zone
        now = self.data.now_epoch()
        rows = [
            (str(e.id), [
                local_time(e.start_utc, zone),
                local_time(e.end_utc, zone) if e.end_utc else Text("…", style="bold"),
                Text(duration(e.seconds(now)), justify="right"),
                cut(e.task, "bold" if e.running else ""),
                cut(e.note, "dim"),
            ])
            for e in loaded.today
        ]
        table = self.query_one("#today", DataTable)
        with self.app.batch_update():
            # The cursor follows its entry: one arriving on top must not slide it onto another.
            self._cells = sync_rows(table, [(k, [c if isinstance(c, Text) else Text(c) for c in cells])
                                            for k, cells in rows], self._cells)
            self.query_one("#week", WeekStrip).show(loaded.week_totals, loaded.today_date)
            welcome = self.query_one("#welcome", Static)
            welcome.display = not self.names
            welcome.update(
                "Welcome to Offload. Type what you are doing now and press Enter; type the next task when you switch.\n"
                # While the task field has the focus, 2 and ? are typed into it: the ctrl keys work there.
                "Log a whole week, then review it (ctrl+r) and highlight what to hand over. ctrl+o lists every key."
            )
            self.update_timer()

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
        timer = self.query_one("#timer")
        self._show_flag(entry is not None and entry.seconds(now) > self.long_running_seconds)
        if entry is None:
            self._say("#elapsed", "00:00:00")
            self._say("#running-task", "Nothing running")
            self._say("#running-since", "type a task above and press Enter · Esc, then r resumes the last one")
            self._say("#long-running", "")
            timer.set_class(False, "running")
            timer.set_class(False, "long")
            return
        seconds = entry.seconds(now)
        self._say("#elapsed", stopwatch(seconds))
        self._say("#running-task", entry.task)
        zone = self.data.zone
        self._say("#running-since", f"since {local_time(entry.start_utc, zone)}" + (f" · {entry.note}" if entry.note else ""))
        limit = self.long_running_seconds
        long = seconds > limit
        self._say("#long-running",
                  f"Running for {duration(seconds)}, longer than {duration(limit)}: still on it? "
                  "ctrl+t sets when it really ended." if long else "")
        timer.set_class(True, "running")
        timer.set_class(long, "long")
        table = self.query_one("#today", DataTable)
        key = str(entry.id)
        cell = Text(duration(seconds), justify="right")
        if key in table.rows and key in self._cells and self._cells[key][2].plain != cell.plain:
            table.update_cell(key, "duration", cell)
            self._cells[key][2] = cell

    def _say(self, selector: str, text: str) -> None:
        """Show `text` in a Static or the Digits, if it is not shown already (an update lays out again)."""
        if self._shown.get(selector) != text:
            self._shown[selector] = text
            self.query_one(selector).update(text)

    # --- typing a task ------------------------------------------------------------
    @on(Input.Changed, "#task-input")
    def show_matches(self, event: Input.Changed) -> None:
        self.set_error("")
        matches = matching_names(self.names, event.value)
        options = self.query_one("#matches", OptionList)
        options.clear_options()
        options.add_options([Option(Text(n), id=n) for n in matches])
        options.display = bool(matches) and not (len(matches) == 1 and matches[0] == event.value.strip())

    @on(Input.Submitted, "#task-input")
    def start_typed(self, event: Input.Submitted) -> None:
        self.start_task(event.value)

    @on(OptionList.OptionSelected, "#matches")
    def start_chosen(self, event: OptionList.OptionSelected) -> None:
        self.start_task(str(event.option.id))

    def on_key(self, event) -> None:
        # Down from the input walks into the matches; Escape leaves the input.
        focused = self.focused
        options = self.query_one("#matches", OptionList)
        if focused is self.query_one("#task-input") and event.key == "down" and options.display:
            self.set_focus(options)
            options.highlighted = 0
            event.stop()

    def start_task(self, name: str) -> None:
        self._starting.append(name)  # in order: starts are made in the order asked
        self.data.change(self, "start", lambda s: s.log.start(name))

    def on_action_done(self, done: ActionDone) -> None:
        if done.action == "start":
            field = self.query_one("#task-input", Input)
            name = self._starting.popleft()
            # Clear what was submitted; anything typed after Enter stays in the field.
            field.value = field.value[len(name):] if field.value.startswith(name) else field.value
            self.query_one("#matches", OptionList).display = False
            self.notify(words.started(done.result), timeout=2, markup=False)
            # The focus stays in the field: what is typed next is the next task's name, never a key
            # for the table (a fast typist's "design review" must not fire d, e or s).
            self.set_focus(field)
        elif done.action == "delete":
            self.deleted = done.result
        elif done.action == "undo":
            self.deleted = None

    def on_action_failed(self, failed: ActionFailed) -> None:
        if failed.action == "start":  # said where it was typed
            self._starting.popleft()
            failed.stop()
            self.set_error(failed.message)
            self.set_focus(self.query_one("#task-input", Input))

    # --- actions --------------------------------------------------------------------
    def action_leave_input(self) -> None:
        self.query_one("#matches", OptionList).display = False
        self.set_error("")
        self.set_focus(self.query_one("#today", DataTable))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # "Done typing" only means something while typing a task.
        if action == "leave_input":
            return isinstance(self.focused, (Input, OptionList))
        if action == "set_end":
            return self._flagged
        return True

    def _show_flag(self, flagged: bool) -> None:
        if flagged != self._flagged:
            self._flagged = flagged
            self.refresh_bindings()

    def set_error(self, message: str) -> None:
        error = self.query_one("#input-error", Static)
        error.update(message)
        error.display = bool(message)

    def action_new_task(self) -> None:
        # Focus now, not after a refresh: keys typed right after `n` belong to the name,
        # never to the table's bindings (a fast typist's `d` must not delete an entry).
        self.set_focus(self.query_one("#task-input", Input))

    def action_stop(self) -> None:
        self.data.change(self, "stop", lambda s: s.log.stop(), words.stopped)

    def action_resume(self) -> None:
        self.data.change(self, "resume", lambda s: s.log.resume(), words.resumed)

    def selected_entry(self):
        """The entry under the cursor, as last read (EntryRow), or None."""
        key = selected_key(self.query_one("#today", DataTable))
        return self.today.get(key) if key is not None else None

    def _edit(self, entry, focus: str = "task") -> None:
        self.app.push_screen(edit_entry_dialog(entry, self.data.zone, focus))

    def action_edit(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            self.notify("No entry to edit today; a to add a missed one.", severity="warning")
            return
        self._edit(entry)

    def action_set_end(self) -> None:
        if self.running is None:
            self.notify("Nothing is running.", severity="warning")
            return
        self._edit(self.running, focus="end")

    def action_add(self) -> None:
        def job(form: EntryForm):
            return lambda s: s.log.add(form.task, form.start, form.end, form.note)

        self.app.push_screen(EntryDialog("Add a missed entry", EntryForm(), job))

    def action_delete(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            self.notify("No entry selected.", severity="warning")
            return
        zone = self.data.zone
        self.data.change(self, "delete", lambda s: s.log.delete(entry.id), lambda gone: words.deleted(gone, zone))

    def action_undo(self) -> None:
        if self.deleted is None:
            self.notify("Nothing to undo.", severity="warning")
            return
        gone = self.deleted
        self.data.change(self, "undo", lambda s: s.log.undo_delete(gone), words.put_back)
