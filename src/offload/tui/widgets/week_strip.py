"""A line of the week's days with each day's logged total and, under it, its unlogged time;
the day the Log shows stands out, and a click on a day shows that day."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import events
from textual.message import Message
from textual.widgets import Static

from offload.domain.format import duration

# From the roomiest to the tightest: (letters of the day's name, pad totals, separator,
# week total on its own line). The last fits seven days of "10h 05m" in 76 columns.
LAYOUTS = [
    (3, True, " │ ", False),
    (3, False, " │ ", False),
    (3, False, " │ ", True),
    (3, False, "│", True),
    (2, False, " ", True),
]
SHOWN = "bold reverse"
TODAY = "bold underline"
UNLOGGED = "italic"


class WeekStrip(Static):
    """Every day and the week's total stay visible at any width: the strip tightens, then
    puts the week total on a line of its own. The unlogged time (holes over 5 minutes
    between a day's first and last entry) sits under each day's total, labelled at the end."""

    DEFAULT_CSS = """
    WeekStrip { height: auto; padding: 0 1; }
    """

    class DayChosen(Message):
        """A day of the strip was clicked."""

        def __init__(self, day: date) -> None:
            super().__init__()
            self.day = day

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._totals: list = []  # DayTotal (day, seconds, unlogged)
        self._shown: date | None = None
        self._today: date | None = None
        self._spans: list[tuple[int, int, date]] = []  # each day's columns, for clicks

    def show(self, totals: list, shown: date, today: date) -> None:
        self._totals = list(totals)
        self._shown = shown
        self._today = today
        self.update(self._layout(self.content_size.width or 10_000))

    def on_resize(self) -> None:
        if self._totals:
            self.update(self._layout(self.content_size.width))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.y > 1:
            return
        for x0, x1, day in self._spans:
            if x0 <= offset.x < x1:
                self.post_message(self.DayChosen(day))
                return

    def _layout(self, width: int) -> Text:
        for layout in LAYOUTS:
            text, spans = self._render_strip(*layout)
            if max(len(line) for line in text.plain.split("\n")) <= width:
                break
        self._spans = spans
        return text

    def _render_strip(self, letters: int, pad: bool, separator: str, total_below: bool):
        any_unlogged = any(t.unlogged for t in self._totals)
        top, under = Text(), Text()
        spans = []
        for i, (day, seconds, unlogged) in enumerate(self._totals):
            if i:
                top.append(separator, style="dim")
                under.append(separator, style="dim")
            value = duration(seconds) if seconds else "—"
            name = day.strftime("%a")[:letters]
            cell = f"{name} {value:>7}" if pad else f"{name} {value}"
            hole = duration(unlogged) if unlogged else ""
            width = max(len(cell), len(hole))
            if day == self._shown:
                style = SHOWN
            elif day == self._today:
                style = TODAY
            else:
                style = "" if seconds and (self._today is None or day <= self._today) else "dim"
            spans.append((len(top.plain), len(top.plain) + width, day))
            top.append(cell.ljust(width), style=style)
            under.append(hole.rjust(width), style=UNLOGGED)
        week_total = sum(t.seconds for t in self._totals)
        week_unlogged = sum(t.unlogged for t in self._totals)
        if total_below:
            text = top
            if any_unlogged:
                text.append("\n").append_text(under)
            text.append("\n" + f"Week {duration(week_total)}", style="bold")
            if week_unlogged:
                text.append(f" · unlogged {duration(week_unlogged)}", style=UNLOGGED)
        else:
            text = top.append(f"  Week {duration(week_total)}", style="bold")
            if any_unlogged:
                label = f"  unlogged {duration(week_unlogged)}"
                text.append("\n").append_text(under).append(label, style=UNLOGGED)
        return text, spans
