"""Offload's own JSON export: tasks with their marks, entries, skill sets and settings."""

from __future__ import annotations

import json

from offload.domain.audit import check_frequency
from offload.domain.errors import InvalidInput
from offload.domain.importers import Parsed, Problem
from offload.domain.importers.common import add_record, iso_epoch
from offload.domain.names import clean_task_name
from offload.domain.skill_sets import clean_field
from offload.domain.text import name_key, visible

FORMAT_VERSION = 1
FEELINGS = ("neutral", "like", "dislike")
KINDS = ("", "core", "support")
SKILL_SET_TEXTS = ("description", "inputs", "outputs", "quality", "quantity", "speed", "success", "data_rules",
                   "contact")


def parse(text: str, zone: str) -> Parsed:
    parsed = Parsed("offload-json")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        parsed.problems.append(Problem(f"line {exc.lineno}", f"not valid JSON ({exc.msg})"))
        return parsed
    if not isinstance(data, dict) or "entries" not in data:
        parsed.problems.append(Problem("file", "not an Offload export (no \"entries\")"))
        return parsed
    version = data.get("offload")
    if isinstance(version, int) and version > FORMAT_VERSION:
        parsed.problems.append(Problem("file", f"written by a newer Offload (format {version}); update Offload"))
        return parsed
    sets = _skill_sets(data.get("skill_sets", []), parsed)
    _tasks(data.get("tasks", []), parsed, sets)
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


def _skill_sets(items, parsed: Parsed) -> set[str]:
    names: set[str] = set()
    if not isinstance(items, list):
        parsed.problems.append(Problem("skill_sets", "not a list"))
        return names
    for i, item in enumerate(items, start=1):
        where = f"skill set {i}"
        try:
            if not isinstance(item, dict):
                raise InvalidInput("not an object")
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
        except InvalidInput as exc:
            parsed.problems.append(Problem(where, exc.message))
            continue
        if name_key(name) in names:
            parsed.problems.append(Problem(where, f"the skill set '{name}' is there twice"))
            continue
        names.add(name_key(name))
        parsed.skill_sets.append(row)
    return names


def _tasks(items, parsed: Parsed, sets: set[str]) -> None:
    if not isinstance(items, list):
        parsed.problems.append(Problem("tasks", "not a list"))
        return
    seen: set[str] = set()
    for i, item in enumerate(items, start=1):
        where = f"task {i}"
        try:
            if not isinstance(item, dict):
                raise InvalidInput("not an object")
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
            row = {
                "name": name,
                "highlighted": highlighted,
                "feeling": feeling,
                "kind": kind,
                "frequency": frequency,
                "skill_set": skill_set,
                "created_utc": iso_epoch(created, "UTC", "created_utc") if created else None,
            }
        except InvalidInput as exc:
            parsed.problems.append(Problem(where, exc.message))
            continue
        key = name_key(name)
        if key in seen:
            parsed.problems.append(Problem(where, f"the task '{name}' is there twice"))
            continue
        seen.add(key)
        parsed.tasks.append(row)


def _settings(items, parsed: Parsed) -> None:
    from offload.domain.settings import SETTINGS, check_setting

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
