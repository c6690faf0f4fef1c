"""Sentences the app shows about the data (not the data itself): kept in tui/, once each."""

from __future__ import annotations

from offload.domain.format import duration, local_time, percent


def summary(report) -> str:
    """`Highlighted 12h 30m of 41h 10m logged (30%)`: the Review's one-line answer."""
    logged, marked = report.total_seconds, report.highlighted_seconds
    return f"Highlighted {duration(marked)} of {duration(logged)} logged ({percent(marked, logged)})"


def freed(report) -> str:
    """What handing the highlighted tasks over would give back, a week."""
    marked = report.highlighted_seconds
    if not marked:
        return "Space highlights a task to hand over."
    return f"Handing that over frees about {duration(marked)} a week."


def started(entry) -> str:
    return f"Started {entry.task}"


def stopped(entry) -> str:
    return f"Stopped {entry.task} after {duration(entry.end_utc - entry.start_utc)}"


def resumed(entry) -> str:
    return f"Resumed {entry.task}"


def deleted(entry, zone: str) -> str:
    return f"Deleted {entry.task} {local_time(entry.start_utc, zone)}. u undoes."


def put_back(entry) -> str:
    return f"Put back {entry.task}"
