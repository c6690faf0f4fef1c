"""Grouping highlighted tasks into skill sets, and writing a set's handover brief.

Sets are named in the user's words; a catalogue set is created in the database the first
time it is used. Every change is one transaction, so it is there after a restart. What the
Grouping reads (the sets, the choices, the view over the period) is in skill_sets.py.
"""

from __future__ import annotations

import re
from pathlib import Path

from offload.domain.catalogue import catalogue_set
from offload.domain.changes import changed
from offload.domain.errors import Conflict, InvalidInput, NotFound, blame
from offload.domain.skill_sets import EDITABLE, clean_field, clean_set_name, parse_rate
from offload.domain.suggest import Suggester, Suggestion
from offload.service.audit import AuditService
from offload.service.context import Context
from offload.service.files import FileService
from offload.service.period import PeriodService
from offload.service.skill_sets import GroupingView, SetChoice, SkillSetService
from offload.store import handovers as handover_store
from offload.store import skill_sets as set_store
from offload.store.skill_sets import SkillSetRow


class GroupingService:
    def __init__(self, ctx: Context, sets: SkillSetService, period: PeriodService, audit: AuditService,
                 files: FileService) -> None:
        self.ctx = ctx
        self.sets = sets
        self.period = period
        self.audit = audit
        self.files = files

    # --- reading (skill_sets.py) ------------------------------------------------------
    def suggester(self) -> Suggester:
        return self.sets.suggester()

    def view(self, period=None) -> GroupingView:
        """Highlighted tasks not yet in a set, with suggestions; the sets with their tasks;
        every figure over the audit period (or the period asked for)."""
        return self.sets.view(period)

    def choices(self) -> list[SetChoice]:
        """Sets in use first, then the catalogue's others: what the picker lists."""
        return self.sets.choices()

    def get(self, name: str) -> SkillSetRow:
        return self.sets.get(name)

    def suggestion(self, task_name: str) -> Suggestion | None:
        return self.sets.suggestion(task_name)

    # --- changing ----------------------------------------------------------------
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
        task = self.sets.task(task_name)
        with self.ctx.store.write() as conn:
            row = self._ensure(conn, set_name, create)
            set_store.assign(conn, task.id, row.id)
            return row

    def accept(self, task_name: str) -> SkillSetRow:
        """Put the task in the set suggested for it."""
        suggestion = self.sets.suggestion(task_name)
        if suggestion is None:
            raise NotFound(f"There is no suggestion for '{task_name}'; choose a set for it.")
        return self.assign(task_name, suggestion.set_name, create=True)

    def unassign(self, task_name: str) -> None:
        """Take a task out of its set; it stays highlighted, back among the tasks to group."""
        task = self.sets.task(task_name)
        with self.ctx.store.write() as conn:
            set_store.assign(conn, task.id, None)

    def rename(self, old: str, new: str) -> SkillSetRow:
        row = self.sets.get(old)
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
        src = self.sets.get(source)
        dst = self.sets.get(into)
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
        row = self.sets.get(name)
        names = [t.name for t in set_store.grouped_tasks(self.ctx.store.conn) if t.skill_set_id == row.id]
        with self.ctx.store.write() as conn:
            set_store.delete(conn, row.id)
        return names

    def update(self, name: str, before: dict[str, str] | None = None, **values: str | float | None) -> SkillSetRow:
        """Change the description, rate or brief fields; each is checked before anything is saved.

        With `before` (what a form showed), only the fields the user changed are saved: one
        changed from the shell while the form was open is not put back."""
        row = self.sets.get(name)
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
    def brief(self, set_name: str | None = None, period=None) -> str:
        """The Markdown brief for one set, or for every set in use, over the audit period."""
        return self.audit.brief(set_name, period)

    def default_brief_name(self, set_name: str | None = None, period=None) -> str:
        if period is None:
            period = self.period.period()
        slug = re.sub(r"[^a-z0-9]+", "-", (set_name or "all skill sets").casefold()).strip("-") or "skill-set"
        return f"brief-{slug}-{period.start.isoformat()}.md"

    def write_brief(self, path: str | Path, set_name: str | None = None, period=None, force: bool = False) -> Path:
        """Write the brief to a new file readable by its owner only (0600); returns the full path.
        An existing file is replaced only with `force` (AlreadyExists otherwise)."""
        text = self.brief(set_name, period)
        return self.files.write_text(path, text, force)
