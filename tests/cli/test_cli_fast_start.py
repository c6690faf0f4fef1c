"""`offload status` runs in shell prompts, and start, stop and add in scripts and key bindings:
each loads only what it uses (see bench/), never the app, the importers or the reports."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from offload.cli import COMMANDS, build_parser, command_named

# What a fast command never loads: Textual, the importers, the reports and documents, and
# the command line's modules for the other commands.
SLOW = ("textual", "rich", "sqlite_utils", "offload.tui", "offload.domain.importers", "offload.service.report",
        "offload.service.grouping", "offload.service.interop", "offload.service.audit", "offload.service.compare",
        "offload.service.demo", "offload.cli.reports", "offload.cli.interop", "offload.cli.maintenance",
        "offload.cli.tasks", "offload.cli.launch")
FAST = ["status", "start", "stop", "add"]


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
LOG_ONLY = [
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
    for args, also_never in LOG_ONLY:
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


def loaded_after(code: str, *argv: str, env: dict | None = None) -> tuple[list[str], str]:
    """The modules a fresh interpreter holds after running `code` (given argv), and its stderr."""
    probe = code + "\nprint(json.dumps(sorted(sys.modules)), file=sys.stderr)\n"
    proc = subprocess.run([sys.executable, "-c", "import json, sys\n" + probe, *argv], capture_output=True,
                          text=True, env=env or {}, timeout=60)
    *said, last = proc.stderr.strip().splitlines()
    return json.loads(last), "\n".join(said)


RUN = ("import runpy\nsys.argv = ['offload', *sys.argv[1:]]\n"
       "try:\n    runpy.run_module('offload', run_name='__main__')\n"
       "except SystemExit as exc:\n    print('exit', exc.code, file=sys.stderr)\n")
AT = {"OFFLOAD_NOW": "2026-11-20T10:00:00Z", "OFFLOAD_TZ": "Europe/London"}


def test_status_start_stop_and_add_load_none_of_the_slow_modules(tmp_path):
    db = str(tmp_path / "o.db")
    # In the order a day has them, each on the log the one before left: status with a timer running.
    for argv, code in ((["start", "Invoices", "--at", "9:00"], 0), (["status"], 0), (["stop"], 0),
                       (["add", "Calls", "--from", "8:00", "--to", "8:30"], 0), (["status"], 1),
                       (["start", "Email"], 0)):
        modules, said = loaded_after(RUN, "--db", db, *argv, env=AT)
        assert said.splitlines()[-1] == f"exit {code}", (argv, said)
        slow = [m for m in modules if m.startswith(SLOW)]
        assert not slow, f"offload {' '.join(argv)} loaded {slow}"
        if argv[0] == "status":
            assert not [m for m in modules if m.startswith(("pendulum", "offload.domain.timeparse"))], modules


@pytest.mark.parametrize("name", FAST)
def test_the_parser_for_a_fast_command_imports_only_that_commands_module(name):
    modules, _ = loaded_after("from offload.cli import build_parser\nbuild_parser(only=sys.argv[1])", name)
    own = "offload.cli." + COMMANDS[name]
    others = {"offload.cli." + m for m in COMMANDS.values()} - {own}
    assert own in modules
    assert not others & set(modules), sorted(others & set(modules))
    assert not [m for m in modules if m.startswith(SLOW)], modules


def test_the_full_parser_holds_every_command():
    parser = build_parser()
    assert sorted(parser.commands) == sorted(COMMANDS)  # type: ignore[attr-defined]
