"""Names as people type them: empty, blank, 10,000 characters, control characters, right-to-left,
emoji, Textual markup. Each is accepted or refused the same way everywhere, and shown literally."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Input, Static

from offload.domain.errors import InvalidInput
from offload.domain.names import MAX_NAME, clean_note, clean_task_name
from offload.tui.app import OffloadApp
from tests.helpers.db import snapshot

from ._support import run
from tests.helpers.app import press, settle

ACCEPTED = {
    "Invoices": "Invoices",
    "  Client   calls  ": "Client calls",
    "tab\there": "tab here",  # whitespace of any kind folds to one space
    "فواتير العملاء": "فواتير العملاء",
    "חשבוניות לקוחות": "חשבוניות לקוחות",
    "📦 Shipping": "📦 Shipping",
    "👩‍👩‍👧 Family business": "👩‍👩‍👧 Family business",
    "[bold]x[/bold]": "[bold]x[/bold]",
    "[/]": "[/]",
    "[link=https://example.com]click[/link]": "[link=https://example.com]click[/link]",
    "Ünïcödé ß İ": "Ünïcödé ß İ",
    "x" * MAX_NAME: "x" * MAX_NAME,
}
REFUSED = ["", "   ", "\n\t", "x" * 10_000, "a\x00b", "\x1b[31mred", "bell\x07", "\u202eevil", "\u200b", "\udcff"]


@pytest.mark.parametrize("typed", list(ACCEPTED), ids=range(len(ACCEPTED)))
def test_accepted_names_are_kept_as_cleaned_and_found_again(service, typed: str) -> None:
    entry = service.log.start(typed, at="9:00")
    assert entry.task == ACCEPTED[typed] == clean_task_name(typed) == clean_task_name(entry.task)
    assert service.log.running().task == ACCEPTED[typed]
    service.review.toggle_highlight(typed)  # the same typed text finds the task again
    assert service.review.week().task(ACCEPTED[typed]).highlighted


@pytest.mark.parametrize("typed", REFUSED, ids=range(len(REFUSED)))
def test_refused_names_get_a_message_and_change_nothing(service, db_path, typed: str) -> None:
    service.log.add("Calls", "8:00", "8:30")
    before = snapshot(db_path)
    for call in (lambda: service.log.start(typed), lambda: service.log.add(typed, "9:00", "9:30"),
                 lambda: service.tasks.rename("Calls", typed), lambda: service.log.edit(1, name=typed)):
        with pytest.raises(InvalidInput) as refused:
            call()
        assert refused.value.message
        assert snapshot(db_path) == before


def test_notes_with_control_characters_or_bad_unicode_are_refused(service, db_path) -> None:
    before = snapshot(db_path)
    for note in ("a\x00b", "\x1b[2J", "\udcff", "y" * 5000):
        with pytest.raises(InvalidInput):
            service.log.start("Invoices", note=note)
    assert snapshot(db_path) == before
    assert clean_note("  [i]literal[/i]  ") == "[i]literal[/i]"


@pytest.mark.parametrize("typed", ["[bold]x[/bold]", "فواتير العملاء", "📦 Shipping", "$(whoami)"])
def test_the_command_line_prints_names_literally(tmp_path, typed: str) -> None:
    db = tmp_path / "offload.db"
    started = run(db, "start", typed)
    assert started.returncode == 0 and started.stdout == f"Started {typed}\n"
    status = run(db, "status", "--format", "{task}")
    assert status.stdout == f"{typed}\n"


@pytest.mark.parametrize("typed", ["", "x" * 10_000, "a\x07b"])
def test_the_command_line_refuses_as_the_service_does(tmp_path, typed: str) -> None:
    db = tmp_path / "offload.db"
    with pytest.raises(InvalidInput) as refused:
        clean_task_name(typed)
    result = run(db, "start", typed)
    assert result.returncode == 2
    assert result.stderr == f"offload: {refused.value.message}\n"


async def test_a_task_named_with_markup_shows_literally_on_the_log_screen(service, clock) -> None:
    service.log.add("[red]earlier[/red]", "8:00", "8:30")
    app = OffloadApp(service, tick_seconds=3600)
    async with app.run_test(size=(120, 36)) as pilot:
        field = app.screen.query_one("#task-input", Input)
        field.value = "[bold]x[/bold]"
        await press(pilot, "enter")
        await settle(pilot)
        assert service.log.running().task == "[bold]x[/bold]"
        table = app.screen.query_one("#today", DataTable)
        names = [str(table.get_row_at(i)[3]) for i in range(table.row_count)]
        assert names == ["[bold]x[/bold]", "[red]earlier[/red]"]
        assert app.screen.query_one("#running-task", Static).content == "[bold]x[/bold]"
        screen_text = app.export_screenshot()
        assert "[bold]x[/bold]" in screen_text and "[red]earlier[/red]" in screen_text
        clock.advance(600)
        await press(pilot, "2")  # the Review screen lists the task literally too
        await settle(pilot)
        assert "[bold]x[/bold]" in app.export_screenshot()
