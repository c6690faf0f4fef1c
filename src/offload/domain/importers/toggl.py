"""Toggl Track's detailed report as CSV: Description, Project, Start date, Start time, End date,
End time (and more columns, ignored). Times are local in the exporting user's zone.

The description becomes the task (the project when there is none); the project, when not
the task, and the tags make the note.
"""

from __future__ import annotations

import csv

from offload.domain.errors import InvalidInput
from offload.domain.importers.records import Parsed, Problem
from offload.domain.importers.common import csv_reader, add_record, local_epoch, data_rows

NEEDED = ("start date", "start time", "end date", "end time")


def parse(text: str, zone: str) -> Parsed:
    parsed = Parsed("toggl")
    reader = csv_reader(text)
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        parsed.problems.append(Problem("line 1", "no header; expected Toggl's detailed CSV export"))
        return parsed
    names = [h.strip().lower() for h in header]
    missing = [n for n in NEEDED if n not in names]
    if missing or ("description" not in names and "project" not in names):
        parsed.problems.append(Problem(
            "line 1",
            "not Toggl's detailed CSV: it needs Description, Project, Start date, Start time, End date, End time",
        ))
        return parsed
    col = {n: i for i, n in enumerate(names)}
    for where, row in data_rows(reader, parsed):

        def cell(name: str) -> str:
            i = col.get(name)
            return row[i].strip() if i is not None and i < len(row) else ""

        try:
            start = local_epoch(cell("start date"), cell("start time"), zone, "start")
            end = local_epoch(cell("end date"), cell("end time"), zone, "end")
            if end <= start:  # the second 01:30 of a night the clocks go back
                end = local_epoch(cell("end date"), cell("end time"), zone, "end", fold=1)
        except InvalidInput as exc:
            parsed.problems.append(Problem(where, exc.message))
            continue
        description, project = cell("description"), cell("project")
        task = description or cell("task") or project
        note = " · ".join(part for part in [project if task != project else "", cell("tags")] if part)
        add_record(parsed, where, task, start, end, None, note)
    return parsed
