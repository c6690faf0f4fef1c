"""One command line, run: parse it, call its command, and turn refusals into messages and exit statuses."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Sequence

from offload.cli.output import shown
from offload.cli.parsing import build_parser, command_named, join_times_ago, only_the_version, refuse_extra
from offload.cli.session import forget_opened, warn_unreadable_zones
from offload.domain.errors import AlreadyExists, NoDatabase, OffloadError


def main(argv: Sequence[str] | None = None) -> int:
    argv = join_times_ago(sys.argv[1:] if argv is None else argv)
    forget_opened()
    parser = build_parser(only="" if only_the_version(argv) else command_named(argv))
    try:
        args, extra = parser.parse_known_args(argv)
        if extra:
            refuse_extra(parser, args, extra)
    except SystemExit as exc:  # --help, or a refused argument (already said on stderr)
        return exc.code if isinstance(exc.code, int) else 2
    try:
        if args.command is None:
            # Imported here, not above: the app (and Textual) loads only when no command is given.
            from offload.cli.launch import run_tui

            return run_tui(args)
        code = args.run(args)
        if args.command != "doctor":
            warn_unreadable_zones()
        return code
    except OffloadError as exc:
        if isinstance(exc, NoDatabase) and not Path(exc.path).is_absolute() and _folder_gone():
            return 2
        if isinstance(exc, NoDatabase) and not exc.explicit:
            return _nothing_yet(args, exc)
        hint = " Add --force to replace it." if isinstance(exc, AlreadyExists) else ""
        print(f"offload: {shown(exc.message)}{hint}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except FileNotFoundError:
        if _folder_gone():
            return 2
        raise
    except BrokenPipeError:  # `offload log | head`: the reader left, nothing to say
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        return 0
    except _database_error() as exc:  # looked up only when an error gets this far
        print(f"offload: the database {args.db or '(default)'} failed: {exc}.", file=sys.stderr)
        return 3


# A reading command where nothing was logged yet: its exit status, and whether its standard
# output is data (export, brief, plan), so the words go to standard error.
_NOTHING_YET = {"status": (1, False), "log": (0, False), "report": (0, False), "export": (1, True),
                "brief": (1, True), "plan": (1, True), "compare": (1, True), "handover": (0, False)}


def _nothing_yet(args: argparse.Namespace, exc) -> int:
    code, data = _NOTHING_YET.get(args.command, (1, True))
    if args.command == "status" and args.format is not None:
        return code  # a prompt shows nothing
    print(exc.message, file=sys.stderr if data else sys.stdout)
    return code


def _folder_gone() -> bool:
    """True, after saying so, when the shell's current folder was removed: a relative path
    (a file name alone) names nothing then."""
    try:
        os.getcwd()
    except FileNotFoundError:
        print("offload: the current folder was removed; cd to a folder that exists, or give full paths.",
              file=sys.stderr)
        return True
    return False


def _database_error() -> type[Exception]:
    """What the database raises beneath the service's own refusals (imported late: `offload
    --version` loads no database code)."""
    from offload.service import DatabaseError

    return DatabaseError
