"""Renaming and merging tasks: entries follow, the kept task's marks stay, undo puts it back."""

from __future__ import annotations

import pytest

from offload.domain.errors import Conflict, InvalidInput, NotFound, WouldMerge
from tests.helpers.db import snapshot


@pytest.fixture
def week(service):
    """Customer emails logged under three names, one of them marked for handing over."""
    service.log.add("Email customers", "mon 9:00", "mon 10:00")
    service.log.add("Email customers", "tue 9:00", "tue 9:30")
    service.log.add("Emails", "wed 9:00", "wed 9:20")
    service.log.add("Customer emails", "thu 9:00", "thu 11:00")
    service.review.set_highlight("Customer emails", True)
    service.review.set_feeling("Customer emails", "dislike")
    service.review.set_kind("Customer emails", "support")
    service.grouping.assign("Customer emails", "Customer support", create=True)
    service.review.set_feeling("Email customers", "like")
    return service


def seconds(service, name):
    found = service.review.week().task(name)
    return found.seconds if found else None


def test_merge_moves_every_entry_and_the_review_totals_follow(week, db_path):
    merged = week.tasks.merge(["Email customers", "emails"], into="customer EMAILS")
    assert merged.into == "Customer emails"
    assert [(t.name, t.entries, t.seconds) for t in merged.moved] == [
        ("Email customers", 2, 5400), ("Emails", 1, 1200)]
    assert (merged.entries, merged.seconds) == (3, 6600)
    report = week.review.week()
    assert [(t.name, t.seconds, t.sessions) for t in report.tasks] == [("Customer emails", 13800, 4)]
    kept = report.tasks[0].task
    assert (kept.highlighted, kept.feeling, kept.kind) == (True, "dislike", "support")
    assert [t.name for t in week.grouping.view().set("Customer support").tasks] == ["Customer emails"]
    assert week.log.task_names() == ["Customer emails"]


def test_undo_merge_puts_the_tasks_their_marks_and_entries_back(week, db_path):
    before = snapshot(db_path)
    merged = week.tasks.merge(["Email customers", "Emails"], into="Customer emails")
    assert week.tasks.undo_merge(merged) == ["Email customers", "Emails"]
    assert snapshot(db_path) == before
    assert seconds(week, "Email customers") == 5400 and seconds(week, "Customer emails") == 7200


def test_undo_merge_leaves_an_entry_deleted_since_and_a_reused_id_alone(week):
    post = week.log.add("Post", "fri 8:00", "fri 8:30")
    merged = week.tasks.merge(["Post"], into="Customer emails")
    week.log.delete(post.id)
    again = week.log.add("Customer emails", "fri 9:00", "fri 9:10")
    assert again.id != post.id  # schema 6: a deleted entry's id is never given to another
    assert week.tasks.undo_merge(merged) == ["Post"]
    assert week.log.entry(again.id).task == "Customer emails"
    assert seconds(week, "Post") is None  # back as a task, with no entries this week


def test_undo_merge_is_refused_when_a_merged_name_is_in_use_again(week, db_path):
    merged = week.tasks.merge(["Emails"], into="Customer emails")
    week.log.add("emails", "fri 8:00", "fri 8:10")
    before = snapshot(db_path)
    with pytest.raises(Conflict, match="there is a task 'emails' again"):  # the name as typed now
        week.tasks.undo_merge(merged)
    assert snapshot(db_path) == before


def test_plan_merge_says_what_would_move_and_changes_nothing(week, db_path):
    before = snapshot(db_path)
    plan = week.tasks.plan_merge(["Emails"], "Customer emails")
    assert not plan.done and (plan.entries, plan.seconds) == (1, 1200)
    assert snapshot(db_path) == before


@pytest.mark.parametrize(
    "names, into, error, said",
    [
        (["Nope"], "Customer emails", NotFound, "There is no task 'Nope'."),
        (["Emails"], "Nope", NotFound, "There is no task 'Nope' to merge into. To merge into a new name, "
         "rename one of them to it first (offload rename \"Emails\" \"Nope\"), then merge the others into it."),
        (["Customer emails"], "customer emails", InvalidInput,
         "Name at least one other task to merge into 'Customer emails'."),
    ],
)
def test_bad_merges_change_nothing(week, db_path, names, into, error, said):
    before = snapshot(db_path)
    with pytest.raises(error) as caught:
        week.tasks.merge(names, into)
    assert caught.value.message == said
    assert snapshot(db_path) == before


def test_rename_and_its_undo(week):
    renamed = week.tasks.rename("emails", "Mail")
    assert (renamed.old, renamed.new, renamed.entries) == ("Emails", "Mail", 1)
    assert seconds(week, "Mail") == 1200
    week.tasks.undo_rename(renamed)
    assert seconds(week, "Emails") == 1200 and seconds(week, "Mail") is None


def test_rename_can_change_only_the_case(week):
    assert week.tasks.rename("emails", "EMAILS").new == "EMAILS"
    with pytest.raises(InvalidInput, match="already called 'EMAILS'"):
        week.tasks.rename("emails", "EMAILS")


def test_rename_onto_another_task_asks_first_then_merges(week, db_path):
    before = snapshot(db_path)
    with pytest.raises(WouldMerge) as caught:
        week.tasks.rename("Emails", "customer emails")
    assert (caught.value.plan.into, caught.value.plan.entries) == ("Customer emails", 1)
    assert snapshot(db_path) == before
    merged = week.tasks.rename("Emails", "customer emails", merge=True)
    assert merged.done and seconds(week, "Customer emails") == 7200 + 1200
    week.tasks.undo_merge(merged)
    assert snapshot(db_path) == before


# --- the command line -------------------------------------------------------------------
def _log_week(cli):
    cli("add", "Email customers", "--from", "mon 9:00", "--to", "mon 10:00")
    cli("add", "Emails", "--from", "wed 9:00", "--to", "wed 9:20")
    cli("add", "Customer emails", "--from", "thu 9:00", "--to", "thu 11:00")
    cli("config", "hourly_value", "50")


def test_cli_merge_prints_what_moved_and_which_marks_stay(cli, service):
    _log_week(cli)
    service.review.set_highlight("Customer emails", True)
    service.review.set_kind("Customer emails", "support")
    service.review.set_feeling("Emails", "dislike")
    service.review.set_highlight("Emails", True)
    service.grouping.assign("Emails", "Customer support", create=True)
    code, out, err = cli("merge", "Email customers", "Emails", "--into", "customer emails")
    assert (code, err) == (0, "")
    assert out == (
        "Merged into 'Customer emails':\n"
        "  'Email customers': 1 entry, 1h 00m\n"
        "  'Emails': 1 entry, 20m\n"
        "'Customer emails' now holds 3 entries (3h 20m) and keeps its own marks: highlighted, support work.\n"
        "Not kept from the merged tasks: 'Emails' was highlighted, disliked, in skill set 'Customer support'.\n"
    )
    _, report, _ = cli("report")
    assert "Customer emails" in report and "Emails " not in report and "3h 20m" in report


def test_cli_merge_dry_run_changes_nothing(cli, db_path):
    _log_week(cli)
    before = snapshot(db_path)
    code, out, _ = cli("merge", "Emails", "--into", "Customer emails", "--dry-run")
    assert code == 0 and out.startswith("Would merge into 'Customer emails':\n  'Emails': 1 entry, 20m\n")
    assert out.endswith("Dry run: nothing was changed.\n")
    assert snapshot(db_path) == before


def test_cli_rename_onto_an_existing_name_says_how_it_would_merge_and_needs_merge(cli, db_path):
    _log_week(cli)
    before = snapshot(db_path)
    code, out, err = cli("rename", "Emails", "CUSTOMER EMAILS")
    assert (code, out) == (2, "")
    assert err.splitlines()[0] == (
        "offload: There is already a task 'Customer emails': renaming 'Emails' to it merges the two.")
    assert "  'Emails': 1 entry, 20m" in err
    assert err.splitlines()[-1] == "Nothing changed. To merge them: offload rename Emails 'Customer emails' --merge"
    assert snapshot(db_path) == before
    code, out, err = cli("rename", "Emails", "CUSTOMER EMAILS", "--merge")
    assert (code, err) == (0, "") and out.startswith("Merged into 'Customer emails':")


def test_cli_rename(cli):
    _log_week(cli)
    assert cli("rename", "emails", "Mail")[:2] == (0, "Renamed 'Emails' to 'Mail' (1 entry).\n")
    assert cli("rename", "Nope", "Mail")[2] == "offload: There is no task 'Nope'.\n"
    assert cli("rename", "Mail", "  ")[2] == "offload: A task needs a name, e.g. 'Invoices'.\n"
