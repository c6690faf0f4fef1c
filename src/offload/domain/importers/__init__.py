"""Files from Offload and other trackers read into plain records, every bad row noted.

Pure: text in, records and problems out; the service decides what goes in the database.
Each record says where it came from (`line 4`, `frame 3`) so a refusal can point at it.
"""

from __future__ import annotations

from offload.domain.errors import InvalidInput
from offload.domain.importers import csv_rows, offload_json, timewarrior, toggl, watson
from offload.domain.importers.records import BadRows, Parsed, Problem, Record

__all__ = ["FORMATS", "BadRows", "Parsed", "Problem", "Record", "check_times", "detect", "parse"]

PARSERS = {"offload-json": offload_json.parse, "csv": csv_rows.parse, "watson": watson.parse,
           "timewarrior": timewarrior.parse, "toggl": toggl.parse}
FORMATS = tuple(PARSERS)


def detect(name: str, text: str) -> str:
    """Guess a file's format from its name and first characters."""
    head = text.lstrip("\ufeff \t\r\n")[:4000]
    lower = name.lower()
    if head.startswith("{"):
        return "offload-json"
    if head.startswith("["):
        body = head[1:].lstrip()
        if body.startswith("["):
            return "watson"
        if body.startswith("{"):
            return "timewarrior"
        if body.startswith("]"):
            return "watson" if "frames" in lower else "timewarrior"
        raise InvalidInput(f"Cannot tell the format of {name}; say it with --format ({', '.join(FORMATS)}).")
    first_line = head.splitlines()[0] if head else ""
    if "start date" in first_line.lower():
        return "toggl"
    if lower.endswith(".csv") or "start" in first_line.lower():
        return "csv"
    if "frames" in lower:
        return "watson"
    raise InvalidInput(f"Cannot tell the format of {name}; say it with --format ({', '.join(FORMATS)}).")


def parse(fmt: str, text: str, zone: str) -> Parsed:
    """Read `text` as `fmt`; times without a zone are read in `zone`."""
    text = text.lstrip("\ufeff")
    run = PARSERS.get(fmt)
    if run is None:
        raise InvalidInput(f"Offload imports these formats: {', '.join(FORMATS)}; not '{fmt}'.")
    try:
        return run(text, zone)
    except RecursionError:
        # `[[[[...` thousands deep: Python's JSON reader gives up; no time log nests like that.
        return Parsed(fmt, problems=[Problem("file", "the data is nested too deeply to be a time log "
                                                     "(brackets inside brackets, thousands deep)")])


def check_times(parsed: Parsed, now: int) -> None:
    """Refuse what Offload never logs: times in the future, before 1970, or two running entries."""
    running = [r for r in parsed.records if r.end is None]
    for r in running[1:]:
        parsed.problems.append(Problem(r.where, f"a second running entry (the first is at {running[0].where})"))
    for r in parsed.records:
        if r.start < 0:
            parsed.problems.append(Problem(r.where, "it starts before 1970"))
        elif r.start > now or (r.end is not None and r.end > now):
            parsed.problems.append(Problem(r.where, "it is in the future; Offload logs what has happened"))
