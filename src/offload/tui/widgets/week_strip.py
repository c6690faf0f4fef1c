"""A line of the week's days with each day's logged total; today stands out."""

from __future__ import annotations

from datetime import date

from rich.text import Text
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


class WeekStrip(Static):
    """Every day and the week's total stay visible at any width: the strip tightens, then
    puts the week total on a line of its own."""

    DEFAULT_CSS = """
    WeekStrip { height: auto; padding: 0 1; }
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._totals: list[tuple[date, int]] = []
        self._today: date | None = None

    def show(self, totals: list[tuple[date, int]], today: date) -> None:
        self._totals = list(totals)
        self._today = today
        self.update(self._layout(self.content_size.width or 10_000))

    def on_resize(self) -> None:
        if self._totals:
            self.update(self._layout(self.content_size.width))

    def _layout(self, width: int) -> Text:
        for layout in LAYOUTS:
            text = self._render_strip(*layout)
            if max(len(line) for line in text.plain.split("\n")) <= width:
                return text
        return text

    def _render_strip(self, letters: int, pad: bool, separator: str, total_below: bool) -> Text:
        text = Text()
        for i, (day, seconds) in enumerate(self._totals):
            if i:
                text.append(separator, style="dim")
            value = duration(seconds) if seconds else "—"
            name = day.strftime("%a")[:letters]
            text.append(f"{name} {value:>7}" if pad else f"{name} {value}",
                        style="bold reverse" if day == self._today else ("" if seconds else "dim"))
        week_total = sum(s for _, s in self._totals)
        text.append(("\n" if total_below else "  ") + f"Week {duration(week_total)}", style="bold")
        return text
