"""Renaming and merging tasks: every entry follows, the kept task's marks stay, and undo
puts the merged tasks back as they were."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from offload.domain.errors import Conflict, InvalidInput, NotFound, WouldMerge
from offload.domain.names import clean_task_name
from offload.service.context import Context
from offload.store import skill_sets as set_store
from offload.store import tasks as task_store


class TaskSummary(NamedTuple):
    """A task as a merge reports it: its entries and time, and the marks it carries."""

    name: str
    entries: int
    seconds: int
    highlighted: bool
    feeling: str
    kind: str
    skill_set: str  # the set's name, "" when in none


@dataclass
class Merge:
    """What a merge moves (or would move, when `done` is False) into the kept task.

    `kept` is the kept task before the merge: its marks are the ones that stay."""

    kept: TaskSummary
    moved: list[TaskSummary]
    done: bool = False
    # For undo: each merged task's row and its entries' (id, start), and the kept task's id.
    _rows: list[tuple] = field(default_factory=list, repr=False)
    _spans: list[list[tuple[int, int]]] = field(default_factory=list, repr=False)
    _into_id: int = 0

    @property
    def into(self) -> str:
        return self.kept.name

    @property
    def entries(self) -> int:
        return sum(t.entries for t in self.moved)

    @property
    def seconds(self) -> int:
        return sum(t.seconds for t in self.moved)


class Renamed(NamedTuple):
    old: str
    new: str
    task_id: int
    entries: int


class TaskService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    # --- reading -------------------------------------------------------------------
    def _find(self, conn, name: str):
        found = task_store.find(conn, name)
        if found is None:
            raise NotFound(f"There is no task '{' '.join(str(name).split())}'.")
        return found

    def _summary(self, conn, task_id: int) -> TaskSummary:
        row = task_store.record(conn, task_id)
        _, name, _, highlighted, feeling, kind, set_id = row
        spans = task_store.entry_spans(conn, task_id)
        now = self.ctx.now_epoch()
        seconds = sum((end if end is not None else now) - start for _, start, end in spans)
        skill_set = ""
        if set_id is not None:
            found = set_store.get(conn, set_id)
            skill_set = found.name if found else ""
        return TaskSummary(name, len(spans), seconds, bool(highlighted), feeling, kind, skill_set)

    def _plan(self, conn, names: list[str], into: str) -> tuple[Merge, list[int]]:
        if task_store.find(conn, into) is None and names:
            # Into a name no task has yet: the way there is a rename first, then the merge.
            first = " ".join(str(names[0]).split())
            raise NotFound(f"There is no task '{' '.join(str(into).split())}' to merge into. To merge into "
                           f"a new name, rename one of them to it first (offload rename \"{first}\" "
                           f"\"{' '.join(str(into).split())}\"), then merge the others into it.")
        kept = self._find(conn, into)
        ids: list[int] = []
        for name in names:
            found = self._find(conn, name)
            if found.id != kept.id and found.id not in ids:
                ids.append(found.id)
        if not ids:
            raise InvalidInput(f"Name at least one other task to merge into '{kept.name}'.")
        plan = Merge(self._summary(conn, kept.id), [self._summary(conn, i) for i in ids], _into_id=kept.id)
        return plan, ids

    def plan_merge(self, names: list[str], into: str) -> Merge:
        """What merging `names` into `into` would move; nothing changes."""
        return self._plan(self.ctx.store.conn, names, into)[0]

    # --- changing ------------------------------------------------------------------
    def merge(self, names: list[str], into: str) -> Merge:
        """Move every entry of `names` to the task `into` and drop those tasks; `into` keeps
        its highlight, feeling, work kind and skill set. One transaction; `undo_merge` reverses it."""
        with self.ctx.store.write() as conn:
            return self._merge(conn, names, into)

    def _merge(self, conn, names: list[str], into: str) -> Merge:
        plan, ids = self._plan(conn, names, into)
        for task_id in ids:
            plan._rows.append(task_store.record(conn, task_id))
            plan._spans.append([(i, start) for i, start, _ in task_store.entry_spans(conn, task_id)])
            task_store.move_entries(conn, task_id, plan._into_id)
            task_store.delete(conn, task_id)
        plan.done = True
        return plan

    def undo_merge(self, merge: Merge) -> list[str]:
        """Put the merged tasks back, with their marks and the entries that were theirs
        (those since deleted stay deleted). Refused if one of their names is taken again."""
        if not merge.done:
            raise Conflict("Nothing to undo: that merge was not done.")
        with self.ctx.store.write() as conn:
            for row in merge._rows:
                taken = task_store.find(conn, row[1])
                if taken is not None:
                    raise Conflict(f"Cannot undo the merge: there is a task '{taken.name}' again.")
            for row, spans in zip(merge._rows, merge._spans):
                if task_store.record(conn, row[0]) is not None:  # its id went to a newer task
                    row = (None, *row[1:])
                task_store.restore(conn, row)
                task_id = task_store.find(conn, row[1]).id
                task_store.move_back(conn, spans, merge._into_id, task_id)
        merge.done = False
        return [row[1] for row in merge._rows]

    def rename(self, old: str, new: str, merge: bool = False) -> Renamed | Merge:
        """Rename a task everywhere. Onto another task's name (in any case) the two become
        one: refused with WouldMerge (its `plan` says what would move) unless `merge`."""
        new = clean_task_name(new)
        with self.ctx.store.write() as conn:
            found = self._find(conn, old)
            other = task_store.find(conn, new)
            if other is None or other.id == found.id:
                if found.name == new:
                    raise InvalidInput(f"The task is already called '{new}'.")
                task_store.rename(conn, found.id, new)
                return Renamed(found.name, new, found.id, len(task_store.entry_spans(conn, found.id)))
            if not merge:
                plan = self._plan(conn, [found.name], other.name)[0]
                raise WouldMerge(
                    f"There is already a task '{other.name}': renaming '{found.name}' to it merges the two.", plan
                )
            return self._merge(conn, [found.name], other.name)

    def undo_rename(self, renamed: Renamed) -> None:
        """Give a renamed task its old name back, unless another task has taken it since."""
        with self.ctx.store.write() as conn:
            row = task_store.record(conn, renamed.task_id)
            if row is None or row[1] != renamed.new:
                raise Conflict(f"Cannot undo the rename: '{renamed.new}' has changed since.")
            taken = task_store.find(conn, renamed.old)
            if taken is not None and taken.id != renamed.task_id:
                raise Conflict(f"Cannot undo the rename: there is a task '{taken.name}' again.")
            task_store.rename(conn, renamed.task_id, renamed.old)
