"""Offload's own JSON export: tasks with their marks, entries, skill sets and settings."""

from __future__ import annotations

import json
from datetime import date

from offload.domain.audit import check_frequency
from offload.domain.errors import InvalidInput
from offload.domain.handover import PER, Handover, amount, check, is_amount
from offload.domain.importers.records import Parsed, Problem
from offload.domain.importers.common import add_record, iso_epoch, json_document
from offload.domain.names import clean_task_name
from offload.domain.settings import SETTINGS, check_setting
from offload.domain.skill_sets import clean_field
from offload.domain.text import name_key, visible

FORMAT_VERSION = 1
FEELINGS = ("neutral", "like", "dislike")
KINDS = ("", "core", "support")
SKILL_SET_TEXTS = ("description", "inputs", "outputs", "quality", "quantity", "speed", "success", "data_rules",
                   "contact")


def parse(text: str, zone: str) -> Parsed:
    parsed = Parsed("offload-json")
    data = json_document(text, parsed, dict, "not an Offload export (no \"entries\")", needs="entries")
    if data is None:
        return parsed
    version = data.get("offload")
    if isinstance(version, int) and version > FORMAT_VERSION:
        parsed.problems.append(Problem("file", f"written by a newer Offload (format {version}); update Offload"))
        return parsed
    sets = _skill_sets(data.get("skill_sets", []), parsed)
    _tasks(data.get("tasks", []), parsed, sets)
    _handovers(data.get("handovers", []), parsed, sets)
    _settings(data.get("settings", {}), parsed)
    entries = data.get("entries")
    if not isinstance(entries, list):
        parsed.problems.append(Problem("entries", "not a list"))
        return parsed
    for i, item in enumerate(entries, start=1):
        where = f"entry {i}"
        if not isinstance(item, dict):
            parsed.problems.append(Problem(where, "not an object"))
            continue
        try:
            start = iso_epoch(_text(item, "start"), zone, "start")
            end_text = item.get("end")
            end = None if end_text in (None, "") else iso_epoch(str(end_text), zone, "end")
            tz = item.get("tz") or zone
        except InvalidInput as exc:
            parsed.problems.append(Problem(where, exc.message))
            continue
        add_record(parsed, where, item.get("task"), start, end, str(tz), item.get("note", ""))
    return parsed


def _text(item: dict, key: str) -> str:
    value = item.get(key)
    if not isinstance(value, str):
        raise InvalidInput(f"no \"{key}\" text")
    return value


def _objects(items, parsed: Parsed, section: str, noun: str, read, key: str, twice: str) -> list[dict]:
    """The rows `read` makes of the objects listed under `section`: each bad one a Problem at
    `noun i`, and so is a second one for the same name (`twice`, its `{}` the name)."""
    if not isinstance(items, list):
        parsed.problems.append(Problem(section, "not a list"))
        return []
    rows: list[dict] = []
    seen: set[str] = set()
    for i, item in enumerate(items, start=1):
        where = f"{noun} {i}"
        try:
            if not isinstance(item, dict):
                raise InvalidInput("not an object")
            row = read(item)
        except InvalidInput as exc:
            parsed.problems.append(Problem(where, exc.message))
            continue
        if name_key(row[key]) in seen:
            parsed.problems.append(Problem(where, twice.format(row[key])))
            continue
        seen.add(name_key(row[key]))
        rows.append(row)
    return rows


def _skill_sets(items, parsed: Parsed) -> set[str]:
    rows = _objects(items, parsed, "skill_sets", "skill set", _skill_set, "name", "the skill set '{}' is there twice")
    parsed.skill_sets += rows
    return {name_key(r["name"]) for r in rows}


def _skill_set(item: dict) -> dict:
    try:
        name = clean_task_name(item.get("name"))
    except InvalidInput as exc:
        raise InvalidInput(exc.message.replace("A task", "A skill set")) from None
    row = {"name": name}
    for key in SKILL_SET_TEXTS:
        value = item.get(key, "")
        if not isinstance(value, str):
            raise InvalidInput(f"\"{key}\" is not text")
        # As typed in the app: newlines and tabs kept, escape sequences and NULs refused.
        row[key] = clean_field(f"\"{key}\"", value)
    rate = item.get("rate")
    if rate is not None and (isinstance(rate, bool) or not isinstance(rate, (int, float)) or not 0 <= rate < 1e12):
        raise InvalidInput("\"rate\" is not an amount of 0 or more")
    row["rate"] = rate
    created = item.get("created_utc")
    row["created_utc"] = iso_epoch(created, "UTC", "created_utc") if created else None
    return row


def _tasks(items, parsed: Parsed, sets: set[str]) -> None:
    def task(item: dict) -> dict:
        name = clean_task_name(item.get("name"))
        feeling = item.get("feeling", "neutral")
        kind = item.get("kind", "")
        if feeling not in FEELINGS:
            raise InvalidInput(f"the feeling '{feeling}' is not one of {', '.join(FEELINGS)}")
        if kind not in KINDS:
            raise InvalidInput(f"the kind '{kind}' is not core, support or empty")
        frequency = check_frequency(item.get("frequency", "weekly"))
        skill_set = item.get("skill_set")
        if skill_set is not None and (not isinstance(skill_set, str) or name_key(skill_set) not in sets):
            raise InvalidInput(f"the skill set '{skill_set}' is not in the file's skill sets")
        highlighted = item.get("highlighted", False)
        if not isinstance(highlighted, bool):
            # "false" is a word, and bool("false") is True: only JSON's true and false are read.
            raise InvalidInput(f"\"highlighted\" must be true or false (no quotes), not {json.dumps(highlighted)}")
        created = item.get("created_utc")
        return {
            "name": name,
            "highlighted": highlighted,
            "feeling": feeling,
            "kind": kind,
            "frequency": frequency,
            "skill_set": skill_set,
            "created_utc": iso_epoch(created, "UTC", "created_utc") if created else None,
        }

    parsed.tasks += _objects(items, parsed, "tasks", "task", task, "name", "the task '{}' is there twice")


def _handovers(items, parsed: Parsed, sets: set[str]) -> None:
    """Which of the file's skill sets were handed over, since when and at what cost."""
    def handover(item: dict) -> dict:
        name = item.get("skill_set")
        if not isinstance(name, str) or name_key(name) not in sets:
            raise InvalidInput(f"the skill set '{visible(str(name))}' is not in the file's skill sets")
        since = item.get("since")
        try:
            day = date.fromisoformat(since) if isinstance(since, str) and len(since) == 10 else None
        except ValueError:
            day = None
        if day is None:
            raise InvalidInput(f"\"since\" is not a day like 2026-11-16: {visible(json.dumps(since))}")
        per, cost, hours = item.get("per"), item.get("amount"), item.get("hours")
        if per not in PER:
            raise InvalidInput(f"\"per\" is not one of {', '.join(PER)}")
        if not is_amount(cost):
            raise InvalidInput("\"amount\" is not an amount of 0 or more")
        if hours is not None and not is_amount(hours):
            raise InvalidInput("\"hours\" is not a number of hours")
        # The same rules as typing it (the day itself may be any: the file's clock is not ours).
        check(Handover(name, day, amount(cost), per, None if hours is None else amount(hours)), date.max)
        created = item.get("created_utc")
        return {"skill_set": name, "since": day.isoformat(), "amount": float(cost), "per": per,
                "hours": None if hours is None else float(hours),
                "created_utc": iso_epoch(created, "UTC", "created_utc") if created else None}

    parsed.handovers += _objects(items, parsed, "handovers", "handover", handover, "skill_set",
                                 "the skill set '{}' is handed over twice")


def _settings(items, parsed: Parsed) -> None:
    if not isinstance(items, dict):
        parsed.problems.append(Problem("settings", "not an object"))
        return
    for key, value in items.items():
        where = f"setting '{visible(key)}'"
        if key not in SETTINGS:
            parsed.problems.append(Problem(where, f"there is no such setting; the settings are: {', '.join(SETTINGS)}"))
            continue
        if not isinstance(value, str):
            parsed.problems.append(Problem(where, "the value is not text"))
            continue
        try:
            value = check_setting(key, value)
        except InvalidInput as exc:
            parsed.problems.append(Problem(where, exc.message))
            continue
        parsed.settings[key] = value
