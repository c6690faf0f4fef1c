"""Undo, edits and saves never lose or overwrite another change (issue 16)."""

from __future__ import annotations


import pytest
from textual.widgets import DataTable, Input, TextArea

from offload.domain.errors import Conflict
from offload.service import Offload
from offload.tui.app import OffloadApp
from offload.tui.dialogs.settings import SettingsDialog
from offload.tui.dialogs.skill_sets import SetDialog
from tests.helpers.weeks import log_week
from tests.helpers.app import press, settle

SIZE = (120, 36)


def test_undo_puts_a_deleted_entry_back_after_its_id_was_used_again(service, clock):
    service.log.add("Calls", "9:00", "9:30", note="with Ann")
    gone = service.log.delete(service.log.today()[0].id)
    taken = service.log.start("Invoices")
    assert taken.id != gone.id  # schema 6: a deleted entry's id is never handed to another
    back = service.log.undo_delete(gone)
    assert (back.id, back.task, back.start_utc, back.end_utc, back.tz, back.note) == \
        (gone.id, gone.task, gone.start_utc, gone.end_utc, gone.tz, gone.note)
    assert sorted(e.task for e in service.log.today()) == ["Calls", "Invoices"]
    assert service.log.running().task == "Invoices"


def test_undo_keeps_the_id_when_it_is_still_free(service):
    service.log.add("Calls", "9:00", "9:30")
    service.log.add("Post", "9:30", "9:45")
    first = service.log.today()[-1]
    gone = service.log.delete(first.id)
    assert service.log.undo_delete(gone).id == first.id


async def test_undo_in_the_app_after_a_start_from_the_shell(service, db_path, clock):
    service.log.add("Calls", "9:00", "9:30")
    app = OffloadApp(service, tick_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "escape")
        await settle(pilot)
        await press(pilot, "d")
        await settle(pilot)
        shell = Offload.open(db_path, clock)
        shell.log.start("Invoices")
        shell.close()
        await press(pilot, "u")
        await settle(pilot)
        assert sorted(e.task for e in service.log.today()) == ["Calls", "Invoices"]


def test_a_broken_rule_of_offloads_own_is_not_blamed_on_the_file(service):
    from offload.store import entries as entry_store

    service.log.add("Calls", "9:00", "9:30")
    taken = service.log.today()[0]
    with pytest.raises(Conflict) as refused:
        with service.ctx.store.write() as conn:
            entry_store.insert(conn, taken.task_id, 0, 10, "UTC", entry_id=taken.id)
    assert "Cannot write" not in refused.value.message
    assert "UNIQUE constraint failed: entries.id" in refused.value.message
    assert "Nothing was changed" in refused.value.message


def test_the_note_belongs_to_what_was_typed_with_it(service, clock):
    service.log.start("Accounts")
    clock.advance(minutes=30)
    service.log.start("Doctor", note="private: test results")
    service.log.start("Invoices")  # the same second: Doctor was a slip
    running = service.log.running()
    assert (running.task, running.note) == ("Invoices", "")
    service.log.start("Payroll", note="March")  # and again, with a note of its own
    assert (service.log.running().task, service.log.running().note) == ("Payroll", "March")


def test_settings_saved_with_what_a_form_showed_keep_a_change_from_the_shell(service):
    shown = service.settings.all()
    service.settings.set("hourly_value", "90")  # from the shell, while the form is open
    form = dict(shown, currency="GBP")
    service.settings.set_many(form, before=shown)
    assert service.settings.get("hourly_value") == "90" and service.settings.get("currency") == "GBP"


async def test_the_settings_dialog_saves_only_what_the_user_changed(service, db_path, clock):
    app = OffloadApp(service, tick_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "escape", "comma")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, SettingsDialog)
        shell = Offload.open(db_path, clock)
        shell.settings.set("hourly_value", "90")
        shell.settings.set("week_start", "sunday")
        shell.close()
        dialog.query_one("#set-currency", Input).value = "GBP"
        await press(pilot, "ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, SettingsDialog)
    assert service.settings.all() | {} == {
        "week_start": "sunday", "long_running_hours": "4", "hourly_value": "90", "currency": "GBP",
        "theme": "textual-dark", "reminder_minutes": "", "working_hours": "09:00-17:30", "audit_period": ""}


async def test_the_set_details_dialog_saves_only_what_the_user_changed(service, db_path, clock):
    log_week(service)
    service.grouping.assign("Invoices", "Bookkeeping and accounts")
    app = OffloadApp(service, tick_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        await app.switch_mode("grouping")
        await settle(pilot)
        app.screen.query_one("#sets", DataTable).focus()
        await press(pilot, "e")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, SetDialog)
        shell = Offload.open(db_path, clock)
        shell.grouping.update("Bookkeeping and accounts", rate="40", contact="Ann, weekly")
        shell.close()
        dialog.query_one("#inputs", TextArea).text = "Receipts folder"
        await press(pilot, "ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, SetDialog)
    row = service.grouping.get("Bookkeeping and accounts")
    assert (row.rate, row.fields["contact"], row.fields["inputs"]) == (40, "Ann, weekly", "Receipts folder")
