"""The Log's task field and the names it offers: type part of a task, the known ones containing
it are listed below; a start refused is said under the field."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from offload.tui.widgets.task_suggester import TaskSuggester

MAX_MATCHES = 6


def matching_names(names: list[str], typed: str) -> list[str]:
    """Names containing what was typed, case-insensitive; prefix matches first, order kept."""
    key = typed.strip().casefold()
    if not key:
        return []
    prefix = [n for n in names if n.casefold().startswith(key)]
    inside = [n for n in names if key in n.casefold() and n not in prefix]
    return (prefix + inside)[:MAX_MATCHES]


class TaskField(Input, inherit_bindings=False):
    """The task field: Input's own keys, without the scrolling ones a one-line field never
    needs, so PgUp and PgDn change the day while typing."""

    BINDINGS = Input.BINDINGS


class TaskEntry(Vertical):
    """The task field, a line saying what was wrong with what was typed, and below, the known
    names matching it (↓ walks into them). Enter in the field and a chosen name reach the screen
    as Input.Submitted and OptionList.OptionSelected."""

    def __init__(self, names: Callable[[], list[str]], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._names = names  # the known task names, as last read

    def compose(self) -> ComposeResult:
        yield TaskField(
            placeholder="What are you working on? Type a task, Enter starts it (→ completes)",
            id="task-input",
            suggester=TaskSuggester(self._names),
        )
        yield Static("", id="input-error", markup=False)
        yield OptionList(id="matches")

    def on_mount(self) -> None:
        self.hide_matches()
        self.set_error("")

    @property
    def field(self) -> TaskField:
        return self.query_one("#task-input", TaskField)

    def hide_matches(self) -> None:
        self.query_one("#matches", OptionList).display = False

    def set_error(self, message: str) -> None:
        error = self.query_one("#input-error", Static)
        error.update(message)
        error.display = bool(message)

    @on(Input.Changed, "#task-input")
    def show_matches(self, event: Input.Changed) -> None:
        self.set_error("")
        matches = matching_names(self._names(), event.value)
        options = self.query_one("#matches", OptionList)
        options.clear_options()
        options.add_options([Option(Text(n), id=n) for n in matches])
        options.display = bool(matches) and not (len(matches) == 1 and matches[0] == event.value.strip())

    def on_key(self, event) -> None:
        # Down from the field walks into the matches.
        options = self.query_one("#matches", OptionList)
        if self.screen.focused is self.field and event.key == "down" and options.display:
            self.screen.set_focus(options)
            options.highlighted = 0
            event.stop()
