"""Failures the stateful test (test_stateful.py) found, each shrunk to a plain test."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest

from offload.domain.clock import FrozenClock
from offload.domain.errors import Conflict
from offload.service import Offload

NOW = datetime(2026, 11, 20, 10, 0, tzinfo=timezone.utc)


def test_import_of_a_running_entry_is_refused_while_another_runs_ahead_of_a_clock_that_went_back(
    tmp_path: Path,
) -> None:
    clock = FrozenClock(NOW, "Europe/London")
    service = Offload.open(tmp_path / "offload.db", clock)
    service.log.start("Invoices")
    clock.advance(-120)  # the clock went back two minutes: 'Invoices' now starts in the future
    text = json.dumps({"offload": 1, "entries": [{"task": "Email", "start": "2026-11-20T09:57:00Z", "end": None}]})

    result = service.interop.import_text(text, "timer.json")

    assert result.added == [] and len(result.overlaps) == 1
    assert "'Invoices'" in result.overlaps[0].other  # the entry it would run beside
    running = service.log.running()
    assert running is not None and running.task == "Invoices"


def test_undo_does_not_put_an_entry_after_the_running_one_when_the_clock_went_back(tmp_path: Path) -> None:
    clock = FrozenClock(NOW, "Europe/London")
    service = Offload.open(tmp_path / "offload.db", clock)
    gone = service.log.delete(service.log.add("Email", "-30m", "-20m").id)
    clock.advance(minutes=-60)  # the clock went back an hour: the deleted entry is ahead of it
    service.log.start("Invoices")

    with pytest.raises(Conflict, match="'Invoices'"):
        service.log.undo_delete(gone)  # it would lie inside 'Invoices', which has not ended

    running = service.log.running()
    assert running is not None and running.task == "Invoices"
    assert [e.entry.task for e in service.report.entries(NOW.date(), NOW.date())] == ["Invoices"]
