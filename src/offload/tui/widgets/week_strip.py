"""A line of the week's days with each day's logged total; today stands out."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.widgets import Static

from offload.domain.format import duration


class WeekStrip(Static):
    DEFAULT_CSS = """
    WeekStrip { height: 1; padding: 0 1; }
    """

    def show(self, totals: list[tuple[date, int]], today: date) -> None:
        text = Text()
        for i, (day, seconds) in enumerate(totals):
            if i:
                text.append(" │ ", style="dim")
            label = f"{day.strftime('%a')} {duration(seconds) if seconds else '—':>7}"
            text.append(label, style="bold reverse" if day == today else ("" if seconds else "dim"))
        week_total = sum(s for _, s in totals)
        text.append(f"  Week {duration(week_total)}", style="bold")
        self.update(text)
