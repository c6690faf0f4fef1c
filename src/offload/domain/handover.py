"""A skill set handed over: the day it began and what it costs now, a monthly amount or an
hourly rate with the hours billed a month; and how a typed cost is read ("400/month", "25/h")."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from offload.domain.errors import InvalidInput
from offload.domain.text import visible

PER = ("month", "hour")
MAX_AMOUNT = 1_000_000
MAX_HOURS = 744  # every hour of a 31-day month
CENT = Decimal("0.01")


@dataclass(frozen=True)
class Handover:
    skill_set: str
    since: date  # the local day the provider took it on
    amount: Decimal  # a month's fee, or the hourly rate
    per: str = "month"
    hours: Decimal | None = None  # per hour: the hours billed a month

    @property
    def hours_billed(self) -> str:
        """The hours billed as typed: `8`, `12.5` (not `8.0` read back from the file)."""
        return "" if self.hours is None else format(self.hours.normalize(), "f")

    @property
    def monthly_cost(self) -> Decimal:
        """What it costs a month: the fee, or the rate × the hours billed (to the cent)."""
        if self.per == "hour":
            return (self.amount * (self.hours or Decimal(0))).quantize(CENT, rounding=ROUND_HALF_UP)
        return self.amount.quantize(CENT, rounding=ROUND_HALF_UP)


def amount(value: float | int | str | Decimal) -> Decimal:
    """A stored amount as an exact decimal (the float 12.35 is 12.35, not 12.3499...)."""
    return Decimal(str(value))


# A currency before or after the number is fine ("£400", "EUR 400", "400 €"); the unit says
# what it is per: a month ("/month", "a month", "/mo", "monthly") or an hour ("/h", "an hour").
_COST = re.compile(
    r"(?:[^\d\s.,/+-]{1,3}\s*)?(?P<n>[\d,]*\.?\d+)\s*(?:[^\d\s./]{1,3}\s*)?"
    r"(?:(?:/|per\s+|an?\s+)\s*(?P<unit>months?|mo|mths?|m|hours?|hrs?|h)|(?P<ly>monthly|hourly))",
    re.I,
)


def parse_cost(text: str | None) -> tuple[Decimal, str]:
    """A typed cost: (amount, "month" or "hour"). "400/month", "£400 a month", "25/h"."""
    s = " ".join(str(text or "").split())
    if not s:
        raise InvalidInput("Say what the handover costs, e.g. 400/month, or 25/h with the hours billed a month.",
                           field="cost")
    m = _COST.fullmatch(s)
    if m is None:
        raise InvalidInput(f"'{visible(s)}' is not a cost; write an amount a month or an hour, e.g. 400/month "
                           "or 25/h.", field="cost")
    unit = (m.group("unit") or m.group("ly")).lower()
    per = "hour" if unit.startswith("h") else "month"
    try:
        value = Decimal(m.group("n").replace(",", ""))
    except ArithmeticError:
        raise InvalidInput(f"'{visible(s)}' is not a cost; write e.g. 400/month or 25/h.", field="cost") from None
    if not value.is_finite() or value > MAX_AMOUNT:
        raise InvalidInput(f"A handover's cost must be between 0 and {MAX_AMOUNT:,}.", field="cost")
    return value, per


def parse_hours(text: str | float | None) -> Decimal:
    """The hours billed a month for an hourly cost: 0 to 744 ("10", "12.5h")."""
    s = str(text if text is not None else "").strip().lower().removesuffix("hours").removesuffix("h").strip()
    try:
        value = Decimal(s)
    except ArithmeticError:
        raise InvalidInput(f"'{visible(str(text))}' is not a number of hours billed a month; write e.g. 10 or 12.5.",
                           field="hours") from None
    if not value.is_finite() or not 0 <= value <= MAX_HOURS:
        raise InvalidInput(f"The hours billed a month must be between 0 and {MAX_HOURS}.", field="hours")
    return value


def check(h: Handover, today: date) -> Handover:
    """The handover as it may be recorded; InvalidInput saying what is wrong otherwise."""
    if h.per not in PER:
        raise InvalidInput(f"A handover costs an amount a month or an hour, not a '{visible(str(h.per))}'.",
                           field="cost")
    if not h.amount.is_finite() or not 0 <= h.amount <= MAX_AMOUNT:
        raise InvalidInput(f"A handover's cost must be between 0 and {MAX_AMOUNT:,}.", field="cost")
    if h.per == "hour" and h.hours is None:
        raise InvalidInput("An hourly cost needs the hours billed a month too, e.g. 25/h and 10 hours.",
                           field="hours")
    if h.per == "month" and h.hours is not None:
        raise InvalidInput("The hours billed go with an hourly cost (e.g. 25/h); a monthly cost is the whole "
                           "amount.", field="hours")
    if h.hours is not None and (not h.hours.is_finite() or not 0 <= h.hours <= MAX_HOURS):
        raise InvalidInput(f"The hours billed a month must be between 0 and {MAX_HOURS}.", field="hours")
    if not 1970 <= h.since.year <= 9000:
        raise InvalidInput(f"The date {h.since.isoformat()} is outside the years a log can hold.", field="since")
    if h.since > today:
        raise InvalidInput(f"A handover is recorded from the day it began; {h.since:%a %d %b %Y} is still to come.",
                           field="since")
    return h


def make(skill_set: str, since: date, cost: str, hours: str | float | None, today: date) -> Handover:
    """A handover from what was typed; refused (InvalidInput) if any part cannot be used."""
    value, per = parse_cost(cost)
    typed = hours is not None and str(hours).strip() != ""
    return check(Handover(skill_set, since, value, per, parse_hours(hours) if typed else None), today)


def is_amount(value: object) -> bool:
    """A stored or imported amount: a finite number from 0 to MAX_AMOUNT (not a bool)."""
    return (isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
            and 0 <= value <= MAX_AMOUNT)
