"""Bad input: hypothesis on the time parser and on every service entry point that takes user text.

No unexpected exception; every refusal is an OffloadError with a message; a refusal changes nothing.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from offload.domain.clock import FrozenClock
from offload.domain.errors import InvalidInput, OffloadError
from offload.domain.settings import SETTINGS
from offload.domain.timeparse import parse_date, parse_time
from offload.service import Offload
from tests.helpers.db import snapshot

from ._support import scaled

NOW = datetime(2026, 11, 20, 10, 0, tzinfo=timezone.utc)
ZONES = ["Europe/London", "America/New_York", "Australia/Sydney", "Pacific/Kiritimati", "Etc/GMT+12", "UTC"]

TIME_TOKENS = [
    "9", "09", "23", "24", "99", "0", ":", ".", "30", "59", "60", "-", "h", "m", "min", " ", "  ", "T",
    "now", "today", "yesterday", "mon", "sunday", "thu", "2026-", "11-", "20", "02-29", "2028-", "1969-",
    "0000-", "9999-", "12-31", "99999999999", "-99999999999m", "-1h30m", "٣", "１", "\t", "\n", "\x00", "\udcff",
    "e", "+", "1e9", "½",
]
NASTY = [
    "", " ", "\t\n", "x" * 10_000, "a\x00b", "\x1b[31mred", "\u202eevil", "\udcff", "\ud800", "فواتير العملاء",
    "חשבוניות", "📦 Shipping", "👩‍👩‍👧", "[bold]x[/bold]", "[/]", "[link=https://x]y[/link]", "$(rm -rf ~)",
    "=HYPERLINK(\"x\")", "\u200b", "\ufeffBOM", "Ǆ", "İ", "ß", "\u0301", "NULL", "None", "0", "-1", "'; DROP TABLE tasks; --",
]

any_text = st.one_of(
    st.text(max_size=60),
    st.text(st.characters(exclude_categories=()), max_size=30),  # surrogates too: argv can carry them
    st.sampled_from(NASTY),
)
time_text = st.one_of(st.lists(st.sampled_from(TIME_TOKENS), max_size=6).map("".join), any_text)
maybe = lambda s: st.one_of(st.none(), s)  # noqa: E731

EXAMPLES = scaled(100, 3000)
FAST = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                               HealthCheck.too_slow])


@settings(max_examples=scaled(1500, 30000), deadline=None)
@given(text=time_text, zone=st.sampled_from(ZONES))
def test_parse_time_reads_or_refuses_with_a_message(text: str, zone: str) -> None:
    try:
        found = parse_time(text, NOW, zone)
    except InvalidInput as refused:
        assert refused.message.strip()
        return
    assert found.tzinfo is not None and found.utcoffset().total_seconds() == 0
    assert found.year >= 1970 or text.strip().startswith("-")


@settings(max_examples=scaled(500, 10000), deadline=None)
@given(text=time_text)
def test_parse_date_reads_or_refuses_with_a_message(text: str) -> None:
    try:
        parse_date(text, date(2026, 11, 20))
    except InvalidInput as refused:
        assert refused.message.strip()


@pytest.fixture
def svc(tmp_path: Path):
    service = Offload.open(tmp_path / "offload.db", FrozenClock(NOW, "Europe/London"))
    service.log.add("Invoices", "8:00", "8:30")
    service.log.add("Calls", "8:30", "9:00")
    service.log.start("Email", at="9:00")
    service.grouping.create("Bookkeeping")
    service.review.toggle_highlight("Invoices")
    yield service
    service.close()


def _attempt(svc: Offload, call) -> None:
    """The call either works or is refused with a message, and a refusal changed nothing."""
    before = snapshot(svc.path)
    try:
        call()
    except OffloadError as refused:
        assert refused.message.strip(), repr(refused)
        assert snapshot(svc.path) == before, refused.message


@FAST
@given(name=any_text, at=maybe(time_text), note=maybe(any_text))
def test_start(svc, name, at, note) -> None:
    _attempt(svc, lambda: svc.log.start(name, at=at, note=note))


@FAST
@given(at=maybe(time_text))
def test_stop(svc, at) -> None:
    _attempt(svc, lambda: svc.log.stop(at=at))


@FAST
@given(name=any_text, start=time_text, end=time_text, note=maybe(any_text))
def test_add(svc, name, start, end, note) -> None:
    _attempt(svc, lambda: svc.log.add(name, start, end, note=note))


@FAST
@given(entry_id=st.integers(-2, 6), name=maybe(any_text), start=maybe(time_text), end=maybe(time_text),
       note=maybe(any_text))
def test_edit(svc, entry_id, name, start, end, note) -> None:
    _attempt(svc, lambda: svc.log.edit(entry_id, name=name, start=start, end=end, note=note))


@FAST
@given(old=st.one_of(st.sampled_from(["Invoices", "calls", "EMAIL"]), any_text), new=any_text)
def test_rename_task(svc, old, new) -> None:
    _attempt(svc, lambda: svc.tasks.rename(old, new))


@FAST
@given(key=st.one_of(st.sampled_from(list(SETTINGS) + ["week-start", " Currency "]), any_text),
       value=st.one_of(st.sampled_from(["sunday", "mon", "4", "0", "nan", "inf", "1e400", "-1", "£"]), any_text))
def test_settings_set(svc, key, value) -> None:
    _attempt(svc, lambda: svc.settings.set(key, value))


@FAST
@given(name=st.one_of(st.sampled_from(["Invoices", "calls"]), any_text),
       feeling=st.one_of(st.sampled_from(["like", "dislike", "neutral"]), any_text),
       kind=st.one_of(st.sampled_from(["core", "support", ""]), any_text))
def test_review_marks(svc, name, feeling, kind) -> None:
    _attempt(svc, lambda: svc.review.toggle_highlight(name))
    _attempt(svc, lambda: svc.review.set_feeling(name, feeling))
    _attempt(svc, lambda: svc.review.set_kind(name, kind))


@FAST
@given(name=any_text, other=st.one_of(st.sampled_from(["Bookkeeping", "Invoices"]), any_text), text=any_text,
       rate=st.one_of(st.sampled_from(["45", "-3", "nan", "inf", "1e400", "€40", ""]), any_text))
def test_grouping(svc, name, other, text, rate) -> None:
    _attempt(svc, lambda: svc.grouping.create(name, text))
    _attempt(svc, lambda: svc.grouping.rename(other, name))
    _attempt(svc, lambda: svc.grouping.update(other, description=text, rate=rate, inputs=text))
    _attempt(svc, lambda: svc.grouping.assign(other, name, create=True))


@FAST
@given(text=st.one_of(any_text, st.sampled_from(["task,start,end\nX,2026-11-20T09:00:00+00:00,nope\n", "{}", "[]",
                                                 '{"entries": [{"task": "", "start": 1}]}', "null"])),
       fmt=st.sampled_from([None, "csv", "offload-json", "watson", "timewarrior", "toggl"]))
def test_import(svc, text, fmt) -> None:
    _attempt(svc, lambda: svc.interop.import_text(text, "typed", fmt=fmt))


@pytest.mark.parametrize("args", [["export", "-o", "all.json"], ["--db", "offload.db", "status"]])
def test_a_relative_path_from_a_removed_folder_is_a_message(tmp_path: Path, monkeypatch, capsys, args) -> None:
    """The shell's folder was removed under it: a relative path cannot be read (was a traceback)."""
    from offload import cli

    db = tmp_path / "offload.db"
    monkeypatch.setenv("OFFLOAD_DB", str(db))
    assert cli.main(["add", "Invoices", "--from", "-2h", "--to", "-1h"]) == 0
    gone = tmp_path / "gone"
    gone.mkdir()
    monkeypatch.chdir(gone)
    gone.rmdir()
    capsys.readouterr()
    assert cli.main(args) == 2
    err = capsys.readouterr().err
    assert err.startswith("offload: ") and "folder" in err and err.count("\n") == 1, err
