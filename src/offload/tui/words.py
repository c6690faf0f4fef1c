"""Sentences the app shows about the data (not the data itself): kept in tui/, once each."""

from __future__ import annotations

from datetime import date, timedelta

from offload.domain.format import duration, local_time, percent


def summary(report) -> str:
    """`Highlighted 12h 30m of 41h 10m logged (30%)`: the Review's one-line answer; over several
    weeks, a week's average (`... of 20h 35m a week (30%)`)."""
    logged, marked = report.total_seconds, report.highlighted_seconds
    weeks = report.weeks
    if weeks == 1:
        return f"Highlighted {duration(marked)} of {duration(logged)} logged ({percent(marked, logged)})"
    return (f"Highlighted {duration(marked / weeks)} of {duration(logged / weeks)} a week "
            f"({percent(marked, logged)})")


def freed(report) -> str:
    """What handing the highlighted tasks over would give back, a week (the period's average)."""
    marked = report.highlighted_seconds
    if not marked:
        return "Space highlights a task to hand over."
    return f"Handing that over frees about {duration(marked / report.weeks)} a week."


def period_note(period, this_week) -> str:
    """Beside the audit period's title: how it is counted, where it lies, the keys that change it.
    `audit period · last week · t: this week · + adds a week`."""
    gap = (this_week.start - period.last_week_start).days // 7
    if period.weeks == 1:
        when = ("this week" if gap == 0 else "last week" if gap == 1 else
                f"{gap} weeks ago" if gap > 1 else "next week")
        keys = "+ adds a week" if gap == 0 else "t: this week · + adds a week"
        return f"audit period · {when} · {keys}"
    ends = ("to this week" if gap == 0 else "to last week" if gap == 1 else f"to {gap} weeks ago")
    keys = "+ -" if gap == 0 else "t, + -"
    return f"audit period · averages a week · {ends} · {keys}"


def empty_period(period, this_week, before_seconds: int) -> str:
    """What the Review says for a period with nothing logged, pointing to the one before when it has time."""
    this = period.last_week_start == this_week.start
    if period.weeks == 1:
        nothing = "nothing logged this week" if this else "nothing was logged in this week"
        before = "last week" if this else "the week before"
    else:
        nothing = f"nothing logged in these {period.weeks} weeks"
        before = f"the {period.weeks} weeks before"
    if before_seconds > 0:
        return f"{nothing[:1].upper()}{nothing[1:]} — ← shows {before} ({duration(before_seconds)})."
    if this and period.weeks == 1:
        return ("Nothing logged this week yet. Press 1 to go to the Log, type what you are doing and "
                "press Enter; come back with 2 to review the week.")
    return (f"{nothing[:1].upper()}{nothing[1:]}. ← and → move the audit period, t brings it to this "
            "week, 1 goes to the Log.")


def started(entry) -> str:
    return f"Started {entry.task}"


def stopped(entry) -> str:
    return f"Stopped {entry.task} after {duration(entry.end_utc - entry.start_utc)}"


def resumed(entry) -> str:
    return f"Resumed {entry.task}"


def deleted(entry, zone: str) -> str:
    # With its day: the Log may show another day than today, and the Review's list a week.
    return f"Deleted {entry.task} {local_time(entry.start_utc, zone, with_day=True)}. u undoes."


def put_back(entry) -> str:
    return f"Put back {entry.task}"


def _span(entry, zone: str) -> str:
    end = f"–{local_time(entry.end_utc, zone)}" if entry.end_utc else " (running)"
    return f"{local_time(entry.start_utc, zone, with_day=True)}{end}"


def edited(entry, zone: str) -> str:
    return f"Changed: {entry.task} {_span(entry, zone)}. u undoes."


def added(entry, zone: str) -> str:
    return f"Added {entry.task} {_span(entry, zone)}. u undoes."


def undo_elsewhere(entry, zone: str) -> str:
    return (f"The last change, to {entry.task} {_span(entry, zone)}, is not shown here: undo it where it "
            f"shows (the Log's day: g goes to it).")


def edit_undone(entry, zone: str) -> str:
    return f"Undone: {entry.task} {_span(entry, zone)} is as it was"


def add_undone(entry, zone: str) -> str:
    return f"Undone: {entry.task} {_span(entry, zone)} is taken out again"


def _entries(count: int) -> str:
    return f"{count} {'entry' if count == 1 else 'entries'}"


def merge_question(plan) -> str:
    """What a rename onto an existing task would do, exactly, before it is done."""
    moved = plan.moved
    names = ", ".join(f"'{t.name}'" for t in moved)
    kept = plan.kept
    marks = [m for m in (
        "highlighted" if kept.highlighted else "",
        kept.feeling if kept.feeling != "neutral" else "",
        kept.kind,
        f"in '{kept.skill_set}'" if kept.skill_set else "",
    ) if m]
    keeps = f" ({', '.join(marks)})" if marks else ""
    lost = [f"'{t.name}' leaves the skill set '{t.skill_set}'" for t in moved if t.skill_set and t.skill_set != kept.skill_set]
    lost += [f"'{t.name}' was highlighted" for t in moved if t.highlighted and not kept.highlighted]
    extra = f" Note: {'; '.join(lost)}." if lost else ""
    return (f"There is already a task '{kept.name}'. Merge {names} into it? "
            f"{_entries(plan.entries)} ({duration(plan.seconds)}) {'moves' if plan.entries == 1 else 'move'} to "
            f"'{kept.name}', which keeps its "
            f"marks{keeps}; {names} goes.{extra} u undoes the merge.")


def task_renamed(result) -> str:
    """After a rename, or a merge the owner agreed to: what happened, and that u undoes it."""
    if hasattr(result, "moved"):
        names = ", ".join(f"'{t.name}'" for t in result.moved)
        return (f"Merged {names} into '{result.into}': {_entries(result.entries)} "
                f"({duration(result.seconds)}) moved. u undoes.")
    return f"Renamed '{result.old}' to '{result.new}' ({_entries(result.entries)}). u undoes."


def merge_undone(merge) -> str:
    names = ", ".join(f"'{t.name}'" for t in merge.moved)
    return f"Undone: {names} is back with its {_entries(merge.entries)}"


def on_day(day: date, today: date) -> str:
    """`today`, `on Thu 19 Nov (yesterday)`, `on Tue 17 Nov`: where a sentence puts a day."""
    if day == today:
        return "today"
    named = day_name(day, today)
    return f"on {named.removeprefix('yesterday, ')} (yesterday)" if named.startswith("yesterday, ") else f"on {named}"


def day_name(day: date, today: date) -> str:
    """`today`, `yesterday, Thu 19 Nov`, `Tue 17 Nov`, `Tue 17 Nov 2025`: a day as the Log names it."""
    if day == today:
        return "today"
    named = day.strftime("%a %d %b") + (f" {day.year}" if day.year != today.year else "")
    return f"yesterday, {named}" if day == today - timedelta(days=1) else named


def reminder(since: int, now: int, zone: str) -> str:
    """The reminder's notice: how long nothing has run, and the one step that ends it."""
    return (f"Nothing has run since {local_time(since, zone)} ({duration(now - since)}). On the Log (1), "
            f"type what you are doing and press Enter; a adds what you did meanwhile. "
            f"The reminder is set in the settings (,).")
