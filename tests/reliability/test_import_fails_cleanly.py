"""Import and reading commands fail cleanly (issue 16): every bad file is a bad row with an
honest reason, a mistyped --db creates nothing, and a crash exits non-zero saying where
its details are."""

from __future__ import annotations

import json

import pytest

from offload.domain.importers import BadRows
from tests.helpers.commands import run_offload
from tests.helpers.db import snapshot


def refused(service, text: str, name: str) -> list[str]:
    with pytest.raises(BadRows) as caught:
        service.interop.import_text(text, name)
    return [str(p) for p in caught.value.problems]


@pytest.mark.parametrize("name", ["deep.json", "frames"])
def test_json_nested_a_hundred_thousand_deep_is_a_bad_row(service, db_path, name):
    before = snapshot(db_path)
    problems = refused(service, "[" * 100_000 + "]" * 100_000, name)
    assert len(problems) == 1 and "nested too deeply" in problems[0]
    assert snapshot(db_path) == before


def test_deep_nesting_through_the_command_is_a_message_not_a_traceback(tmp_path, db_path):
    deep = tmp_path / "deep.json"
    deep.write_text('{"entries": ' + "[" * 100_000 + "]" * 100_000 + "}")
    done = run_offload("import", str(deep), db=db_path)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and "nested too deeply" in done.stderr


@pytest.mark.parametrize("value", ["false", "true", 0, 1, None])
def test_highlighted_must_be_true_or_false(service, db_path, value):
    text = json.dumps({"offload": 1, "entries": [], "tasks": [{"name": "Invoices", "highlighted": value}]})
    before = snapshot(db_path)
    assert refused(service, text, "tasks.json") == [
        f'task 1: "highlighted" must be true or false (no quotes), not {json.dumps(value)}']
    assert snapshot(db_path) == before


def test_highlighted_false_imports_unhighlighted(service):
    text = json.dumps({"offload": 1, "entries": [{"task": "Invoices", "start": "2026-11-16T09:00:00Z",
                                                   "end": "2026-11-16T10:00:00Z"}],
                       "tasks": [{"name": "Invoices", "highlighted": False}]})
    service.interop.import_text(text, "tasks.json")
    assert not service.review.week(service.review.week_holding(__import__("datetime").date(2026, 11, 16))) \
        .task("Invoices").highlighted


def test_an_unterminated_csv_quote_is_named_as_such(service, db_path):
    text = 'task,start,end,note\nWork,"2026-11-20T09:00:00+00:00,2026-11-20T10:00:00+00:00,x\n'
    before = snapshot(db_path)
    assert refused(service, text, "entries.csv") == ['line 2: a quote (") opens a cell that is never closed']
    assert snapshot(db_path) == before


def test_an_unterminated_quote_in_a_toggl_file_is_named_too(service):
    header = "User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration"
    text = header + '\nMe,me@x,,Site,,"Fix,No,2026-11-16,09:00:00,2026-11-16,10:00:00,01:00:00\n'
    problems = refused(service, text, "toggl.csv")
    assert problems == ['line 2: a quote (") opens a cell that is never closed']


def test_unknown_settings_in_an_import_are_bad_rows(service, db_path):
    text = json.dumps({"offload": 1, "entries": [], "settings": {"currency": "GBP", "colour": "red"}})
    before = snapshot(db_path)
    problems = refused(service, text, "settings.json")
    assert len(problems) == 1 and problems[0].startswith("setting 'colour': there is no such setting")
    assert snapshot(db_path) == before


READING = [["status"], ["log"], ["report"], ["export"], ["export", "--format", "csv"], ["brief"], ["config"],
           ["config", "theme"], ["compare"], ["handover"], ["handover", "Books"],
           ["handover", "Books", "--since", "mon", "--cost", "400/month"], ["plan"], ["doctor"], ["backup"]]


@pytest.fixture
def offload_cli(monkeypatch, capsys, tmp_path):
    """`offload ARGS...` in-process, on a machine whose data folder is under tmp_path."""
    from offload.cli import main

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("OFFLOAD_DB", raising=False)
    monkeypatch.setenv("OFFLOAD_TZ", "Europe/London")
    monkeypatch.setenv("OFFLOAD_NOW", "2026-11-20T10:00:00Z")

    def run(*args: str):
        code = main(list(args))
        out = capsys.readouterr()
        return code, out.out, out.err

    return run


@pytest.mark.parametrize("args", READING)
def test_a_reading_command_on_a_mistyped_db_creates_nothing(offload_cli, tmp_path, monkeypatch, args):
    typo = tmp_path / "typo" / "offlaod.db"
    code, out, err = offload_cli("--db", str(typo), *args)
    assert code == 2 and out == ""
    assert err == f"offload: There is no Offload database at {typo} (check --db or OFFLOAD_DB); nothing was created.\n"
    monkeypatch.setenv("OFFLOAD_DB", str(typo))
    assert offload_cli(*args)[0] == 2
    assert not (tmp_path / "typo").exists()


def test_a_dry_run_import_on_a_mistyped_db_creates_nothing(offload_cli, tmp_path):
    """A dry run changes nothing: not even by making the database it would import into."""
    typo = tmp_path / "typo" / "offlaod.db"
    source = tmp_path / "week.csv"
    source.write_text("task,start,end\nInvoices,2026-11-16T09:00:00Z,2026-11-16T09:30:00Z\n")
    code, out, err = offload_cli("--db", str(typo), "import", "--dry-run", str(source))
    assert code == 2 and out == ""
    assert "There is no Offload database at" in err
    assert not (tmp_path / "typo").exists()


@pytest.mark.parametrize("args, code", [(["status"], 1), (["log"], 0), (["report"], 0), (["export"], 1),
                                        (["brief"], 1), (["compare"], 1), (["handover"], 0)])
def test_a_reading_command_on_a_new_machine_says_nothing_was_logged(offload_cli, tmp_path, args, code):
    done, out, err = offload_cli(*args)
    assert done == code
    assert "Nothing has been logged yet" in out + err and "Traceback" not in err
    if args[0] in ("export", "brief", "compare"):
        assert out == ""  # their standard output is data
    assert not (tmp_path / "data").exists() and not (tmp_path / "home").exists()


def test_config_on_a_new_machine_shows_the_defaults_and_creates_nothing(offload_cli, tmp_path):
    assert offload_cli("config", "currency") == (0, "EUR\n", "")
    assert not (tmp_path / "data").exists()
    assert offload_cli("status", "--format", "{task}") == (1, "", "")


def test_a_crash_in_the_app_exits_non_zero_and_says_where_the_details_are(monkeypatch, capsys, tmp_path):
    import functools
    import stat

    from offload.cli import main
    from offload.tui.app import OffloadApp

    def crash(self):
        raise RuntimeError("boom from a test")

    monkeypatch.setattr(OffloadApp, "on_mount", crash)
    monkeypatch.setattr(OffloadApp, "run", functools.partialmethod(OffloadApp.run, headless=True, size=(80, 24)))
    monkeypatch.setenv("OFFLOAD_NOW", "2026-11-20T10:00:00Z")
    code = main(["--db", str(tmp_path / "offload.db")])
    err = capsys.readouterr().err
    assert code == 1
    [details] = list(tmp_path.glob("offload-crash-*.txt"))
    assert f"the details are in {details}" in err
    assert "RuntimeError: boom from a test" in details.read_text()
    assert stat.S_IMODE(details.stat().st_mode) == 0o600
