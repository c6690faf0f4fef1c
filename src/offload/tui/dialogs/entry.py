"""A dialog to add or edit an entry; a refusal shows inside it, beside the field it is about.

The Log (any day) and the Review's list of a task's entries edit, delete and put back entries
the same way: `EntryKeys` holds that, once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Callable
from zoneinfo import ZoneInfo

from textual.app import ComposeResult
from textual.containers import Grid, Horizontal, Vertical
from textual.widgets import Button, Input, Label, Static

from offload.domain.format import input_time
from offload.service.timeline import EntryRow
from offload.tui import words
from offload.tui.dialogs.form import FormDialog
from offload.tui.messages import ActionDone
from offload.tui.undo import ENTRIES, EntryAdded, EntryDeleted, EntryEdited
from offload.tui.widgets.task_suggester import TaskSuggester

TIMES_HINT = "Times: 9:30 · yesterday 17:00 · mon 9:00 · 2026-11-20 09:00 · -15m"
DAY_HINT = "A time alone (9:30) is {day}; another day: mon 9:00 · 2026-11-20 09:00"


@dataclass
class EntryForm:
    task: str = ""
    start: str = ""
    end: str = ""
    note: str = ""


def exact_time(epoch: int, zone: str) -> str:
    """An instant as the parser reads it back, to the second when it has seconds: a stretch
    filled from the Log meets its neighbours exactly (no overlap, no sliver left unlogged)."""
    moment = datetime.fromtimestamp(epoch, ZoneInfo(zone))
    return input_time(epoch, zone) + (moment.strftime(":%S") if moment.second else "")


class EntryDialog(FormDialog[EntryRow]):
    """`job(form)` is the change to make; returns the saved entry, or None if cancelled."""

    def __init__(
        self,
        title: str,
        form: EntryForm,
        job: Callable[[EntryForm], Callable[[Any], Any]],
        focus_field: str = "task",
        end_hint: str = "",
        names: list[str] | None = None,
        hint: str = TIMES_HINT,
    ) -> None:
        super().__init__()
        self.title_text = title
        self.form = form
        self.job = job
        self.focus_field = focus_field
        self.end_hint = end_hint
        self.names = names or []
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.title_text, id="title", classes="dialog-title", markup=False)
            with Grid(classes="dialog-form"):
                yield Label("Task")
                yield Input(self.form.task, id="task", placeholder="e.g. Invoices (→ completes)",
                            suggester=TaskSuggester(lambda: self.names))
                yield Label("Start")
                yield Input(self.form.start, id="start", placeholder="e.g. 9:30")
                yield Label("End")
                yield Input(self.form.end, id="end", placeholder=self.end_hint or "e.g. 10:15")
                yield Label("Note")
                yield Input(self.form.note, id="note", placeholder="optional")
            yield Static(self.hint, classes="dialog-hint", markup=False)
            yield Static("", id="error", markup=False)  # keeps its line: the buttons do not move
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.set_focus(self.query_one(f"#{self.focus_field}", Input))

    def on_resize(self) -> None:
        self.set_class(self.size.height < 30, "-short")

    def _read(self) -> EntryForm:
        return EntryForm(*(self.query_one(f"#{f}", Input).value for f in ("task", "start", "end", "note")))

    def action_save(self) -> None:
        self.save("entry", self.job(self._read()))


def edit_entry_dialog(entry, zone: str, names: list[str] | None = None, focus: str = "task") -> EntryDialog:
    """The dialog that edits `entry` (an EntryRow), times shown in `zone`: the Log's `e`, the
    Review timeline's Enter and the Review's list of a task's entries open this same one."""
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
    return EntryDialog(title, before, job, focus, hint, names)


def add_dialog(day: date, today: date, names: list[str], form: EntryForm | None = None) -> EntryDialog:
    """Add a missed entry on `day`: a time typed alone (9:30) falls on that day."""

    def job(typed: EntryForm):
        return lambda s: s.log.add(typed.task, typed.start, typed.end, typed.note, day=day)

    title = "Add a missed entry" if day == today else f"Add a missed entry {words.on_day(day, today)}"
    hint = TIMES_HINT if day == today else DAY_HINT.format(day=words.on_day(day, today))
    return EntryDialog(title, form or EntryForm(), job, "task", names=names, hint=hint)


class EntryKeys:
    """e edits, d deletes, and u undoes the last of those (or of an entry added): the Log's day and
    the Review's entries of a task do it alike. The class using it gives `selected_entry()` and
    `entry_names()`, calls `entry_done()` from its ActionDone handler and `entry_added()` once
    its add dialog saved. What u undoes is the app's (tui/undo.py), so "the last change" is the
    last one made anywhere in the app."""

    def selected_entry(self):
        raise NotImplementedError

    def shows(self, entry) -> bool:
        """Is `entry` (as it was or is) in view here? u undoes only a change the user can see."""
        return True

    def entry_names(self) -> list[str]:
        return []

    def edit_entry(self, entry, focus: str = "task") -> None:
        def saved(after) -> None:
            if after:
                self.app.undo.remember(EntryEdited(entry, after))
                self.notify(words.edited(after, self.app.data.zone), markup=False)

        self.app.push_screen(edit_entry_dialog(entry, self.app.data.zone, self.entry_names(), focus), saved)

    def entry_added(self, added) -> None:
        if added:
            self.app.undo.remember(EntryAdded(added))
            self.notify(words.added(added, self.app.data.zone), markup=False)

    def delete_entry(self, entry) -> None:
        zone = self.app.data.zone
        self.app.data.change(self, "delete", lambda s: s.log.delete(entry.id), lambda gone: words.deleted(gone, zone))

    def undo_entry_change(self) -> None:
        """Undo the last delete, edit or add; once, and only where it shows."""
        last = self.app.undo.last(ENTRIES)
        if last is None:
            self.notify("Nothing to undo.", severity="warning")
            return
        if not last.shown(self.shows):
            self.notify(words.undo_elsewhere(last.named(), self.app.data.zone), severity="warning", timeout=8,
                        markup=False)
            return
        self.app.undo.run(self, last)

    def entry_done(self, done: ActionDone) -> None:
        if done.action == "delete":
            self.app.undo.remember(EntryDeleted(done.result))
