"""`offload plan`, and `report`, `brief` and `plan` reading the saved audit period and `--weeks N`."""

from __future__ import annotations

import stat
from datetime import date

from offload.domain.weeks import Period
from tests.helpers.weeks import grouped

MONDAY_AFTER = "2026-11-23T09:00:00Z"


def test_plan_is_the_saved_period_on_the_monday_after(cli, service, clock):
    from datetime import datetime, timezone

    grouped(service)
    service.grouping.update("Bookkeeping and accounts", rate="30")
    service.audit.choose(Period(date(2026, 11, 16)))
    clock.set(datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc))
    service.log.add("Customer emails", "2026-11-23 08:00", "2026-11-23 08:45")  # this week has begun
    code, out, err = cli("plan", at=MONDAY_AFTER)
    assert (code, err) == (0, "")
    assert out == service.audit.plan()
    assert "week of Mon 16 Nov 2026" in out
    assert "| Bookkeeping and accounts | 3.5 | 15.1 | EUR 30.00/h | EUR 453.00 | EUR 1,208.00 | EUR 755.00 |" in out
    code, out, _ = cli("report", at=MONDAY_AFTER)
    assert out.startswith("Week of Mon 16 Nov 2026\n") and "Invoices" in out
    code, out, _ = cli("brief", at=MONDAY_AFTER)
    assert "week of Mon 16 Nov 2026" in out and "EUR" not in out


def test_weeks_n_ends_with_the_week_named(cli, service):
    grouped(service)
    service.log.add("Invoices", "2026-11-10 09:00", "2026-11-10 11:30")
    code, out, _ = cli("brief", "--weeks", "2", "--set", "Bookkeeping and accounts")
    assert code == 0 and "2 weeks, Mon 09 Nov to Sun 22 Nov 2026" in out
    assert "| Invoices | weekly | 5.0 | 3 | 1h 40m | 10.8 |" in out  # 2.5 h a week on average
    code, out, _ = cli("report", "--last-week", "--weeks", "2", "--format", "json")
    assert code == 0 and '"title": "2 weeks, Mon 02 Nov to Sun 15 Nov 2026"' in out
    code, out, _ = cli("plan", "--weeks", "3", "--week", "2026-11-18")
    assert "3 weeks, Mon 02 Nov to Sun 22 Nov 2026" in out


def test_period_mistakes_are_refused_in_one_line(cli, service):
    grouped(service)
    assert cli("plan", "--weeks", "0")[::2] == (2, "offload: --weeks is 1 to 13, not 0.\n")
    assert cli("plan", "--weeks", "2", "--from", "mon")[::2] == (2, "offload: Give either --weeks or --from/--to, not both.\n")
    code, _, err = cli("plan", "--weeks", "two")
    assert code == 2 and "see offload plan --help" in err


def test_plan_to_a_private_file_never_over_another(cli, service, tmp_path):
    grouped(service)
    target = tmp_path / "plan.md"
    code, _, err = cli("plan", "-o", str(target))
    assert code == 0 and f"Wrote the plan to {target}" in err
    assert target.read_text().startswith("# Outsourcing plan\n")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    target.write_text("mine")
    code, _, err = cli("plan", "-o", str(target))
    assert code == 2 and target.read_text() == "mine"
    assert cli("plan", "-o", str(target), "--force")[0] == 0 and target.read_text().startswith("# Outsourcing plan")
