"""Realistic logs for the benchmark: years of a small business owner's working days.

About 30 entries a working day between 8:00 and 18:30, task names reused as people do
(a few daily chores, clients that come and go, occasional one-offs), some notes, a
few weeks abroad in another zone, some tasks highlighted, marked and grouped into
skill sets. Written straight through store/ in one transaction, so 100,000 entries
take seconds. The same log can be written in Watson's and Timewarrior's formats.

History ends the day before yesterday (local): yesterday and today stay free for the
entries the benchmark adds, starts and stops.
"""

from __future__ import annotations

import json
import random
import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

GENERATOR_VERSION = 2
HOME_ZONE = "Europe/London"
AWAY_ZONE = "America/New_York"
PER_DAY = 30

CHORES = [
    "Email", "Invoices", "Bookkeeping", "Bank reconciliation", "Social media", "Newsletter",
    "Ordering stock", "Phone calls", "Planning", "Team check-in", "Website updates",
    "Customer support", "Quotes", "Payroll", "VAT return", "Filing", "Scheduling",
    "Supplier calls", "Product photos", "Blog post", "Shipping", "Returns", "Inventory count",
]
CLIENT_WORK = ["Call", "Proposal", "Design", "Delivery", "Meeting", "Follow-up", "Revisions"]
CLIENTS = [
    "Acme", "Baker & Sons", "Northwind", "Globex", "Initech", "Umbrella", "Hooli", "Stark",
    "Wayne", "Tyrell", "Soylent", "Cyberdyne", "Oscorp", "Vandelay", "Pied Piper", "Wonka",
    "Aperture", "Monarch", "Gringotts", "Dunder Mifflin", "Prestige", "Sterling", "Bluth", "Kramerica",
]
ONE_OFFS = ["Tax advisor", "Office move", "New laptop setup", "Trade fair", "Insurance renewal",
            "Hiring interviews", "Workshop prep", "Price list update", "Photo shoot", "Grant application"]
NOTES = ["waiting on reply", "second round", "urgent", "for next week", "done", "half done",
         "call back Tuesday", "see shared folder", "[draft]", "ask about rates"]
SKILL_SETS = [
    ("Bookkeeping", "Keeping the books straight every month", 45.0),
    ("Social media", "Posts, replies and the newsletter", 35.0),
    ("Customer support", "Answering customers and handling returns", 30.0),
    ("Admin", "Scheduling, filing, ordering", 28.0),
]


@dataclass
class Log:
    """The generated history: tasks by name and entries (task, start, end, tz, note)."""

    tasks: list[str]
    entries: list[tuple[int, int, int, str, str]]  # task index, start, end, tz, note
    first_used: list[int]


def history_end(zone: str = HOME_ZONE, now: datetime | None = None) -> date:
    """The last day with entries: the day before yesterday, local."""
    now = now or datetime.now(timezone.utc)
    return now.astimezone(ZoneInfo(zone)).date() - timedelta(days=2)


def make_log(n: int, end_day: date, seed: int = 8) -> Log:
    """The last `n` entries of a history of working days ending on `end_day`."""
    rng = random.Random(seed + n)
    days_needed = n // (PER_DAY - 5) + 5  # enough days even on light ones; trimmed to n below
    # Walk back over working days (skipping weekends and a few holidays) to find the first.
    days: list[date] = []
    d = end_day
    while len(days) < days_needed:
        if d.weekday() < 5 and rng.random() > 0.04:
            days.append(d)
        d -= timedelta(days=1)
    days.reverse()

    active_clients = rng.sample(CLIENTS, 5)
    raw: list[tuple[str, int, int, str, str]] = []
    away_until: date | None = None
    for day in days:
        # Clients come and go every few weeks; now and then a week is spent abroad.
        if rng.random() < 0.05:
            active_clients[rng.randrange(len(active_clients))] = rng.choice(CLIENTS)
        if away_until is None and rng.random() < 0.01:
            away_until = day + timedelta(days=7)
        zone = AWAY_ZONE if away_until and day < away_until else HOME_ZONE
        if away_until and day >= away_until:
            away_until = None
        t = datetime(day.year, day.month, day.day, 8, rng.randrange(0, 30), tzinfo=ZoneInfo(zone))
        t_epoch = int(t.timestamp())
        for _ in range(PER_DAY + rng.randrange(-4, 5)):
            r = rng.random()
            if r < 0.55:
                name = CHORES[min(int(rng.expovariate(0.25)), len(CHORES) - 1)]
            elif r < 0.97:
                name = f"{rng.choice(active_clients)}: {rng.choice(CLIENT_WORK)}"
            else:
                name = f"{rng.choice(ONE_OFFS)} {day.year}"
            length = rng.choice([5, 10, 10, 15, 15, 20, 20, 25, 30, 45]) * 60 + rng.randrange(0, 60)
            note = rng.choice(NOTES) if rng.random() < 0.1 else ""
            raw.append((name, t_epoch, t_epoch + length, zone, note))
            t_epoch += length + rng.choice([0, 0, 0, 60, 120, 300])
    raw = raw[-n:]

    names: list[str] = []
    index: dict[str, int] = {}
    first_used: list[int] = []
    entries: list[tuple[int, int, int, str, str]] = []
    for name, start, end, zone, note in raw:
        i = index.get(name)
        if i is None:
            i = index[name] = len(names)
            names.append(name)
            first_used.append(start)
        entries.append((i, start, end, zone, note))
    return Log(names, entries, first_used)


def write_offload(path: Path, log: Log, seed: int = 8) -> None:
    """Bulk insert through store/: schema by the real migrations, rows in one transaction."""
    from offload.store.db import open_store

    rng = random.Random(seed)
    store = open_store(path)
    conn = store.conn
    conn.execute("PRAGMA synchronous = OFF")
    with store.write() as c:
        now = int(datetime.now(timezone.utc).timestamp())
        c.executemany(
            "INSERT INTO skill_sets (name, description, rate, created_utc) VALUES (?, ?, ?, ?)",
            [(name, desc, rate, now) for name, desc, rate in SKILL_SETS],
        )
        rows = []
        for i, name in enumerate(log.tasks):
            highlighted = 1 if rng.random() < 0.15 else 0
            skill_set = rng.randrange(1, len(SKILL_SETS) + 1) if highlighted and rng.random() < 0.7 else None
            feeling = rng.choice(["neutral", "neutral", "like", "dislike"])
            kind = rng.choice(["", "core", "support"])
            rows.append((i + 1, name, log.first_used[i], highlighted, feeling, kind, skill_set))
        c.executemany(
            "INSERT INTO tasks (id, name, created_utc, highlighted, feeling, kind, skill_set_id)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        c.executemany(
            "INSERT INTO entries (task_id, start_utc, end_utc, tz, note) VALUES (?, ?, ?, ?, ?)",
            [(t + 1, s, e, tz, note) for t, s, e, tz, note in log.entries],
        )
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()


def write_watson(folder: Path, log: Log) -> None:
    """Watson's `frames` file: [start, stop, project, id, tags, updated_at] per entry."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(1)
    frames = [
        [s, e, log.tasks[t], uuid.UUID(int=rng.getrandbits(128)).hex, [], e]
        for t, s, e, _tz, _note in log.entries
    ]
    (folder / "frames").write_text(json.dumps(frames, indent=1))
    (folder / "state").write_text("{}")
    (folder / "config").write_text("[options]\nconfirm_new_project = false\nconfirm_new_tag = false\n")


def _tw(epoch: int) -> str:
    return datetime.fromtimestamp(epoch, timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def _tag(name: str) -> str:
    """As Timewarrior writes a tag: bare when it is one word, else quoted."""
    if any(ch.isspace() or ch in "\"'#" for ch in name):
        return json.dumps(name, ensure_ascii=False)
    return name


def write_timewarrior(folder: Path, log: Log) -> None:
    """Timewarrior's monthly data files: `inc START - END # "tag"` lines, and tags.data."""
    data = folder / "data"
    data.mkdir(parents=True, exist_ok=True)
    (folder / "timewarrior.cfg").write_text("verbose = off\n")
    months: dict[str, list[str]] = {}
    counts: dict[str, int] = {}
    for t, s, e, _tz, _note in log.entries:
        name = log.tasks[t]
        tag = _tag(name)
        months.setdefault(datetime.fromtimestamp(s, timezone.utc).strftime("%Y-%m"), []).append(
            f"inc {_tw(s)} - {_tw(e)} # {tag}\n"
        )
        counts[name] = counts.get(name, 0) + 1
    for month, lines in months.items():
        (data / f"{month}.data").write_text("".join(lines))
    (data / "tags.data").write_text(json.dumps({k: {"count": v} for k, v in counts.items()}, indent=1))
