"""Running the installed `offload` command, as a user's shell would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

# The package installed in this interpreter's environment (`pip install .` or `pip install -e .`),
# run as a module; nothing here points at the checkout's src/.
OFFLOAD = [sys.executable, "-m", "offload"]


def console_script() -> Path:
    """The `offload` console script installed next to this interpreter (the one a user runs)."""
    return Path(sys.executable).parent / "offload"


def run_offload(*args: str, db: Path | None = None, env: dict | None = None, timeout: float = 60,
                input: str | None = None) -> subprocess.CompletedProcess:
    """The real `offload` command in a subprocess: the installed package, this interpreter."""
    full_env = dict(os.environ)
    if env:
        full_env.update(env)
    cmd = list(OFFLOAD)
    if db is not None:
        cmd += ["--db", str(db)]
    cmd += list(args)
    return subprocess.run(cmd, capture_output=True, text=True, env=full_env, timeout=timeout, input=input)
