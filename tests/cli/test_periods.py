"""One set of period options for `log`, `report` and `brief`: --week, --last-week, --from/--to."""

from __future__ import annotations

import json

import pytest

from offload.domain.weeks import Period
from tests.helpers.weeks import grouped


@pytest.mark.parametrize("command", ["log", "report", "brief"])
def test_log_report_and_brief_take_the_same_period_options(cli, command):
    code, out, _ = cli(command, "--help")
    assert code == 0
    for option in ("--week DATE", "--last-week", "--from DAY", "--to DAY"):
        assert option in out, (command, option)


def test_brief_last_week_is_the_brief_of_the_week_before(cli, service):
    grouped(service)
    service.log.add("Invoices", "2026-11-10 09:00", "2026-11-10 11:00")  # the week before
    code, out, err = cli("brief", "--last-week", "--set", "Bookkeeping and accounts")
    assert (code, err) == (0, "")
    before = service.review.this_week().previous()
    assert out == service.grouping.brief("Bookkeeping and accounts", before)
    assert "week of Mon 09 Nov 2026" in out and "| Invoices | weekly | 2.0 | 1 | 2h 00m |" in out


def test_brief_from_to_reads_the_weeks_holding_those_days(cli, service):
    grouped(service)
    service.log.add("Invoices", "2026-11-10 09:00", "2026-11-10 11:00")
    code, out, err = cli("brief", "--from", "2026-11-11", "--to", "2026-11-18", "--set", "Bookkeeping and accounts")
    assert (code, err) == (0, "")
    assert out == service.grouping.brief("Bookkeeping and accounts", Period(service.review.this_week().previous().start, 2))
    assert "2 weeks, Mon 09 Nov to Sun 22 Nov 2026" in out


def test_report_from_to_sums_the_weeks(cli, service):
    grouped(service)
    service.log.add("Invoices", "2026-11-10 09:00", "2026-11-10 11:00")
    code, out, err = cli("report", "--from", "2026-11-09", "--to", "2026-11-22", "--format", "json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert data["title"] == "2 weeks, Mon 09 Nov to Sun 22 Nov 2026"
    assert {r["task"]: r["seconds"] for r in data["rows"]}["Invoices"] == 4.5 * 3600
    _, week, _ = cli("report", "--week", "mon", "--format", "json")
    assert {r["task"]: r["seconds"] for r in json.loads(week)["rows"]}["Invoices"] == 2.5 * 3600


def test_period_option_mistakes_name_the_options(cli, service):
    assert cli("brief", "--week", "mon", "--from", "mon")[2] == \
        "offload: Give either --week/--last-week or --from/--to, not both.\n"
    assert cli("brief", "--to", "mon")[2] == "offload: --to needs --from too, e.g. --from 2026-11-02 --to 2026-11-15.\n"
    assert cli("report", "--all", "--from", "mon")[2] == \
        "offload: --all covers every week; leave out --week, --last-week, --weeks, --from and --to.\n"
