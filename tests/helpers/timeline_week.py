"""A hand-made week for the timeline's tests, in Europe/London, Mon 19 to Sun 25 Oct 2026.

Sunday 25 Oct is 25 hours long (clocks go back at 02:00 BST to 01:00 GMT); Tuesday's last
entry runs past midnight into Wednesday, Saturday's into Sunday. Customer emails are
highlighted, Invoices are disliked support work (a candidate), Client design is core work.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from offload.store.rows import EntryRow, TaskRow

ZONE = "Europe/London"
MONDAY = date(2026, 10, 19)
DAYS = [MONDAY + timedelta(days=i) for i in range(7)]
LONDON = ZoneInfo(ZONE)

DESIGN, EMAILS, INVOICES, PLANNING = 1, 2, 3, 4
TASKS = {
    DESIGN: TaskRow(DESIGN, "Client design", kind="core"),
    EMAILS: TaskRow(EMAILS, "Customer emails", highlighted=True, kind="support"),
    INVOICES: TaskRow(INVOICES, "Invoices", feeling="dislike", kind="support"),
    PLANNING: TaskRow(PLANNING, "Planning"),
}


def local(text: str, fold: int = 0) -> int:
    """An instant from London wall-clock time; `fold=1` the second of a doubled hour."""
    return int(datetime.fromisoformat(text).replace(tzinfo=LONDON, fold=fold).timestamp())


def utc(text: str) -> int:
    return int(datetime.fromisoformat(text).replace(tzinfo=timezone.utc).timestamp())


# (id, task, start, end, note)
ENTRIES_SPEC = [
    # Monday: core work broken up twice by emails; the longest stretch 14:00-17:00.
    (11, DESIGN, local("2026-10-19 09:00"), local("2026-10-19 11:00"), "logo [b]round one[/b]"),
    (12, EMAILS, local("2026-10-19 11:00"), local("2026-10-19 11:20"), ""),
    (13, DESIGN, local("2026-10-19 11:20"), local("2026-10-19 12:30"), ""),
    (14, EMAILS, local("2026-10-19 13:30"), local("2026-10-19 14:00"), "[/] refunds"),
    (15, DESIGN, local("2026-10-19 14:00"), local("2026-10-19 17:00"), ""),
    # Tuesday: invoices first, a short email inside planning time, design late into Wednesday.
    (21, INVOICES, local("2026-10-20 09:00"), local("2026-10-20 10:00"), ""),
    (22, DESIGN, local("2026-10-20 10:00"), local("2026-10-20 12:00"), ""),
    (23, EMAILS, local("2026-10-20 12:00"), local("2026-10-20 12:05"), ""),
    (24, PLANNING, local("2026-10-20 12:05"), local("2026-10-20 13:00"), ""),
    (25, DESIGN, local("2026-10-20 21:30"), local("2026-10-21 01:30"), "overnight"),
    # Wednesday: a ten-minute email before the morning's design.
    (31, EMAILS, local("2026-10-21 09:00"), local("2026-10-21 09:10"), ""),
    (32, DESIGN, local("2026-10-21 09:10"), local("2026-10-21 12:00"), ""),
    # Thursday: invoices only. Friday: nothing.
    (41, INVOICES, local("2026-10-22 10:00"), local("2026-10-22 10:45"), ""),
    # Saturday night into the 25-hour Sunday.
    (61, DESIGN, local("2026-10-24 23:00"), local("2026-10-25 00:30"), ""),
    # 01:00 BST to 01:00 GMT (the first 1 o'clock hour), then 01:00 GMT to 03:00 GMT.
    (71, EMAILS, utc("2026-10-25 00:00"), utc("2026-10-25 01:00"), ""),
    (72, INVOICES, utc("2026-10-25 01:00"), utc("2026-10-25 03:00"), ""),
    (73, DESIGN, utc("2026-10-25 03:00"), utc("2026-10-25 04:00"), ""),
]


def entries() -> list[EntryRow]:
    return [EntryRow(i, task, TASKS[task].name, s, e, ZONE, note) for i, task, s, e, note in ENTRIES_SPEC]


def is_core(task_id: int) -> bool:
    return TASKS[task_id].kind == "core"


def write(service) -> dict[int, int]:
    """The week in a database (tasks with their marks); the entries' ids there, by the ids above."""
    from offload.store import entries as entry_store
    from offload.store import tasks as task_store

    ids = {}
    with service.ctx.store.write() as conn:
        for spec_id, task, start, end, note in ENTRIES_SPEC:
            task_id = task_store.get_or_create(conn, TASKS[task].name, start)
            ids[spec_id] = entry_store.insert(conn, task_id, start, end, ZONE, note)
    for task in TASKS.values():
        if task.highlighted:
            service.review.set_highlight(task.name, True)
        if task.kind:
            service.review.set_kind(task.name, task.kind)
        if task.feeling != "neutral":
            service.review.set_feeling(task.name, task.feeling)
    return ids
