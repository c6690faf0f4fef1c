"""The parser: the global options, the table of commands, and what argparse needs done around it."""

from __future__ import annotations

import argparse
import textwrap
from importlib import import_module
from pathlib import Path
from typing import Callable, Sequence

from offload import __version__

# Each command and the module under offload.cli holding its options and its body, in the order
# `offload --help` lists them. Only the module of the command being run is imported.
COMMANDS: dict[str, str] = {
    "start": "timer", "stop": "timer", "resume": "timer", "add": "entries", "edit": "entries",
    "delete": "entries", "status": "timer", "config": "maintenance", "doctor": "maintenance",
    "demo": "maintenance", "rename": "tasks", "merge": "tasks", "log": "entries", "report": "reports",
    "export": "interop", "import": "interop", "backup": "maintenance", "restore": "maintenance",
    "brief": "reports", "plan": "reports", "handover": "reports", "compare": "reports",
}

Run = Callable[[argparse.Namespace], int]
# What a command module's `register(add)` is given: add(name, run, help, example) -> its parser.
Add = Callable[[str, Run, str, str], argparse.ArgumentParser]


class Parser(argparse.ArgumentParser):
    """argparse, with its refusals on one line and a pointer to --help."""

    def error(self, message: str):
        self.exit(2, f"{self.prog}: {message} (see {self.prog} --help)\n")


class Unused:
    """Stands in for the parser of a command not being run: takes arguments, keeps nothing."""

    def __getattr__(self, name: str):
        return lambda *args, **kwargs: self


def command_named(argv: Sequence[str]) -> str | None:
    """The command in argv, read past the global options; None when unsure (help, a typo)."""
    args = list(argv)
    i = 0
    while i < len(args):
        token = args[i]
        if token == "--db":
            i += 2
            continue
        if token.startswith("--db=") or token == "--demo":
            i += 1
            continue
        return token if token in COMMANDS else None
    return None


def only_the_version(argv: Sequence[str]) -> bool:
    """`offload --version` (past the global options): argparse says it before reading any
    command, so the parser needs none of them."""
    args = list(argv)
    i = 0
    while i < len(args) and (args[i] == "--db" or args[i].startswith("--db=") or args[i] == "--demo"):
        i += 2 if args[i] == "--db" else 1
    return i < len(args) and args[i] == "--version"


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole command line; with `only`, that command's arguments alone, from its module alone
    (building all the sub-parsers cost `offload status` about 20 ms, more than the interpreter's
    start); with `only=""`, no command (for --version)."""
    parser = Parser(
        prog="offload",
        description="Log a week of work, highlight what to hand over, group it into skill sets, write the brief.",
        epilog="With no command, opens the app. Example: offload --db ~/week.db",
    )
    parser.add_argument("--db", type=Path, default=None, help="database file (default: $OFFLOAD_DB or the user data folder)")
    parser.add_argument("--demo", action="store_true",
                        help="open the app on a made-up week in a temporary database (yours is not touched)")
    parser.add_argument("--version", action="version", version=f"offload {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    parser.commands = {}  # type: ignore[attr-defined]  # name -> its parser, to point at its --help

    def adder(wanted: str) -> Add:
        """`add` for one command: the others its module registers get a stand-in."""

        def add(name: str, run: Run, help: str, example: str) -> argparse.ArgumentParser:
            if name != wanted:
                return Unused()  # type: ignore[return-value]
            p = sub.add_parser(name, help=help, description=textwrap.fill(help, 80), epilog=f"Example: {example}",
                               formatter_class=argparse.RawDescriptionHelpFormatter)
            p.add_argument("--db", type=Path, default=argparse.SUPPRESS, help="database file")
            p.set_defaults(run=run)
            parser.commands[name] = p  # type: ignore[attr-defined]
            return p

        return add

    for name, module in COMMANDS.items():
        if only is None or name == only:
            import_module(f"offload.cli.{module}").register(adder(name))
    return parser


def force_option(p: argparse.ArgumentParser) -> None:
    """--force, for the commands that write a file."""
    p.add_argument("--force", action="store_true",
                   help="replace the file if it exists (never the database or its backups)")


_TIME_OPTIONS = ("--at", "--from", "--to")


def join_times_ago(argv: Sequence[str]) -> list[str]:
    """`--at -15m` as `--at=-15m`: argparse would take a time ago for an option of its own."""
    out: list[str] = []
    args = list(argv)
    i = 0
    while i < len(args):
        arg = args[i]
        if arg in _TIME_OPTIONS and i + 1 < len(args) and args[i + 1].startswith("-") \
                and args[i + 1][1:2].isdigit():
            out.append(f"{arg}={args[i + 1]}")
            i += 2
            continue
        out.append(arg)
        i += 1
    return out


def refuse_extra(parser: argparse.ArgumentParser, args: argparse.Namespace, extra: list[str]) -> None:
    """An argument no parser took, refused by the command it was given to, so the pointer
    goes to that command's --help (`offload brief --foo` -> see offload brief --help)."""
    owner = parser.commands.get(args.command, parser) if args.command else parser  # type: ignore[attr-defined]
    word = extra[0]
    if word.startswith("-") and len(word) > 1:
        owner.error(f"unknown option {word.split('=', 1)[0]}")
    owner.error(f"unexpected argument '{word}'")
