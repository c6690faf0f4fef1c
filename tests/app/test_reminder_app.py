"""The reminder: when nothing has run for the minutes set, during the working hours, the app rings
the terminal bell and shows a notice, once for each idle stretch. Off by default.

The clock: Friday 20 Nov 2026, 10:00 in London; the tests move it and call the app's tick.
"""

from __future__ import annotations

from datetime import datetime, timezone

from offload.tui.app import OffloadApp
from tests.helpers.app import press, settle

SIZE = (120, 36)


class Rung:
    """The app's bell and the reminder notices it showed."""

    def __init__(self, app: OffloadApp) -> None:
        self.bells = 0
        self.notices: list[str] = []
        app.bell = self._bell
        shown = app.notify

        def notify(message, *args, **kwargs):
            if kwargs.get("title") == "Nothing is running":
                self.notices.append(message)
            return shown(message, *args, **kwargs)

        app.notify = notify

    def _bell(self) -> None:
        self.bells += 1


async def tick(app: OffloadApp, pilot) -> None:
    app.tick()
    await settle(pilot)


def app_for(service) -> OffloadApp:
    return OffloadApp(service, tick_seconds=3600)


async def test_the_bell_rings_once_when_nothing_has_run_for_the_minutes_set(service, clock):
    service.settings.set("reminder_minutes", "30")
    service.settings.set("working_hours", "9:00-17:30")
    service.log.add("Invoices", "9:00", "9:40")
    app = app_for(service)
    rung = Rung(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert rung.bells == 0  # idle since 9:40: 20 minutes so far
        clock.advance(minutes=9)
        await tick(app, pilot)
        assert rung.bells == 0
        clock.advance(minutes=1)  # 10:10, thirty minutes after the stop
        await tick(app, pilot)
        assert rung.bells == 1
        assert rung.notices == [
            "Nothing has run since 09:40 (30m). On the Log (1), type what you are doing and press Enter; "
            "a adds what you did meanwhile. The reminder is set in the settings (,)."
        ]
        clock.advance(minutes=45)
        await tick(app, pilot)
        assert rung.bells == 1  # once for this idle stretch, not once a second

        # A start ends the stretch; nothing rings while a task runs.
        await press(pilot, "C", "a", "l", "l", "s", "enter")
        await settle(pilot)
        clock.advance(hours=2)
        await tick(app, pilot)
        assert rung.bells == 1
        # A stop begins a new one: thirty minutes later the bell rings again.
        await press(pilot, "escape", "s")
        await settle(pilot)
        clock.advance(minutes=29)
        await tick(app, pilot)
        assert rung.bells == 1
        clock.advance(minutes=1)
        await tick(app, pilot)
        assert rung.bells == 2


async def test_off_by_default(service, clock):
    service.log.add("Invoices", "9:00", "9:10")
    app = app_for(service)
    rung = Rung(app)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(6):
            clock.advance(hours=1)
            await tick(app, pilot)
        assert (rung.bells, rung.notices) == (0, [])


async def test_only_during_the_working_hours(service, clock):
    service.settings.set("reminder_minutes", "15")
    service.settings.set("working_hours", "9:00-12:00")
    clock.set(datetime(2026, 11, 20, 7, 0, tzinfo=timezone.utc))
    app = app_for(service)
    rung = Rung(app)
    async with app.run_test(size=SIZE) as pilot:
        clock.advance(hours=1)  # 8:00: before the working day
        await tick(app, pilot)
        assert rung.bells == 0
        clock.advance(minutes=75)  # 9:15: fifteen minutes into it, nothing logged
        await tick(app, pilot)
        assert rung.bells == 1
        # Stopped at 11:50: the next reminder would fall after 12:00, so none comes.
        clock.set(datetime(2026, 11, 20, 11, 50, tzinfo=timezone.utc))
        service.log.add("Calls", "11:00", "11:50")
        app.data.poll()
        await settle(pilot)
        clock.advance(hours=3)
        await tick(app, pilot)
        assert rung.bells == 1
        # The next day rings again, fifteen minutes after its working hours open.
        clock.set(datetime(2026, 11, 21, 9, 14, tzinfo=timezone.utc))
        await tick(app, pilot)
        await tick(app, pilot)
        assert rung.bells == 1
        clock.advance(minutes=1)
        await tick(app, pilot)
        assert rung.bells == 2


async def test_the_reminder_set_in_the_settings_dialog_takes_effect_at_once(service, clock):
    from textual.widgets import Input

    service.log.add("Invoices", "9:00", "9:30")
    app = app_for(service)
    rung = Rung(app)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "escape", "comma")
        await settle(pilot)
        app.screen.query_one("#set-reminder_minutes", Input).value = "20"
        await press(pilot, "ctrl+s")
        await settle(pilot)
        assert service.settings.get("reminder_minutes") == "20"
        await tick(app, pilot)  # 10:00: idle for thirty minutes already
        assert rung.bells == 1


async def test_the_notice_says_how_long_nothing_has_run_and_a_new_setting_does_not_ring_twice(service, clock):
    service.settings.set("reminder_minutes", "20")
    service.log.add("Invoices", "8:30", "9:00")
    app = app_for(service)
    rung = Rung(app)
    async with app.run_test(size=SIZE) as pilot:  # 10:00: idle for an hour already
        await tick(app, pilot)
        assert rung.bells == 1
        assert rung.notices[0].startswith("Nothing has run since 09:00 (1h 00m).")
        # The reminder changed from the shell during the same idle stretch: not rung again.
        service.settings.set("reminder_minutes", "45")
        app.data.poll()
        await settle(pilot)
        clock.advance(minutes=5)
        await tick(app, pilot)
        assert rung.bells == 1
