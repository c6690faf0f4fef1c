"""The benchmark runs from a checkout on the smallest log (a smoke test, not a timing test)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_benchmark_runs_on_a_thousand_entries(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--sizes", "1000", "--repeat", "1", "--quick",
         "--tui-repeat", "1", "--idle-seconds", "0.5", "--no-peers", "--no-tmux",
         "--data-dir", str(tmp_path / "data"), "--results-dir", str(tmp_path / "results")],
        capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Targets at 1,000 entries" in proc.stdout
    result = json.loads((tmp_path / "results" / "latest.json").read_text())
    measured = result["sizes"]["1000"]
    for name in ("status", "start", "stop", "add"):
        assert measured["commands"][name]["n"] == 1, name
    assert measured["tui"]["log_ready"]["n"] == 1
    assert result["idle"]["offload"]["cpu_share"] >= 0
    # A missing command or screen is named, and the run goes on.
    for name in measured["missing_commands"]:
        assert f"{name}: not in this checkout yet" in proc.stdout
