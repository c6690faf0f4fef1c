"""What counts as a task name: typed by the user, shown everywhere, so checked once here."""

from __future__ import annotations

import unicodedata

from offload.domain.errors import InvalidInput
from offload.domain.text import is_control, refuse_control

MAX_NAME = 200


def clean_task_name(text: str) -> str:
    """Trim and check a task name; raise InvalidInput with the reason."""
    if text is None:
        raise InvalidInput("A task needs a name, e.g. 'Invoices'.")
    name = " ".join(str(text).split())
    if not name:
        raise InvalidInput("A task needs a name, e.g. 'Invoices'.")
    if any(is_control(ch) or unicodedata.category(ch) == "Co" for ch in name):
        raise InvalidInput("A task name cannot contain control characters.")
    if len(name) > MAX_NAME:
        raise InvalidInput(f"A task name can be at most {MAX_NAME} characters (this one has {len(name)}).")
    return name


MAX_NOTE = 2000


def clean_note(text: str | None) -> str:
    """Notes may be empty; they are one line, without control characters."""
    if text is None:
        return ""
    note = refuse_control(" ".join(str(text).split()), "A note")
    if len(note) > MAX_NOTE:
        raise InvalidInput(f"A note can be at most {MAX_NOTE} characters.")
    return note
