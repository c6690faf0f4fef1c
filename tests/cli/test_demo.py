"""The demo week: realistic, deterministic, never written over an existing file."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from offload.domain.clock import FrozenClock
from offload.domain.demo import SHOT_NOW, SHOT_ZONE, demo_week
from offload.domain.errors import Conflict
from offload.service.demo import create_demo
from tests.helpers.commands import run_offload
from tests.helpers.db import snapshot
from tests.helpers.app import settle


def shot_clock() -> FrozenClock:
    return FrozenClock(SHOT_NOW, SHOT_ZONE)


def test_same_now_gives_the_same_week():
    assert demo_week(SHOT_NOW, SHOT_ZONE) == demo_week(SHOT_NOW, SHOT_ZONE)


def test_week_has_one_running_timer_and_nothing_after_now():
    week = demo_week(SHOT_NOW, SHOT_ZONE)
    running = [e for e in week.entries if e.end is None]
    assert len(running) == 1 and running[0].task == "Client work: Harbour Café"
    assert all(e.start < SHOT_NOW for e in week.entries)
    assert all(e.end <= SHOT_NOW for e in week.entries if e.end)
    ordered = sorted(week.entries, key=lambda e: e.start)
    for a, b in zip(ordered, ordered[1:]):
        assert (a.end or SHOT_NOW) <= b.start, f"{a} overlaps {b}"


@pytest.mark.parametrize("hours", [0, 7, 12.75, 20, 24 * 2 + 11, 24 * 4 + 3])
def test_a_timer_runs_whatever_the_hour(hours):
    now = datetime(2026, 11, 16, 0, 5, tzinfo=timezone.utc) + timedelta(hours=hours)
    week = demo_week(now, "America/New_York")
    assert week.running is not None
    assert week.running.start <= now


def test_demo_database_holds_a_reviewable_week(tmp_path):
    svc = create_demo(tmp_path / "demo.db", shot_clock())
    try:
        report = svc.review.week(svc.audit.period())
        names = {t.name for t in report.tasks}
        assert {"Invoices", "Bookkeeping", "Newsletter mail-out", "Social media posts",
                "Customer emails", "Website updates"} <= names
        assert any(t.name.startswith("Client work") for t in report.tasks)
        highlighted = {t.name for t in report.tasks if t.highlighted}
        assert {"Invoices", "Bookkeeping", "Newsletter mail-out"} <= highlighted
        assert report.highlighted_seconds > 0 and report.total_seconds > 20 * 3600
        assert svc.log.running().task == "Client work: Harbour Café"
        assert report.tasks[0].task.feeling in ("like", "neutral", "dislike")
        assert any(t.task.skill_set_id for t in report.tasks)
        assert svc.settings.get("currency") == "GBP"
        assert report.total_seconds > 30 * 3600
    finally:
        svc.close()


def test_demo_refuses_an_existing_file(tmp_path, db_path, service):
    service.log.start("Mine")
    before = snapshot(db_path)
    with pytest.raises(Conflict):
        create_demo(db_path, shot_clock())
    assert snapshot(db_path) == before


def test_demo_command_writes_a_new_file_and_refuses_to_overwrite(tmp_path):
    target = tmp_path / "demo.db"
    done = run_offload("demo", "--db", str(target))
    assert done.returncode == 0, done.stderr
    assert target.exists()
    status = run_offload("status", db=target)
    assert status.returncode == 0 and status.stdout.strip()
    before = snapshot(target)
    again = run_offload("demo", "--db", str(target))
    assert again.returncode == 2
    assert "already exists" in again.stderr and len(again.stderr.strip().splitlines()) == 1
    assert snapshot(target) == before


def test_demo_command_needs_a_path():
    done = run_offload("demo", env={"OFFLOAD_DB": "/nonexistent/never.db"})
    assert done.returncode == 2 and "--db" in done.stderr


async def test_demo_app_says_demo(tmp_path):
    from textual.widgets import Header

    from offload.tui.app import OffloadApp

    svc = create_demo(tmp_path / "demo.db", shot_clock())
    app = OffloadApp(svc, demo=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert "DEMO" in app.title
        assert "DEMO" in str(app.screen.query_one(Header).screen_title)
    svc.close()


def test_demo_has_a_skill_set_and_highlighted_tasks_left_to_group(tmp_path):
    svc = create_demo(tmp_path / "demo.db", shot_clock())
    try:
        view = svc.grouping.view()
        assert [s.name for s in view.sets] == ["Bookkeeping and accounts", "Marketing and newsletters"]
        assert {t.name for t in view.sets[0].tasks} == {"Invoices", "Bookkeeping", "Chasing late payments"}
        ungrouped = {g.name: g.suggestion for g in view.ungrouped}
        assert set(ungrouped) == {"Website updates", "Customer emails"}
        assert all(s is not None for s in ungrouped.values())
        brief = svc.grouping.brief()
        assert "Bookkeeping and accounts" in brief and "Invoices" in brief
    finally:
        svc.close()


def test_the_demo_tells_the_whole_story(tmp_path):
    """A complete audit week already chosen and the week after it; a monthly task; a candidate in
    the audit week; a brief without money and a plan that weighs each set."""
    from datetime import date

    from offload.domain.weeks import Period

    svc = create_demo(tmp_path / "demo.db", shot_clock())
    try:
        audit_week = Period(date(2026, 11, 9))
        assert svc.audit.saved_period() == audit_week
        report = svc.review.week(audit_week)
        assert [bool(s) for s in report.day_totals] == [True] * 6 + [False]  # Mon to Sat, a full week
        assert svc.review.week(audit_week.next()).total_seconds > 20 * 3600  # the week after, to Thursday
        newsletter = report.task("Newsletter mail-out")
        assert newsletter.frequency == "monthly" and newsletter.seconds > 0
        assert svc.review.week(audit_week.next()).task("Newsletter mail-out") is None
        assert [t.name for t in report.tasks if t.candidate] == ["Accounts: VAT return"]
        brief = svc.grouping.brief("Marketing and newsletters")
        assert "week of Mon 09 Nov 2026" in brief
        assert "| Newsletter mail-out | monthly | 2.4 | 1 | 2h 25m | 2.4 |" in brief
        assert "monthly: 2.4 h logged once = 2.4 h a month" in brief
        assert "GBP" not in brief and "95" not in brief
        plan = svc.audit.plan()
        assert "- Bookkeeping and accounts: **worth handing over**" in plan
        assert "- Marketing and newsletters: **not at these rates**" in plan
        assert "| Accounts: VAT return | quarterly | 1.5 | 0.5 |" in plan
    finally:
        svc.close()


def test_the_shifted_clock_starts_at_its_instant_and_runs():
    from datetime import datetime, timezone

    from offload.domain.clock import ShiftedClock

    at = datetime(2026, 11, 19, 15, 20, tzinfo=timezone.utc)
    clock = ShiftedClock(at, "Europe/London")
    assert abs((clock.now() - at).total_seconds()) < 5
    assert clock.zone == "Europe/London"


def test_the_demo_compares_the_audit_with_the_week_after_two_handovers(tmp_path):
    """Two skill sets handed over in the week after the audit (the marketing mid-week): the
    comparison says what they freed, where the time went and what they returned."""
    from datetime import date
    from decimal import Decimal

    from offload.domain.weeks import Period

    svc = create_demo(tmp_path / "demo.db", shot_clock())
    try:
        assert svc.compare.periods() == (Period(date(2026, 11, 9)), Period(date(2026, 11, 16)))
        c = svc.compare.comparison()
        books, marketing = c.returns
        assert (books.name, books.before_load.monthly, books.after_load.monthly, books.net) == \
            ("Bookkeeping and accounts", Decimal("25.1"), Decimal("2.2"), Decimal("1666.50"))
        assert (marketing.name, marketing.prorated, marketing.after.days, marketing.freed, marketing.net) == \
            ("Marketing and newsletters", True, 5, Decimal("11.9"), Decimal("611.50"))
        assert (c.freed, c.total("value"), c.total("cost"), c.total("net")) == \
            (Decimal("34.8"), Decimal("2958.00"), Decimal("680.00"), Decimal("2278.00"))
        core = c.kind("core")
        assert core.after_share > core.before_share + 0.2  # the freed time went to client work
        assert [r.name for r in c.new_tasks] == ["Client work: Bakery rebrand"]
        # The audit week itself is as it was: its brief and plan do not change with the handovers.
        assert "| Bookkeeping and accounts | 3 | 25.1 |" in svc.grouping.brief()
    finally:
        svc.close()


def test_offload_demo_lives_at_offload_now_and_compare_tells_its_story(tmp_path):
    import json

    target = tmp_path / "demo.db"
    env = {"OFFLOAD_NOW": "2026-06-18T14:20:00Z", "OFFLOAD_TZ": "Europe/London"}  # a Thursday, 15:20 in London
    assert run_offload("demo", "--db", str(target), env=env).returncode == 0
    done = run_offload("compare", "--format", "json", db=target, env=env)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert (data["before"]["first_day"], data["after"]["first_day"]) == ("2026-06-01", "2026-06-08")
    assert [h["verdict"] for h in data["handovers"]] == ["paying_off", "paying_off"]
    assert data["totals"]["cost_a_month"] == 680.0 and data["totals"]["net_return_a_month"] > 2000
