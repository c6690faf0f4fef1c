"""Renaming a task from the Review or the Grouping: onto another task's name the two become one,
so the dialog first says exactly what would move and merges only if the owner says yes. The last
rename or merge can be undone (u) from either screen."""

from __future__ import annotations

from textual.screen import Screen

from offload.domain.errors import WouldMerge
from offload.tui import words
from offload.tui.dialogs.questions import ConfirmDialog
from offload.tui.dialogs.skill_sets import NameDialog
from offload.tui.messages import ActionFailed, NamesLoaded
from offload.tui.undo import TASKS, task_change
from offload.tui.widgets.task_suggester import TaskSuggester


class RenameTaskDialog(NameDialog):
    """Returns what the service returned: a Renamed, or a Merge when the owner agreed to merge
    (None if cancelled). A refusal (an empty name, the same name) shows here, beside the name."""

    def __init__(self, name: str) -> None:
        # → completes an existing task's name, the one a duplicate is merged into.
        super().__init__(f"Rename the task '{name}'", name, self._rename,
                         placeholder="A new name; an existing task's name merges the two (→ completes)",
                         suggester=TaskSuggester(lambda: self.names))
        self.old = name
        self.typed = name
        self.names: list[str] = []

    def on_mount(self) -> None:
        self.app.data.load_names(self)

    def on_names_loaded(self, loaded: NamesLoaded) -> None:
        self.names = [n for n in loaded.names if n != self.old]

    def _rename(self, new: str):
        old = self.old
        return lambda s: s.tasks.rename(old, new)

    def action_save(self) -> None:
        self.typed = self.query_one("#name").value
        super().action_save()

    def refused(self, failure: ActionFailed) -> None:
        if not isinstance(failure.error, WouldMerge):
            super().refused(failure)
            return
        old, typed = self.old, self.typed

        def answer(yes: bool | None) -> None:
            if yes:
                self.save("merge", lambda s: s.tasks.rename(old, typed, merge=True))

        self.app.push_screen(ConfirmDialog(words.merge_question(failure.error.plan), "Merge"), answer)


def rename_task(screen: Screen, name: str) -> None:
    """Open the rename dialog for `name`; once done, say what happened and keep it for undo."""

    def done(result) -> None:
        if not result or result is True:
            return
        screen.app.undo.remember(task_change(result))
        screen.notify(words.task_renamed(result), timeout=8, markup=False)

    screen.app.push_screen(RenameTaskDialog(name), done)


def undo_task_change(screen: Screen) -> None:
    """Put back the last rename or merge made from the Review or the Grouping. A refusal (a task
    of that name again) leaves it to try again once the obstacle is gone."""
    last = screen.app.undo.last(TASKS)
    if last is None:
        screen.notify("Nothing to undo.", severity="warning")
        return
    screen.app.undo.run(screen, last)
