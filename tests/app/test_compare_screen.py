"""The Compare screen driven as a user would, on the demo: its answer, the week keys choosing the
later period, and a handover recorded from the Grouping screen's dialog."""

from __future__ import annotations

from decimal import Decimal

from textual.widgets import DataTable, Input, Static

from offload.domain.clock import FrozenClock
from offload.domain.demo import SHOT_NOW, SHOT_ZONE
from offload.service import Offload
from offload.service.demo import create_demo
from offload.tui.app import OffloadApp
from offload.tui.dialogs.handover import HandoverDialog
from tests.helpers.app import press, settle, type_into

SIZE = (120, 36)


def demo_app(tmp_path) -> OffloadApp:
    """The app on the demo (its own connection: the one that wrote the demo is closed)."""
    svc = create_demo(tmp_path / "demo.db", FrozenClock(SHOT_NOW, SHOT_ZONE))
    try:
        return OffloadApp(svc, tick_seconds=3600, demo=True)
    finally:
        svc.close()


def text(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).content)


def column(table: DataTable, index: int = 0) -> list[str]:
    return [str(table.get_row_at(i)[index]) for i in range(table.row_count)]


async def test_the_compare_screen_answers_and_its_week_keys_choose_the_later_period(tmp_path):
    app = demo_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "escape", "4")  # out of the Log's task field, then the Compare screen
        await settle(pilot)
        screen = app.screen
        assert screen.sub_title == "Compare"
        assert "Audit: Week of Mon 09 Nov 2026  against  Week of Mon 16 Nov 2026" in text(screen, "#periods")
        answer = text(screen, "#answer")
        assert "Handing over 2 skill sets freed 34.8 h a month of your time, worth GBP 2,958.00, for GBP 680.00 " \
               "a month: GBP 2,278.00 a month back." in answer
        assert "Core (revenue) work went from 57% to 83%" in answer
        returns = screen.query_one("#returns", DataTable)
        assert column(returns) == ["Bookkeeping and accounts", "Marketing and newsletters"]
        assert column(returns, 4) == ["22.9", "11.9"] and column(returns, 8) == ["paying off", "paying off"]
        books, marketing = text(screen, "#verdicts").split("\n")
        assert books.startswith("• Bookkeeping and accounts: paying off: 22.9 h a month back")
        assert "only its 5 days from then count" in marketing
        tasks = screen.query_one("#tasks", DataTable)
        assert "Client work: Bakery rebrand" in column(tasks)
        new = column(tasks, 5)[column(tasks).index("Client work: Bakery rebrand")]
        assert new == "new"

        await press(pilot, "right")  # the week after: this week, so far
        await settle(pilot)
        assert "against  Week of Mon 23 Nov 2026 (so far: 4 of 7 days)" in text(screen, "#periods")
        await press(pilot, "right")  # next week has not happened: refused, the week stays
        await settle(pilot)
        assert "Week of Mon 23 Nov 2026" in text(screen, "#periods")
        await press(pilot, "left", "left")  # back to 16 Nov, then into the audit week: refused
        await settle(pilot)
        assert "against  Week of Mon 16 Nov 2026" in text(screen, "#periods")
        await press(pilot, "right")
        await settle(pilot)
        await press(pilot, "t")  # the latest complete weeks again
        await settle(pilot)
        assert "against  Week of Mon 16 Nov 2026 · latest complete weeks" in text(screen, "#periods")


async def test_the_compare_key_is_in_the_footer_and_the_palette(tmp_path):
    from offload.tui.commands import OffloadCommands
    from offload.tui.textual_internals import FooterKey

    app = demo_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "escape")
        await settle(pilot)
        assert "Compare" in {k.description for k in app.screen.query(FooterKey)}
        provider = OffloadCommands(app.screen)
        assert "Compare" in [name for name, _, _ in provider._commands()]


async def test_nothing_to_compare_yet_is_said_on_the_screen(service):
    service.log.add("Invoices", "2026-11-16 09:00", "2026-11-16 10:00")  # the audit period is this week
    app = OffloadApp(service, tick_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        await app.switch_mode("compare")
        await settle(pilot)
        empty = app.screen.query_one("#empty", Static)
        assert empty.display and "nothing later to compare it with yet" in str(empty.content)
        assert not app.screen.query_one("#body").display


async def test_a_handover_is_recorded_from_the_grouping_screen(tmp_path):
    path = tmp_path / "demo.db"
    svc = create_demo(path, FrozenClock(SHOT_NOW, SHOT_ZONE))
    svc.compare.clear_handover("Marketing and newsletters")
    app = OffloadApp(svc, tick_seconds=3600, demo=True)
    svc.close()
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "escape", "3")
        await settle(pilot)
        grouping = app.screen
        sets = grouping.query_one("#sets", DataTable)
        sets.focus()
        sets.move_cursor(row=column(sets).index("Bookkeeping and accounts"))
        await press(pilot, "h")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, HandoverDialog)
        values = [dialog.query_one(f"#{f}", Input).value for f in ("since", "cost", "hours")]
        assert values == ["2026-11-16", "35/h", "8"]
        dialog.query_one("#hours", Input).value = ""
        await pilot.click("#save")
        await settle(pilot)
        assert app.screen is dialog  # refused beside its field, the dialog stays open
        assert "hours billed a month too" in str(dialog.query_one("#error", Static).content)
        assert dialog.query_one("#hours", Input).has_class("-invalid")
        dialog.query_one("#cost", Input).value = "300/month"
        await pilot.click("#save")
        await settle(pilot)
        assert app.screen is grouping

        sets.move_cursor(row=column(sets).index("Marketing and newsletters"))
        await press(pilot, "h")
        await settle(pilot)
        dialog = app.screen
        assert [dialog.query_one(f"#{f}", Input).value for f in ("since", "cost", "hours")] == ["", "", ""]
        assert not dialog.query("#clear")  # nothing to clear yet
        await type_into(pilot, "#since", "2026-11-30")
        dialog.query_one("#cost", Input).value = "400/month"
        await pilot.click("#save")
        await settle(pilot)
        assert "still to come" in str(dialog.query_one("#error", Static).content)
        assert dialog.query_one("#since", Input).has_class("-invalid")
        await press(pilot, "escape")
        await settle(pilot)

        await press(pilot, "4")
        await settle(pilot)
        returns = app.screen.query_one("#returns", DataTable)
        assert column(returns) == ["Bookkeeping and accounts"] and column(returns, 6) == ["GBP 300.00"]
    other = Offload.open(path, FrozenClock(SHOT_NOW, SHOT_ZONE))
    try:
        [h] = other.compare.handovers()
        assert (h.skill_set, h.monthly_cost, h.hours) == ("Bookkeeping and accounts", Decimal("300.00"), None)
    finally:
        other.close()
