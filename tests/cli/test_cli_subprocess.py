"""The real `offload` command in subprocesses: what a shell, a prompt or a script sees."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.helpers.commands import run_offload

NOW = {"OFFLOAD_NOW": "2026-11-20T10:00:00Z", "OFFLOAD_TZ": "Europe/London"}

_PROBE = """
import sys
from offload.cli import main
code = main(sys.argv[1:])
heavy = sorted({m.split('.')[0] for m in sys.modules} & {'textual', 'sqlite_utils', 'pendulum', 'rich'})
print('HEAVY=' + ','.join(heavy), file=sys.stderr)
raise SystemExit(code)
"""


def _probe(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, **NOW)
    return subprocess.run([sys.executable, "-c", _PROBE, *args], capture_output=True, text=True, env=env, timeout=60)


def test_status_imports_nothing_heavy(db_path):
    assert run_offload("start", "Invoices", "--at", "9:00", db=db_path, env=NOW).returncode == 0
    for args in (["status"], ["status", "--format", "{task} {clock}"]):
        done = _probe("--db", str(db_path), *args)
        assert done.returncode == 0, done.stderr
        assert done.stdout in ("Invoices 1h 00m\n", "Invoices 01:00:00\n")
        assert "HEAVY=\n" in done.stderr, done.stderr


def test_cli_module_never_imports_textual(db_path):
    # Every command but the bare `offload` (which opens the app) stays clear of Textual.
    for args in (["start", "A"], ["log"], ["report", "--all"], ["export"], ["stop"], ["--help"]):
        done = _probe("--db", str(db_path), *args)
        assert "textual" not in done.stderr.split("HEAVY=")[-1], (args, done.stderr)


def test_status_is_fast(db_path):
    """A prompt calls it on every line, so it loads nothing heavy (what bench/ times; a test on a
    shared machine asserts what is loaded, not how long it took)."""
    run_offload("start", "Invoices", db=db_path, env=NOW)
    env = dict(os.environ, **NOW)
    cmd = [sys.executable, "-X", "importtime", "-m", "offload", "--db", str(db_path), "status"]
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    imported = {line.split("|")[-1].strip().split(".")[0] for line in done.stderr.splitlines() if "|" in line}
    assert "offload" in imported  # the report is read
    assert not imported & {"textual", "pendulum", "sqlite_utils", "rich"}


def test_a_week_from_the_shell(db_path, tmp_path):
    def run(*args, at="2026-11-20T10:00:00Z"):
        return run_offload(*args, db=db_path, env={**NOW, "OFFLOAD_NOW": at})

    assert run("start", "Invoices", "--at", "8:00").stdout == "Started Invoices\n"
    assert run("start", "Calls", at="2026-11-20T09:00:00Z").returncode == 0
    status = run("status", at="2026-11-20T09:30:00Z")
    assert (status.returncode, status.stdout) == (0, "Calls 30m\n")
    assert run("stop", at="2026-11-20T09:45:00Z").stdout == "Stopped Calls after 45m\n"
    assert run("status").returncode == 1
    assert run("add", "Email", "--from", "yesterday 16:00", "--to", "yesterday 17:00").returncode == 0
    report = json.loads(run("report", "--format", "json").stdout)
    assert {r["task"]: r["seconds"] for r in report["rows"]} == {"Invoices": 3600, "Calls": 2700, "Email": 3600}
    out = tmp_path / "all.json"
    assert run("export", "-o", str(out)).returncode == 0
    fresh = tmp_path / "fresh.db"
    done = run_offload("import", str(out), db=fresh, env=NOW)
    assert done.returncode == 0 and done.stdout.startswith("Imported 3 entries")
    again = run_offload("import", str(out), db=fresh, env=NOW)
    assert again.stdout.startswith("Imported 0 entries") and "3 entries already there" in again.stdout


def test_errors_in_a_subprocess_are_one_line(tmp_path):
    folder = tmp_path / "a-folder.db"
    folder.mkdir()
    done = run_offload("status", db=folder, env=NOW)
    assert done.returncode == 2 and str(folder) in done.stderr
    assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1
    done = run_offload("stop", db=tmp_path / "x.db", env=NOW)
    assert (done.returncode, done.stderr) == (2, "offload: Nothing is running.\n")
    done = run_offload("start", "A", "--at", "half past nine", db=tmp_path / "x.db", env=NOW)
    assert done.returncode == 2 and "Try e.g. 9:30" in done.stderr and done.stderr.count("\n") == 1
