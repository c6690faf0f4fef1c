"""Watson's `frames` file: a JSON list of [start, stop, project, id, tags, updated_at].

Start and stop are Unix seconds; the project becomes the task and the tags the note.
Watson keeps the running frame apart, in its `state` file: `with_running` adds it.
"""

from __future__ import annotations

import json
import math

from offload.domain.importers.records import Parsed, Problem
from offload.domain.importers.common import add_record, json_document


RUNNING_ID = "watson-state"


def with_running(frames_text: str, state_text: str) -> str:
    """The frames with Watson's running frame (`state`: {"project", "start", "tags"}) added at the end."""
    try:
        frames = json.loads(frames_text)
        state = json.loads(state_text)
    except (json.JSONDecodeError, RecursionError):
        return frames_text  # the frames are read (and refused) on their own
    if not isinstance(frames, list) or not isinstance(state, dict) or "project" not in state:
        return frames_text
    frames.append([state.get("start"), None, state.get("project"), RUNNING_ID, state.get("tags") or [],
                   state.get("start")])
    return json.dumps(frames)


def _seconds(value) -> int | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        return None
    return int(value)


def parse(text: str, zone: str) -> Parsed:
    parsed = Parsed("watson")
    frames = json_document(text, parsed, list, "not a Watson frames file (a JSON list of frames)")
    if frames is None:
        return parsed
    for i, frame in enumerate(frames, start=1):
        where = f"frame {i}"
        if not isinstance(frame, list) or len(frame) < 3:
            parsed.problems.append(Problem(where, "not a frame [start, stop, project, id, tags, updated_at]"))
            continue
        start, stop, project = _seconds(frame[0]), _seconds(frame[1]), frame[2]
        running = frame[1] is None and frame[3:4] == [RUNNING_ID]
        if running:
            where = "the running frame (state)"
        if start is None or (stop is None and not running):
            parsed.problems.append(Problem(where, "start and stop must be Unix seconds"))
            continue
        tags = frame[4] if len(frame) > 4 and frame[4] is not None else []
        if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
            parsed.problems.append(Problem(where, "tags must be a list of words"))
            continue
        if not isinstance(project, str):
            parsed.problems.append(Problem(where, "the project must be text"))
            continue
        add_record(parsed, where, project, start, stop, None, ", ".join(tags))
    return parsed
