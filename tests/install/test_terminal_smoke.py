"""The installed app in a real terminal: every screen, dialog and view opens and closes.

This starts the `offload` console script installed beside the interpreter running the tests
(the wheel a user installs, not this checkout's src/) inside tmux, on a demo database and a
frozen clock, and drives it with keys as a person would, at 120x36 and at 80x24. It fails on a
traceback or error text in the terminal, on the app's process ending, on a crash report written
anywhere in the test's folder, and on a footer key drawn off screen (cut at the right edge or
hidden under the palette's key).

Self-contained on purpose: it imports nothing from other test modules or conftest files, so it
runs alone against any environment: `/path/to/venv/bin/pytest tests/install`.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None,
                                reason="the terminal smoke test needs tmux (apt install tmux)")

# The console script installed beside this interpreter: the copy a user starts.
OFFLOAD = Path(sys.executable).parent / "offload"

# The demo's own Thursday afternoon (15:20 in London), frozen: the same screens on every run.
NOW = "2026-11-26T15:20:00Z"
ZONE = "Europe/London"

WAIT = 10.0  # seconds a step may take before the test gives up (it polls; nothing is slept through)

# Text that means the app (or Textual under it) failed, wherever it shows in the terminal.
FAILURE_TEXT = ("Traceback", "StylesheetError", "Error in stylesheet", "stopped on an error",
                "Exception:", "Error:")

# The keys each screen's footer must show whole: the other screens and help.
FOOTER_KEYS = {
    "Log": ["2 Review", "3 Grouping", "4 Compare", "? Help"],
    "Review": ["1 Log", "3 Grouping", "4 Compare", "? Help"],
    "Grouping": ["1 Log", "2 Review", "4 Compare", "? Help"],
    "Compare": ["1 Log", "2 Review", "3 Grouping", "? Help"],
}


def footer_keys_missing(screen: str, keys: list[str]) -> list[str]:
    """The keys not drawn whole in the screen's last three lines (a footer takes one to three):
    a key cut at the right edge, or covered by the palette's key, is not there as a whole word."""
    bottom = screen.rstrip("\n").split("\n")[-3:]
    missing = []
    for key in keys:
        letter, word = key.split(" ", 1)
        whole = re.compile(rf"(?<!\S){re.escape(letter)} +{re.escape(word)}(?!\S)")
        if not any(whole.search(line) for line in bottom):
            missing.append(key)
    return missing


class Terminal:
    """A tmux server of its own (-L, no config file) with one pane running the app."""

    def __init__(self, socket: str, folder: Path, width: int, height: int) -> None:
        self.socket = socket
        self.folder = folder  # the test's folder: every crash report would land under it
        self.width = width
        self.height = height
        self.exit_file = folder / "exit-status"
        self.step = "starting"

    def tmux(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        return subprocess.run(["tmux", "-L", self.socket, "-f", os.devnull, *args],
                              capture_output=True, text=True, check=check)

    def start(self, command: list[str], env: dict[str, str], cwd: Path) -> None:
        # The environment is given in full (env -i): a pane takes its server's environment, not
        # the caller's, and under pytest the process environment carries COLUMNS=80 and LINES=24
        # (pytest imports readline, which sets them for every child), which Textual believes over
        # the pane's real size. A shell around the app records its exit status: tmux alone
        # sometimes leaves a finished process unreaped, its status unknown.
        wrapped = ["/bin/sh", "-c", 'status="$1"; shift; "$@"; echo $? > "$status"', "sh",
                   str(self.exit_file), *command]
        line = shlex.join(["env", "-i", *(f"{k}={v}" for k, v in env.items()), *wrapped])
        # remain-on-exit is set before the pane exists, so what a process that dies at once
        # printed stays on screen.
        self.tmux("start-server", ";", "set-option", "-g", "remain-on-exit", "on", ";",
                  "new-session", "-d", "-s", "smoke", "-x", str(self.width), "-y", str(self.height),
                  "-c", str(cwd), line)

    def stop(self) -> None:
        socket = self.tmux("display-message", "-p", "#{socket_path}", check=False).stdout.strip()
        self.tmux("kill-server", check=False)
        if socket.endswith(self.socket):  # tmux leaves its socket file behind; this one is ours
            Path(socket).unlink(missing_ok=True)

    def size(self) -> str:
        return self.tmux("list-panes", "-t", "smoke", "-F", "#{pane_width}x#{pane_height}",
                         check=False).stdout.strip()

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "smoke", check=False).stdout

    def everything(self) -> str:
        """The pane with its history: what was printed after the app left the alternate screen."""
        return self.tmux("capture-pane", "-p", "-J", "-S", "-", "-t", "smoke", check=False).stdout

    def ended(self) -> str | None:
        """How the app ended ("exit status 0"), or None while it runs."""
        if self.exit_file.exists() and (status := self.exit_file.read_text().strip()):
            return f"exit status {status}"
        dead = self.tmux("list-panes", "-t", "smoke", "-F", "#{pane_dead}", check=False).stdout.strip()
        return None if dead == "0" else "its pane closed"

    def crash_files(self) -> list[Path]:
        return sorted(self.folder.rglob("offload-crash-*"))

    def check_alive(self, screen: str) -> None:
        """Fail at once, naming the step, on any sign that the app broke."""
        ended = self.ended()
        if ended is not None:
            deadline = time.monotonic() + 2  # the exit status and crash report, for the message
            while not self.exit_file.exists() and time.monotonic() < deadline:
                time.sleep(0.1)
            ended = self.ended()
        crashes = self.crash_files()
        shown = [t for t in FAILURE_TEXT if t in screen]
        if ended is None and not crashes and not shown:
            return
        lines = [f"the app broke at the step: {self.step} ({self.width}x{self.height})"]
        if ended is not None:
            lines.append(f"the app ended ({ended})")
        if shown:
            lines.append(f"the terminal shows {shown}")
        for crash in crashes:
            report = crash.read_text(errors="replace").rstrip()
            lines.append(f"its crash report says: {(report.splitlines() or ['(empty)'])[-1]}\n{crash}:\n{report}")
        # The crash report holds the whole traceback; the terminal's last lines show the rest.
        shown_lines = (self.everything().strip("\n") or screen).splitlines()
        lines.append("the terminal (its last 40 lines):\n" + "\n".join(shown_lines[-40:]))
        pytest.fail("\n".join(lines), pytrace=False)

    def wait(self, shows: list[str] = (), gone: list[str] = (), footer: list[str] = ()) -> str:
        """Polls the pane until every `shows` text is on it, no `gone` text is, and the bottom
        lines show every `footer` key whole; fails with the screen after WAIT seconds."""
        deadline = time.monotonic() + WAIT
        while True:
            screen = self.screen()
            self.check_alive(screen)
            missing = [t for t in shows if t not in screen]
            left = [t for t in gone if t in screen]
            cut = footer_keys_missing(screen, footer)
            if not (missing or left or cut):
                return screen
            if time.monotonic() > deadline:
                why = [f"never showed {missing}"] if missing else []
                why += [f"still showed {left}"] if left else []
                why += [f"footer keys not drawn whole in the bottom lines: {cut}"] if cut else []
                pytest.fail(f"step: {self.step} ({self.width}x{self.height}): {'; '.join(why)} "
                            f"within {WAIT:.0f} s. The screen ({self.size()}):\n{screen}",
                            pytrace=False)
            time.sleep(0.1)

    def press(self, key: str, step: str) -> None:
        self.step = step
        self.tmux("send-keys", "-t", "smoke", key)

    def type(self, text: str, step: str) -> None:
        self.step = step
        self.tmux("send-keys", "-t", "smoke", "-l", text)


def user_environment(tmp_path: Path) -> dict[str, str]:
    """A user whose home, data folder, temporary folder and clock are all the test's own."""
    home, data, tmp = tmp_path / "home", tmp_path / "data", tmp_path / "tmp"
    for folder in (home, data, tmp):
        folder.mkdir()
    return {
        "PATH": os.environ.get("PATH", os.defpath),
        "HOME": str(home),
        "XDG_DATA_HOME": str(data),
        "TMPDIR": str(tmp),  # where a crash report goes when the database's folder refuses it
        "OFFLOAD_NOW": NOW,
        "OFFLOAD_TZ": ZONE,
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
    }


@pytest.fixture
def terminal(request, tmp_path):
    width, height = request.param
    # A tmux server per test, named after this process and folder: xdist workers never meet.
    term = Terminal(f"offload-smoke-{os.getpid()}-{tmp_path.name}", tmp_path, width, height)
    try:
        yield term
    finally:
        term.stop()


@pytest.mark.parametrize("terminal", [(120, 36), (80, 24)], ids=["120x36", "80x24"], indirect=True)
def test_every_screen_dialog_and_view_opens_and_closes_in_a_real_terminal(terminal, tmp_path):
    assert OFFLOAD.exists(), f"no console script at {OFFLOAD}: install the wheel into this environment"
    env = user_environment(tmp_path)
    work = tmp_path / "work"  # the working folder (a screenshot would be written here)
    work.mkdir()
    db = tmp_path / "demo" / "demo.db"
    db.parent.mkdir()
    made = subprocess.run([str(OFFLOAD), "demo", "--db", str(db)], env=env, cwd=work,
                          capture_output=True, text=True, timeout=60)
    assert made.returncode == 0, made.stderr
    term = terminal
    term.start([str(OFFLOAD), "--db", str(db)], env, work)
    term.step = "launch"
    # While the task field has the focus, the footer offers the control keys that work there.
    term.wait(["Offload — Log", "What are you working on?", "Client work: Harbour Café"],
              footer=["^r Review", "^g Grouping", "^o Help"])

    def view(key: str, shows: list[str], name: str, back: list[str], close: str = "Escape") -> None:
        """Open a dialog or view, see it, close it, and see the screen beneath again."""
        term.press(key, step=f"open {name} ({key})")
        term.wait(shows)
        term.press(close, step=f"close {name} ({close})")
        term.wait(back, gone=shows)

    def help_and_palette(back: list[str]) -> None:
        view("?", ["Keys  (Esc closes)"], "help", back)
        view("C-p", ["Search for commands"], "the command palette", back)

    # --- the Log: it starts in the task field; Esc leaves it, and the Log's own keys work ---
    term.press("Escape", step="leave the task field (Escape)")
    log = ["Offload — Log", "n New task"]
    term.wait(log, footer=FOOTER_KEYS["Log"])
    view(",", ["Settings", "Week starts on"], "settings", log)
    view("a", ["Add a missed entry"], "add entry", log)
    view("e", ["Edit the running entry", "leave empty to keep it running"], "edit entry", log)
    help_and_palette(log)

    # --- the Review: the entry list and an edit from it, rename and merge, by day, timeline ---
    term.press("2", step="the Review (2)")
    review = ["Offload — Review", "by task (d)"]
    term.wait(review, footer=FOOTER_KEYS["Review"])

    term.press("Enter", step="the Review's entry list (Enter)")
    term.wait(["Client work: Greenway Dental", "in this week", "esc Close"])
    term.press("e", step="edit an entry from the entry list (e)")
    term.wait(["Edit entry", "2026-11-09 15:45"])
    term.press("Escape", step="close the entry's edit (Escape)")
    term.wait(["in this week"], gone=["Edit entry"])
    term.press("Escape", step="close the entry list (Escape)")
    term.wait(review, gone=["in this week"])

    term.press("r", step="rename (r)")
    term.wait(["Rename the task 'Client work: Greenway Dental'"])
    term.press("C-u", step="clear the rename field (ctrl+u)")
    term.wait(["A new name"])  # the placeholder: the field is empty
    term.type("Client calls", step="type another task's name")
    term.wait(["Client calls"], gone=["A new name"])
    term.press("Enter", step="rename onto another task's name: the merge question")
    term.wait(["There is already a task 'Client calls'", "y: Merge"])
    term.press("n", step="answer No to the merge (n)")
    term.wait(["Rename the task"], gone=["There is already a task"])
    term.press("Escape", step="close rename (Escape)")
    term.wait(review + ["Client work: G"], gone=["Rename the task"])  # nothing merged

    # By day and the timeline are views of the Review: their own key brings the task list back.
    view("d", ["by day (d)", "Sun"], "by day", review, close="d")
    view("w", ["timeline (w)", "sw: switches"], "the timeline", review, close="w")
    help_and_palette(review)

    # --- the Grouping: a skill set's details, handover, brief and plan previews ---------------
    term.press("3", step="the Grouping (3)")
    grouping = ["Offload — Grouping", "To group"]
    term.wait(grouping + ["Bookkeeping and accoun"], footer=FOOTER_KEYS["Grouping"])
    term.press("Tab", step="to the skill sets (Tab)")  # the first set, Bookkeeping and accounts
    term.wait(grouping)
    view("e", ["Details and brief: Bookkeeping and accounts"], "skill-set details", grouping)
    view("h", ["Handed over: Bookkeeping and accounts"], "handover", grouping)
    view("b", ["Handover brief"], "the brief preview", grouping)
    view("p", ["Outsourcing plan"], "the plan preview", grouping)
    help_and_palette(grouping)

    # --- the Compare screen ----------------------------------------------------------------
    term.press("4", step="the Compare screen (4)")
    compare = ["Offload — Compare", "Handed over (hours a month)"]
    term.wait(compare, footer=FOOTER_KEYS["Compare"])
    help_and_palette(compare)

    # --- back to the Log, and quit: a clean exit, nothing reported --------------------------
    term.press("1", step="back to the Log (1)")
    term.wait(log)
    term.press("C-q", step="quit (ctrl+q)")
    deadline = time.monotonic() + WAIT
    while not term.exit_file.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert term.ended() == "exit status 0", f"offload did not quit cleanly:\n{term.everything()}"
    after = term.everything()
    assert not [t for t in FAILURE_TEXT if t in after], f"error text after quitting:\n{after}"
    assert term.crash_files() == []
