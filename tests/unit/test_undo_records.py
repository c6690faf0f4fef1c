"""What u undoes (tui/undo.py): one typed record per change, the last of each family kept,
forgotten once undone and kept after a refusal; an entry change may touch several entries."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from offload.service.tasks import Merge, Renamed, TaskSummary
from offload.service.timeline import EntryRow
from offload.tui.undo import (
    ENTRIES,
    TASKS,
    EntryAdded,
    EntryChange,
    EntryDeleted,
    EntryEdited,
    EntryUndo,
    TaskRenamed,
    TasksMerged,
    UndoHistory,
    task_change,
)


def row(entry_id: int, task: str, start: int, end: int | None) -> EntryRow:
    return EntryRow(entry_id, 1, task, start, end, "Europe/London", "")


class Data:
    """The data object as the history uses it: records each change asked for."""

    zone = "Europe/London"

    def __init__(self) -> None:
        self.asked = []

    def change(self, target, action, job, said=None, changes_data=True) -> None:
        self.asked.append((action, job, said))


def test_each_change_is_a_record_of_its_family() -> None:
    a, b = row(1, "Invoices", 0, 3600), row(1, "Invoices", 0, 1800)
    assert [r.family for r in (EntryDeleted(a), EntryEdited(a, b), EntryAdded(a))] == [ENTRIES] * 3
    renamed = Renamed("Mail", "Email", 3, 2)
    merge = Merge(TaskSummary("Email", 1, 60, False, "neutral", "", ""), [], done=True)
    assert task_change(renamed) == TaskRenamed(renamed) and task_change(renamed).family == TASKS
    assert task_change(merge) == TasksMerged(merge)
    assert EntryEdited(a, b).changes == (EntryChange(a, b),)
    assert EntryDeleted(a).changes == (EntryChange(a, None),) and EntryAdded(a).changes == (EntryChange(None, a),)


def test_the_last_of_each_family_is_kept_and_forgotten_once_undone_not_when_refused() -> None:
    data = Data()
    history = UndoHistory(data)
    first, second = EntryAdded(row(1, "A", 0, 60)), EntryDeleted(row(2, "B", 60, 120))
    renamed = TaskRenamed(Renamed("Mail", "Email", 3, 2))
    history.remember(first)
    history.remember(renamed)
    history.remember(second)
    assert history.last(ENTRIES) is second and history.last(TASKS) is renamed

    history.run(object(), second)
    action, _job, said = data.asked[-1]
    assert action == "undo"
    assert history.last(ENTRIES) is second  # asked, not done: a refusal would leave it
    assert said(row(2, "B", 60, 120)) == "Put back B"
    assert history.last(ENTRIES) is None  # done: once only (the one before is not offered)
    assert history.last(TASKS) is renamed

    history.run(object(), renamed)
    newer = TaskRenamed(Renamed("Email", "E-mail", 3, 2))
    history.remember(newer)  # a newer rename while the undo ran
    data.asked[-1][2](None)
    assert history.last(TASKS) is newer
    assert data.asked[-1][0] == "undo rename"


@dataclass(frozen=True)
class EdgeMoved(EntryUndo):
    """The shape the next changes take: one change that moves two entries (an edge moved into a
    neighbour). Undone where either shows."""

    moved: tuple[EntryChange, ...]

    @property
    def changes(self) -> tuple[EntryChange, ...]:
        return self.moved


@pytest.mark.parametrize("shown_id", [1, 2])
def test_a_change_of_several_entries_shows_where_any_of_them_does(shown_id) -> None:
    earlier, later = row(1, "Client work", 0, 3600), row(2, "Invoices", 3600, 7200)
    record = EdgeMoved((EntryChange(earlier, earlier._replace(end_utc=1800)),
                        EntryChange(later, later._replace(start_utc=1800))))
    assert record.shown(lambda e: e.id == shown_id)
    assert not record.shown(lambda e: e.id == 3)
    assert record.named() == later._replace(start_utc=1800)
    assert len(record.entries()) == 4
