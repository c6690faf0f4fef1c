"""Export then import into an empty database gives the same data, exactly: a property over
generated logs with unicode names, odd notes, several zones and entries across DST changes."""

from __future__ import annotations

import json
import tempfile
from datetime import datetime, timezone
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from offload.domain.clock import FrozenClock
from offload.domain.errors import InvalidInput
from offload.domain.names import clean_note, clean_task_name
from offload.domain.skill_sets import clean_field
from offload.domain.text import name_key
from offload.service import Offload
from offload.store import entries as entry_store
from offload.store import tasks as task_store

ZONES = ["Europe/London", "America/New_York", "Australia/Sydney", "Asia/Kolkata", "UTC"]
# Just before the clocks change in 2026: London and New York in spring and autumn, Sydney in April.
DST_EDGES = [
    datetime(2026, 3, 8, 5, 0, tzinfo=timezone.utc),   # New York forward at 07:00 UTC
    datetime(2026, 3, 29, 0, 0, tzinfo=timezone.utc),  # London forward at 01:00 UTC
    datetime(2026, 4, 4, 15, 0, tzinfo=timezone.utc),  # Sydney back at 16:00 UTC
    datetime(2026, 10, 25, 0, 0, tzinfo=timezone.utc),  # London back at 01:00 UTC
    datetime(2026, 11, 1, 5, 0, tzinfo=timezone.utc),  # New York back at 06:00 UTC
]
NOW = datetime(2026, 11, 20, 12, 0, tzinfo=timezone.utc)


def _valid(clean):
    def ok(text: str) -> bool:
        try:
            return clean(text) == text
        except InvalidInput:
            return False

    return ok


names = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Cf", "Co")), min_size=1, max_size=30
).filter(_valid(clean_task_name))
notes = st.one_of(
    st.just(""),
    st.sampled_from(["=1+1", "-call back", "+44 20", "@home", "'=quoted", "''", "a,b \"c\"", "日本語のメモ"]),
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=40).filter(_valid(clean_note)),
)
entry = st.tuples(
    st.integers(min_value=0, max_value=3 * 3600),  # gap before it
    st.integers(min_value=1, max_value=5 * 3600),  # its length
    st.sampled_from(ZONES),
    notes,
)
# What a brief field accepts: lines and tabs, no other control characters (issue 16).
texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30).filter(
    _valid(lambda text: clean_field("A field", text)))
skill_set = st.fixed_dictionaries({
    "name": names,
    "description": texts,
    "rate": st.one_of(st.none(), st.floats(min_value=0, max_value=500, allow_nan=False)),
    "inputs": texts,
    "outputs": texts,
    "quality": texts,
    "success": texts,
    "contact": texts,
})


def nocase(name: str) -> str:
    """One task, one skill set per name whatever its case, for all of Unicode."""
    return name_key(name)


@st.composite
def logs(draw):
    tasks = draw(st.lists(names, min_size=1, max_size=6, unique_by=nocase))
    edge = draw(st.sampled_from(DST_EDGES))
    planned = draw(st.lists(st.tuples(st.sampled_from(tasks), entry), max_size=12))
    running = draw(st.booleans())
    marks = draw(st.lists(
        st.tuples(st.booleans(), st.sampled_from(["neutral", "like", "dislike"]), st.sampled_from(["", "core", "support"])),
        min_size=len(tasks), max_size=len(tasks)))
    sets = draw(st.lists(skill_set, max_size=3, unique_by=lambda s: nocase(s["name"])))
    grouped = [draw(st.sampled_from([None, *range(len(sets))])) for _ in tasks]
    week_start = draw(st.sampled_from(["monday", "sunday"]))
    return tasks, edge, planned, running, marks, sets, grouped, week_start


def build(path: Path, log) -> Offload:
    tasks, edge, planned, running, marks, sets, grouped, week_start = log
    svc = Offload.open(path, FrozenClock(NOW, "Europe/London"))
    at = int(edge.timestamp()) - 4 * 3600
    with svc.ctx.store.write() as conn:
        set_ids = []
        for s in sets:
            cur = conn.execute(
                "INSERT INTO skill_sets (name, description, rate, inputs, outputs, quality, success, contact, "
                "created_utc) VALUES (:name, :description, :rate, :inputs, :outputs, :quality, :success, :contact, 7)",
                s,
            )
            set_ids.append(cur.lastrowid)
        for i, (name, (hl, feeling, kind), group) in enumerate(zip(tasks, marks, grouped)):
            tid = task_store.get_or_create(conn, name, 1_000_000 + i)
            conn.execute(
                "UPDATE tasks SET highlighted = ?, feeling = ?, kind = ?, skill_set_id = ? WHERE id = ?",
                (int(hl), feeling, kind, set_ids[group] if group is not None else None, tid),
            )
        for k, (name, (gap, length, zone, note)) in enumerate(planned):
            at += gap
            last = k == len(planned) - 1
            end = None if (running and last) else at + length
            entry_store.insert(conn, task_store.find(conn, name).id, at, end, zone, note)
            at += length
        conn.execute("INSERT INTO settings (key, value) VALUES ('week_start', ?)", (week_start,))
    return svc


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(log=logs())
def test_json_round_trip_is_exact(log):
    with tempfile.TemporaryDirectory() as folder:
        original = build(Path(folder) / "a.db", log)
        exported = original.interop.export_data()
        copy = Offload.open(Path(folder) / "b.db", FrozenClock(NOW, "Europe/London"))
        result = copy.interop.import_text(json.dumps(exported), "a.json")
        assert len(result.added) == len(exported["entries"])
        assert copy.interop.export_data() == exported
        # The same totals, week by week, in the Review's own aggregation.
        for svc in (original, copy):
            svc.review_week = svc.review.week(svc.review.week_holding(log[1].date()))
        assert [(t.name, t.day_seconds) for t in original.review_week.tasks] == [
            (t.name, t.day_seconds) for t in copy.review_week.tasks]
        again = copy.interop.import_text(json.dumps(exported), "a.json")
        assert (again.added, again.overlaps, again.new_tasks) == ([], [], [])
        original.close()
        copy.close()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(log=logs())
def test_csv_round_trip_keeps_every_entry(log):
    with tempfile.TemporaryDirectory() as folder:
        original = build(Path(folder) / "a.db", log)
        text = original.interop.export_csv()
        copy = Offload.open(Path(folder) / "b.db", FrozenClock(NOW, "Europe/London"))
        copy.interop.import_text(text, "a.csv")
        assert copy.interop.export_csv() == text
        strip = [{k: e[k] for k in ("task", "start", "end", "tz", "note")} for e in original.interop.export_data()["entries"]]
        assert [{k: e[k] for k in ("task", "start", "end", "tz", "note")}
                for e in copy.interop.export_data()["entries"]] == strip
        original.close()
        copy.close()


def test_export_covers_every_column_of_every_table(service):
    """A new table or column that the export leaves out would break the exact round trip:
    this fails first, naming it."""
    covered = {
        "tasks": {"id", "name", "created_utc", "highlighted", "feeling", "kind", "skill_set_id", "frequency"},
        "entries": {"id", "task_id", "start_utc", "end_utc", "tz", "note"},
        "skill_sets": {"id", "name", "description", "rate", "inputs", "outputs", "quality", "quantity", "speed",
                       "success", "data_rules", "contact", "created_utc"},
        "settings": {"key", "value"},
        "handovers": {"skill_set_id", "since", "amount", "per", "hours", "created_utc"},
    }
    conn = service.ctx.store.conn
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
              if not r[0].startswith("sqlite_")}
    assert tables == set(covered), "a table the export does not carry"
    for table, columns in covered.items():
        have = {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
        assert have == columns, f"{table}: columns the export does not carry: {have - columns}"
