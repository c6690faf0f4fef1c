"""A dialog to add or edit an entry; the save callback's refusal shows inside the dialog."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from offload.domain.errors import OffloadError


@dataclass
class EntryForm:
    task: str = ""
    start: str = ""
    end: str = ""
    note: str = ""


class EntryDialog(ModalScreen[bool]):
    """Returns True once `save` accepted the form; Escape cancels and changes nothing."""

    DEFAULT_CSS = """
    EntryDialog { align: center middle; }
    EntryDialog > Vertical {
        width: 72; height: auto; padding: 1 2;
        border: thick $accent; background: $surface;
    }
    EntryDialog #title { text-style: bold; margin-bottom: 1; }
    EntryDialog Grid { grid-size: 2; grid-columns: 10 1fr; grid-rows: 3; height: auto; }
    EntryDialog Grid Label { padding: 1 0 0 0; }
    EntryDialog #hint { color: $text-muted; margin-top: 1; }
    EntryDialog #error { color: $error; text-style: bold; min-height: 1; margin-top: 1; }
    EntryDialog Horizontal { height: auto; align-horizontal: right; margin-top: 1; }
    EntryDialog Button { margin-left: 1; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="dialog.cancel")]

    def __init__(
        self,
        title: str,
        form: EntryForm,
        save: Callable[[EntryForm], object],
        focus_field: str = "task",
        end_hint: str = "",
    ) -> None:
        super().__init__()
        self.title_text = title
        self.form = form
        self.save = save
        self.focus_field = focus_field
        self.end_hint = end_hint

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.title_text, id="title", markup=False)
            with Grid():
                yield Label("Task")
                yield Input(self.form.task, id="task", placeholder="e.g. Invoices")
                yield Label("Start")
                yield Input(self.form.start, id="start", placeholder="e.g. 9:30")
                yield Label("End")
                yield Input(self.form.end, id="end", placeholder=self.end_hint or "e.g. 10:15")
                yield Label("Note")
                yield Input(self.form.note, id="note", placeholder="optional")
            yield Static(
                "Times: 9:30 · yesterday 17:00 · mon 9:00 · 2026-11-20 09:00 · -15m", id="hint", markup=False
            )
            yield Static("", id="error", markup=False)
            with Horizontal():
                yield Button("Save", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.set_focus(self.query_one(f"#{self.focus_field}", Input))

    def _read(self) -> EntryForm:
        return EntryForm(*(self.query_one(f"#{f}", Input).value for f in ("task", "start", "end", "note")))

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        try:
            self.save(self._read())
        except OffloadError as exc:
            self.query_one("#error", Static).update(exc.message)
            return
        self.dismiss(True)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(False)
