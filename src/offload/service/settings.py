"""Reading and changing settings, checked by the domain's rules."""

from __future__ import annotations

from offload.domain.changes import changed
from offload.domain.reminder import parse_working_hours
from offload.domain.settings import SETTINGS, check_setting
from offload.domain.weeks import weekday_number
from offload.service.context import Context
from offload.store import settings as settings_store


class SettingsService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def all(self) -> dict[str, str]:
        stored = settings_store.get_all(self.ctx.store.conn)
        return {key: stored.get(key, s.default) for key, s in SETTINGS.items()}

    def get(self, key: str) -> str:
        stored = settings_store.get(self.ctx.store.conn, key)
        return stored if stored is not None else SETTINGS[key].default

    def set(self, key: str, value: str) -> str:
        key = str(key).strip().lower().replace("-", "_")
        checked = check_setting(key, value)
        with self.ctx.store.write() as conn:
            settings_store.put(conn, key, checked)
        return checked

    def set_many(self, values: dict[str, str], before: dict[str, str] | None = None) -> dict[str, str]:
        """Check every value first, then store them together: one bad value changes nothing.

        With `before` (what a form showed), only the values the user changed are checked and
        stored: a setting changed from the shell while the form was open is not put back."""
        checked = {}
        for key, value in changed(values, before).items():
            key = str(key).strip().lower().replace("-", "_")
            checked[key] = check_setting(key, value)
        with self.ctx.store.write() as conn:
            for key, value in checked.items():
                settings_store.put(conn, key, value)
        return checked

    @property
    def week_start_day(self) -> int:
        return weekday_number(self.get("week_start"))

    @property
    def long_running_seconds(self) -> int:
        return int(float(self.get("long_running_hours")) * 3600)

    @property
    def reminder(self) -> tuple[int | None, tuple]:
        """(minutes, working hours): the reminder's minutes (None when off) and its hours."""
        minutes = self.get("reminder_minutes")
        return (int(minutes) if minutes else None), parse_working_hours(self.get("working_hours"))
