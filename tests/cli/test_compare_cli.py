"""`offload compare` on a hand-made log: the default periods, the JSON output's fields with each
figure worked out by hand (as in tests/unit/test_compare.py), the Markdown report parsed as Markdown,
renamed and merged tasks compared as one, and bad periods refused in one line."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime, timezone

import pytest

from offload.domain.errors import InvalidInput
from offload.domain.weeks import Period
from tests.helpers.db import snapshot

MONDAY_AFTER = "2026-11-23T09:00:00Z"  # Mon 23 Nov: the audit week (9 Nov) and the week after are over
WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


def at(week: str, day: str, hhmm: str) -> str:
    start = date.fromisoformat(week)
    return f"{date.fromordinal(start.toordinal() + WEEKDAYS.index(day)).isoformat()} {hhmm}"


def log(service, week: str, task: str, *slots: tuple[str, str, str]) -> None:
    for day, start, end in slots:
        service.log.add(task, at(week, day, start), at(week, day, end))


def hand_made(service, clock) -> None:
    """The weeks of tests/unit/test_compare.py, logged: 34.5 h in the audit week, 35.0 h in the next."""
    clock.set(datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc))
    audit, later = "2026-11-09", "2026-11-16"
    weekdays = WEEKDAYS[:5]
    log(service, audit, "Client work", *[(d, "09:00", "13:00") for d in weekdays])
    log(service, audit, "Invoices", ("mon", "14:00", "16:00"), ("thu", "14:00", "15:00"))
    log(service, audit, "Bookkeeping", ("tue", "14:00", "16:00"), ("sat", "10:00", "11:00"))
    log(service, audit, "Newsletter", ("thu", "15:00", "18:00"))
    log(service, audit, "Social posts", ("mon", "16:00", "17:00"), ("wed", "14:00", "15:00"), ("fri", "14:00", "15:00"))
    log(service, audit, "Emails", *[(d, "08:00", "08:30") for d in weekdays])
    log(service, later, "Client work", *[(d, "09:00", "14:00") for d in weekdays])
    log(service, later, "Invoices", ("mon", "14:00", "14:30"))
    log(service, later, "Social posts", ("mon", "15:00", "16:00"), ("tue", "15:00", "16:00"), ("thu", "15:00", "16:00"))
    log(service, later, "Emails", *[(d, "08:00", "08:30") for d in weekdays])
    log(service, later, "Bakery rebrand", ("wed", "14:00", "16:00"), ("thu", "16:00", "18:00"))
    for name, kind in [("Client work", "core"), ("Bakery rebrand", "core"), ("Invoices", "support"),
                       ("Bookkeeping", "support"), ("Newsletter", "support"), ("Social posts", "support")]:
        service.review.set_kind(name, kind)
    service.review.set_frequency("Newsletter", "monthly")
    for task, skill_set in [("Invoices", "Books"), ("Bookkeeping", "Books"), ("Newsletter", "Marketing"),
                            ("Social posts", "Marketing")]:
        service.grouping.assign(task, skill_set, create=True)
    service.settings.set("hourly_value", "85")
    service.settings.set("currency", "GBP")
    service.audit.choose(Period(date.fromisoformat(audit)))
    service.compare.hand_over("Books", "2026-11-16", "35/h", "8")
    service.compare.hand_over("Marketing", "2026-11-18", "400/month")


@pytest.fixture
def made(service, clock):
    hand_made(service, clock)
    return service


def test_the_json_output_has_every_figure(cli, made):
    code, out, err = cli("compare", "--format", "json", at=MONDAY_AFTER)
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert set(data) == {"before", "after", "logged_less_after", "currency", "hourly_value", "handovers", "totals",
                         "work", "skill_sets", "tasks", "new_tasks"}
    assert data["before"] == {"title": "Week of Mon 09 Nov 2026", "first_day": "2026-11-09", "last_day": "2026-11-15",
                              "weeks": 1, "days_counted": 7, "logged_hours": 34.5, "logged_hours_a_week": 34.5}
    assert data["after"]["first_day"] == "2026-11-16" and data["after"]["logged_hours_a_week"] == 35.0
    assert (data["currency"], data["hourly_value"], data["logged_less_after"]) == ("GBP", 85.0, False)
    books, marketing = data["handovers"]
    assert books == {"skill_set": "Books", "since": "2026-11-16",
                     "cost": {"amount": 35.0, "per": "hour", "hours_billed": 8.0}, "cost_a_month": 280.0,
                     "days_before": 7, "days_after": 7, "prorated": False,
                     "hours_a_month_before": 26.0, "hours_a_month_after": 2.2, "hours_freed_a_month": 23.8,
                     "value_freed_a_month": 2023.0, "net_return_a_month": 1743.0, "verdict": "paying_off"}
    assert (marketing["days_after"], marketing["prorated"], marketing["hours_a_month_after"],
            marketing["hours_freed_a_month"], marketing["net_return_a_month"]) == (5, True, 6.1, 9.9, 441.5)
    assert data["totals"] == {"hours_freed_a_month": 33.7, "weighed": ["Books", "Marketing"],
                              "value_freed_a_month": 2864.5, "cost_a_month": 680.0, "net_return_a_month": 2184.5}
    core = data["work"][0]
    assert (core["work"], core["hours_a_week_before"], core["hours_a_week_after"], core["change"]) == \
        ("core", 20.0, 29.0, 9.0)
    assert (core["share_before"], core["share_after"]) == (round(20 / 34.5, 4), round(29 / 35, 4))
    assert [w["work"] for w in data["work"]] == ["core", "support", "unmarked"]
    assert data["skill_sets"][0] == {"skill_set": "Books", "hours_a_week_before": 6.0, "hours_a_week_after": 0.5,
                                     "change": -5.5, "hours_a_month_before": 26.0, "hours_a_month_after": 2.2}
    newsletter = next(t for t in data["tasks"] if t["task"] == "Newsletter")
    assert newsletter == {"task": "Newsletter", "skill_set": "Marketing", "kind": "support", "frequency": "monthly",
                          "hours_a_week_before": 0.7, "hours_a_week_after": 0.0, "change": -0.7, "new": False}
    assert data["new_tasks"] == ["Bakery rebrand"]


def test_the_markdown_is_a_document_with_its_headings_and_tables(cli, made):
    from markdown_it import MarkdownIt

    code, out, _ = cli("compare", "--format", "markdown", at=MONDAY_AFTER)
    tokens = MarkdownIt("commonmark").enable("table").parse(out)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings == ["Did handing over pay off?", "Handed over", "Where the time went", "Skill sets", "Tasks",
                        "New since the audit"]
    assert sum(1 for t in tokens if t.type == "table_open") == 5
    assert "Handing over 2 skill sets freed **33.7 h a month** of your time, worth GBP 2,864.50, for GBP 680.00 " \
           "a month: **GBP 2,184.50 a month back**." in out
    assert "Core (revenue) work went from 58% to 83% of your logged time (20.0 to 29.0 h a week)." in out
    assert "| Books | 16 Nov 2026 | 26.0 | 2.2 | 23.8 | GBP 2,023.00 | GBP 280.00 | GBP 1,743.00 |" in out
    assert "of the later period only its 5 days from then count" in out
    assert "\\" not in out  # nothing here needs a backslash: it reads as plain text


def test_the_table_is_the_same_report_for_the_terminal(cli, made):
    code, out, _ = cli("compare", at=MONDAY_AFTER)
    assert code == 0 and out.startswith("Did handing over pay off?\n=========================\n")
    assert "**" not in out and "|" not in out
    assert "Core (revenue) work                  20.0   29.0    +9.0           58%    83%" in out


def test_a_report_to_a_private_file(cli, made, tmp_path):
    target = tmp_path / "compare.md"
    code, _, err = cli("compare", "-o", str(target), at=MONDAY_AFTER)
    assert code == 0 and f"Wrote the comparison to {target}" in err
    assert target.read_text().startswith("# Did handing over pay off?\n")
    assert (target.stat().st_mode & 0o777) == 0o600
    target.write_text("mine")
    assert cli("compare", "-o", str(target), at=MONDAY_AFTER)[0] == 2 and target.read_text() == "mine"


def test_a_task_renamed_or_merged_since_the_audit_compares_as_one(made):
    made.log.add("Acounts", "2026-11-10 17:00", "2026-11-10 18:00")  # a typo in the audit week
    made.log.add("Accounts", "2026-11-17 17:00", "2026-11-17 18:00")
    made.log.add("Payroll run", "2026-11-18 17:00", "2026-11-18 17:30")
    made.log.add("Payroll", "2026-11-11 17:00", "2026-11-11 17:30")
    before = {r.name for r in made.compare.comparison().new_tasks}
    assert {"Accounts", "Payroll run"} <= before  # two names, so "new" until they are one task
    made.tasks.rename("Acounts", "Accounts", merge=True)
    made.tasks.merge(["Payroll run"], "Payroll")
    c = made.compare.comparison()
    rows = {r.name: (r.before.weekly, r.after.weekly) for r in c.task_rows}
    assert rows["Accounts"] == (1, 1) and rows["Payroll"] == (0.5, 0.5)
    assert "Acounts" not in rows and "Payroll run" not in rows
    assert [r.name for r in c.new_tasks] == ["Bakery rebrand"]


def test_the_later_period_by_default(made, clock):
    compare = made.compare
    assert compare.periods() == (Period(date(2026, 11, 9)), Period(date(2026, 11, 16)))
    made.audit.choose(Period(date(2026, 11, 2), 2))  # two weeks, 2 to 15 Nov: one complete week since
    assert compare.periods()[1] == Period(date(2026, 11, 16), 1)
    clock.set(datetime(2026, 11, 30, 9, 0, tzinfo=timezone.utc))  # two complete weeks since
    assert compare.periods()[1] == Period(date(2026, 11, 16), 2)
    clock.set(datetime(2026, 12, 21, 9, 0, tzinfo=timezone.utc))  # the two most recent
    assert compare.periods()[1] == Period(date(2026, 12, 7), 2)
    made.audit.choose(Period(date(2026, 12, 14)))  # last week: this week so far
    assert compare.periods()[1] == Period(date(2026, 12, 21))
    made.audit.choose(Period(date(2026, 12, 21)))  # this week: nothing later yet
    with pytest.raises(InvalidInput, match="nothing later to compare it with yet"):
        compare.periods()


@pytest.mark.parametrize("args, message", [
    (("--after", "2026-11-10"), "must begin after the audit period"),
    (("--after", "2026-12-01"), "has not begun yet"),
    (("--after", "someday"), "--after 'someday': Cannot read the date"),
    (("--before", "2026-11-16", "--after", "2026-11-02"), "must begin after"),
    (("--after", "2026-11-16 to 2026-11-02"), "is before --from"),
    (("--after", "2025-01-01 to 2026-11-22"), "1 to 13 weeks long"),
    (("--format", "pdf"), "invalid choice"),
])
def test_bad_periods_are_refused_in_one_line(cli, made, db_path, args, message):
    before = snapshot(db_path)
    code, out, err = cli("compare", *args, at=MONDAY_AFTER)
    assert (code, out) == (2, "") and message in err and err.count("\n") == 1
    assert snapshot(db_path) == before


def test_periods_written_in_words(cli, made):
    code, out, _ = cli("compare", "--before", "2026-11-12", "--after", "last week", "--format", "json", at=MONDAY_AFTER)
    data = json.loads(out)
    assert (data["before"]["first_day"], data["after"]["first_day"]) == ("2026-11-09", "2026-11-16")
    code, out, _ = cli("compare", "--after", "this week", "--format", "json", at="2026-11-26T12:00:00Z")
    data = json.loads(out)
    assert (data["after"]["first_day"], data["after"]["days_counted"]) == ("2026-11-23", 4)
    code, out, _ = cli("compare", "--after", "2026-11-16..2026-11-29", "--format", "json", at="2026-12-01T12:00:00Z")
    assert json.loads(out)["after"]["weeks"] == 2


def test_names_are_data_in_every_format(cli, made, db_path):
    conn = sqlite3.connect(db_path)
    with conn:  # as an older version or another program could have stored them
        conn.execute("UPDATE tasks SET name = 'Bakery [/] \x1b[31mred\x1b[0m' WHERE name = 'Bakery rebrand'")
        conn.execute("UPDATE skill_sets SET name = 'Books [b]*x*[/b]' WHERE name = 'Books'")
    conn.close()
    _, table, _ = cli("compare", at=MONDAY_AFTER)
    assert "\x1b" not in table and "Bakery [/] \\x1b[31mred\\x1b[0m" in table and "Books [b]*x*[/b]" in table
    _, md, _ = cli("compare", "--format", "markdown", at=MONDAY_AFTER)
    assert "\x1b" not in md and "| Books [b]\\*x\\*[/b] |" in md and "Bakery [/] \\x1b[31mred" in md
    _, raw, _ = cli("compare", "--format", "json", at=MONDAY_AFTER)
    assert "\x1b" not in raw and json.loads(raw)["new_tasks"] == ["Bakery [/] \x1b[31mred\x1b[0m"]


def test_without_core_work_marked_it_says_how_to_see_where_the_time_went(cli, made):
    for name in ("Client work", "Bakery rebrand"):
        made.review.set_kind(name, "")
    _, out, _ = cli("compare", at=MONDAY_AFTER)
    assert "No task in either period is marked as core (revenue) work: mark them on the Review (c)" in out
    assert "went from 0% to 0%" not in out
