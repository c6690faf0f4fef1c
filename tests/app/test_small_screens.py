"""Every column, button and key is on screen at 80x24, and wider windows are used.

On the Review ← and → change the week, so a column past the right edge could not be
scrolled to: "on screen" here means the table needs no horizontal scroll at all.
"""

from __future__ import annotations

import pytest
from textual.widgets import Button, DataTable

from offload.domain.clock import FrozenClock
from offload.domain.demo import SHOT_NOW, SHOT_ZONE
from offload.service.demo import create_demo
from offload.tui.app import OffloadApp
from offload.tui.dialogs.settings import SettingsDialog
from offload.tui.dialogs.skill_sets import NameDialog
from offload.tui.widgets.week_strip import WeekStrip
from tests.helpers.app import press, settle, type_into


@pytest.fixture
def demo(tmp_path):
    svc = create_demo(tmp_path / "demo.db", FrozenClock(SHOT_NOW, SHOT_ZONE))
    yield svc
    svc.close()


def app_for(service) -> OffloadApp:
    return OffloadApp(service, tick_seconds=3600)


def on_screen(app, widget) -> bool:
    """The user can see it: the widget is what sits at its own centre."""
    region = widget.region
    if not region.area:
        return False
    found, _ = app.screen.get_widget_at(region.x + region.width // 2, region.y + region.height // 2)
    return found is widget or widget in found.ancestors


def fits(table: DataTable) -> bool:
    """Every column is drawn inside the table: nothing to scroll to sideways."""
    return table.max_scroll_x == 0 and table.virtual_size.width <= table.scrollable_content_region.width


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (120, 36), (200, 50)])
async def test_every_review_column_is_on_screen_by_task_and_by_day(demo, size):
    app = app_for(demo)
    async with app.run_test(size=size) as pilot:
        await app.switch_mode("review")
        await settle(pilot)
        tasks = app.screen.query_one("#tasks", DataTable)
        assert [c.key.value for c in tasks.ordered_columns] == [
            "mark", "task", "total", "share", "sessions", "days", "feeling", "kind", "often"]
        assert fits(tasks)
        await press(pilot, "d")
        await settle(pilot)
        by_day = app.screen.query_one("#by-day", DataTable)
        assert [c.key.value for c in by_day.ordered_columns] == ["task"] + [f"d{i}" for i in range(7)] + ["total"]
        assert fits(by_day)
        # Saturday, Sunday and the total are titled; the week still reads by day.
        titles = [str(c.label).strip() for c in by_day.ordered_columns]
        assert titles[6].startswith("Sat") and titles[7].startswith("Sun")
        assert titles[8] in ("Total", "Hours")


async def test_the_task_names_use_the_width_a_wide_window_gives(demo):
    app = app_for(demo)
    async with app.run_test(size=(200, 50)) as pilot:
        await app.switch_mode("review")
        await settle(pilot)
        tasks = app.screen.query_one("#tasks", DataTable)
        # The task column takes what the others leave, so the table spans the window.
        assert tasks.virtual_size.width >= tasks.scrollable_content_region.width - 4


async def test_at_80x24_both_settings_buttons_are_on_screen(demo):
    app = app_for(demo)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "escape", "comma")
        await settle(pilot)
        assert isinstance(app.screen, SettingsDialog)
        for button in app.screen.query(Button):
            assert on_screen(app, button), button.id


async def test_an_empty_skill_set_keeps_the_hours_in_the_panel(demo):
    app = app_for(demo)
    async with app.run_test(size=(120, 36)) as pilot:
        await app.switch_mode("grouping")
        await settle(pilot)
        await press(pilot, "c")
        await type_into(pilot, None, "Empty")
        await press(pilot, "enter")
        await settle(pilot)
        assert not isinstance(app.screen, NameDialog)
        sets = app.screen.query_one("#sets", DataTable)
        assert "Empty" in [str(r[0]) for r in (sets.get_row_at(i) for i in range(sets.row_count))]
        assert fits(sets)
        assert fits(app.screen.query_one("#ungrouped", DataTable))


@pytest.mark.parametrize("width", [80, 100, 120])
async def test_the_week_strip_shows_every_day_and_the_week_total(demo, width):
    app = app_for(demo)
    async with app.run_test(size=(width, 30)) as pilot:
        await settle(pilot)
        strip = app.screen.query_one(WeekStrip)
        lines = strip.render().plain.split("\n")  # type: ignore[union-attr]
        assert all(len(line) <= strip.content_size.width for line in lines), lines
        text = " ".join(lines)
        for day in ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"):
            assert day in text
        assert "Week 30h 10m" in text
        assert strip.content_size.height == len(lines)


# --- The footer: every key whole, at any size ------------------------------------------------------
def footer_keys(footer):
    from offload.tui.textual_internals import FooterKey

    return list(footer.query(FooterKey))


def bound_actions(screen) -> set[str]:
    """The actions the footer is to show now: each shown binding's, and the palette's."""
    shown = {b.action for _node, b, _enabled, _tooltip in screen.active_bindings.values() if b.show}
    palette = screen.active_bindings.get(screen.app.COMMAND_PALETTE_BINDING)
    return shown | ({palette[1].action} if palette else set())


async def footer_with_the_screens_keys(pilot, screen):
    """The screen's footer once it shows the keys the screen has now, laid out. Textual composes
    a footer's keys again after a refresh once the bindings change: wait for that (each pause
    lets the app go idle; the bound is a timeout, not a count of the frames a layout takes),
    then for one layout of the screen. The footer's layout follows from the keys it composed,
    so it may take no frame of its own: one that did would be caught drawing cut keys."""
    from offload.tui.widgets.keys_footer import KeysFooter

    footer = screen.query_one(KeysFooter)
    for _ in range(200):
        await pilot.pause()
        if {k.action for k in footer_keys(footer)} == bound_actions(screen):
            break
    else:
        raise AssertionError("the footer never showed the screen's keys")
    await pilot.pause()
    return footer


def assert_every_key_whole(app, footer):
    keys = footer_keys(footer)
    screen = app.screen.region
    for key in keys:
        assert screen.contains_region(key.region), (key.description or key.key, key.region)
        assert footer.region.contains_region(key.region), (key.description or key.key, key.region)
        assert on_screen(app, key), key.description or key.key
    # No two keys drawn over each other (the palette's key is docked right).
    regions = sorted((k.region for k in keys), key=lambda r: (r.y, r.x))
    assert all(not a.overlaps(b) for a, b in zip(regions, regions[1:])), regions


@pytest.mark.parametrize("size", [(80, 24), (120, 36)], ids=["80x24", "120x36"])
@pytest.mark.parametrize("mode, others", [("log", ("Review", "Grouping", "Compare")),
                                          ("review", ("Log", "Grouping", "Compare")),
                                          ("grouping", ("Log", "Review", "Compare")),
                                          ("compare", ("Log", "Review", "Grouping")),
                                          ("entries", ("Close", "Edit", "Delete", "Undo"))])
async def test_the_footer_shows_every_key_whole(demo, mode, others, size):
    """On every screen with a footer (help has none; the Review's entry list has one), at 80x24
    and at 120x36, the other screens and help are in the footer and every key is drawn whole."""
    app = app_for(demo)
    async with app.run_test(size=size) as pilot:
        await pilot.press("escape")  # out of the task field: the screen's own keys show too
        await app.switch_mode("review" if mode == "entries" else mode)
        await app.data.idle()
        if mode == "entries":
            await pilot.press("enter")
            await app.data.idle()
        footer = await footer_with_the_screens_keys(pilot, app.screen)
        shown = {k.description for k in footer_keys(footer)}
        assert {*others, *(("Help",) if mode != "entries" else ())} <= shown, shown
        assert_every_key_whole(app, footer)


def test_the_footer_lays_out_from_its_keys_texts_and_width():
    from offload.tui.widgets.keys_footer import Group, Key, Layout, footer_layout, key_width

    # As Textual's FooterKey draws them: " 4 Compare " wide, "4 Compare" compact; ⏎ is one cell.
    assert key_width(Key("4", "Compare"), compact=False) == 11
    assert key_width(Key("4", "Compare"), compact=True) == 9
    assert key_width(Key("⏎", "Entries"), compact=True) == 9
    assert key_width(Key("^y", "日本語"), compact=True) == 9  # wide characters take two cells
    assert key_width(Key("←"), compact=True) == 1  # a group's key: no words
    log = [Key("n", "New task"), Key("s", "Stop"), Key("r", "Resume"), Key("e", "Edit"),
           Key("a", "Add missed"), Key("d", "Delete"), Key("←→", "Day"), Key("g", "Go to day"),
           Key("2", "Review"), Key("3", "Grouping"), Key("4", "Compare"), Key("?", "Help")]
    palette = Key("^p", "Commands")
    assert footer_layout(log, palette, 200) == Layout(compact=False)
    assert footer_layout(log, palette, 120) == Layout(compact=False, lines=2, columns=6)
    assert footer_layout(log, palette, 80) == Layout(compact=True, lines=2, columns=6)
    assert footer_layout(log, palette, 60) == Layout(compact=True, lines=3, columns=4)
    # The widest the one line takes: the last key's end (a space after each compact key), and
    # the palette's key (its border, words and the compact margin) beside it.
    one_line = sum(key_width(k, compact=True) + 1 for k in log) - 1 + 1 + 11 + 1
    assert footer_layout(log[:6], palette, 99).lines == 1
    assert footer_layout(log, palette, one_line - 1).lines == 2
    # A group is its keys, then its words in a cell of their own.
    review = [Group(("←", "→"), "Week", compact=True), Key("⏎", "Entries"), Key("space", "Highlight"),
              Key("d", "By day"), Key("w", "Timeline"), Key("1", "Log"), Key("3", "Grouping"),
              Key("4", "Compare"), Key("?", "Help")]
    assert footer_layout(review, palette, 80) == Layout(compact=True, lines=2, columns=5)
    assert footer_layout(review, palette, 120) == Layout(compact=False)
    # 88 columns hold the keys alone on one line, not with the palette's 13 beside them.
    assert footer_layout(review, None, 88) == Layout(compact=True)
    assert footer_layout(review, palette, 88).lines == 2
    assert footer_layout([Key("q", "Quit")], palette, 10) == Layout(compact=True)  # one key: no grid
    assert footer_layout([], None, 80) == Layout(compact=True)


async def test_the_footers_arithmetic_is_textuals_at_the_edge(demo):
    """At the width its keys take on one line the footer is one line, a column less it is a grid,
    and either way every key is whole: the widths it works out are the ones Textual draws."""
    from textual.app import App
    from textual.binding import Binding
    from textual.widgets import Static

    from offload.tui.widgets.keys_footer import Group, Key, footer_layout, one_line_width

    loose, tight = Binding.Group("Move", compact=False), Binding.Group("Page", compact=True)

    class Keys(App):
        BINDINGS = [Binding("a", "a", "Alpha"), Binding("up", "up", "Up", group=loose),
                    Binding("down", "down", "Down", group=loose), Binding("ctrl+y", "y", "日本語"),
                    Binding("pageup", "pu", "Up", group=tight), Binding("pagedown", "pd", "Down", group=tight),
                    Binding("enter", "e", "Fünf", key_display="⏎"), Binding("c", "c", "Charlie"),
                    Binding("d", "d", "Delta delta"), Binding("f", "f", "Foxtrot"),
                    Binding("ctrl+p", "command_palette", "Commands", show=False, priority=True)]

        def compose(self):
            from offload.tui.widgets.keys_footer import KeysFooter

            yield Static("keys")
            yield KeysFooter()

    items = [Key("a", "Alpha"), Group(("↑", "↓"), "Move"), Key("^y", "日本語"),
             Group(("pgup", "pgdn"), "Page", compact=True), Key("⏎", "Fünf"), Key("c", "Charlie"),
             Key("d", "Delta delta"), Key("f", "Foxtrot")]
    palette = Key("^p", "Commands")
    for compact in (True, False):
        width = one_line_width(items, palette, compact)
        assert (width < 100) == compact  # the keys are chosen so: both kinds of footer are tried
        for size, lines in ((width, 1), (width - 1, 2)):
            assert footer_layout(items, palette, size).lines == lines
            app = Keys()
            async with app.run_test(size=(size, 10)) as pilot:
                footer = await footer_with_the_screens_keys(pilot, app.screen)
                assert footer.region.height == lines, (size, footer.region)
                assert_every_key_whole(app, footer)


async def test_a_long_task_name_leaves_the_logs_note_on_screen(service):
    service.log.add("Quarterly VAT return and everything around it, " * 3, "8:00", "8:30",
                    note="bank feed reconciled first")
    app = app_for(service)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(3):
            await settle(pilot)
        today = app.screen.query_one("#today", DataTable)
        assert fits(today)
        assert today.columns["note"].width >= 8


async def test_a_name_grown_in_place_takes_the_room_the_window_has(service, db_path, clock):
    from offload.service import Offload

    service.log.add("Calls", "8:00", "8:30", note="supplier")
    service.log.add("Email", "8:30", "9:00")
    longer = "Client design work for Greenway Dental"
    app = app_for(service)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.app.data.idle()
        await settle(pilot)
        other = Offload.open(db_path, clock)  # the shell renames it while the Log shows it
        try:
            other.tasks.rename("Calls", longer)
        finally:
            other.close()
        pilot.app.data.poll()
        await pilot.app.data.idle()
        for _ in range(3):
            await settle(pilot)
        today = app.screen.query_one("#today", DataTable)
        assert [str(row[3]) for row in (today.get_row_at(i) for i in range(2))] == ["Email", longer]
        assert today.columns["task"].width >= len(longer)  # the whole name, not "Client de…"
        assert fits(today)


async def test_at_80x24_tab_brings_every_setting_into_view(service):
    """The reminder's fields sit below the fold: Tab to each, and it shows (not under the buttons)."""
    from offload.tui.dialogs.settings import SETTINGS

    app = app_for(service)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "escape", "comma")
        await settle(pilot)
        seen = []
        for _ in SETTINGS:
            await settle(pilot)
            field = app.screen.focused
            seen.append(field.id)
            assert on_screen(app, field), field.id
            await press(pilot, "tab")
        assert {f"set-{key}" for key in SETTINGS} <= set(seen)


@pytest.mark.parametrize("keys", [("a",), ("left", "a")])
async def test_at_80x24_the_entry_dialog_shows_its_buttons(service, keys):
    from textual.widgets import Button

    service.log.add("Calls", "8:00", "8:30")
    app = app_for(service)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "escape", *keys)
        await settle(pilot)
        for button in app.screen.query(Button):
            assert on_screen(app, button), button.id


async def test_at_80x24_the_days_rows_have_the_room_of_the_big_timer(service, clock):
    from textual.widgets import Static

    for i, task in enumerate(["Calls", "Email", "Invoices", "Design", "Post", "Calls", "Email"]):
        service.log.add(task, f"yesterday {9 + i}:00", f"yesterday {9 + i}:40")
    service.log.add("Calls", "8:00", "8:30")
    service.log.add("Email", "8:30", "9:00")
    service.log.start("Design")
    clock.advance(minutes=5)
    app = app_for(service)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "escape")
        await settle(pilot)
        table = app.screen.query_one("#today", DataTable)
        assert table.size.height - 1 >= 6, table.size  # rows under the header
        assert not app.screen.query_one("#elapsed").display
        # The time so far moves into the line beside the task.
        assert app.screen.query_one("#running-task", Static).content == "Design · 00:05:00"
        await press(pilot, "left")
        await settle(pilot)
        assert table.size.height - 1 >= 6, table.size
    # At 120x36 today keeps the big digits.
    app = app_for(service)
    async with app.run_test(size=(120, 36)) as pilot:
        await press(pilot, "escape")
        await settle(pilot)
        assert app.screen.query_one("#elapsed").display
        assert app.screen.query_one("#running-task", Static).content == "Design"
        await press(pilot, "left")
        await settle(pilot)
        assert not app.screen.query_one("#elapsed").display


async def test_at_80x24_a_refused_setting_below_the_fold_shows_its_reason(service):
    from textual.widgets import Input

    app = app_for(service)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "escape", "comma")
        await settle(pilot)
        app.screen.query_one("#set-working_hours", Input).value = "9-5"
        app.screen.set_focus(app.screen.query_one("#set-week_start"))
        app.screen.query_one("#settings-fields").scroll_home(animate=False)
        await settle(pilot)
        await press(pilot, "ctrl+s")
        await settle(pilot)
        await settle(pilot)
        message = app.screen.query_one("#msg-working_hours")
        assert "9am-5pm" in str(message.content)
        assert on_screen(app, message)
        assert app.screen.focused.id == "set-working_hours"


async def test_at_80x24_a_refused_time_leaves_the_entry_dialogs_buttons_on_screen(service):
    from textual.widgets import Button, Input

    service.log.add("Calls", "8:00", "8:30")
    app = app_for(service)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "escape", "left", "a")
        await settle(pilot)
        app.screen.query_one("#task", Input).value = "Post"
        app.screen.query_one("#start", Input).value = "25:99"
        await press(pilot, "ctrl+s")
        await settle(pilot)
        assert "25:99" in str(app.screen.query_one("#error").content)
        for button in app.screen.query(Button):
            assert on_screen(app, button), button.id
