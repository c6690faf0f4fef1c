"""The export's fast path (entry lines made by SQLite) writes what the plain path means."""

from __future__ import annotations

import json

from offload.domain.importers.common import epoch_iso


def test_export_json_reads_back_as_export_data(service, clock):
    service.log.add("Invoices", "2026-11-19 09:00", "2026-11-19 10:00", note='say "hi" — über\nline two')
    service.log.add("Café [bold]", "2026-11-19 10:00", "2026-11-19 10:30")
    service.log.start("Email", at="9:30")  # running: no end
    service.review.toggle_highlight("Invoices")
    text = service.interop.export_json()
    assert json.loads(text) == service.interop.export_data()
    entries = json.loads(text)["entries"]
    assert [e["end"] for e in entries][-1] is None
    assert "über" in text  # written as itself, not escaped


def test_export_json_of_an_empty_log(service):
    assert json.loads(service.interop.export_json())["entries"] == []


def test_epoch_iso_by_arithmetic_matches_strftime():
    from datetime import datetime, timezone

    for epoch in (0, -1, 59, 86399, 86400, 951782400, 1794482425, 4102444800):
        assert epoch_iso(epoch) == datetime.fromtimestamp(epoch, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
