"""What each line of the timeline holds: the hours across the top, a day's blocks, the entry under
the cursor and the legends, from the laid-out grid and the cursor. The widget (timeline.py) keeps
the cursor, the keys and the layout, and draws these lines where they go."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from rich.segment import Segment
from rich.style import Style
from rich.text import Text

from offload.domain.audit import is_candidate
from offload.domain.format import duration, entry_duration, local_time
from offload.domain.text import visible
from offload.domain.timeline import HOUR, NOBODY, Grid
from offload.domain.zones import reading_zone
from offload.service.timeline import EntryRow, TaskRow, TimelineData

Looks = Callable[[str], Style]  # a component's name (label, tick, highlight ...) to its style

# How each kind of block looks: its character, and its style (timeline--<look> in timeline.tcss).
LOOKS = {
    "selected": "▓",
    "highlight": "█",
    "candidate": "▒",
    "core": "▄",
    "support": "░",
    "other": "▁",
}
# The selected task when it is highlighted: its own character, still in the highlighter's colour.
SELECTED_HIGHLIGHT = "selected-highlight"
LEGEND = [("highlight", "highlighted"), ("candidate", "candidate"), ("core", "core"),
          ("support", "support"), ("other", "other")]
TICK, MISSING = "·", "/"
CURSOR, POINTER = "█", "▲"  # the cursor's cell, and the mark under it where there is room
LABEL_WIDTH = 7  # "Mon 19 "


def look_of(task: TaskRow | None, selected: int | None) -> str:
    """Which look a task's blocks take: the selected task first, then highlight, candidate, kind."""
    if task is None:
        return "other"
    if task.id == selected:
        return SELECTED_HIGHLIGHT if task.highlighted else "selected"
    if task.highlighted:
        return "highlight"
    if is_candidate(task.feeling, task.kind, task.highlighted):
        return "candidate"
    return {"core": "core", "support": "support"}.get(task.kind, "other")


def one_line(text: str) -> str:
    """User text on one line, literally: never markup, never a terminal's control sequence."""
    return visible(" ".join(str(text).split()), keep="")


def header(grid: Grid, style: Looks) -> Text:
    """The hours across the top, and the titles of the figures at the right."""
    per_hour = HOUR / grid.step
    every = next(k for k in (1, 2, 3, 4, 6, 12, 24) if k * per_hour >= 3)
    chars = [" "] * grid.cells
    for hour in range(grid.first_hour, grid.last_hour, every):
        c = int((hour - grid.first_hour) * per_hour)
        label = f"{hour % 24:02d}"
        for i, ch in enumerate(label):
            if c + i < grid.cells:
                chars[c + i] = ch
    label_style = style("label")
    text = Text(" " * LABEL_WIDTH, style=label_style)
    text.append("".join(chars), style=label_style)
    text.append(f" {'sw':>3} {'core':>7}", style=label_style)
    return text


def day_segments(grid: Grid, data: TimelineData, r: int, cursor: int | None, selected: int | None,
                 style: Looks) -> list[Segment]:
    """Day `r` of the grid: its label, a character a cell, its figures; `cursor`: the cursor's cell
    when the cursor is on this day."""
    row = grid.rows[r]
    at_cursor = cursor is not None
    segments = [Segment(f"{row.day:%a %d} ".ljust(LABEL_WIDTH),
                        style("label-cursor" if at_cursor else "label"))]
    per_hour = HOUR / grid.step
    looks: dict[int, tuple[str, Style]] = {}
    cursor_style = style("cursor")
    run_text, run_style = "", None
    for c, owner in enumerate(row.owners):
        if owner == NOBODY:
            if row.missing[c]:
                ch, look_style = MISSING, style("missing")
            else:
                on_hour = per_hour >= 1 and c % max(1, int(per_hour)) == 0
                ch, look_style = (TICK if on_hour else " "), style("tick")
        else:
            look = looks.get(owner)
            if look is None:
                name = look_of(data.task(owner), selected)
                if name == SELECTED_HIGHLIGHT:
                    look = (LOOKS["selected"], style("highlight"))
                else:
                    look = (LOOKS[name], style(name))
                looks[owner] = look
            ch, look_style = look
        if at_cursor and c == cursor:
            ch, look_style = CURSOR, look_style + cursor_style
        if look_style == run_style:
            run_text += ch
        else:
            if run_text:
                segments.append(Segment(run_text, run_style))
            run_text, run_style = ch, look_style
    if run_text:
        segments.append(Segment(run_text, run_style))
    longest = duration(row.longest_core) if row.longest_core else "–"
    segments.append(Segment(f" {row.switches:>3} {longest:>7}", style("label")))
    return segments


def info(grid: Grid, data: TimelineData, r: int, cell: int, style: Looks) -> Text:
    """The entry under the cursor (day `r`, `cell`): its day, times, task and note, all as typed."""
    row = grid.rows[r]
    owner = row.owners[cell]
    day_text = f"{row.day:%a %d %b}"
    if owner == NOBODY:
        at = grid.cell_start(cell)
        clock = f"{at // HOUR % 24:02d}:{at % HOUR // 60:02d}"
        if row.missing[cell]:
            return Text(f"{day_text} {clock}: a time that never happened here (the clocks went forward)",
                        style=style("label"))
        return Text(f"{day_text} {clock}: nothing logged", style=style("label"))
    entry = data.entries[owner]
    task = data.tasks.get(entry.task_id)
    text = Text(style=style("info"))
    text.append(span(data, entry, row.day))
    text.append("  ")
    text.append(one_line(entry.task), style=style("task"))
    marks = [m for m in (
        "highlighted" if task and task.highlighted else "",
        "candidate" if task and is_candidate(task.feeling, task.kind, task.highlighted) else "",
        task.kind if task and task.kind else "",
    ) if m]
    if marks:
        text.append(f" ({', '.join(marks)})", style=style("label"))
    if entry.note:
        text.append("  " + one_line(entry.note))
    return text


def span(data: TimelineData, entry: EntryRow, day: date) -> str:
    """`Mon 19 Oct 09:00–11:00 (2h 00m)`; the days too when it is not all on this day."""
    zone = reading_zone(entry.tz)
    end = entry.end_utc
    one_day = end is not None and _same_day(entry.start_utc, end, zone)
    if one_day:
        start_text = f"{day:%a %d %b} {local_time(entry.start_utc, zone)}"
        end_text = local_time(end, zone)
    else:
        start_text = local_time(entry.start_utc, zone, with_day=True)
        end_text = "now" if end is None else local_time(end, zone, with_day=True)
    took = entry_duration(entry.start_utc, end, data.now, zone)
    where = "" if zone == data.zone else f" ({zone})"
    return f"{start_text}–{end_text} ({took}){where}"


def legend(grid: Grid, data: TimelineData, selected: int | None, style: Looks) -> Text:
    """What each character means; the selected task by name."""
    text = Text(style=style("label"))
    items = list(LEGEND)
    task = data.tasks.get(selected) if selected is not None else None
    if task is not None:
        items.insert(0, ("selected", one_line(task.name)))
    for look, words in items:
        look_style = style("highlight" if look == "selected" and task and task.highlighted else look)
        text.append(LOOKS[look], style=look_style)
        text.append(f" {words}  ")
    if any(any(r.missing) for r in grid.rows):
        text.append(MISSING, style=style("missing"))
        text.append(" clocks went forward")
    return text


def figures_legend(grid: Grid, style: Looks) -> Text:
    return Text(f"{_step(grid.step)} a cell · sw: switches · core: longest uninterrupted core work",
                style=style("label"))


def _same_day(start: int, end: int, zone: str) -> bool:
    from datetime import datetime, timezone

    from offload.domain.weeks import local_date

    def day(t: int) -> date:
        return local_date(datetime.fromtimestamp(t, timezone.utc), zone)

    return day(start) == day(max(start, end - 1))


def _step(seconds: int) -> str:
    minutes = seconds // 60
    return f"{minutes} min" if minutes < 60 else f"{minutes // 60} h"
