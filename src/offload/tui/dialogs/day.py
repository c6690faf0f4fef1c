"""Which day the Log shows: typed as the time parser reads days (`mon`, `yesterday`, `2026-11-17`)."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Static

from offload.domain.errors import InvalidInput, OffloadError
from offload.domain.timeparse import parse_date
from offload.tui.dialogs.form import FormDialog

FIRST_DAY = date(1970, 1, 1)  # the log holds nothing earlier (times before 1970 are refused)


def day_to_show(text: str, today: date) -> date:
    """The day typed, if the Log can show it."""
    return check_day_shown(parse_date(text, today), today)


def check_day_shown(day: date, today: date) -> date:
    """The one rule for the day the Log shows, typed or stepped to: not after today, not before 1970."""
    if day > today:
        raise InvalidInput(f"{day:%a %d %b %Y} has not happened yet: the Log shows days up to today.", field="day")
    if day < FIRST_DAY:
        raise InvalidInput("The log starts in 1970: give a later day.", field="day")
    return day


class DayDialog(FormDialog[date]):
    """Returns the date chosen, or None if cancelled. A day it cannot show is said beside the field."""

    def __init__(self, today: date) -> None:
        super().__init__()
        self.today = today

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("Show a day on the Log", id="title", classes="dialog-title")
            with Horizontal(classes="field"):
                yield Label("Day")
                yield Input(placeholder="e.g. yesterday, mon, 2026-11-17", id="day")
            yield Static("", id="msg-day", classes="form-message", markup=False)
            yield Static("today · yesterday · mon … sun (the last one) · 2026-11-17", classes="dialog-hint",
                         markup=False)
            yield Static("", id="error", classes="dialog-error", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Show", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#day", Input))

    def action_save(self) -> None:
        # Nothing to read or write: the day is checked here and the Log reads it.
        try:
            day = day_to_show(self.query_one("#day", Input).value, self.today)
        except OffloadError as exc:
            self.show_error(exc.message, exc.field or "day")
            return
        self.dismiss(day)
