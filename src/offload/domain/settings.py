"""Every setting Offload lets the user choose: its default and how a typed value is checked."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from offload.domain.errors import InvalidInput
from offload.domain.weeks import WEEKDAYS, weekday_number


def _week_start(text: str) -> str:
    return WEEKDAYS[weekday_number(text)]


def _positive_hours(text: str) -> str:
    try:
        value = float(str(text).strip().rstrip("h"))
    except ValueError:
        raise InvalidInput(f"'{text}' is not a number of hours; use e.g. 4 or 2.5.") from None
    if not 0.25 <= value <= 24:
        raise InvalidInput("The long-running limit must be between 0.25 and 24 hours.")
    return f"{value:g}"


def _money(text: str) -> str:
    s = str(text).strip()
    if s == "":
        return ""
    try:
        value = float(s)
    except ValueError:
        raise InvalidInput(f"'{text}' is not an amount; use e.g. 60 or 42.50.") from None
    if value < 0 or value > 1_000_000 or value != value:
        raise InvalidInput("An hourly amount must be between 0 and 1,000,000.")
    return f"{value:g}"


def _currency(text: str) -> str:
    s = str(text).strip()
    if not 1 <= len(s) <= 5 or any(ch.isspace() or not ch.isprintable() for ch in s):
        raise InvalidInput("A currency is a short code or sign, e.g. EUR, GBP, USD or £.")
    return s.upper() if s.isalpha() else s


def _theme(text: str) -> str:
    s = str(text).strip()
    if not s or len(s) > 60:
        raise InvalidInput("Name a theme, e.g. textual-dark or textual-light.")
    return s


@dataclass(frozen=True)
class Setting:
    key: str
    label: str
    default: str
    check: Callable[[str], str]
    help: str


SETTINGS: dict[str, Setting] = {
    s.key: s
    for s in [
        Setting("week_start", "Week starts on", "monday", _week_start, "monday ... sunday"),
        Setting("long_running_hours", "Flag a timer running longer than (hours)", "4", _positive_hours, "e.g. 4"),
        Setting("hourly_value", "Your own hourly value", "", _money, "what an hour of your time is worth, e.g. 80"),
        Setting("currency", "Currency", "EUR", _currency, "e.g. EUR, GBP, USD"),
        Setting("theme", "Theme", "textual-dark", _theme, "any Textual theme, e.g. textual-light"),
    ]
}


def check_setting(key: str, value: str) -> str:
    """The stored form of a typed value, or InvalidInput saying what is wrong."""
    setting = SETTINGS.get(str(key).strip().lower().replace("-", "_"))
    if setting is None:
        raise InvalidInput(f"There is no setting '{key}'; the settings are: {', '.join(SETTINGS)}.")
    return setting.check(value)
