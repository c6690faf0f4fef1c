"""Driving the installed `offload` in a real terminal: a tmux server of the test's own."""

from __future__ import annotations

import shlex
import subprocess
import time
import uuid
from pathlib import Path

from tests.helpers.commands import console_script


def tmux(socket: str, *args: str, **kwargs) -> subprocess.CompletedProcess:
    # A server of its own (-L): the user's tmux and its environment are never touched.
    return subprocess.run(["tmux", "-L", socket, *args], **kwargs)


def new_socket(prefix: str) -> str:
    """A tmux server name no other test, worker or run uses."""
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


def stop_server(socket: str) -> None:
    """Ends the test's tmux server and removes its socket file (tmux leaves it behind)."""
    path = tmux(socket, "display-message", "-p", "#{socket_path}", capture_output=True, text=True).stdout.strip()
    tmux(socket, "kill-server", capture_output=True)
    if path.endswith(socket):  # only ever the test's own
        Path(path).unlink(missing_ok=True)


def wait_for(socket: str, text: str, limit: float = 60) -> str:
    """Polls the pane until `text` shows (a slow machine only waits longer; nothing is timed)."""
    deadline = time.monotonic() + limit
    while True:
        screen = tmux(socket, "capture-pane", "-p", capture_output=True, text=True).stdout
        if text in screen or time.monotonic() > deadline:
            return screen
        time.sleep(0.2)


def start_app(socket: str, settings: dict[str, str], *args: str, width: int = 100, height: int = 30) -> None:
    """The installed console script in a new detached session, `settings` in its environment."""
    # The environment goes in the command: a tmux session takes its server's, not its client's.
    # COLUMNS and LINES go: pytest's readline import sets them (80x24) for every child, and
    # Textual would draw at that size instead of the window's.
    command = shlex.join(["env", "-u", "COLUMNS", "-u", "LINES",
                          *(f"{k}={v}" for k, v in settings.items()), "TERM=xterm-256color",
                          str(console_script()), *args])
    tmux(socket, "new-session", "-d", "-x", str(width), "-y", str(height), command, check=True)
