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


class DayDialog(FormDialog):
    """Returns the date chosen, or None if cancelled. A day it cannot show is said beside the field."""

    DEFAULT_CSS = """
    DayDialog { align: center middle; }
    DayDialog > Vertical {
        width: 60; max-width: 100%; height: auto; max-height: 100%; padding: 1 2;
        border: thick $accent; background: $surface;
    }
    DayDialog #title { text-style: bold; margin-bottom: 1; }
    DayDialog Horizontal.field { height: 3; }
    DayDialog Label { width: 5; padding: 1 0 0 0; }
    DayDialog #day { width: 1fr; }
    DayDialog #hint { color: $text-muted; }
    DayDialog #msg-day { color: $error; text-style: bold; margin-left: 5; height: auto; }
    DayDialog #error { color: $error; text-style: bold; height: auto; }
    DayDialog Horizontal.buttons { height: auto; align-horizontal: right; margin-top: 1; }
    DayDialog Button { margin-left: 1; }
    """

    def __init__(self, today: date) -> None:
        super().__init__()
        self.today = today

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Show a day on the Log", id="title")
            with Horizontal(classes="field"):
                yield Label("Day")
                yield Input(placeholder="e.g. yesterday, mon, 2026-11-17", id="day")
            yield Static("", id="msg-day", classes="form-message", markup=False)
            yield Static("today · yesterday · mon … sun (the last one) · 2026-11-17", id="hint", markup=False)
            yield Static("", id="error", classes="dialog-error", markup=False)
            with Horizontal(classes="buttons"):
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
