"""The help screen lists the keys of the screen beneath and the global ones; the theme is remembered."""

from __future__ import annotations

from textual.widgets import DataTable

from offload.service import Offload
from offload.tui.app import OffloadApp
from offload.tui.screens.help import HelpScreen
from offload.tui.screens.log import LogScreen
from tests.helpers.palette import palette_lists, run_from_palette
from tests.helpers.app import press, settle, type_into

SIZE = (120, 36)


def listed(screen: HelpScreen) -> list[tuple[str, str]]:
    rows = []
    for table in screen.query(DataTable):
        for i in range(table.row_count):
            keys, does, _more = (str(c) for c in table.get_row_at(i))
            rows.append((keys, does))
    return rows


async def test_question_mark_lists_every_key_of_the_log_and_the_global_ones(service):
    app = OffloadApp(service, tick_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "escape", "question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        rows = listed(app.screen)
        descriptions = {does for _keys, does in rows}
        for binding in LogScreen.BINDINGS:
            assert binding.description in descriptions
        for binding in OffloadApp.BINDINGS:
            assert binding.description in descriptions
        assert ("n /", "New task") in rows
        assert ("d del", "Delete") in rows
        assert ("^q", "Quit") in rows
        await press(pilot, "escape")
        await settle(pilot)
        assert isinstance(app.screen, LogScreen)


async def test_f1_opens_help_even_while_typing_a_task(service):
    app = OffloadApp(service, tick_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, *"Invoices?", "f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        await press(pilot, "question_mark")
        await settle(pilot)
        assert isinstance(app.screen, LogScreen)
        assert app.screen.query_one("#task-input").value == "Invoices?"


async def test_palette_offers_the_screen_and_app_commands(service):
    app = OffloadApp(service, tick_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for wanted in ("New task", "Stop", "Resume", "Log", "Help"):
            assert wanted in await palette_lists(pilot, wanted), wanted
            await press(pilot, "escape")
        service.log.start("Accounts")
        await run_from_palette(pilot, "Stop")
        assert service.log.running() is None


async def test_the_chosen_theme_is_remembered(db_path, clock, service):
    app = OffloadApp(service, tick_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        app.theme = "textual-light"
        await settle(pilot)
    assert service.settings.get("theme") == "textual-light"
    again = Offload.open(db_path, clock)
    app2 = OffloadApp(again, tick_seconds=3600)
    async with app2.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app2.theme == "textual-light"
    again.close()


async def test_first_run_welcome_says_what_to_do_first_and_how_to_find_keys(service):
    from textual.widgets import Static

    app = OffloadApp(service, tick_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        welcome = app.screen.query_one("#welcome", Static)
        text = str(welcome.content)
        assert welcome.display and len(text.splitlines()) == 2
        # The keys it names work in the task field, where the welcome is read.
        assert "Enter" in text and "ctrl+r" in text and "ctrl+o" in text
        await type_into(pilot, "#task-input", "Invoices")
        await press(pilot, "enter")
        await settle(pilot)
        assert not welcome.display


async def test_palette_commands_work_from_any_screen(tmp_path):
    from offload.domain.clock import FrozenClock
    from offload.domain.demo import SHOT_NOW, SHOT_ZONE
    from offload.service.demo import create_demo

    svc = create_demo(tmp_path / "demo.db", FrozenClock(SHOT_NOW, SHOT_ZONE))
    app = OffloadApp(svc, tick_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "escape", "2")
        await settle(pilot)
        for wanted in ("Settings", "Log", "Grouping"):
            assert wanted in await palette_lists(pilot, wanted), wanted
            await press(pilot, "escape")
        audit = app.period  # the demo's audit period
        await run_from_palette(pilot, "Week: previous")
        assert app.period == audit.previous()
        await run_from_palette(pilot, "Week: next")
        assert app.period == audit
        await run_from_palette(pilot, "Week: this week")
        assert app.period == app.this_week
        await run_from_palette(pilot, "Week: next")
        assert app.period == app.this_week, "a week that has not happened is refused"
        await run_from_palette(pilot, "Timer: stop")
        assert svc.log.running() is None
        await run_from_palette(pilot, "Timer: resume the last task")
        assert svc.log.running().task == "Client work: Harbour Café"  # the demo's running task
        await run_from_palette(pilot, "Brief: preview and save")
        await settle(pilot)
        assert app.current_mode == "grouping"
        assert type(app.screen).__name__ != "GroupingScreen", "the brief preview opens over Grouping"
    svc.close()


async def test_help_lists_every_key_of_a_binding_with_several(tmp_path):
    from offload.domain.clock import FrozenClock
    from offload.domain.demo import SHOT_NOW, SHOT_ZONE
    from offload.service.demo import create_demo

    svc = create_demo(tmp_path / "demo.db", FrozenClock(SHOT_NOW, SHOT_ZONE))
    app = OffloadApp(svc, tick_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "escape", "2", "question_mark")
        await settle(pilot)
        rows = listed(app.screen)
        assert ("p ←", "Previous week") in rows and ("n →", "Next week") in rows
    svc.close()
