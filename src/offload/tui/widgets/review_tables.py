"""The Review's two tables of the audit period: by task (hand over, total, share, sessions, days,
feeling, kind, how often) and by day (hours per task per day, the day totals, the unlogged gaps).
Each lays its own columns and cells, tighter below WIDE_FROM columns; rows are kept by key."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.binding import Binding

from offload.domain.audit import FREQUENCIES
from offload.domain.format import duration, hours
from offload.domain.weeks import Period
from offload.service.review import TaskWeek
from offload.tui.widgets.fit_table import FitTable, cut
from offload.tui.widgets.rows import Rows, sync_rows
from offload.tui.widgets.selection import selected_key

TOTAL_ROW = "day-total"
UNLOGGED_ROW = "day-unlogged"
# Below this many columns the tables tighten (a mark instead of "hand over", day letters
# without spaces, hours as 8.1) so that every column fits: ← and → change the week, so no
# key could scroll to a column past the edge.
WIDE_FROM = 120

FEELING_TEXT = {"like": "like", "dislike": "dislike", "neutral": "·"}
KIND_TEXT = {"core": "core", "support": "support", "": "·"}
FEELING_SHORT = {"like": "like", "dislike": "disl.", "neutral": "·"}
KIND_SHORT = {"core": "core", "support": "supp.", "": "·"}
# How often, in full, and in 7 cells where the columns tighten.
OFTEN_TEXT = {f: f for f in FREQUENCIES}
OFTEN_SHORT = {"daily": "daily", "weekly": "weekly", "monthly": "monthly", "quarterly": "qtrly",
               "yearly": "yearly", "one-off": "once"}


def day_marks(task: TaskWeek, week: Period, compact: bool = False) -> str:
    """`M T . T F . .` (`MT.TF..` when compact): the letter of each day the task was done, a dot for
    the others; over several weeks, the days it was done a week on average (`3.5`)."""
    if week.weeks > 1:
        return f"{task.days_seen / week.weeks:.1f}"
    return ("" if compact else " ").join(
        letter if s > 0 else "." for letter, s in zip(week.day_letters(), task.day_seconds))


def a_week(day_seconds: list[int], weeks: int) -> list[float]:
    """Seconds per day of the week: over several weeks, each weekday's average."""
    return [sum(day_seconds[i::7]) / weeks for i in range(7)]


class ReviewTable(FitTable):
    """A table whose Enter shows in the footer as what it does here: a task's entries; the
    task column takes the width the others leave."""

    BINDINGS = [
        Binding("enter", "select_cursor", "Entries", id="review.table.entries",
                tooltip="Each time the selected task was done this week"),
    ]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs, flex="task")
        self._cells: dict[str, list[Text]] = {}  # what each row shows, by key
        # The task last chosen: an empty week empties the table, and the next week with rows
        # puts the cursor back on that task.
        self._chosen: str | None = None

    def sync(self, rows: Rows) -> None:
        """Bring the rows to `rows`: only the cells that changed are drawn again."""
        selected = selected_key(self)
        if selected is not None:
            self._chosen = selected
        self._cells = sync_rows(self, rows, self._cells, self._chosen)

    def forget_cells(self) -> None:
        """Draw every cell again next time (new columns, a new theme)."""
        self._cells = {}

    def row_style(self, task: TaskWeek) -> Style:
        if not task.highlighted:
            return Style()
        variables = self.app.theme_variables
        return Style(color=variables.get("text-accent") or variables.get("accent"), bold=True)


class TaskTable(ReviewTable):
    """One row a task."""

    def set_columns(self, weeks: int, compact: bool) -> None:
        self.clear(columns=True)
        self.forget_cells()
        self.add_column("" if compact else "Hand over", key="mark", width=1 if compact else 11)
        self.add_column("Task", key="task")
        # Titles of number columns are padded by hand: DataTable drops a label's justify.
        # Over several weeks every figure is a week's average (the title line says so).
        self.add_column(f"{'Total' if weeks == 1 else 'A week':>8}", key="total", width=8)
        self.add_column("   %" if compact else "Share", key="share", width=4 if compact else 5)
        self.add_column("Sess" if compact else "Sessions", key="sessions", width=4 if compact else 8)
        self.add_column("Days" if weeks == 1 else "Days/wk", key="days", width=7 if compact else 13)
        self.add_column("Feel f" if compact else "Feeling f", key="feeling", width=6 if compact else 9)
        self.add_column("Work c", key="kind", width=6 if compact else 7)
        self.add_column("Often o", key="often", width=7 if compact else 9)
        self.fit()

    def show_tasks(self, shown: list[TaskWeek], week: Period, compact: bool) -> None:
        self.sync([(str(t.task.id), self._cells_of(t, week, compact)) for t in shown])

    def _cells_of(self, t: TaskWeek, week: Period, compact: bool) -> list[Text]:
        style = self.row_style(t)
        variables = self.app.theme_variables
        if t.highlighted:
            mark = Text("●" if compact else "● hand over", style=style)
        elif t.candidate:
            mark = Text("?" if compact else "? candidate",
                        style=Style(color=variables.get("text-warning"), italic=True))
        else:
            mark = Text("")
        feeling_style = {"like": variables.get("text-success"), "dislike": variables.get("text-error")}
        weeks = week.weeks
        sessions = str(t.sessions) if weeks == 1 else f"{t.sessions / weeks:.1f}"
        often = (OFTEN_SHORT if compact else OFTEN_TEXT).get(t.frequency, t.frequency)
        return [
            mark,
            cut(t.name, style),
            Text(duration(t.seconds / weeks), style=style, justify="right"),
            Text(f"{t.percent}%", style=style, justify="right"),  # the week's add up to 100%
            Text(sessions, style=style, justify="right"),
            Text(day_marks(t, week, compact), style=style, justify="left" if weeks == 1 else "right"),
            Text((FEELING_SHORT if compact else FEELING_TEXT)[t.task.feeling],
                 style=Style(color=feeling_style.get(t.task.feeling)) + style),
            Text((KIND_SHORT if compact else KIND_TEXT)[t.task.kind], style=style),
            Text(often, style=style if t.frequency == "weekly" else style + Style(bold=True)),
        ]


class ByDayTable(ReviewTable):
    """One row a task, one column a day; then the day totals and the unlogged gaps."""

    def set_columns(self, week: Period, compact: bool) -> None:
        self.clear(columns=True)
        self.forget_cells()
        self.add_column("Task", key="task")
        # Compact: days by name only (the title says the week), hours as 8.1. Over several
        # weeks: each day of the week's average, titled by name.
        for i, day in enumerate(week.days[:7]):
            width = 4 if compact else 7
            title = day.strftime("%a" if compact or week.weeks > 1 else "%a %d")
            self.add_column(f"{title:>{width}}", key=f"d{i}", width=width)
        if compact:
            self.add_column("Hours", key="total", width=5)
        else:
            self.add_column(f"{'Total' if week.weeks == 1 else 'A week':>8}", key="total", width=8)
        self.fit()

    def show_days(self, shown: list[TaskWeek], week: Period, compact: bool, all_shown: bool,
                  day_unlogged: list[int] | None) -> None:
        """`all_shown`: no filter (the totals row says "shown" otherwise)."""
        amount = hours if compact else duration

        def hours_cell(seconds: int, style: Style) -> Text:
            if not seconds:
                return Text("·", style="dim", justify="right")
            return Text(amount(seconds), style=style, justify="right")

        weeks = week.weeks
        rows = []
        for t in shown:
            style = self.row_style(t)
            name = cut(("● " if t.highlighted else "") + t.name, style)
            cells = [name] + [hours_cell(s, style) for s in a_week(t.day_seconds, weeks)]
            rows.append((str(t.task.id), cells + [Text(amount(t.seconds / weeks), style=style, justify="right")]))
        if shown:
            bold = Style(bold=True)
            totals = [sum(day) for day in zip(*(a_week(t.day_seconds, weeks) for t in shown))]
            label = "Day total" if all_shown else "Day total (shown)"
            rows.append((TOTAL_ROW, [Text(label, style=bold)] + [hours_cell(s, bold) for s in totals]
                         + [Text(amount(sum(totals)), style=bold, justify="right")]))
            # The holes between each day's first and last entry: time the log does not account for.
            unlogged = a_week(day_unlogged or [0] * len(week.days), weeks)
            if any(unlogged):
                muted = Style(italic=True, dim=True)
                rows.append((UNLOGGED_ROW, [Text("Unlogged gaps", style=muted)]
                             + [hours_cell(s, muted) for s in unlogged]
                             + [Text(amount(sum(unlogged)), style=muted, justify="right")]))
        self.sync(rows)
