"""`offload brief`: the same brief from the command line, to standard output or a private file."""

from __future__ import annotations

import stat

from tests.helpers.commands import run_offload
from tests.helpers.weeks import grouped

ENV = {"OFFLOAD_NOW": "2026-11-20T10:00:00Z", "OFFLOAD_TZ": "Europe/London"}


def test_brief_to_stdout_for_one_set(service, db_path):
    grouped(service)
    out = run_offload("brief", "--set", "bookkeeping and accounts", db=db_path, env=ENV)
    assert out.returncode == 0, out.stderr
    assert out.stdout == service.grouping.brief("Bookkeeping and accounts")
    assert "| Invoices | weekly | 2.5 | 2 | 1h 15m | 10.8 |" in out.stdout


def test_brief_for_all_sets_to_a_private_file(service, db_path, tmp_path):
    grouped(service)
    target = tmp_path / "brief.md"
    out = run_offload("brief", "-o", str(target), db=db_path, env=ENV)
    assert out.returncode == 0, out.stderr
    assert f"Wrote the brief to {target}" in out.stderr
    text = target.read_text()
    assert "| Bookkeeping and accounts | 2 | 15.1 |" in text and "## Website maintenance" in text
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_brief_for_another_week(service, db_path):
    grouped(service)
    out = run_offload("brief", "--week", "2026-11-10", "--set", "Website maintenance", db=db_path, env=ENV)
    assert out.returncode == 0, out.stderr
    assert "week of Mon 09 Nov 2026" in out.stdout
    assert "| Update WordPress | weekly | 0.0 | 0 | – | 0.0 |" in out.stdout


def test_unknown_set_says_which_exist(service, db_path):
    grouped(service)
    out = run_offload("brief", "--set", "Nope", db=db_path, env=ENV)
    assert out.returncode == 2 and out.stdout == ""
    assert "There is no skill set 'Nope'; the skill sets are: Bookkeeping and accounts, Website maintenance" \
        in out.stderr
