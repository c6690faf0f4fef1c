"""Dialogs of the Grouping screen: pick a skill set, name one, edit its details and brief fields
(its yes/no and choice questions are in questions.py).

Each returns its result with dismiss(); the forms (name, details) save through the form base,
so a refusal shows inside the dialog beside the field it names, and the dialog stays open.
"""

from __future__ import annotations

from typing import Any, Callable, Sequence

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.suggester import Suggester
from textual.widgets import Button, Input, Label, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from offload.domain.changes import changed
from offload.domain.skill_sets import BRIEF_FIELDS
from offload.tui.dialogs.dialog import Dialog
from offload.tui.dialogs.form import FormDialog

Job = Callable[[Any], Any]


class SetPicker(Dialog[str | None]):
    """Choose a skill set by typing part of its name; Enter takes the highlighted one.

    With `allow_new`, a typed name that is not in the list can be created ("New set ...").
    Returns the chosen name, or None when cancelled.
    """

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="picker.cancel", tooltip="Close without choosing"),
        Binding("down", "move(1)", "Next", show=False, id="picker.down"),
        Binding("up", "move(-1)", "Previous", show=False, id="picker.up"),
    ]
    NEW = "\x00new"

    def __init__(self, title: str, choices: Sequence[tuple[str, str, bool]], allow_new: bool = True) -> None:
        super().__init__()
        self.title_text = title
        self.choices = list(choices)  # (name, description, in use)
        self.allow_new = allow_new

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            yield Input(placeholder="Type to filter, or a new name", id="filter")
            yield OptionList(id="choices")
            yield Static("↑↓ choose · Enter takes it · Esc cancels", classes="dialog-hint", markup=False)

    def on_mount(self) -> None:
        self.refresh_options("")
        self.query_one("#filter", Input).focus()

    def matches(self, typed: str) -> list[tuple[str, str, bool]]:
        key = " ".join(typed.split()).casefold()
        if not key:
            return self.choices
        first = [c for c in self.choices if c[0].casefold().startswith(key)]
        inside = [c for c in self.choices if c not in first and (key in c[0].casefold() or key in c[1].casefold())]
        return first + inside

    def refresh_options(self, typed: str) -> None:
        options = self.query_one("#choices", OptionList)
        options.clear_options()
        found = self.matches(typed)
        for name, description, in_use in found:
            label = Text(name, style="bold" if in_use else "")
            label.append("  in use" if in_use else "  from the catalogue", style="dim")
            if description:
                label.append(f"\n{description}", style="dim")
            options.add_option(Option(label, id=name))
        name = " ".join(typed.split())
        if self.allow_new and name and not any(c[0].casefold() == name.casefold() for c in found):
            options.add_option(Option(Text.assemble(("New skill set: ", "dim"), (name, "bold")), id=self.NEW + name))
        if options.option_count:
            options.highlighted = 0

    @on(Input.Changed, "#filter")
    def filter_changed(self, event: Input.Changed) -> None:
        self.refresh_options(event.value)

    def action_move(self, step: int) -> None:
        options = self.query_one("#choices", OptionList)
        if options.option_count:
            current = options.highlighted if options.highlighted is not None else -step
            options.highlighted = max(0, min(options.option_count - 1, current + step))

    def _take(self, option_id: str | None) -> None:
        if option_id is None:
            return
        self.dismiss(option_id[len(self.NEW):] if option_id.startswith(self.NEW) else option_id)

    @on(Input.Submitted, "#filter")
    def submitted(self) -> None:
        options = self.query_one("#choices", OptionList)
        if options.highlighted is None:
            return
        self._take(options.get_option_at_index(options.highlighted).id)

    @on(OptionList.OptionSelected, "#choices")
    def selected(self, event: OptionList.OptionSelected) -> None:
        self._take(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class NameDialog(FormDialog[Any]):
    """One name to type (a new set, a rename); `job(name)` is the change, and a refusal shows here.
    Returns what the change returned (the skill set), or None if cancelled."""

    def __init__(self, title: str, value: str, job: Callable[[str], Job], placeholder: str = "",
                 suggester: Suggester | None = None) -> None:
        super().__init__()
        self.title_text = title
        self.value = value
        self.job = job
        self.placeholder = placeholder
        self.suggester = suggester

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            yield Input(self.value, placeholder=self.placeholder, id="name", suggester=self.suggester)
            yield Static("", classes="dialog-error", id="error", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()

    def action_save(self) -> None:
        self.save("name", self.job(self.query_one("#name", Input).value))


class SetDialog(FormDialog[Any]):
    """A skill set's description, outsourcing rate and the brief's scope-of-work fields; `job(changed)`
    saves the fields the user changed.

    The description and the brief fields are text areas (Enter starts a new line; ctrl+s saves),
    each opening at its beginning, with its question or example above it in full."""

    def __init__(self, name: str, values: dict[str, str], job: Callable[[dict[str, str]], Job],
                 examples: dict[str, str] | None = None, currency: str = "") -> None:
        super().__init__()
        self.set_name = name
        self.values = values
        self.job = job
        self.examples = examples or {}
        self.currency = currency

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Static(f"Details and brief: {self.set_name}", classes="dialog-title", markup=False)
            with VerticalScroll(id="fields"):
                yield from self._area("description", "Description", "What this skill set covers, in a line or two.")
                with Grid(classes="dialog-form"):
                    yield Label(f"Rate an hour ({self.currency})" if self.currency else "Rate an hour", markup=False)
                    yield Input(self.values.get("rate", ""), id="rate", placeholder="e.g. 35; empty if not known yet")
                yield Static("", classes="form-message dialog-error", id="msg-rate", markup=False)
                for f in BRIEF_FIELDS:
                    example = self.examples.get(f.key)
                    yield from self._area(f.key, f.label, f"{f.question} e.g. {example}" if example else f.question)
            yield Static("", classes="dialog-error", id="error", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Static("Enter: a new line · ctrl+s saves · Esc cancels", classes="dialog-hint", markup=False)
                yield Button("Save", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    def _area(self, key: str, label: str, hint: str) -> ComposeResult:
        yield Label(label, classes="field-label", markup=False)
        yield Static(hint, classes="field-hint", markup=False)
        area = TextArea(self.values.get(key, ""), id=key, soft_wrap=True, tab_behavior="focus",
                        show_line_numbers=False, highlight_cursor_line=False)
        yield area
        yield Static("", classes="form-message dialog-error", id=f"msg-{key}", markup=False)

    def on_mount(self) -> None:
        super().on_mount()
        # Each field opens at its beginning (a long one is read from its first line).
        for area in self.query(TextArea):
            area.move_cursor((0, 0))
            area.scroll_home(animate=False)
        self.query_one("#description", TextArea).focus()

    def read(self) -> dict[str, str]:
        values = {area.id: area.text for area in self.query(TextArea)}
        values["rate"] = self.query_one("#rate", Input).value
        return values

    def action_save(self) -> None:
        # Only the fields the user changed: one changed from the shell meanwhile stays.
        self.save("details", self.job(changed(self.read(), self.values)))
