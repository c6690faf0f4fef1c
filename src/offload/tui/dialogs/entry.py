"""A dialog to add or edit an entry; a refusal shows inside it, beside the field it is about."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from textual.app import ComposeResult
from textual.containers import Grid, Horizontal, Vertical
from textual.widgets import Button, Input, Label, Static

from offload.tui.dialogs.form import FormDialog


@dataclass
class EntryForm:
    task: str = ""
    start: str = ""
    end: str = ""
    note: str = ""


class EntryDialog(FormDialog):
    """`job(form)` is the change to make; returns the saved entry, or None if cancelled."""

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

    def __init__(
        self,
        title: str,
        form: EntryForm,
        job: Callable[[EntryForm], Callable[[Any], Any]],
        focus_field: str = "task",
        end_hint: str = "",
    ) -> None:
        super().__init__()
        self.title_text = title
        self.form = form
        self.job = job
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

    def action_save(self) -> None:
        self.save("entry", self.job(self._read()))


def edit_entry_dialog(entry, zone: str, focus: str = "task") -> EntryDialog:
    """The dialog that edits `entry` (an EntryRow), times shown in `zone`: the Log's `e` and the
    Review timeline's Enter open this same one."""
    from offload.domain.format import input_time
    from offload.domain.text import visible

    # A control character stored by an older Offload or another program is shown as `\x1b`, never
    # sent to the terminal by the field; left as shown, it is not saved back.
    before = EntryForm(
        visible(entry.task, keep=""),
        input_time(entry.start_utc, zone),
        input_time(entry.end_utc, zone) if entry.end_utc else "",
        visible(entry.note, keep=""),
    )

    def job(form: EntryForm):
        # Only what was changed is sent, so an untouched start keeps its seconds.
        return lambda s: s.log.edit(
            entry.id,
            name=form.task if form.task != before.task else None,
            start=form.start if form.start != before.start else None,
            end=form.end if form.end != before.end else None,
            note=form.note if form.note != before.note else None,
        )

    title = "Edit the running entry" if entry.running else "Edit entry"
    hint = "leave empty to keep it running" if entry.running else ""
    return EntryDialog(title, before, job, focus, hint)
