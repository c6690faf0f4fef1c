"""The Grouping's documents and forms: the plan preview (the owner's, as `offload plan` writes it),
brief fields that hold several lines, and merging two described skill sets."""

from __future__ import annotations

from textual.widgets import DataTable, Input, Markdown, OptionList, Static, TextArea

from offload.domain.skill_sets import BRIEF_FIELDS
from offload.tui.app import OffloadApp
from offload.tui.dialogs.brief import PlanPreview
from offload.tui.dialogs.questions import ChoiceDialog, ConfirmDialog
from offload.tui.dialogs.skill_sets import SetDialog, SetPicker
from tests.helpers.weeks import log_week
from tests.helpers.app import press, settle

SIZE = (120, 36)
BOOKS = "Bookkeeping and accounts"


def app_for(service) -> OffloadApp:
    return OffloadApp(service, tick_seconds=3600)


async def open_grouping(pilot):
    await press(pilot, "escape", "3")
    await settle(pilot)
    return pilot.app.screen


async def test_p_previews_the_plan_and_saves_it_asking_before_replacing(service, tmp_path):
    log_week(service)
    service.grouping.assign("Invoices", BOOKS)
    service.grouping.update(BOOKS, rate="30")
    async with app_for(service).run_test(size=SIZE) as pilot:
        app = pilot.app
        screen = await open_grouping(pilot)
        await press(pilot, "p")
        await settle(pilot)
        preview = app.screen
        assert isinstance(preview, PlanPreview)
        # The same Markdown as `offload plan`, over the audit period the title names.
        assert preview.markdown == service.audit.plan()
        assert preview.query_one("#brief", Markdown).source.startswith("# Outsourcing plan")
        assert "Week of Mon 16 Nov 2026" in str(preview.query_one("#doc-title", Static).content)
        assert preview.query_one("#path", Input).value.endswith("plan-2026-11-16.md")
        target = tmp_path / "plan.md"
        target.write_text("my notes")
        preview.query_one("#path", Input).value = str(target)
        await press(pilot, "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)  # the file is there: asked, not replaced
        assert target.read_text() == "my notes"
        await press(pilot, "n")
        await settle(pilot)
        assert app.screen is preview and target.read_text() == "my notes"
        await press(pilot, "ctrl+s", "y")
        await settle(pilot)
        assert target.read_text() == service.audit.plan()
        assert str(preview.query_one("#saved", Static).content) == f"Saved to {target}"
        await press(pilot, "escape")
        await settle(pilot)
        assert app.screen is screen


async def test_brief_fields_hold_several_lines_open_at_their_start_and_show_their_hint_whole(service):
    log_week(service)
    service.grouping.assign("Invoices", BOOKS)
    long_outputs = "\n".join(f"Report {i}: reconciled ledger" for i in range(1, 13))
    service.grouping.update(BOOKS, outputs=long_outputs)
    async with app_for(service).run_test(size=SIZE) as pilot:
        app = pilot.app
        screen = await open_grouping(pilot)
        screen.query_one("#sets", DataTable).focus()
        await press(pilot, "e")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, SetDialog)
        outputs = dialog.query_one("#outputs", TextArea)
        assert outputs.text == long_outputs
        assert outputs.cursor_location == (0, 0) and outputs.scroll_y == 0  # read from its first line
        # Each field's question is shown in full above it, not cut at the field's width.
        hints = [str(h.content) for h in dialog.query(".field-hint")]
        for f in BRIEF_FIELDS:
            assert any(h.startswith(f.question) for h in hints), f.key
        for hint in dialog.query(".field-hint"):
            assert hint.size.height * hint.size.width >= len(str(hint.content))
        # Enter starts a new line in a field; ctrl+s saves.
        area = dialog.query_one("#inputs", TextArea)
        area.focus()
        area.insert("Receipts folder")  # the words at once: the test is about Enter
        await press(pilot, "enter")
        area.insert("Bank statements")
        await press(pilot, "ctrl+s")
        await settle(pilot)
        assert app.screen is screen
    row = service.grouping.get(BOOKS)
    assert row.fields["inputs"] == "Receipts folder\nBank statements"
    assert row.fields["outputs"] == long_outputs


async def test_merging_two_described_sets_asks_which_description_to_keep(service):
    log_week(service)
    service.grouping.assign("Invoices", BOOKS)
    service.grouping.assign("Payroll", "Payroll", create=True)  # a set of the owner's own
    service.grouping.update("Payroll", description="Monthly salaries for two staff")
    catalogue = service.grouping.get(BOOKS).description
    assert catalogue
    async with app_for(service).run_test(size=SIZE) as pilot:
        app = pilot.app
        screen = await open_grouping(pilot)
        sets = screen.query_one("#sets", DataTable)
        sets.focus()
        sets.move_cursor(row=[str(sets.get_row_at(i)[0]) for i in range(sets.row_count)].index("Payroll"))
        await press(pilot, "g")
        await settle(pilot)
        assert isinstance(app.screen, SetPicker)
        await press(pilot, "enter")  # into Bookkeeping and accounts, the only other set
        await settle(pilot)
        question = app.screen
        assert isinstance(question, ChoiceDialog)
        options = question.query_one("#choices", OptionList)
        shown = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert shown == [f"{BOOKS}: {catalogue}", "Payroll: Monthly salaries for two staff"]
        await press(pilot, "down", "enter")
        await settle(pilot)
        assert app.screen is screen
    row = service.grouping.get(BOOKS)
    assert row.description == "Monthly salaries for two staff"
    assert [t.name for t in service.grouping.view().set(BOOKS).tasks] == ["Invoices", "Payroll"]
