"""Checks and time readings the importers share."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from zoneinfo import ZoneInfo

from offload.domain.errors import InvalidInput
from offload.domain.importers.records import Parsed, Problem, Record
from offload.domain.names import clean_note, clean_task_name
from offload.domain.zones import check_zone, skipped


def json_document(text: str, parsed: Parsed, shape: type, not_it: str, needs: str | None = None):
    """The file read as JSON when it is what the format writes at its top (a list or an object
    of `shape`, holding the key `needs`); else None, with the problem noted in `parsed`: the
    line where the JSON breaks, or `not_it` for the whole file."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        parsed.problems.append(Problem(f"line {exc.lineno}", f"not valid JSON ({exc.msg})"))
        return None
    if not isinstance(data, shape) or (needs is not None and needs not in data):
        parsed.problems.append(Problem("file", not_it))
        return None
    return data


def zone_named(name: str) -> ZoneInfo:
    return ZoneInfo(check_zone(str(name)))


def iso_epoch(text: str, zone: str, what: str) -> int:
    """An ISO 8601 time (`2026-11-20T09:00:00Z`, with an offset, or local in `zone`) as epoch seconds."""
    s = str(text).strip()
    try:
        moment = datetime.fromisoformat(s)
    except ValueError:
        raise InvalidInput(f"the {what} '{s}' is not a time like 2026-11-20T09:00:00Z") from None
    if moment.tzinfo is None:
        moment = _existing(moment.replace(tzinfo=zone_named(zone)), s, zone, what)
    return int(moment.timestamp())


def _existing(wall: datetime, text: str, zone: str, what: str) -> datetime:
    """`wall`, or a refusal when the clocks went forward over that local time (it would be read
    an hour off, and then blamed on the end)."""
    if skipped(wall):
        raise InvalidInput(f"the {what} '{text}' does not exist in {zone}: the clocks went forward over it that day")
    return wall


_ISO_DAYS: dict[int, str] = {}
_EPOCH_DAY = datetime(1970, 1, 1, tzinfo=timezone.utc).date()


def epoch_iso(epoch: int) -> str:
    """The UTC form written by the export and read back by `iso_epoch`.

    By arithmetic on the day number (UTC days are all 86,400 s): strftime for each of
    200,000 instants was a third of exporting ten years.
    """
    day, rest = divmod(int(epoch), 86400)
    prefix = _ISO_DAYS.get(day)
    if prefix is None:
        prefix = _ISO_DAYS[day] = (_EPOCH_DAY + timedelta(days=day)).isoformat()
    hour, rest = divmod(rest, 3600)
    minute, second = divmod(rest, 60)
    return f"{prefix}T{hour:02d}:{minute:02d}:{second:02d}Z"


def local_epoch(day: str, clock: str, zone: str, what: str, fold: int = 0) -> int:
    """`2026-11-20` and `09:00:00` read as a local time in `zone`."""
    try:
        moment = datetime.fromisoformat(f"{day.strip()}T{clock.strip()}")
    except ValueError:
        raise InvalidInput(f"the {what} '{day} {clock}' is not a date and time like 2026-11-20 09:00:00") from None
    wall = _existing(moment.replace(tzinfo=zone_named(zone), fold=fold), f"{day.strip()} {clock.strip()}", zone, what)
    return int(wall.timestamp())


# A long history repeats the same few hundred names and notes: check each once.
_task_name = lru_cache(maxsize=8192)(clean_task_name)
_note = lru_cache(maxsize=8192)(clean_note)
_zone = lru_cache(maxsize=256)(lambda name: zone_named(name))


def add_record(parsed: Parsed, where: str, task, start: int, end: int | None, tz: str | None, note) -> None:
    """Check a row's name, note and times; keep it as a record or note why not."""
    try:
        name = _task_name(task) if isinstance(task, str) else clean_task_name(task)
        text = _note(note) if isinstance(note, str) else clean_note(note)
        if tz is not None:
            _zone(tz)
    except InvalidInput as exc:
        parsed.problems.append(Problem(where, exc.message))
        return
    if end is not None and end <= start:
        parsed.problems.append(Problem(where, "the end is not after the start"))
        return
    parsed.records.append(Record(where, name, int(start), None if end is None else int(end), tz, text))


def csv_reader(text: str):
    """A strict CSV reader: an unterminated quote is a broken row, not a cell holding the rest
    of the file (which then failed as "the start '...' is not a time")."""
    return csv.reader(io.StringIO(text, newline=""), strict=True)


def csv_problem(exc: csv.Error) -> str:
    """The csv module's complaint in the words of someone who edited the file."""
    text = str(exc)
    if "unexpected end of data" in text:
        return "a quote (\") opens a cell that is never closed"
    if "expected after" in text:
        return "a quote (\") closes a cell but more text follows it in the same cell; double a quote inside a cell (\"\")"
    return f"not CSV ({text})"


def data_rows(reader, parsed: Parsed):
    """(where, row) for each non-blank row after the header, `where` naming its first line.

    A row that is not CSV ends the file with a problem naming its line; blank rows are skipped.
    """
    line = reader.line_num
    while True:
        first_line = line + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            parsed.problems.append(Problem(f"line {first_line}", csv_problem(exc)))
            return
        line = reader.line_num
        if any(cell.strip() for cell in row):
            yield f"line {first_line}", row
