"""A document as it will read (the brief for providers, the plan for the owner), with a file name to
save it to; the saved path is shown."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, Label, Static

from offload.domain.errors import AlreadyExists
from offload.tui.dialogs.form import FormDialog
from offload.tui.messages import ActionDone, ActionFailed


class BriefPreview(FormDialog[Path | None]):
    """Returns the path the document was saved to, or None if it was only read. `job(path, force)`
    writes it; a file already there is replaced only after asking."""

    what = "brief"  # the document's name in the user's words

    BINDINGS = [
        Binding("escape", "cancel", "Close", id="brief.close", tooltip="Back to the Grouping screen"),
        Binding("ctrl+s", "save", "Save to file", id="brief.save", tooltip="Write the brief to the file named below",
                priority=True),
    ]

    def __init__(self, markdown: str, path: str, job: Callable[[str, bool], Callable[[Any], Path]],
                 title: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.markdown = markdown
        self.path = path
        self.job = job
        self.written: Path | None = None

    def compose(self) -> ComposeResult:
        # Markdown (and markdown-it) load when a brief is shown, not with the app: ~100 ms.
        from textual.widgets import Markdown

        with Vertical(classes="dialog brief"):
            yield Static(self.title_text, id="doc-title", classes="dialog-title", markup=False)
            with VerticalScroll(id="brief-scroll"):
                yield Markdown(self.markdown, id="brief")
            with Horizontal(id="save-row"):
                yield Label("Save to")
                yield Input(self.path, id="path")
                yield Button("Save", variant="primary", id="save")
            yield Static("", classes="dialog-error", id="error", markup=False)
            yield Static("ctrl+s saves (readable by you only) · Esc closes", id="saved", classes="dialog-hint",
                         markup=False)

    def on_mount(self) -> None:
        self.query_one("#brief-scroll").focus()

    def action_save(self) -> None:
        self._write(self.query_one("#path", Input).value, force=False)

    def _write(self, typed: str, force: bool) -> None:
        self.typed = typed
        self.save(self.what, self.job(typed, force), changes_data=False)

    def saved(self, done: ActionDone) -> None:
        # The preview stays open: the path it went to is said here.
        self.written = done.result
        saved = self.query_one("#saved", Static)
        saved.update(f"Saved to {self.written}")
        saved.add_class("done")

    def refused(self, failure: ActionFailed) -> None:
        if not isinstance(failure.error, AlreadyExists):
            self.show_error(failure.message, None)
            return
        from offload.tui.dialogs.questions import ConfirmDialog

        typed = self.typed

        def answer(yes: bool | None) -> None:
            if yes:
                self._write(typed, force=True)

        self.app.push_screen(ConfirmDialog(f"{failure.error.path} already exists. Replace it with this {self.what}?",
                                           "Replace"), answer)

    def action_cancel(self) -> None:
        self.dismiss(self.written)


class PlanPreview(BriefPreview):
    """The owner's plan (what `offload plan` writes): cost against the value of their time, the return."""

    what = "plan"
    BINDINGS = [
        Binding("escape", "cancel", "Close", id="plan.close", tooltip="Back to the Grouping screen"),
        Binding("ctrl+s", "save", "Save to file", id="plan.save", tooltip="Write the plan to the file named below",
                priority=True),
    ]
