"""The week at a glance on the Review: w shows the timeline of the Review's week, the task under
the Review's cursor emphasized; the arrows move across it; Enter on a block opens that entry in
the Log's edit dialog; Space highlights its task."""

from __future__ import annotations

from textual.widgets import DataTable, Input, Static

from offload.domain.weeks import Period
from offload.tui.dialogs.entry import EntryDialog
from offload.tui.widgets.timeline import Timeline
from tests.helpers import timeline_week as week
from tests.helpers.app import SIZE, app_for, open_review, press, settle, text

WEEK = Period(week.MONDAY)


def timeline_text(screen) -> str:
    timeline = screen.query_one(Timeline)
    return "\n".join(timeline.render_line(y).text for y in range(timeline.size.height))


async def on_the_week(app, pilot):
    screen = await open_review(app, pilot)
    app.period = WEEK
    await settle(pilot)
    return screen


async def test_w_shows_the_week_at_a_glance_with_the_reviews_task_emphasized(service):
    week.write(service)
    app = app_for(service)
    async with app.run_test(size=SIZE) as pilot:
        screen = await on_the_week(app, pilot)
        table = screen.query_one("#tasks", DataTable)
        names = [str(table.get_row_at(i)[1]) for i in range(table.row_count)]
        for _ in range(names.index("Customer emails")):
            await press(pilot, "down")
        await press(pilot, "w")
        timeline = screen.query_one(Timeline)
        assert timeline.display and not table.display and screen.focused is timeline
        assert "timeline (w)" in text(screen, "#view-line")
        # The cursor is on the emails' first block, and the emails are the emphasized task.
        assert "Mon 19 Oct 11:00–11:20 (20m)  Customer emails (highlighted, support)" in timeline_text(screen)
        assert "▓ Customer emails" in timeline_text(screen)

        # The arrows move across the timeline; the week stays.
        await press(pilot, "down")
        assert app.period == WEEK
        assert "Tue 20 Oct 10:00–12:00 (2h 00m)  Client design (core)" in timeline_text(screen)
        await press(pilot, "right", "right", "left")
        assert app.period == WEEK and "Client design" in timeline_text(screen)

        # p and n change the week, and the timeline follows.
        await press(pilot, "p")
        assert app.period == WEEK.previous()
        assert not timeline.display and "Nothing was logged in this week" in text(screen, "#empty")
        await press(pilot, "n")
        assert app.period == WEEK and timeline.display
        assert "Mon 19 " in timeline_text(screen)

        # w again: the task list, its cursor on the task last under the timeline's cursor.
        await press(pilot, "w")
        assert table.display and screen.focused is table
        assert str(table.get_row_at(table.cursor_row)[1]) == "Client design"


async def test_enter_on_a_block_opens_that_entry_and_space_highlights_its_task(service):
    ids = week.write(service)
    app = app_for(service)
    async with app.run_test(size=SIZE) as pilot:
        screen = await on_the_week(app, pilot)
        await press(pilot, "w")
        # The cursor starts on the first block of the task under the table's cursor (the
        # biggest: design, Monday 09:00); a day down at 09:00 are Tuesday's invoices.
        await press(pilot, "down")
        assert "Tue 20 Oct 09:00–10:00 (1h 00m)  Invoices (candidate, support)" in timeline_text(screen)

        await press(pilot, "enter")
        dialog = app.screen
        assert isinstance(dialog, EntryDialog)
        assert [dialog.query_one(f"#{f}", Input).value for f in ("task", "start", "end")] == \
            ["Invoices", "2026-10-20 09:00", "2026-10-20 10:00"]
        dialog.query_one("#note", Input).value = "March [/] batch"
        await press(pilot, "ctrl+s")
        assert app.screen is screen
        saved = {e.id: e for e in service.review.task_entries("Invoices", WEEK)}
        assert saved[ids[21]].note == "March [/] batch" and saved[ids[41]].note == ""
        assert "Invoices (candidate, support)  March [/] batch" in timeline_text(screen)

        await press(pilot, "space")
        assert service.review.week(WEEK).task("Invoices").highlighted
        assert "Invoices (highlighted, support)" in timeline_text(screen)
        assert text(screen, "#summary").startswith("Highlighted 5h 50m")  # emails 2h 05m, invoices 3h 45m
        # The cursor on to the next entry (design): the invoices, no longer the selected task, are
        # drawn as highlighted work wherever they occur, Thursday's block too (it was ▒, a candidate).
        thursday = next(line for line in timeline_text(screen).splitlines() if line.startswith("Thu 22"))
        assert "▓" in thursday and "█" not in thursday  # still the selected task
        await press(pilot, "shift+right")
        assert "Tue 20 Oct 10:00–12:00 (2h 00m)  Client design (core)" in timeline_text(screen)
        thursday = next(line for line in timeline_text(screen).splitlines() if line.startswith("Thu 22"))
        assert "█" in thursday and "▒" not in thursday and "▓" not in thursday


async def test_the_edit_dialog_shows_a_stored_escape_sequence_as_text_and_saves_it_back_unchanged(service):
    """An entry written by an older Offload or another program, with terminal codes in its note:
    the dialog's field must not send them to the terminal, and saving another field keeps the note."""
    from offload.store import entries as entry_store
    from offload.store import tasks as task_store

    start = week.local("2026-10-21 09:00")
    with service.ctx.store.write() as conn:
        task = task_store.get_or_create(conn, "Bell\x07 task", start)
        entry_id = entry_store.insert(conn, task, start, start + 3600, week.ZONE, "red \x1b[31m alert\x1b[0m")
    app = app_for(service)
    async with app.run_test(size=SIZE) as pilot:
        await on_the_week(app, pilot)
        await press(pilot, "w", "enter")
        dialog = app.screen
        assert isinstance(dialog, EntryDialog)
        fields = {f: dialog.query_one(f"#{f}", Input).value for f in ("task", "note")}
        assert fields == {"task": "Bell\\x07 task", "note": "red \\x1b[31m alert\\x1b[0m"}
        dialog.query_one("#end", Input).value = "2026-10-21 09:30"
        await press(pilot, "ctrl+s")
        [saved] = service.review.task_entries("Bell\x07 task", WEEK)
        assert (saved.id, saved.end_utc - saved.start_utc, saved.note) == (entry_id, 1800, "red \x1b[31m alert\x1b[0m")
