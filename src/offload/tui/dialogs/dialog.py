"""The base of every dialog: a `ModalScreen[T]` styled by the one sheet all dialogs share.

A dialog composes its box as a container with the class `dialog` (its title `dialog-title`,
hints `dialog-hint`, the error line `dialog-error`, the buttons' row `dialog-buttons`) and
returns its result with dismiss(); dialogs.tcss holds the look of them all, and what one dialog
does differently, under its own name.
"""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from textual.screen import ModalScreen

SHEET = Path(__file__).parent / "dialogs.tcss"

ResultT = TypeVar("ResultT")


class Dialog(ModalScreen[ResultT]):
    """A box in the middle of the screen it was opened over, which shows through, dimmed."""

    CSS_PATH = SHEET
