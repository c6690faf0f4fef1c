"""`timew export`: a JSON list of intervals {"start": "20261120T090000Z", "end": ..., "tags": [...],
"annotation": "..."}. The first tag becomes the task; the other tags and the annotation the note.
An interval without an end is the running one.
"""

from __future__ import annotations

import calendar
import re
from datetime import datetime

from offload.domain.importers.records import Parsed, Problem
from offload.domain.importers.common import add_record, json_document

UNTAGGED = "Untagged"


_STAMP = re.compile(r"^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$")


def _instant(value) -> int | None:
    """`20261120T090000Z` as epoch seconds (a regex, not strptime: a long history has many)."""
    if not isinstance(value, str):
        return None
    m = _STAMP.match(value.strip())
    if not m:
        return None
    y, mo, d, h, mi, sec = (int(g) for g in m.groups())
    if not (1 <= mo <= 12 and 1 <= d <= 31 and h <= 23 and mi <= 59 and sec <= 60):
        return None
    try:
        datetime(y, mo, d)
    except ValueError:
        return None
    return calendar.timegm((y, mo, d, h, mi, sec))


def parse(text: str, zone: str) -> Parsed:
    parsed = Parsed("timewarrior")
    intervals = json_document(text, parsed, list, "not `timew export` output (a JSON list of intervals)")
    if intervals is None:
        return parsed
    for i, item in enumerate(intervals, start=1):
        where = f"interval {i}"
        if not isinstance(item, dict):
            parsed.problems.append(Problem(where, "not an interval object"))
            continue
        start = _instant(item.get("start"))
        if start is None:
            parsed.problems.append(Problem(where, f"the start {item.get('start')!r} is not like 20261120T090000Z"))
            continue
        end = None
        if item.get("end") is not None:
            end = _instant(item.get("end"))
            if end is None:
                parsed.problems.append(Problem(where, f"the end {item.get('end')!r} is not like 20261120T170000Z"))
                continue
        tags = item.get("tags") or []
        annotation = item.get("annotation") or ""
        if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags) or not isinstance(annotation, str):
            parsed.problems.append(Problem(where, "tags must be a list of words and the annotation text"))
            continue
        task = tags[0] if tags else UNTAGGED
        note = "; ".join(part for part in [", ".join(tags[1:]), annotation] if part)
        add_record(parsed, where, task, start, end, None, note)
    return parsed
