"""The Offload app: screens as modes reached by number keys, the service shared by all."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.binding import Binding
from textual.reactive import var

from offload.domain.weeks import Week
from offload.service import Offload
from offload.tui.commands import OffloadCommands
from offload.tui.screens.grouping import GroupingScreen
from offload.tui.screens.log import LogScreen
from offload.tui.screens.review import ReviewScreen


class OffloadApp(App):
    CSS_PATH = [Path(__file__).parent / "app.tcss"]
    TITLE = "Offload"
    COMMANDS = App.COMMANDS | {OffloadCommands}
    MODES = {"log": LogScreen, "review": ReviewScreen, "grouping": GroupingScreen}
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
        Binding("comma", "settings", "Settings", id="app.settings", show=False,
                tooltip="Week start, long-running limit, hourly value, currency, theme"),
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

    week: var[Week | None] = var(None, init=False)
    """The week the Review (and Grouping) show, this week at start; screens watch it to follow one another."""

    def __init__(self, service: Offload, tick_seconds: float = 1.0, demo: bool = False, **kwargs) -> None:
        super().__init__(**kwargs)
        self.service = service
        self.tick_seconds = tick_seconds
        self.demo = demo
        if demo:
            self.title = "Offload DEMO (a made-up week; your own log is not touched)"
        self.set_reactive(OffloadApp.week, service.review.this_week())

    @property
    def crashed(self) -> BaseException | None:
        """The error that stopped the app, if one did (Textual keeps the first and sets the
        return code; it prints the error itself as the app closes)."""
        return self._exception if self.return_code else None

    def on_mount(self) -> None:
        # Failures beside a change that still succeeded (a daily backup not made); any thread.
        self.service.on_warning(lambda message: self.notify(message, severity="warning", timeout=10, markup=False))
        theme = self.service.settings.get("theme")
        if theme in self.available_themes:
            self.theme = theme
        self._warn_unreadable_zones()

    def _warn_unreadable_zones(self) -> None:
        """Entries an older Offload stored with a zone that cannot be loaded are read in UTC: say so once."""
        troubles = self.service.doctor.unreadable_zones()
        if troubles:
            count = sum(t.count for t in troubles)
            zones = ", ".join(repr(t.zone) for t in troubles)
            self.notify(f"{count} {'entry is' if count == 1 else 'entries are'} in a time zone that cannot be "
                        f"read ({zones}), shown in UTC. `offload doctor` in a shell sets their zone.",
                        severity="warning", timeout=15, markup=False)

    def watch_theme(self, theme: str) -> None:
        # Remember the chosen theme (from the palette or settings) for next time.
        try:
            if self.service.settings.get("theme") != theme:
                self.service.settings.set("theme", theme)
        except Exception:  # a read-only database must not break theming
            pass

    def action_help(self) -> None:
        from offload.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_settings(self) -> None:
        from offload.tui.screens.settings import SettingsDialog

        if isinstance(self.screen, SettingsDialog):
            return
        before = self.service.settings.all()
        self.push_screen(SettingsDialog(before, list(self.available_themes)), self._settings_saved)

    def _settings_saved(self, saved: bool | None) -> None:
        if not saved:
            return
        settings = self.service.settings.all()
        if settings["theme"] in self.available_themes and settings["theme"] != self.theme:
            self.theme = settings["theme"]
        # A new week start moves the week every screen shows.
        self.week = self.service.review.week_holding(self.week.start) if self.week else self.service.review.this_week()
        reload = getattr(self.screen, "reload", None)
        if callable(reload):
            reload()
        self.notify("Settings saved")

    # --- commands from the palette, whatever the screen ------------------------------
    def _after_change(self) -> None:
        reload = getattr(self.screen, "reload", None)
        if callable(reload):
            reload()

    def action_timer_start(self) -> None:
        self.switch_mode("log")
        self.call_after_refresh(lambda: self.screen.run_action("new_task"))

    def action_timer_stop(self) -> None:
        from offload.domain.errors import OffloadError
        from offload.domain.format import duration

        try:
            entry = self.service.log.stop()
        except OffloadError as exc:
            self.notify(exc.message, severity="warning", markup=False)
            return
        self._after_change()
        self.notify(f"Stopped {entry.task} after {duration(entry.end_utc - entry.start_utc)}", markup=False)

    def action_timer_resume(self) -> None:
        from offload.domain.errors import OffloadError

        try:
            entry = self.service.log.resume()
        except OffloadError as exc:
            self.notify(exc.message, severity="warning", markup=False)
            return
        self._after_change()
        self.notify(f"Resumed {entry.task}", markup=False)

    def action_week_step(self, step: int) -> None:
        """Move the week the Review and Grouping show; from the Log, show it on the Review."""
        this = self.service.review.this_week()
        week = self.week or this
        target = this if step == 0 else (week.previous() if step < 0 else week.next())
        if target.start > this.start:
            self.notify("That week has not happened yet.", timeout=2)
            return
        self.week = target
        if self.current_mode == "log":
            self.switch_mode("review")

    def action_brief(self) -> None:
        if self.current_mode != "grouping":
            self.switch_mode("grouping")
        self.call_after_refresh(lambda: self.screen.run_action("brief"))

    def deliver_screenshot(self, filename: str | None = None, path: str | None = None,
                           time_format: str | None = None) -> str | None:
        """The palette's Screenshot: owner-only, in the current folder (or the database's), never
        over another file, and the notification says where."""
        from offload.domain.errors import OffloadError

        try:
            saved = self.service.files.save_screenshot(self.export_screenshot())
        except OffloadError as exc:
            self.notify(exc.message, severity="error", markup=False)
            return None
        self.notify(f"Saved the screenshot to {saved}", timeout=8, markup=False)
        return None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # The key of the screen already shown leaves the footer (room for the others).
        if action == "switch_mode" and parameters and parameters[0] == self.current_mode:
            return False
        return True
