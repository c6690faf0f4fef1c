"""`offload status` runs in shell prompts: it loads only what it uses (see bench/)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from offload.cli import COMMANDS, build_parser, command_named


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_each_command_parses_alone_as_in_the_full_parser(name):
    with pytest.raises(SystemExit) as done:
        build_parser(only=name).parse_args([name, "--help"])
    assert done.value.code == 0


def test_the_command_is_found_past_the_global_options():
    assert command_named(["--db", "status", "status"]) == "status"
    assert command_named(["--db=x.db", "report", "--all"]) == "report"
    assert command_named(["--help"]) is None
    assert command_named(["stat"]) is None
    assert command_named([]) is None


def test_status_imports_neither_textual_sqlite_utils_pendulum_nor_other_use_cases(tmp_path):
    code = (
        "import sys, runpy; sys.argv = ['offload', '--db', sys.argv[1], 'status']\n"
        "try:\n    runpy.run_module('offload', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "heavy = ('textual', 'sqlite_utils', 'pendulum', 'rich', 'offload.service.grouping',"
        " 'offload.service.interop', 'offload.service.report')\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)), file=sys.stderr)\n"
    )
    env = {}  # nothing from this shell: the installed package alone
    proc = subprocess.run([sys.executable, "-c", code, str(tmp_path / "o.db")], capture_output=True, text=True,
                          env=env, timeout=60)
    assert proc.stderr.strip().splitlines()[-1] == "[]", proc.stderr


# The modules a timer command may load of the service: the facade and the Log, nothing else.
TIMER_SERVICE = ("offload.service", "offload.service.app", "offload.service.context", "offload.service.daily",
                 "offload.service.log")
NEVER = ("textual", "rich", "sqlite_utils")
# Reading a typed time needs pendulum (and the weeks, for the message); a plain start or stop does not.
FAST = [
    (["start", "Write"], ("pendulum", "offload.domain.weeks", "offload.domain.timeparse")),
    (["stop"], ("pendulum", "offload.domain.weeks", "offload.domain.timeparse")),
    (["add", "Calls", "--from", "9:00", "--to", "9:30"], ()),
]


def test_start_stop_and_add_load_only_the_log_of_the_use_cases(tmp_path):
    code = (
        "import sys, runpy; sys.argv = ['offload', '--db', *sys.argv[1:]]\n"
        "try:\n    runpy.run_module('offload', run_name='__main__')\n"
        "except SystemExit as exc:\n    print('exit', exc.code, file=sys.stderr)\n"
        "print(' '.join(sorted(sys.modules)), file=sys.stderr)\n"
    )
    env = {"OFFLOAD_NOW": "2026-11-20T12:00:00Z", "TZ": "UTC"}  # nothing else from this shell
    for args, also_never in FAST:
        proc = subprocess.run([sys.executable, "-c", code, str(tmp_path / "o.db"), *args], capture_output=True,
                              text=True, env=env, timeout=60)
        *_, said, loaded = proc.stderr.strip().splitlines()
        assert said == "exit 0", proc.stderr
        bad = [m for m in loaded.split() if m.startswith(NEVER + also_never)
               or (m.startswith("offload.service") and m not in TIMER_SERVICE)]
        assert bad == [], f"offload {' '.join(args)} loads {bad}"


def test_version_prints_the_packages_version_without_loading_textual():
    code = (
        "import sys, runpy; sys.argv = ['offload', '--version']\n"
        "try:\n    runpy.run_module('offload', run_name='__main__')\n"
        "except SystemExit as exc:\n    print('exit', exc.code, file=sys.stderr)\n"
        "print(sorted(m for m in sys.modules if m.startswith(('textual', 'rich', 'sqlite3'))), file=sys.stderr)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={}, timeout=60)
    from offload import __version__

    assert proc.stdout == f"offload {__version__}\n"
    assert proc.stderr.strip().splitlines()[-2:] == ["exit 0", "[]"], proc.stderr
