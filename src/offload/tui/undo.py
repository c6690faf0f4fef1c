"""What u undoes: one small typed record per undoable change, kept by the app (`app.undo`).

A record holds what puts its change back (`undo()`, the job for the data object) and what is
said once it is back. Entry changes (delete, edit, add: the Log and a task's entries) and task
changes (rename, merge: the Review and the Grouping) are undone from different screens, so the
app keeps the last record of each family; a record is forgotten once undone, and a refusal
leaves it to try again.

An entry record lists every entry it touched as an `EntryChange` (as it was, as the change left
it). One change may touch several: a switch said to have happened earlier ends one entry and
starts another, an edge moved into a neighbour moves two, an answer to "you were away" ends one
and adds a break. Undo is offered where one of them shows, and the service, inside its write,
compares each entry with how the change left it and refuses when it changed since.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, ClassVar

from offload.tui import words

if TYPE_CHECKING:
    from textual.message_pump import MessagePump

    from offload.service.tasks import Merge, Renamed
    from offload.service.timeline import EntryRow
    from offload.tui.data import Data

Job = Callable[[Any], Any]

ENTRIES = "entries"  # deletes, edits and adds of entries: u on the Log and in a task's entries
TASKS = "tasks"  # renames and merges of tasks: u on the Review and the Grouping


class Undoable:
    """One change u can put back. Subclasses are small frozen dataclasses."""

    family: ClassVar[str]
    action: ClassVar[str]  # the name of the undo as a change (ActionDone.action)

    def undo(self) -> Job:
        """The change (run by the data object, off the UI thread) that puts this one back."""
        raise NotImplementedError

    def undone(self, result: Any, zone: str) -> str:
        """What is said once it is back; `result` is what `undo()` returned."""
        raise NotImplementedError


# --- entries ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class EntryChange:
    """One entry a change touched: as it was before (None: the change made it) and as the change
    left it (None: the change took it out)."""

    before: EntryRow | None
    after: EntryRow | None


class EntryUndo(Undoable):
    """A change to one or more entries."""

    family = ENTRIES
    action = "undo"

    @property
    def changes(self) -> tuple[EntryChange, ...]:
        raise NotImplementedError

    def entries(self) -> list[EntryRow]:
        """Every entry touched, as it was and as it was left, in that order."""
        return [e for c in self.changes for e in (c.before, c.after) if e is not None]

    def shown(self, shows: Callable[[EntryRow], bool]) -> bool:
        """Is any entry it touched (as it was or is) in view? u undoes only a change the user sees."""
        return any(shows(entry) for entry in self.entries())

    def named(self) -> EntryRow:
        """The entry a notice names when the change is not in view: the last one touched, as left."""
        return self.entries()[-1]


@dataclass(frozen=True)
class EntryDeleted(EntryUndo):
    entry: EntryRow

    @property
    def changes(self) -> tuple[EntryChange, ...]:
        return (EntryChange(self.entry, None),)

    def undo(self) -> Job:
        entry = self.entry
        return lambda s: s.log.undo_delete(entry)

    def undone(self, result: EntryRow, zone: str) -> str:
        return words.put_back(result)


@dataclass(frozen=True)
class EntryEdited(EntryUndo):
    before: EntryRow
    after: EntryRow

    @property
    def changes(self) -> tuple[EntryChange, ...]:
        return (EntryChange(self.before, self.after),)

    def undo(self) -> Job:
        before, after = self.before, self.after
        # Refused by the service if the entry was changed or deleted since.
        return lambda s: s.log.undo_edit(before, after)

    def undone(self, result: EntryRow, zone: str) -> str:
        return words.edit_undone(result, zone)


@dataclass(frozen=True)
class EntryAdded(EntryUndo):
    entry: EntryRow

    @property
    def changes(self) -> tuple[EntryChange, ...]:
        return (EntryChange(None, self.entry),)

    def undo(self) -> Job:
        entry_id = self.entry.id
        return lambda s: s.log.delete(entry_id)

    def undone(self, result: EntryRow, zone: str) -> str:
        return words.add_undone(result, zone)


# --- tasks -----------------------------------------------------------------------------------------
class TaskUndo(Undoable):
    """A change to the tasks (their names, which are one)."""

    family = TASKS


@dataclass(frozen=True)
class TaskRenamed(TaskUndo):
    renamed: Renamed
    action: ClassVar[str] = "undo rename"

    def undo(self) -> Job:
        renamed = self.renamed
        return lambda s: s.tasks.undo_rename(renamed)  # refused if the name changed or was taken since

    def undone(self, result: None, zone: str) -> str:
        return f"'{self.renamed.new}' is called '{self.renamed.old}' again"


@dataclass(frozen=True)
class TasksMerged(TaskUndo):
    merge: Merge
    action: ClassVar[str] = "undo merge"

    def undo(self) -> Job:
        merge = self.merge
        return lambda s: s.tasks.undo_merge(merge)  # refused if a merged task's name is taken again

    def undone(self, result: list[str], zone: str) -> str:
        return words.merge_undone(self.merge)


def task_change(result: Renamed | Merge) -> TaskUndo:
    """The record of what the rename dialog returned: a rename, or a merge the owner agreed to."""
    return TasksMerged(result) if hasattr(result, "moved") else TaskRenamed(result)


# --- the app's history -----------------------------------------------------------------------------
class UndoHistory:
    """The last undoable change of each family, app-wide: "the last change" is the last one made
    anywhere in the app, undone where it shows."""

    def __init__(self, data: Data) -> None:
        self.data = data
        self._last: dict[str, Undoable] = {}

    def remember(self, record: Undoable) -> None:
        self._last[record.family] = record

    def last(self, family: str) -> Undoable | None:
        return self._last.get(family)

    def forget(self, record: Undoable) -> None:
        """Forget `record` if it is still the last of its family (not a newer change)."""
        if self._last.get(record.family) is record:
            del self._last[record.family]

    def run(self, target: MessagePump, record: Undoable) -> None:
        """Put `record`'s change back; once done it is forgotten and `target` hears ActionDone.
        A refusal (ActionFailed) keeps it: once the obstacle is gone, u tries again."""
        zone = self.data.zone

        def done(result: Any) -> str:
            self.forget(record)
            return record.undone(result, zone)

        self.data.change(target, record.action, record.undo(), done)
