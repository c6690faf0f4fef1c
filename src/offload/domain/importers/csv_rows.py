"""Offload's CSV: a header naming task, start, end, note (and optionally tz), one entry a row.

Times are ISO 8601 (`2026-11-20T09:00:00+00:00`, or without an offset: local in the row's
tz, else in the importing zone). An empty end is a running entry. Cells Offload's export
guarded against spreadsheet formulas (a leading apostrophe) read back as they were.
"""

from __future__ import annotations

import csv

from offload.domain.csvcells import restore
from offload.domain.errors import InvalidInput
from offload.domain.importers.records import Parsed, Problem
from offload.domain.importers.common import csv_problem, csv_reader, add_record, iso_epoch, data_rows

COLUMNS = ("task", "start", "end", "note")


def parse(text: str, zone: str) -> Parsed:
    parsed = Parsed("csv")
    reader = csv_reader(text)
    try:
        header = next(reader)
    except StopIteration:
        parsed.problems.append(Problem("line 1", "the file is empty; it needs a header: task,start,end,note"))
        return parsed
    except csv.Error as exc:
        parsed.problems.append(Problem("line 1", csv_problem(exc)))
        return parsed
    names = [h.strip().lower() for h in header]
    missing = [c for c in ("task", "start", "end") if c not in names]
    if missing:
        parsed.problems.append(
            Problem("line 1", f"the header needs the columns task,start,end,note (missing: {', '.join(missing)})")
        )
        return parsed
    col = {name: names.index(name) for name in (*COLUMNS, "tz") if name in names}
    for where, row in data_rows(reader, parsed):
        if len(row) < len(names):
            row = row + [""] * (len(names) - len(row))

        def cell(name: str) -> str:
            return restore(row[col[name]]) if name in col else ""

        tz = cell("tz").strip() or None
        try:
            start = iso_epoch(cell("start"), tz or zone, "start")
            end_text = cell("end").strip()
            end = iso_epoch(end_text, tz or zone, "end") if end_text else None
        except InvalidInput as exc:
            parsed.problems.append(Problem(where, exc.message))
            continue
        add_record(parsed, where, cell("task"), start, end, tz, cell("note"))
    return parsed
