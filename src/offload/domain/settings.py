"""Every setting Offload lets the user choose: its default and how a typed value is checked."""

from __future__ import annotations

from dataclasses import dataclass
import unicodedata
from typing import Callable

from offload.domain.audit import check_period_setting
from offload.domain.errors import InvalidInput, blame
from offload.domain.reminder import check_reminder_minutes, check_working_hours
from offload.domain.text import refuse_control, visible
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
    """A 3-letter code (EUR, gbp) or a short sign (£, R$, kr, zł): letters and currency signs only,
    so it can sit beside an amount anywhere without being read as markup."""
    s = str(text).strip()
    if len(s) == 3 and s.isascii() and s.isalpha():
        return s.upper()
    if 1 <= len(s) <= 3 and all(unicodedata.category(ch) == "Sc" or ch.isalpha() for ch in s):
        return s
    raise InvalidInput(
        f"'{visible(s)}' is not a currency: type a 3-letter code (EUR, GBP, USD) or a sign (€, £, $)."
    )


# Textual's built-in themes (tests check this list against Textual's own): the command line
# cannot import Textual, yet must refuse a theme the app would not have.
THEMES = (
    "ansi-dark", "ansi-light", "atom-one-dark", "atom-one-light", "catppuccin-frappe", "catppuccin-latte",
    "catppuccin-macchiato", "catppuccin-mocha", "dracula", "flexoki", "gruvbox", "monokai", "nord",
    "rose-pine", "rose-pine-dawn", "rose-pine-moon", "solarized-dark", "solarized-light", "textual-dark",
    "textual-light", "tokyo-night",
)


def _theme(text: str) -> str:
    s = str(text).strip().lower()
    if s not in THEMES:
        raise InvalidInput(f"There is no theme '{visible(str(text).strip())}'; the themes are: {', '.join(THEMES)}.")
    return s


@dataclass(frozen=True)
class Setting:
    key: str
    label: str
    default: str
    check: Callable[[str], str]
    help: str
    in_dialog: bool = True  # False: chosen elsewhere in the app (the audit period, on the Review)


SETTINGS: dict[str, Setting] = {
    s.key: s
    for s in [
        Setting("week_start", "Week starts on", "monday", _week_start, "monday ... sunday"),
        Setting("long_running_hours", "Flag a timer running longer than (hours)", "4", _positive_hours, "e.g. 4"),
        Setting("hourly_value", "Your own hourly value", "", _money, "e.g. 80: what an hour of yours is worth"),
        Setting("currency", "Currency", "EUR", _currency, "e.g. EUR, GBP, USD"),
        Setting("theme", "Theme", "textual-dark", _theme, "e.g. textual-dark, textual-light, nord"),
        Setting("reminder_minutes", "Remind me when nothing has run for (minutes)", "", check_reminder_minutes,
                "e.g. 20; empty: off"),
        Setting("working_hours", "Working hours (for the reminder)", "09:00-17:30", check_working_hours,
                "e.g. 9:00-17:30 or 9am-5pm"),
        Setting("audit_period", "Audit period", "", check_period_setting,
                "first day and weeks, e.g. 2026-11-09, 2 weeks; empty: this week if it has entries, "
                "else the latest that has", in_dialog=False),
    ]
}


def check_setting(key: str, value: str) -> str:
    """The stored form of a typed value, or InvalidInput saying what is wrong."""
    setting = SETTINGS.get(str(key).strip().lower().replace("-", "_"))
    if setting is None:
        raise InvalidInput(f"There is no setting '{visible(str(key))}'; the settings are: {', '.join(SETTINGS)}.")
    with blame(setting.key):
        refuse_control(str(value), f"The value of {setting.key}")
        return setting.check(value)
