"""The audit period's keys, alike on the Review and the Grouping: the app moves the period,
saves it, and every screen follows."""

from __future__ import annotations


class PeriodKeys:
    """The actions the screens' week bindings name (← → t + -)."""

    def action_previous_week(self) -> None:
        self.app.action_week_step(-1)

    def action_next_week(self) -> None:
        self.app.action_week_step(1)

    def action_this_week(self) -> None:
        self.app.action_week_step(0)

    def action_wider(self) -> None:
        self.app.action_period_length(1)

    def action_narrower(self) -> None:
        self.app.action_period_length(-1)
