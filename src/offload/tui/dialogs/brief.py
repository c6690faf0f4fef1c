"""The brief as it will read, with a file name to save it to; the saved path is shown."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from offload.domain.errors import AlreadyExists, OffloadError


class BriefPreview(ModalScreen[Path | None]):
    """Returns the path the brief was saved to, or None if it was only read."""

    CSS_PATH = "set_dialogs.tcss"
    BINDINGS = [
        Binding("escape", "close", "Close", id="brief.close", tooltip="Back to the Grouping screen"),
        Binding("ctrl+s", "save", "Save to file", id="brief.save", tooltip="Write the brief to the file named below"),
    ]

    def __init__(self, markdown: str, path: str, save: Callable[[str, bool], Path]) -> None:
        super().__init__()
        self.markdown = markdown
        self.path = path
        self.save = save
        self.saved: Path | None = None

    def compose(self) -> ComposeResult:
        # Markdown (and markdown-it) load when a brief is shown, not with the app: ~100 ms.
        from textual.widgets import Markdown

        with Vertical(classes="dialog brief"):
            with VerticalScroll(id="brief-scroll"):
                yield Markdown(self.markdown, id="brief")
            with Horizontal(id="save-row"):
                yield Label("Save to")
                yield Input(self.path, id="path")
                yield Button("Save", variant="primary", id="save")
            error = Static("", classes="dialog-error", id="error", markup=False)
            error.display = False
            yield error
            yield Static("ctrl+s saves (readable by you only) · Esc closes", id="saved", classes="dialog-hint",
                         markup=False)

    def on_mount(self) -> None:
        self.query_one("#brief-scroll").focus()

    @on(Input.Submitted, "#path")
    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        self._save(self.query_one("#path", Input).value, force=False)

    def _save(self, typed: str, force: bool) -> None:
        """Write the file; if it exists, ask first and replace it only on yes."""
        error = self.query_one("#error", Static)
        try:
            self.saved = self.save(typed, force)
        except AlreadyExists as exc:
            from offload.tui.widgets.set_dialogs import ConfirmDialog

            def answer(yes: bool | None) -> None:
                if yes:
                    self._save(typed, force=True)

            self.app.push_screen(ConfirmDialog(f"{exc.path} already exists. Replace it with this brief?",
                                               "Replace"), answer)
            return
        except OffloadError as exc:
            error.update(exc.message)
            error.display = True
            return
        error.display = False
        self.query_one("#saved", Static).update(f"Saved to {self.saved}")
        self.query_one("#saved", Static).add_class("done")

    def action_close(self) -> None:
        self.dismiss(self.saved)
