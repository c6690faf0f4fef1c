"""The one base of Offload's forms: save through the app's data object, show a refusal beside its field.

A form calls `self.save(action, job, said)`; the change runs off the UI thread. ActionDone
closes the form with what the change returned; ActionFailed stays inside it: the error names
its field (the service's error carries it), so the message goes beside that field and the
field takes the focus. Escape or Cancel close it and change nothing.
"""

from __future__ import annotations

from typing import Any, Callable

from textual import on
from textual.binding import Binding
from textual.widgets import Button, Input, Static

from offload.tui.dialogs.dialog import Dialog, ResultT
from offload.tui.messages import ActionDone, ActionFailed

# Lines that take no room while they have nothing to say.
QUIET_LINES = (".form-message", ".dialog-error")


class FormDialog(Dialog[ResultT]):
    """Subclasses compose their fields (ids from `field_id`), an `#error` Static, Save/Cancel
    buttons (`#save`, `#cancel`), and define `action_save`, which calls `save()`. A Static with
    id `msg-<field>` (class form-message), if the form has one, takes that field's message.
    `ResultT` is what a save returns (dismissed with it; None when cancelled)."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="form.cancel", tooltip="Close without saving"),
        Binding("ctrl+s", "save", "Save", id="form.save", tooltip="Save", priority=True),
    ]

    saving = False

    # --- saving ---------------------------------------------------------------------------
    def save(self, action: str, job: Callable[[Any], Any], said: Callable[[Any], str] | None = None,
             changes_data: bool = True) -> None:
        if self.saving:
            return  # Enter twice: one save
        self.saving = True
        self.show_error("")
        self.app.data.change(self, action, job, said, changes_data=changes_data)

    def saved(self, done: ActionDone) -> None:
        """Once saved: close, returning what the change returned (True if nothing)."""
        self.dismiss(True if done.result is None else done.result)

    @on(ActionDone)
    def _saved(self, message: ActionDone) -> None:
        # Not stopped: it goes on to the app, which says what was done.
        self.saving = False
        self.saved(message)

    @on(ActionFailed)
    def _refused(self, message: ActionFailed) -> None:
        message.stop()  # said here, beside the field, not as a notification
        self.saving = False
        self.refused(message)

    def refused(self, failure: ActionFailed) -> None:
        self.show_error(failure.message, failure.field)

    # --- where a message goes -----------------------------------------------------------
    def field_id(self, field: str) -> str:
        """The id of the widget where `field` (as the service names it) is typed."""
        return field

    def field_widget(self, field: str):
        found = self.query(f"#{self.field_id(field)}")
        return found.first() if found else None

    def message_line(self, field: str | None) -> Static:
        """Where a field's message goes: its own line if the form has one, else the form's."""
        if field:
            own = self.query(f"#msg-{field}")
            if own:
                return own.first(Static)
        return self.query_one("#error", Static)

    def show_error(self, message: str, field: str | None = None) -> None:
        """The message beside its field (which is marked and takes the focus); "" clears them all."""
        for marked in self.query(".-invalid"):
            marked.remove_class("-invalid")
        for selector in QUIET_LINES:
            for line in self.query(selector):
                line.update("")
                line.display = False
        if not message:
            return
        line = self.message_line(field)
        line.update(message)
        line.display = True
        widget = self.field_widget(field) if field else None
        if widget is not None:
            widget.add_class("-invalid")
            widget.focus()

    # --- keys and buttons -----------------------------------------------------------------
    def on_mount(self) -> None:
        for selector in QUIET_LINES:
            for line in self.query(selector):
                line.display = False

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def _submitted(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancelled(self) -> None:
        self.action_cancel()

    def action_save(self) -> None:
        raise NotImplementedError

    def action_cancel(self) -> None:
        self.dismiss(None)
