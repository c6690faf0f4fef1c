"""Failures the stateful test (test_stateful.py) found, each shrunk to a plain test."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

from offload.domain.clock import FrozenClock
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
