"""The settings dialog (comma key, or the palette): every choice Offload offers, each checked as it is typed."""

from __future__ import annotations

from typing import Any, Callable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, Label, Select, Static

from offload.domain.changes import changed
from offload.domain.errors import OffloadError
from offload.domain.settings import SETTINGS as ALL_SETTINGS, check_setting
from offload.domain.weeks import WEEKDAYS
from offload.tui.dialogs.form import FormDialog
from offload.tui.messages import ActionFailed

TYPED = ("long_running_hours", "hourly_value", "currency")

# The audit period is chosen on the Review, not typed here.
SETTINGS = {key: s for key, s in ALL_SETTINGS.items() if s.in_dialog}


class SettingsDialog(FormDialog[Any]):
    """`job(changed, shown)` saves; returns what it returned once saved, None if cancelled. A bad
    value shows its message beside the field and blocks saving."""

    def __init__(self, values: dict[str, str], themes: list[str],
                 job: Callable[[dict[str, str], dict[str, str]], Callable[[Any], Any]]) -> None:
        super().__init__()
        self.values = values
        self.themes = themes
        self.job = job

    def compose(self) -> ComposeResult:
        with Vertical(id="settings-box", classes="dialog"):
            yield Static("Settings", id="settings-title", classes="dialog-title")
            # The fields scroll; Save and Cancel stay in view below them, after them for Tab.
            with VerticalScroll(id="settings-fields"):
                for key, setting in SETTINGS.items():
                    with Horizontal(classes="setting-row"):
                        yield Label(setting.label, classes="setting-label")
                        yield self._field(key)
                    yield Static("", id=f"msg-{key}", classes="setting-message form-message", markup=False)
                yield Static("Stored in the database, so the command line uses them too.", id="settings-hint",
                             classes="dialog-hint")
            yield Static("", id="error", classes="setting-message dialog-error", markup=False)
            with Horizontal(id="settings-buttons", classes="dialog-buttons"):
                yield Button("Save", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    def _field(self, key: str):
        value = self.values.get(key, SETTINGS[key].default)
        if key == "week_start":
            return Select([(d.capitalize(), d) for d in WEEKDAYS], value=value, allow_blank=False, id=f"set-{key}")
        if key == "theme":
            # Only themes the app has; a stored name it lacks shows as the one in use. Prompts
            # as Text: a string prompt is read as markup.
            names = sorted(self.themes)
            shown = value if value in names else (self.app.theme if self.app.theme in names else names[0])
            return Select([(Text(n), n) for n in names], value=shown, allow_blank=False, id=f"set-{key}")
        return Input(value, placeholder=SETTINGS[key].help, id=f"set-{key}")

    def on_mount(self) -> None:
        self.shown = self.typed()  # what the form showed, to save only what changes
        self.set_focus(self.query_one("#set-week_start"))

    def on_resize(self) -> None:
        # As tall as the fields need, up to what the window leaves beside the title, the message
        # and the buttons (which stay in view): the fields scroll then.
        box = self.query_one("#settings-box")
        around = box.outer_size.height - self.query_one("#settings-fields").outer_size.height
        self.query_one("#settings-fields").styles.max_height = max(3, self.size.height - max(around, 10))

    def field_id(self, field: str) -> str:
        return f"set-{field}"

    def show_message(self, key: str, message: str) -> None:
        msg = self.query_one(f"#msg-{key}", Static)
        msg.update(message)
        msg.display = bool(message)
        if key in TYPED:
            self.query_one(f"#set-{key}", Input).set_class(bool(message), "-invalid")

    def typed(self) -> dict[str, str]:
        out = {}
        for key in SETTINGS:
            field = self.query_one(f"#set-{key}")
            out[key] = str(field.value)
        return out

    @on(Input.Changed)
    def check_as_typed(self, event: Input.Changed) -> None:
        key = (event.input.id or "").removeprefix("set-")
        if key not in SETTINGS:
            return
        try:
            check_setting(key, event.value)
        except OffloadError as exc:
            self.show_message(key, exc.message)
        else:
            self.show_message(key, "")

    def action_save(self) -> None:
        # Only what the user changed is checked and saved: a value set from the shell while
        # the dialog was open stays, and an old stored value the rules now refuse is no bar.
        values = changed(self.typed(), self.shown)
        bad = []
        for key, value in values.items():
            try:
                check_setting(key, value)
            except OffloadError as exc:
                self.show_message(key, exc.message)
                bad.append(key)
        if bad:
            # The first field refused, with its reason, comes into view (at 80x24 it may be below).
            self.query_one(f"#set-{bad[0]}").focus()
            self.call_after_refresh(self.query_one(f"#msg-{bad[0]}").scroll_visible)
            self.notify("Nothing was saved: fix the value marked in red.", severity="error")
            return
        self.save("settings", self.job(values, self.shown))

    def refused(self, failure: ActionFailed) -> None:
        self.show_error(failure.message, failure.field)
        self.notify("Nothing was saved: fix the value marked in red." if failure.field else failure.message,
                    severity="error", markup=False)
