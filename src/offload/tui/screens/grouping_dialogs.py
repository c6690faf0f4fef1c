"""The Grouping's dialog flows: each asks (a skill set picked, a name typed, a yes, a form, a
preview to save) and then changes the data on the screen's behalf, as named steps rather than
nested closures. The screen decides what is selected; a flow starts from there."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from offload.domain.catalogue import catalogue_set
from offload.domain.format import money
from offload.tui.dialogs.brief import BriefPreview, PlanPreview
from offload.tui.dialogs.questions import ChoiceDialog, ConfirmDialog
from offload.tui.dialogs.skill_sets import NameDialog, SetDialog, SetPicker
from offload.tui.messages import BriefLoaded, HandoverLoaded, PlanLoaded
from offload.tui.screens.base import DataScreen


class GroupingDialogs:
    """One for each Grouping screen; every change it makes answers to the screen (ActionDone)."""

    def __init__(self, screen: DataScreen) -> None:
        # The Grouping screen, named by its base: it imports this module (no import circle).
        self.screen = screen

    def change(self, action: str, job, said=None) -> None:
        self.screen.data.change(self.screen, action, job, said)

    def push(self, dialog, callback=None) -> None:
        self.screen.app.push_screen(dialog, callback)

    # --- a task into a set ---------------------------------------------------------------
    def move(self, task: str, choices: list[tuple[str, str, bool]]) -> None:
        self.push(SetPicker(f"Put '{task}' in which skill set?", choices), partial(self._move_into, task))

    def _move_into(self, task: str, name: str | None) -> None:
        if name:
            self.change("move", lambda s: s.grouping.assign(task, name, create=True),
                        lambda row: f"{task} → {row.name}")

    # --- sets: create, rename, merge, edit, delete ------------------------------------------
    def create(self) -> None:
        self.push(NameDialog("New skill set", "", self._create_job,
                             placeholder="e.g. Bookkeeping and accounts, or your own name"), self._created)

    @staticmethod
    def _create_job(name: str):
        return lambda s: s.grouping.create(name)

    def _created(self, created) -> None:
        if created:
            self.screen.select_after = created.name
            self.screen.notify(f"Created {created.name}", timeout=3, markup=False)

    def rename_set(self, name: str) -> None:
        self.push(NameDialog(f"Rename '{name}'", name, partial(self._rename_job, name)))

    @staticmethod
    def _rename_job(name: str, new: str):
        return lambda s: s.grouping.rename(name, new)

    def merge(self, name: str, others: list[tuple[str, str, bool]]) -> None:
        self.push(SetPicker(f"Merge '{name}' into which skill set?", others, allow_new=False),
                  partial(self._merge_chosen, name))

    def _merge_chosen(self, name: str, into: str | None) -> None:
        if not into:
            return
        # Two sets described differently: the owner says which description the merged set keeps.
        theirs, ours = self.screen.description(into), self.screen.description(name)
        if not (theirs and ours) or theirs == ours:
            self._merge(name, into, None)
            return
        self.push(ChoiceDialog(f"Merging '{name}' into '{into}': keep which description?",
                               [(f"{into}: {theirs}", theirs), (f"{name}: {ours}", ours)]),
                  partial(self._description_kept, name, into))

    def _description_kept(self, name: str, into: str, kept: str | None) -> None:
        if kept is not None:
            self._merge(name, into, kept)

    def _merge(self, name: str, into: str, description: str | None) -> None:
        self.screen.select_after = into
        self.change("merge", lambda s: s.grouping.merge(name, into, description),
                    lambda _: f"Merged {name} into {into}")

    def edit(self, name: str, row, currency: str) -> None:
        values = {"description": row.description, "rate": "" if row.rate is None else f"{row.rate:g}", **row.fields}
        known = catalogue_set(name)
        self.push(SetDialog(name, values, partial(self._edit_job, name, values),
                            dict(known.examples) if known else {}, currency))

    @staticmethod
    def _edit_job(name: str, values: dict[str, str], form: dict[str, str]):
        return lambda s: s.grouping.update(name, before=values, **form)

    def delete(self, name: str, count: int) -> None:
        question = (f"Delete the skill set '{name}'? Its {count} task(s) stay highlighted and go back to "
                    "the tasks to group; its brief fields are lost.")
        self.push(ConfirmDialog(question, "Delete"), partial(self._delete_answered, name))

    def _delete_answered(self, name: str, yes: bool | None) -> None:
        if yes:
            self.change("delete set", lambda s: s.grouping.delete(name), lambda _: f"Deleted {name}")

    # --- handed over ------------------------------------------------------------------------
    def handover(self, loaded: HandoverLoaded) -> None:
        from offload.tui.dialogs.handover import HandoverDialog

        name, h = loaded.set_name, loaded.handover
        values = {} if h is None else {
            "since": h.since.isoformat(),
            "cost": f"{format(h.amount.normalize(), 'f')}/{'h' if h.per == 'hour' else 'month'}",
            "hours": h.hours_billed,
        }
        clear = (lambda s: s.compare.clear_handover(name) or True) if h is not None else None
        self.push(HandoverDialog(name, values, partial(self._handover_job, name), clear),
                  partial(self._handover_closed, name, loaded.currency))

    @staticmethod
    def _handover_job(name: str, since: str, cost: str, hours: str):
        return lambda s: s.compare.hand_over(name, since, cost, hours)

    def _handover_closed(self, name: str, currency: str, done) -> None:
        if done is True:
            self.screen.notify(f"{name}: no longer recorded as handed over", timeout=4, markup=False)
        elif done:
            self.screen.notify(f"{name}: handed over since {done.since:%a %d %b %Y}, "
                               f"{money(float(done.monthly_cost), currency)} a month · 4 compares",
                               timeout=6, markup=False)

    # --- the brief and the plan -----------------------------------------------------------------
    def brief(self, loaded: BriefLoaded) -> None:
        name, week = loaded.set_name, loaded.week
        title = f"Brief for {name or 'every skill set'} · audit period: {week.title()} · for the provider (no rates)"
        self.push(BriefPreview(loaded.markdown, str(Path.cwd() / loaded.file_name),
                               partial(self._brief_job, name, week), title), partial(self._saved, "Brief"))

    @staticmethod
    def _brief_job(name: str | None, week, typed: str, force: bool):
        return lambda s: s.grouping.write_brief(typed, name, week, force=force)

    def plan(self, loaded: PlanLoaded) -> None:
        period = loaded.period
        title = f"Your plan · audit period: {period.title()} · for you, not for providers"
        self.push(PlanPreview(loaded.markdown, str(Path.cwd() / loaded.file_name),
                              partial(self._plan_job, period), title), partial(self._saved, "Plan"))

    @staticmethod
    def _plan_job(period, typed: str, force: bool):
        return lambda s: s.audit.write_plan(typed, period, force=force)

    def _saved(self, what: str, saved: Path | None) -> None:
        if saved:
            self.screen.notify(f"{what} saved to {saved}", timeout=6, markup=False)
