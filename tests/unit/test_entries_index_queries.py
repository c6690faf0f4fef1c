"""The start-index queries for a span give what a scan of every entry gives (no overlaps in the log)."""

from __future__ import annotations

import random

from offload.store import entries as entry_store
from offload.store import tasks as task_store


def test_between_and_overlapping_agree_with_a_full_scan(service):
    conn = service.ctx.store.conn
    rng = random.Random(3)
    task = task_store.get_or_create(conn, "Work", 0)
    t, spans = 1_000_000, []
    for _ in range(300):
        t += rng.choice([0, 0, 60, 600, 86_400])
        length = rng.randrange(1, 7200)
        spans.append((t, t + length))
        t += length
    spans[-1] = (spans[-1][0], None)  # the last one runs
    for s, e in spans:
        entry_store.insert(conn, task, s, e, "UTC")
    now = t + 500
    everything = entry_store.between(conn, 0, 10**10, now)
    assert len(everything) == len(spans)
    ids = [e.id for e in everything]
    for _ in range(400):
        lo = rng.randrange(999_000, now + 1000)
        hi = lo + rng.choice([1, 60, 3600, 86_400, 10**6])
        want = [e for e in everything if e.start_utc < hi and (e.end_utc if e.end_utc is not None else now) > lo]
        assert entry_store.between(conn, lo, hi, now) == want
        ignore = rng.choice([None, *ids])

        def reaches(e):
            end = e.end_utc if e.end_utc is not None else max(now, e.start_utc + 1)
            return e.start_utc < hi and end > lo and e.id != ignore

        first = next((e for e in everything if reaches(e)), None)
        assert entry_store.overlapping(conn, lo, hi, now, ignore_id=ignore) == first
