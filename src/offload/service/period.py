"""The audit period: the weeks the Review, the Grouping, the brief, the plan and the comparison
all read, chosen once by the owner (saved in the settings) or else the most recent week logged."""

from __future__ import annotations

from offload.domain.audit import aligned, default_period, format_period, parse_period
from offload.domain.errors import InvalidInput
from offload.domain.weeks import MAX_WEEKS, Period, local_date
from offload.service.context import Context, epoch_to_utc
from offload.service.review import ReviewService
from offload.service.settings import SettingsService
from offload.store import history

PERIOD_KEY = "audit_period"


class PeriodService:
    def __init__(self, ctx: Context, review: ReviewService, settings: SettingsService) -> None:
        self.ctx = ctx
        self.review = review
        self.settings = settings

    def saved_period(self) -> Period | None:
        """The period the owner chose, under today's week-start setting; None if none was (or
        if the one stored cannot be used: unreadable, or after this week, typed by hand)."""
        try:
            period = parse_period(self.settings.get(PERIOD_KEY))
        except InvalidInput:
            return None
        if period is None:
            return None
        period = aligned(period, self.review.week_start_day())
        return None if period.last_week_start > self.review.this_week().start else period

    def default_period(self) -> Period:
        """This week if it has entries, else the most recent week that has."""
        this_week = self.review.this_week()
        if self.review.week(this_week).tasks:
            return this_week
        last = history.last_start(self.ctx.store.conn, self.ctx.now_epoch())
        day = local_date(epoch_to_utc(last[0]), self.ctx.zone) if last else None
        return default_period(this_week, False, day, self.review.week_start_day())

    def period(self) -> Period:
        """The audit period the Review, the Grouping, the brief and the plan all use."""
        return self.saved_period() or self.default_period()

    def choose(self, period: Period) -> Period:
        """Save the period (aligned to the week start); one that starts after this week is refused."""
        period = aligned(Period(period.start, period.weeks), self.review.week_start_day())
        if not 1 <= period.weeks <= MAX_WEEKS:
            raise InvalidInput(f"An audit period is 1 to {MAX_WEEKS} weeks long, not {period.weeks}.")
        if period.last_week_start > self.review.this_week().start:
            raise InvalidInput("That week has not happened yet.")
        self.settings.set(PERIOD_KEY, format_period(period))
        return period

    def forget(self) -> Period:
        """Back to the default period (none chosen)."""
        self.settings.set(PERIOD_KEY, "")
        return self.period()
