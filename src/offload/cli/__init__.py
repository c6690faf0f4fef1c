"""The `offload` command: with no command it opens the TUI; otherwise one use case per command."""

# Running a command imports only its own module (timer, entries, tasks, reports, interop,
# maintenance), each holding its commands' options beside their bodies; the parser and
# argparse's workarounds are in parsing, what commands print in output, the clock and the
# service in session, the app and its crash files in launch. Nothing here imports Textual.

from offload.cli.parsing import COMMANDS, build_parser, command_named
from offload.cli.run import main

__all__ = ["COMMANDS", "build_parser", "command_named", "main"]
