"""Two processes switching tasks on one file at once: every switch kept, no gap, no overlap."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from ._support import child_env, scaled, soundness

WRITER = Path(__file__).with_name("_writer.py")


def test_two_writers_switching_hundreds_of_times_lose_nothing(fast_dir: Path) -> None:
    db = fast_dir / "offload.db"
    count = scaled(300, 3000)
    t0 = time.time_ns()
    procs = [
        subprocess.Popen([sys.executable, str(WRITER), str(db), label, str(count), str(t0), "--reopen"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=child_env())
        for label in ("A", "B")
    ]
    outputs = [p.communicate(timeout=600) for p in procs]
    for p, (out, err) in zip(procs, outputs):
        assert "locked" not in (out + err).lower(), err[-2000:]
        assert p.returncode == 0, err[-2000:]
        refused = [line for line in out.splitlines() if not line.startswith("ok start")]
        assert not refused, refused[:5]
        assert len([line for line in out.splitlines() if line.startswith("ok start")]) == count

    state = soundness(db)
    assert state["integrity"] == "ok"
    rows = state["rows"]
    assert len(rows) == 2 * count  # every switch recorded
    assert state["running"] == 1 and rows[-1][2] is None  # one running: the last switch
    for before, after in zip(rows, rows[1:]):
        assert before[2] == after[1], f"gap or overlap between {before} and {after}"
