"""Ghost-text completion of a task name from the names in use (the Log's field, the entry dialog)."""

from __future__ import annotations

from typing import Callable

from textual.suggester import Suggester


class TaskSuggester(Suggester):
    """Most recent first; → takes the suggestion."""

    def __init__(self, names: Callable[[], list[str]]) -> None:
        # Case is matched here, so the completion keeps the spelling the task was saved with.
        super().__init__(use_cache=False, case_sensitive=True)
        self.names = names

    async def get_suggestion(self, value: str) -> str | None:
        key = value.casefold()
        for name in self.names():
            if name.casefold().startswith(key) and len(name) > len(value):
                return name
        return None
