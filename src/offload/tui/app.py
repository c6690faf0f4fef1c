"""The Offload app: screens as modes reached by number keys; one data object reads and writes for all."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.binding import Binding
from textual.reactive import var

from offload.domain.weeks import Period
from offload.service import Offload
from offload.tui import words
from offload.tui.data import Data
from offload.tui.messages import ActionDone, ActionFailed, ReminderLoaded, SettingsLoaded, Warned
from offload.tui.screens.log import LogScreen
from offload.tui.textual_internals import crash_of, prepare_mode
from offload.tui.undo import UndoHistory


# The Log shows first; the other screens (and the palette's commands) are imported when made,
# after the Log is on screen (OffloadApp.warm_up), not before it.
def _review_screen():
    from offload.tui.screens.review import ReviewScreen

    return ReviewScreen()


def _grouping_screen():
    from offload.tui.screens.grouping import GroupingScreen

    return GroupingScreen()


def _compare_screen():
    from offload.tui.screens.compare import CompareScreen

    return CompareScreen()


def _offload_commands():
    from offload.tui.commands import OffloadCommands

    return OffloadCommands


class OffloadApp(App):
    CSS_PATH = [Path(__file__).parent / "app.tcss"]
    TITLE = "Offload"
    COMMANDS = App.COMMANDS | {_offload_commands}
    MODES = {"log": LogScreen, "review": _review_screen, "grouping": _grouping_screen, "compare": _compare_screen}
    DEFAULT_MODE = "log"
    # The focus model: the Log opens in its task field, where every printable key is part of the
    # name (Textual drops a binding the focused field would consume, and the footer with it).
    # So each screen and help has a printable key for when no field has focus, and a ctrl key
    # (free in Input, sent alike by every terminal and tmux) that works while typing; the footer
    # shows whichever works at that moment: the first of a binding's keys still active.
    BINDINGS = [
        Binding("1", "switch_mode('log')", "Log", id="mode.log", tooltip="The live timer and today's entries"),
        Binding("2,ctrl+r", "switch_mode('review')", "Review", id="mode.review",
                tooltip="Read the week back and highlight what to hand over"),
        Binding("3,ctrl+g", "switch_mode('grouping')", "Grouping", id="mode.grouping",
                tooltip="Group highlighted tasks into skill sets and write the brief"),
        Binding("4", "switch_mode('compare')", "Compare", id="mode.compare",
                tooltip="After the handover: the audit period against a later one, what it freed and returned"),
        Binding("comma", "settings", "Settings", id="app.settings", show=False,
                tooltip="Week start, long-running limit, hourly value, currency, theme, the reminder"),
        Binding("question_mark,ctrl+o", "help", "Help", id="app.help",
                tooltip="Every key of this screen and the global ones"),
        Binding("f1", "help", "Help", show=False, priority=True, id="app.help_f1",
                tooltip="Help, even while typing in a field"),
        Binding("ctrl+p", "command_palette", "Commands", id="app.commands", priority=True, show=False,
                tooltip="Find any command by name: screens, timer, theme ..."),
        # Out of the footer (help and the palette list it) so the keys above fit in 80 columns.
        Binding("ctrl+q", "quit", "Quit", id="app.quit", priority=True, show=False,
                tooltip="Leave Offload; the log is saved as you go"),
    ]

    period: var[Period | None] = var(None, init=False)
    """The audit period (a week or several) the Review and the Grouping show: the one saved, else the
    default (this week if it has entries, else the latest that has). Screens watch it to follow one
    another; `choose_period` changes it and saves it."""

    def __init__(self, service: Offload, tick_seconds: float = 1.0, demo: bool = False, **kwargs) -> None:
        super().__init__(**kwargs)
        # Every read and change goes through the data object, off the UI thread, on a connection of
        # its own: `service` stays the caller's (a test may use it meanwhile on its own thread).
        self.data = Data(self, service)
        self.settings: dict[str, str] = {}  # as read last
        self.this_week: Period | None = None
        self.tick_seconds = tick_seconds
        self.demo = demo
        if demo:
            self.title = "Offload DEMO (a made-up week; your own log is not touched)"
        self._held_warnings = service  # said once mounted (a backup that failed as the file opened)
        self._period_read: Period | None = None  # the audit period as the database gave it last
        self._theme_at_start = self.theme
        self._warm = False
        self.undo = UndoHistory(self.data)  # what u undoes: the last change to entries, and to tasks
        self.reminder: ReminderLoaded | None = None  # when "nothing is running" is to be said, as read
        self._reminder_day = None  # the day that was read on: a new day reads it again
        self._reminded: int | None = None  # the idle stretch (its start) already rung for: once each

    @property
    def crashed(self) -> BaseException | None:
        """The error that stopped the app, if one did (Textual keeps the first and sets the
        return code; it prints the error itself as the app closes)."""
        return crash_of(self)

    def on_mount(self) -> None:
        self._held_warnings.on_warning(lambda message: self.post_message(Warned(message)))
        self.data.follow(self)
        self.data.load_settings()
        self.read_reminder()
        self.set_interval(self.tick_seconds, self.tick)

    def tick(self) -> None:
        """Once a second: the one look at the file for other processes' writes (the CLI; screens
        hear DataChanged), and the reminder, if its time has come."""
        self.data.poll()
        self.check_reminder()

    def on_unmount(self) -> None:
        self.data.close()

    def warm_up(self) -> None:
        """Once the Log shows: compose the other screens and read their week, while the user looks
        at the Log, so that the first 2 or 3 is as quick as any later one."""
        if self._warm or not self.is_running:
            return  # done, or the app is closing
        self._warm = True
        self.data.load_settings(self.period, zones=True)  # and say once if some entries' zone cannot be read
        for mode in self.MODES:
            if mode != self.current_mode:
                prepare_mode(self, mode)  # started, its styles read, not shown
        self.call_after_refresh(self._settle_memory)

    def _settle_memory(self) -> None:
        # What the app holds from here on lives as long as the app: the collector need not walk
        # it again at every full collection (a pause of tens of ms with a screen's widgets).
        import gc

        gc.collect()
        gc.freeze()

    # --- what the data object says --------------------------------------------------------
    def on_settings_loaded(self, loaded: SettingsLoaded) -> None:
        first = not self.settings
        self.settings = loaded.values
        self.this_week = loaded.this_week
        period, read_before = loaded.period or loaded.this_week, self._period_read
        self._period_read = period
        if self.period is None:
            self.set_reactive(OffloadApp.period, period)  # the screens asked for the audit period already
        elif read_before is not None and period != read_before and period != self.period and loaded.asked == self.period:
            # Changed under us (from the shell, a new week start, the default moving to a week now
            # logged): every screen follows.
            self.period = period
        theme = loaded.values.get("theme")
        if first and self.theme != self._theme_at_start:
            self.watch_theme(self.theme)  # chosen (palette) before the settings were read: it stays
        elif first and theme in self.available_themes and theme != self.theme:
            self.theme = theme
        if loaded.unreadable_zones:
            self._warn_unreadable_zones(loaded.unreadable_zones)

    def on_data_changed(self) -> None:
        self.data.load_settings(self.period)  # the settings dialog opens with what is stored now
        self.read_reminder()  # a start, a stop or new settings move it

    # --- the reminder that nothing is running -----------------------------------------------
    def read_reminder(self) -> None:
        self._reminder_day = self.data.today()
        self.data.load_reminder(self)

    def on_reminder_loaded(self, loaded: ReminderLoaded) -> None:
        self.reminder = loaded
        self.check_reminder()

    def check_reminder(self) -> None:
        """When nothing has run for the minutes set, during the working hours: the terminal bell
        and a notice, once for each idle stretch (a start and a stop make a new one)."""
        if self.data.today() != self._reminder_day:
            self.read_reminder()  # today's working hours, not yesterday's
            return
        reminder, now = self.reminder, self.data.now_epoch()
        if reminder is None or reminder.due_at is None or now < reminder.due_at:
            return
        if reminder.since == self._reminded:
            return  # rung for this stretch already (a new reminder setting does not ring it again)
        self._reminded = reminder.since
        self.bell()
        self.notify(words.reminder(reminder.since, now, self.data.zone), title="Nothing is running",
                    severity="warning", timeout=15, markup=False)

    def on_action_done(self, done: ActionDone) -> None:
        if done.said:
            self.notify(done.said, markup=False)

    def on_action_failed(self, failed: ActionFailed) -> None:
        # The one place a failure is said (a form says its own beside the field).
        self.notify(failed.message, severity="error", timeout=10, markup=False)

    def on_warned(self, warned: Warned) -> None:
        self.notify(warned.message, severity="warning", timeout=10, markup=False)

    def _warn_unreadable_zones(self, troubles) -> None:
        """Entries an older Offload stored with a zone that cannot be loaded are read in UTC: say so once."""
        count = sum(t.count for t in troubles)
        zones = ", ".join(repr(t.zone) for t in troubles)
        self.notify(f"{count} {'entry is' if count == 1 else 'entries are'} in a time zone that cannot be "
                    f"read ({zones}), shown in UTC. `offload doctor` in a shell sets their zone.",
                    severity="warning", timeout=15, markup=False)

    def watch_theme(self, theme: str) -> None:
        # Remember the chosen theme (from the palette or settings) for next time.
        if self.settings and self.settings.get("theme") != theme:
            self.settings["theme"] = theme
            self.data.change(self, "theme", lambda s: s.settings.set("theme", theme), changes_data=False)

    def action_help(self) -> None:
        from offload.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_settings(self) -> None:
        from offload.tui.dialogs.settings import SettingsDialog

        if isinstance(self.screen, SettingsDialog) or not self.settings:
            return
        week = self.period

        def job(values: dict[str, str], shown: dict[str, str]):
            def save(s: Offload):
                s.settings.set_many(values, before=shown)
                # A new week start moves the audit period every screen shows onto the new weeks.
                return s.audit.period(), s.settings.all()

            return save

        self.push_screen(SettingsDialog(dict(self.settings), list(self.available_themes), job), self._settings_saved)

    def _settings_saved(self, saved: tuple[Period, dict[str, str]] | None) -> None:
        if saved is None:
            return
        self.period, self.settings = saved
        self._period_read = self.period
        theme = self.settings["theme"]
        if theme in self.available_themes and theme != self.theme:
            self.theme = theme
        self.notify("Settings saved")

    # --- commands from the palette, whatever the screen ------------------------------
    def action_timer_start(self) -> None:
        self.switch_mode("log")
        self.call_after_refresh(lambda: self.screen.run_action("new_task"))

    def action_timer_stop(self) -> None:
        self.data.change(self, "stop", lambda s: s.log.stop(), words.stopped)

    def action_timer_resume(self) -> None:
        self.data.change(self, "resume", lambda s: s.log.resume(), words.resumed)

    def choose_period(self, period: Period) -> bool:
        """The audit period the owner chose (the week keys, + and -): shown at once by every screen
        and saved, so the Grouping, the brief, the plan and the next start use it. A period reaching
        past this week is refused."""
        this = self.this_week
        if this is None:
            return False
        if period.last_week_start > this.start:
            self.notify("That week has not happened yet.", timeout=2)
            return False
        self._period_read = period
        if period != self.period:
            self.period = period
        self.data.change(self, "period", lambda s: s.audit.choose(period), changes_data=False)
        return True

    def action_week_step(self, step: int) -> None:
        """Move the audit period a week (0: to end with this week); from the Log, show it on the Review."""
        this = self.this_week
        if this is None:
            return
        period = self.period or this
        if step == 0:
            target = Period(this.start - (period.last_week_start - period.start), period.weeks)
        else:
            target = period.previous() if step < 0 else period.next()
        if self.choose_period(target) and self.current_mode == "log":
            self.switch_mode("review")

    def action_period_length(self, step: int) -> None:
        """One week more (added before) or less (taken from the start): the last week stays."""
        period = self.period or self.this_week
        if period is None:
            return
        target = period.wider() if step > 0 else period.narrower()
        if target == period:
            from offload.domain.weeks import MAX_WEEKS

            limit = f"at most {MAX_WEEKS} weeks" if step > 0 else "at least one week"
            self.notify(f"An audit period is {limit}.", timeout=2)
            return
        self.choose_period(target)

    def action_brief(self) -> None:
        if self.current_mode != "grouping":
            self.switch_mode("grouping")
        self.call_after_refresh(lambda: self.screen.run_action("brief"))

    def action_plan(self) -> None:
        if self.current_mode != "grouping":
            self.switch_mode("grouping")
        self.call_after_refresh(lambda: self.screen.run_action("plan"))

    def deliver_screenshot(self, filename: str | None = None, path: str | None = None,
                           time_format: str | None = None) -> str | None:
        """The palette's Screenshot: owner-only, in the current folder (or the database's), never
        over another file, and the notification says where."""
        svg = self.export_screenshot()
        self.data.change(self, "screenshot", lambda s: s.files.save_screenshot(svg),
                         lambda saved: f"Saved the screenshot to {saved}", changes_data=False)
        return None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # The key of the screen already shown leaves the footer (room for the others).
        if action == "switch_mode" and parameters and parameters[0] == self.current_mode:
            return False
        return True
