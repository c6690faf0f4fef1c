"""Grouping: sets made on first use, assign, accept, rename, merge, delete; the brief file."""

from __future__ import annotations

import stat

import pytest

from offload.domain.errors import AlreadyExists, Conflict, InvalidInput, NotFound
from offload.service import Offload
from tests.helpers.db import snapshot
from tests.helpers.weeks import log_week


@pytest.fixture
def week(service):
    log_week(service)
    return service


def names(view):
    return [t.name for t in view.ungrouped]


def test_view_lists_highlighted_ungrouped_tasks_with_hours_and_suggestions(week):
    view = week.grouping.view()
    assert view.week.start.isoformat() == "2026-11-16"
    assert names(view) == ["Invoices", "Payroll", "Update WordPress", "Gardening"]  # most hours first
    inv = view.ungrouped[0]
    assert (inv.seconds, inv.days, inv.sessions) == (9000, 2, 2)
    assert inv.suggestion.reason == "invoice → Bookkeeping and accounts"
    assert view.ungrouped[2].suggestion.set_name == "Website maintenance"
    assert view.ungrouped[3].suggestion is None
    assert view.sets == []  # the catalogue is not in the database until used


def test_accept_creates_the_catalogue_set_on_first_use(week, db_path, clock):
    row = week.grouping.accept("invoices")
    assert row.name == "Bookkeeping and accounts" and row.description.startswith("Invoices")
    view = week.grouping.view()
    assert names(view) == ["Payroll", "Update WordPress", "Gardening"]
    books = view.set("bookkeeping and accounts")
    assert [t.name for t in books.tasks] == ["Invoices"] and books.seconds == 9000
    # Survives a restart.
    again = Offload.open(db_path, clock)
    try:
        assert [t.name for t in again.grouping.view().set("Bookkeeping and accounts").tasks] == ["Invoices"]
    finally:
        again.close()


def test_learned_after_assigning(week):
    week.grouping.create("Home")
    week.grouping.assign("Gardening", "Home")
    week.log.add("Gardening tools", "2026-11-20 08:00", "2026-11-20 08:30")
    week.review.set_highlight("Gardening tools", True)
    s = week.grouping.suggestion("Gardening tools")
    assert s.set_name == "Home" and s.learned_from == "Gardening"


def test_create_assign_and_move(week):
    week.grouping.create("Admin", "Everything boring")
    week.grouping.assign("Payroll", "Admin")
    week.grouping.assign("Payroll", "Bookkeeping and accounts")  # a move; catalogue set made on use
    view = week.grouping.view()
    assert view.set("Admin").tasks == []
    assert [t.name for t in view.set("Bookkeeping and accounts").tasks] == ["Payroll"]
    with pytest.raises(NotFound):
        week.grouping.assign("Payroll", "Nowhere")
    with pytest.raises(Conflict):
        week.grouping.create("ADMIN")
    with pytest.raises(InvalidInput):
        week.grouping.create("   ")


def test_unassign_puts_the_task_back_highlighted(week):
    week.grouping.accept("Invoices")
    week.grouping.unassign("Invoices")
    view = week.grouping.view()
    assert "Invoices" in names(view)
    assert view.set("Bookkeeping and accounts").tasks == []


def test_rename_keeps_every_task(week):
    for t in ("Invoices", "Payroll"):
        week.grouping.assign(t, "Bookkeeping and accounts")
    week.grouping.rename("Bookkeeping and accounts", "Money")
    view = week.grouping.view()
    assert [s.name for s in view.sets] == ["Money"]
    assert sorted(t.name for t in view.set("Money").tasks) == ["Invoices", "Payroll"]
    week.grouping.create("Web")
    with pytest.raises(Conflict):
        week.grouping.rename("Web", "money")
    week.grouping.rename("money", "MONEY")  # only the case changes
    assert week.grouping.get("money").name == "MONEY"


def test_merge_keeps_every_task_and_fills_empty_fields(week):
    week.grouping.create("Admin")
    week.grouping.assign("Invoices", "Admin")
    week.grouping.assign("Payroll", "Bookkeeping and accounts")
    week.grouping.update("Admin", rate="25", inputs="Receipts folder")
    merged = week.grouping.merge("Admin", "Bookkeeping and accounts")
    assert merged.rate == 25 and merged.fields["inputs"] == "Receipts folder"
    view = week.grouping.view()
    assert [s.name for s in view.sets] == ["Bookkeeping and accounts"]
    assert sorted(t.name for t in view.sets[0].tasks) == ["Invoices", "Payroll"]
    assert view.sets[0].seconds == 9000 + 3600
    with pytest.raises(InvalidInput):
        week.grouping.merge("Bookkeeping and accounts", "bookkeeping AND accounts")


def test_delete_leaves_tasks_highlighted_and_ungrouped(week):
    week.grouping.assign("Invoices", "Bookkeeping and accounts")
    week.grouping.assign("Payroll", "Bookkeeping and accounts")
    gone = week.grouping.delete("Bookkeeping and accounts")
    assert sorted(gone) == ["Invoices", "Payroll"]
    view = week.grouping.view()
    assert view.sets == []
    assert {"Invoices", "Payroll"} <= set(names(view))
    report = week.review.week()
    assert report.task("Invoices").highlighted and report.task("Payroll").highlighted


def test_bad_rate_changes_nothing(week, db_path):
    week.grouping.create("Admin")
    before = snapshot(db_path)
    with pytest.raises(InvalidInput):
        week.grouping.update("Admin", description="ok", rate="lots")
    with pytest.raises(InvalidInput):
        week.grouping.update("Admin", colour="red")
    assert snapshot(db_path) == before


def test_brief_for_a_set_from_the_week_and_settings(week):
    week.settings.set("hourly_value", "80")
    week.settings.set("currency", "GBP")
    week.grouping.assign("Invoices", "Bookkeeping and accounts")
    week.grouping.assign("Payroll", "Bookkeeping and accounts")
    week.grouping.update("Bookkeeping and accounts", rate="30", outputs="Reconciled books by the 5th")
    md = week.grouping.brief("bookkeeping and accounts")
    assert md.startswith("# Handover brief: Bookkeeping and accounts")
    assert "week of Mon 16 Nov 2026" in md
    assert "| Invoices | weekly | 2.5 | 2 | 1h 15m | 10.8 |" in md
    assert "| Payroll | weekly | 1.0 | 1 | 1h 00m | 4.3 |" in md
    assert "**15.1 hours a month**" in md  # 10.8 + 4.3
    assert "GBP" not in md and "455" not in md  # no money for the provider: that is the plan's
    assert "Reconciled books by the 5th" in md
    assert "> **To answer:** What will you provide" in md
    # Catalogue examples help answer the questions.
    assert "for example: receipts, bank statements" in md


def test_brief_follows_the_week_asked_for(week):
    from offload.domain.weeks import Period
    from datetime import date

    week.grouping.assign("Invoices", "Bookkeeping and accounts")
    md = week.grouping.brief(period=Period(date(2026, 11, 9)))
    assert "week of Mon 09 Nov 2026" in md and "| Invoices | weekly | 0.0 | 0 | – | 0.0 |" in md


def test_write_brief_owner_only_and_an_existing_file_only_when_told(week, tmp_path):
    week.grouping.assign("Invoices", "Bookkeeping and accounts")
    target = tmp_path / "brief.md"
    path = week.grouping.write_brief(target)
    assert path == target.absolute()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.read_text().startswith("# Handover brief: Bookkeeping and accounts")
    target.write_text("old")
    target.chmod(0o644)
    with pytest.raises(AlreadyExists):
        week.grouping.write_brief(target)
    assert target.read_text() == "old"
    week.grouping.write_brief(target, force=True)
    assert target.read_text().startswith("# Handover brief")
    assert stat.S_IMODE(target.stat().st_mode) == 0o644  # its owner's choice, kept
    with pytest.raises(InvalidInput):
        week.grouping.write_brief(tmp_path / "missing" / "brief.md")
    assert week.grouping.default_brief_name("Bookkeeping and accounts") == \
        "brief-bookkeeping-and-accounts-2026-11-16.md"
