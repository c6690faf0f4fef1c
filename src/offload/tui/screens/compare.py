"""The Compare screen: did handing over pay off? The audit period against a later one.

At the top, the answer (hours a month freed, their worth less the handovers' cost, where the
time went) and how much was logged in each period; then each set handed over with its verdict,
core, support and unmarked work before and after, and every task. The Review's week keys
choose the later period (as long as the audit period); t goes back to the default, the most
recent complete weeks after the audit. Handovers are recorded on the Grouping screen (h).
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Header, Static

from offload.domain.compare import Comparison
from offload.domain.compare_report import WORK_NAMES, logged_lines, summary_line, verdict_line
from offload.domain.format import money, whole_percents
from offload.domain.weeks import Period
from offload.tui.messages import ActionFailed, ComparisonLoaded
from offload.tui.screens.base import DataScreen
from offload.tui.screens.review import WEEK_KEYS, WIDE_FROM
from offload.tui.widgets.fit_table import FitTable, cut
from offload.tui.widgets.keys_footer import KeysFooter
from offload.tui.widgets.rows import sync_rows

VERDICT_WORDS = {
    "paying_off": ("paying off", "bold green"),
    "not_paying_off": ("not paying off", "bold red"),
    "even": ("even", "bold"),
    "no_hourly_value": ("hourly value?", "yellow"),
    "not_in_later_period": ("after this period", "dim"),
    "before_audit_period": ("before the audit", "dim"),
    "nothing_logged_since": ("nothing logged since", "dim"),
    "nothing_logged_before": ("nothing logged before", "dim"),
    "too_early": ("too early", "yellow"),
}


# (title, key, width) of the handed-over table's columns after the set's name.
RETURN_COLUMNS = [("Since", "since", 6), ("Before", "before", 6), ("Since", "after", 6), ("Freed", "freed", 6),
                  ("Worth", "worth", 12), ("Cost", "cost", 12), ("Net", "net", 12), ("Verdict", "verdict", 14)]
RETURN_COLUMNS_COMPACT = [("Freed", "freed", 6), ("Net", "net", 12), ("Verdict", "verdict", 14)]


def signed(value) -> str:
    return "0.0" if value == 0 else f"{value:+}"


def right(text: object, style: str = "") -> Text:
    return Text(str(text), style=style, justify="right")


class CompareScreen(DataScreen):
    CSS_PATH = "compare.tcss"
    SUB_TITLE = "Compare"
    TICKS = False  # nothing here counts up: a new comparison comes with DataChanged
    BINDINGS = [
        Binding("p,left", "previous_week", "Earlier", id="compare.previous", key_display="←",
                tooltip="Compare with the weeks before", priority=True, group=WEEK_KEYS),
        Binding("n,right", "next_week", "Later", id="compare.next", key_display="→",
                tooltip="Compare with the weeks after", priority=True, group=WEEK_KEYS),
        Binding("t", "default_weeks", "Latest weeks", id="compare.default",
                tooltip="Back to the most recent complete weeks after the audit period"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.comparison: Comparison | None = None
        self.asked: Period | None = None  # the later period chosen with the week keys; None: the default
        self._shown_asked: Period | None = None  # what `asked` was for the comparison shown
        self.this_week: Period | None = None
        self._cells: dict[str, dict[str, list[Text]]] = {"returns": {}, "work": {}, "tasks": {}}

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="periods", markup=False)
        # One report to read down (↑ ↓, PgUp PgDn, the wheel): the answer, then the tables.
        with VerticalScroll(id="body"):
            yield Static("", id="answer", markup=False)
            yield Static("", id="logged", markup=False)
            yield Static("Handed over (hours a month)", classes="table-title")
            yield FitTable(id="returns", cursor_type="none", flex="set")
            yield Static("", id="verdicts", markup=False)
            yield Static("Where the time went (logged hours a week)", classes="table-title")
            yield FitTable(id="work", cursor_type="none", flex="work")
            yield Static("Tasks (hours a week, following each task's frequency)", classes="table-title")
            yield FitTable(id="tasks", cursor_type="none", zebra_stripes=True, flex=("task", "set"))
        yield Static("", id="empty", markup=False)
        yield KeysFooter()

    def set_up(self) -> None:
        self.compact = self.app.size.width < WIDE_FROM
        self._set_return_columns()
        # Titles of number columns are padded by hand: DataTable drops a label's justify.
        work = self.query_one("#work", DataTable)
        work.add_column("Work", key="work")
        for label, key, width in [("Before", "before", 6), ("After", "after", 6), ("Change", "change", 6),
                                  ("Share before", "share_before", 12), ("after", "share_after", 5)]:
            work.add_column(f"{label:>{width}}", key=key, width=width)
        tasks = self.query_one("#tasks", DataTable)
        tasks.add_column("Task", key="task")
        tasks.add_column("Skill set", key="set")
        for label, key, width in [("Before", "before", 6), ("After", "after", 6), ("Change", "change", 6)]:
            tasks.add_column(f"{label:>{width}}", key=key, width=width)
        tasks.add_column("", key="new", width=3)
        for table in (work, tasks):
            table.fit()

    def started(self) -> None:
        self.query_one("#body").focus()

    def _set_return_columns(self) -> None:
        """Under 100 columns: the set, the hours freed, the net return and the verdict (the lines
        below say the rest); wider, every figure of the sum."""
        returns = self.query_one("#returns", DataTable)
        returns.clear(columns=True)
        self._cells["returns"] = {}
        returns.add_column("Skill set", key="set")
        wanted = RETURN_COLUMNS_COMPACT if self.compact else RETURN_COLUMNS
        for label, key, width in wanted:
            returns.add_column(f"{label:>{width}}" if key not in ("since", "verdict") else label, key=key, width=width)
        returns.fit()

    def on_resize(self) -> None:
        compact = self.size.width < WIDE_FROM
        if compact != self.compact:
            self.compact = compact
            self._set_return_columns()
            if self.comparison is not None:
                self._show()

    # --- reading ------------------------------------------------------------------------
    def load(self) -> None:
        self.data.load_comparison(self, self.asked)

    def on_comparison_loaded(self, loaded: ComparisonLoaded) -> None:
        if loaded.asked != self.asked:
            return  # an answer for a period left meanwhile
        self.comparison, self.this_week = loaded.comparison, loaded.this_week
        self._shown_asked = loaded.asked
        self._show()

    @on(ActionFailed)
    def _not_comparable(self, failed: ActionFailed) -> None:
        """Nothing to compare yet (the audit is this week), or a period the keys cannot reach: said
        here, in place of the tables."""
        if failed.action != "load-comparison":
            return
        failed.stop()
        if self.comparison is not None and self.asked != self._shown_asked:
            self.asked = self._shown_asked  # the keys asked for a period that cannot be compared: stay
            self.notify(failed.message, severity="warning", timeout=4, markup=False)
            return
        self.comparison = None
        self.query_one("#periods", Static).update("Did handing over pay off?")
        self.query_one("#body").display = False
        empty = self.query_one("#empty", Static)
        empty.update(failed.message)
        empty.display = True

    def _show(self) -> None:
        c = self.comparison
        self.query_one("#body").display = True
        self.query_one("#empty").display = False
        before, after = c.before.title(), c.after.title()
        so_far = (f" (so far: {c.after_span.days} of {len(c.after.days)} days)"
                  if c.after_span.days < len(c.after.days) else "")
        chosen = "latest complete weeks" if self.asked is None else "← → another · t: the latest weeks"
        self.query_one("#periods", Static).update(
            f"Audit: {before}  against  {after}{so_far} · {chosen}")
        self.query_one("#answer", Static).update(summary_line(c))
        self.query_one("#logged", Static).update(" ".join(logged_lines(c)))
        with self.app.batch_update():
            self._sync("returns", self._return_rows(c))
            self._sync("work", self._work_rows(c))
            self._sync("tasks", self._task_rows(c))
        self.query_one("#returns", DataTable).display = bool(c.returns)
        if c.returns:
            lines = [f"• {r.name}: {verdict_line(r, c)}" for r in c.returns]
        else:
            lines = ["No skill set is recorded as handed over yet: on the Grouping screen (3), h on a skill set "
                     "records since when and what it costs."]
        self.query_one("#verdicts", Static).update("\n".join(lines))

    def _sync(self, table_id: str, rows) -> None:
        table = self.query_one(f"#{table_id}", DataTable)
        self._cells[table_id] = sync_rows(table, rows, self._cells[table_id])

    def _return_rows(self, c: Comparison):
        cur = c.currency

        def amount(value) -> str:
            return "?" if value is None else money(float(value), cur)

        rows = []
        for r in c.returns:
            word, style = VERDICT_WORDS.get(r.verdict, (r.verdict, ""))
            cells = {
                "since": Text(r.handover.since.strftime("%d %b")), "before": right(r.before_load.monthly),
                "after": right(r.after_load.monthly), "freed": right("?" if r.freed is None else r.freed, "bold"),
                "worth": right(amount(r.value)), "cost": right(amount(r.cost)), "net": right(amount(r.net), "bold"),
                "verdict": Text(word, style=style),
            }
            wanted = RETURN_COLUMNS_COMPACT if self.compact else RETURN_COLUMNS
            rows.append((r.name, [cut(r.name, "bold"), *(cells[key] for _, key, _ in wanted)]))
        return rows

    def _work_rows(self, c: Comparison):
        before = whole_percents([w.before_seconds for w in c.work])
        after = whole_percents([w.after_seconds for w in c.work])
        rows = []
        for i, w in enumerate(c.work):
            style = "bold" if w.kind == "core" else ""
            rows.append((w.kind or "unmarked", [
                Text(WORK_NAMES[w.kind], style=style), right(w.before_weekly, style), right(w.after_weekly, style),
                right(signed(w.change), style), right(f"{before[i]}%", style), right(f"{after[i]}%", style),
            ]))
        return rows

    def _task_rows(self, c: Comparison):
        rows = []
        for r in c.task_rows:
            style = "dim" if r.change == 0 else ""
            rows.append((r.name, [
                cut(r.name, style), cut(r.skill_set or "", "dim"), right(r.before.weekly, style),
                right(r.after.weekly, style), right(signed(r.change), style),
                Text("new", style="bold") if r.new else Text(""),
            ]))
        return rows

    # --- the later period -------------------------------------------------------------------
    def _step(self, days: int) -> None:
        c = self.comparison
        if c is None:
            return
        from datetime import timedelta

        from offload.domain.weeks import Period

        target = Period(c.after.start + timedelta(days=days), c.after.weeks)
        if days < 0 and target.start < c.before.end:
            self.notify("That week is in the audit period: the later period starts after it.", timeout=3)
            return
        if days > 0 and self.this_week is not None and target.start > self.this_week.start:
            self.notify("That week has not happened yet.", timeout=2)
            return
        self.asked = target
        self.reload()

    def action_previous_week(self) -> None:
        self._step(-7)

    def action_next_week(self) -> None:
        self._step(7)

    def action_default_weeks(self) -> None:
        self.asked = None
        self.reload()
