"""Grouping highlighted tasks into skill sets, and writing a set's handover brief.

Sets are named in the user's words; a catalogue set is created in the database the first
time it is used. Every change is one transaction, so it is there after a restart.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from offload.domain.audit import AuditSet, AuditTask
from offload.domain.catalogue import CATALOGUE, catalogue_set
from offload.domain.changes import changed
from offload.domain.text import name_key
from offload.domain.errors import Conflict, InvalidInput, NotFound, blame
from offload.domain.skill_sets import EDITABLE, clean_field, clean_set_name, parse_rate
from offload.domain.suggest import Suggester, Suggestion
from offload.service.context import Context
from offload.store import handovers as handover_store
from offload.store import skill_sets as set_store
from offload.store.rows import TaskRow
from offload.store.skill_sets import SkillSetRow


@dataclass
class GroupTask:
    """A task as the Grouping screen shows it: its audit figures and, when ungrouped, a suggestion."""

    task: TaskRow
    figures: AuditTask
    suggestion: Suggestion | None = None

    @property
    def name(self) -> str:
        return self.task.name

    @property
    def seconds(self) -> int:
        """Time logged in the whole audit period."""
        return self.figures.seconds

    @property
    def days(self) -> int:
        return len(self.figures.days_logged)

    @property
    def sessions(self) -> int:
        return self.figures.sessions


@dataclass
class GroupSet:
    row: SkillSetRow
    tasks: list[GroupTask] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.row.name

    @property
    def seconds(self) -> int:
        return sum(t.seconds for t in self.tasks)

    @property
    def figures(self) -> AuditSet:
        return AuditSet(self.name, tasks=tuple(t.figures for t in self.tasks))

    @property
    def weekly_hours(self):
        """A week's load by each task's frequency (its month × 12 / 52)."""
        return self.figures.weekly_hours

    @property
    def monthly_hours(self):
        """The estimate a month, following each task's frequency."""
        return self.figures.monthly_hours


@dataclass
class GroupingView:
    week: object  # the audit period (a Period; one week is the common case)
    ungrouped: list[GroupTask]
    sets: list[GroupSet]
    report: object = None  # the period's WeekReport: every task's time, for the plan

    def set(self, name: str) -> GroupSet | None:
        key = name_key(name)
        return next((s for s in self.sets if name_key(s.name) == key), None)


@dataclass(frozen=True)
class SetChoice:
    """A set the picker offers: one in use, or one from the catalogue not yet used."""

    name: str
    description: str
    in_use: bool


class GroupingService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    @property
    def conn(self):
        return self.ctx.store.conn

    # --- reading -----------------------------------------------------------------
    def _week(self, week):
        """The period asked for, or the audit period; and its report."""
        from offload.service.audit import AuditService
        from offload.service.review import ReviewService

        week = week or AuditService(self.ctx).period()
        return week, ReviewService(self.ctx).week(week)

    def suggester(self) -> Suggester:
        sets = set_store.all_sets(self.conn)
        by_id = {s.id: s.name for s in sets}
        learned: dict[str, list[str]] = {}
        for t in set_store.grouped_tasks(self.conn):
            learned.setdefault(by_id[t.skill_set_id], []).append(t.name)
        return Suggester([s.name for s in sets], learned)

    def view(self, week=None) -> GroupingView:
        """Highlighted tasks not yet in a set, with suggestions; the sets with their tasks;
        every figure over the audit period (or the period asked for)."""
        from offload.service.audit import figures
        from offload.service.review import ReviewService

        week, report = self._week(week)
        notes = ReviewService(self.ctx).notes(week)

        in_week = {t.task.id: t for t in report.tasks}

        def with_week(task: TaskRow) -> GroupTask:
            return GroupTask(task, figures(report, task, in_week.get(task.id), notes.get(task.id, [])))

        suggester = self.suggester()
        ungrouped = [with_week(t) for t in set_store.highlighted_ungrouped(self.conn)]
        for g in ungrouped:
            g.suggestion = suggester.suggest(g.name)
        ungrouped.sort(key=lambda g: (-g.seconds, g.name.casefold()))
        sets = {s.id: GroupSet(s) for s in set_store.all_sets(self.conn)}
        for t in set_store.grouped_tasks(self.conn):
            sets[t.skill_set_id].tasks.append(with_week(t))
        for s in sets.values():
            s.tasks.sort(key=lambda g: (-g.seconds, g.name.casefold()))
        return GroupingView(week, ungrouped, sorted(sets.values(), key=lambda s: s.name.casefold()), report)

    def choices(self) -> list[SetChoice]:
        """Sets in use first, then the catalogue's others: what the picker lists."""
        in_use = set_store.all_sets(self.conn)
        names = {s.name.casefold() for s in in_use}
        out = [SetChoice(s.name, s.description, True) for s in in_use]
        out += [SetChoice(c.name, c.description, False) for c in CATALOGUE if c.name.casefold() not in names]
        return out

    def get(self, name: str) -> SkillSetRow:
        found = set_store.find(self.conn, " ".join(str(name).split()))
        if found is None:
            names = [s.name for s in set_store.all_sets(self.conn)]
            known = f"; the skill sets are: {', '.join(names)}" if names else "; there are no skill sets yet"
            raise NotFound(f"There is no skill set '{name}'{known}.")
        return found

    def suggestion(self, task_name: str) -> Suggestion | None:
        return self.suggester().suggest(self._task(task_name).name)

    # --- changing ----------------------------------------------------------------
    def _task(self, name: str) -> TaskRow:
        found = set_store.task(self.conn, " ".join(str(name).split()))
        if found is None:
            raise NotFound(f"There is no task '{name}'.")
        return found

    def _ensure(self, conn, name: str, create: bool) -> SkillSetRow:
        """The set by name; a catalogue set (or, with create, any new name) is made on first use."""
        name = clean_set_name(name)
        found = set_store.find(conn, name)
        if found is not None:
            return found
        known = catalogue_set(name)
        if known is None and not create:
            raise NotFound(f"There is no skill set '{name}'; create it first (or pick one from the catalogue).")
        new_id = set_store.insert(conn, known.name if known else name, known.description if known else "",
                                  self.ctx.now_epoch())
        return set_store.get(conn, new_id)

    def create(self, name: str, description: str = "") -> SkillSetRow:
        """A new set; a catalogue name brings the catalogue's description."""
        name = clean_set_name(name)
        description = clean_field("A description", description)
        with self.ctx.store.write() as conn:
            if set_store.find(conn, name) is not None:
                raise Conflict(f"There is already a skill set called '{set_store.find(conn, name).name}'.")
            row = self._ensure(conn, name, create=True)
            if description:
                set_store.update(conn, row.id, {"description": description})
            return set_store.get(conn, row.id)

    def assign(self, task_name: str, set_name: str, create: bool = False) -> SkillSetRow:
        """Put a task in a set (moving it from any other set)."""
        task = self._task(task_name)
        with self.ctx.store.write() as conn:
            row = self._ensure(conn, set_name, create)
            set_store.assign(conn, task.id, row.id)
            return row

    def accept(self, task_name: str) -> SkillSetRow:
        """Put the task in the set suggested for it."""
        suggestion = self.suggestion(task_name)
        if suggestion is None:
            raise NotFound(f"There is no suggestion for '{task_name}'; choose a set for it.")
        return self.assign(task_name, suggestion.set_name, create=True)

    def unassign(self, task_name: str) -> None:
        """Take a task out of its set; it stays highlighted, back among the tasks to group."""
        task = self._task(task_name)
        with self.ctx.store.write() as conn:
            set_store.assign(conn, task.id, None)

    def rename(self, old: str, new: str) -> SkillSetRow:
        row = self.get(old)
        new = clean_set_name(new)
        with self.ctx.store.write() as conn:
            other = set_store.find(conn, new)
            if other is not None and other.id != row.id:
                raise Conflict(f"There is already a skill set called '{other.name}'; merge the two instead.")
            set_store.rename(conn, row.id, new)
            return set_store.get(conn, row.id)

    def merge(self, source: str, into: str, description: str | None = None) -> SkillSetRow:
        """Every task of `source` moves to `into`; `source` goes. Empty brief fields are filled from
        it, and its handover goes to `into` if that has none. `description`, if given, is the one the
        merged set keeps (the owner chose between the two)."""
        src = self.get(source)
        dst = self.get(into)
        if src.id == dst.id:
            raise InvalidInput("Choose a different skill set to merge into.")
        kept = None if description is None else clean_field("The description", description)
        with self.ctx.store.write() as conn:
            set_store.move_tasks(conn, src.id, dst.id)
            handover_store.move(conn, src.id, dst.id)  # its handover, if the set kept has none
            fill: dict[str, object] = {k: v for k, v in src.fields.items() if v and not dst.fields.get(k)}
            if kept is not None:
                fill["description"] = kept
            elif src.description and not dst.description:
                fill["description"] = src.description
            if src.rate is not None and dst.rate is None:
                fill["rate"] = src.rate
            set_store.update(conn, dst.id, fill)
            set_store.delete(conn, src.id)
            return set_store.get(conn, dst.id)

    def delete(self, name: str) -> list[str]:
        """Remove a set; its tasks stay highlighted and ungrouped. Returns their names."""
        row = self.get(name)
        names = [t.name for t in set_store.grouped_tasks(self.conn) if t.skill_set_id == row.id]
        with self.ctx.store.write() as conn:
            set_store.delete(conn, row.id)
        return names

    def update(self, name: str, before: dict[str, str] | None = None, **values: str | float | None) -> SkillSetRow:
        """Change the description, rate or brief fields; each is checked before anything is saved.

        With `before` (what a form showed), only the fields the user changed are saved: one
        changed from the shell while the form was open is not put back."""
        row = self.get(name)
        clean: dict[str, object] = {}
        for key, value in changed(values, before).items():
            if key not in EDITABLE:
                raise InvalidInput(f"A skill set has no field '{key}'; the fields are: {', '.join(EDITABLE)}.")
            with blame(key):
                if key == "rate":
                    clean[key] = parse_rate(value)
                else:
                    label = "The description" if key == "description" else f"The field '{key}'"
                    clean[key] = clean_field(label, value if value is not None else "")
        with self.ctx.store.write() as conn:
            set_store.update(conn, row.id, clean)
            return set_store.get(conn, row.id)

    # --- the brief -------------------------------------------------------------------
    def brief(self, set_name: str | None = None, week=None) -> str:
        """The Markdown brief for one set, or for every set in use, over the audit period."""
        from offload.service.audit import AuditService

        return AuditService(self.ctx).brief(set_name, week)

    def default_brief_name(self, set_name: str | None = None, week=None) -> str:
        import re

        if week is None:
            from offload.service.audit import AuditService

            week = AuditService(self.ctx).period()
        slug = re.sub(r"[^a-z0-9]+", "-", (set_name or "all skill sets").casefold()).strip("-") or "skill-set"
        return f"brief-{slug}-{week.start.isoformat()}.md"

    def write_brief(self, path: str | Path, set_name: str | None = None, week=None, force: bool = False) -> Path:
        """Write the brief to a new file readable by its owner only (0600); returns the full path.
        An existing file is replaced only with `force` (AlreadyExists otherwise)."""
        from offload.service.files import FileService

        text = self.brief(set_name, week)
        return FileService(self.ctx).write_text(path, text, force)
