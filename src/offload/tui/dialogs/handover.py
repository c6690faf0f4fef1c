"""A dialog to record that a skill set was handed over: since when, and what it costs now.

Saved through the form base: a refusal shows beside the field it is about (the day, the cost or
the hours billed) and the dialog stays open. With a record already there, Clear forgets it.
"""

from __future__ import annotations

from typing import Any, Callable

from textual import on
from textual.app import ComposeResult
from textual.containers import Grid, Horizontal, Vertical
from textual.widgets import Button, Input, Label, Static

from offload.tui.dialogs.form import FormDialog

Job = Callable[[Any], Any]


class HandoverDialog(FormDialog[Any]):
    """`job(since, cost, hours)` saves; `clear` forgets the record. Returns what the change returned
    (the handover, or True once cleared), or None if cancelled."""

    def __init__(self, set_name: str, values: dict[str, str], job: Callable[[str, str, str], Job],
                 clear: Job | None = None) -> None:
        super().__init__()
        self.set_name = set_name
        self.values = values  # since, cost, hours as shown
        self.job = job
        self.clear = clear

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(f"Handed over: {self.set_name}", id="title", classes="dialog-title", markup=False)
            with Grid(classes="dialog-form"):
                yield Label("Since (the day)")
                yield Input(self.values.get("since", ""), id="since", placeholder="e.g. 2026-11-16, mon or today")
                yield Label("What it costs now")
                yield Input(self.values.get("cost", ""), id="cost", placeholder="e.g. 400/month or 25/h")
                yield Label("Hours billed a month")
                yield Input(self.values.get("hours", ""), id="hours", placeholder="with an hourly cost, e.g. 10")
            yield Static("The Compare screen (4) weighs the hours it frees against this cost.",
                         classes="dialog-hint", markup=False)
            yield Static("", id="error", classes="dialog-error", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save", variant="primary", id="save")
                if self.clear is not None:
                    yield Button("Not handed over", variant="warning", id="clear")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#since", Input).focus()

    def action_save(self) -> None:
        since, cost, hours = (self.query_one(f"#{f}", Input).value for f in ("since", "cost", "hours"))
        self.save("handover", self.job(since, cost, hours))

    @on(Button.Pressed, "#clear")
    def _clear(self) -> None:
        if self.clear is not None:
            self.save("not handed over", self.clear)
