"""Opening the app (on the log, or on a demo week) and writing a crash file when it stops on an error."""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import sys
import tempfile
import traceback
from pathlib import Path

from offload.cli.session import make_clock, open_service
from offload.domain.clock import ShiftedClock
from offload.domain.demo import SHOT_NOW, SHOT_ZONE
from offload.service.demo import create_demo
from offload.service.files import save_new_text
from offload.tui.app import OffloadApp


def run_tui(args: argparse.Namespace) -> int:
    if getattr(args, "demo", False):
        return run_demo_tui()
    svc = open_service(args)
    return _run_app(OffloadApp(svc), svc.path.parent, svc.clock)


def _run_app(app, folder: Path, clock) -> int:
    """Run the app; after a crash (Textual has printed the error) write its details to a new
    owner-only file, say where, and exit non-zero so a script or a wrapper knows."""
    app.run()
    crashed = app.crashed
    if crashed is None:
        return app.return_code or 0
    details = "".join(traceback.format_exception(crashed))
    now = clock.now()
    text = f"Offload stopped on an error at {now:%Y-%m-%d %H:%M:%S %Z}.\n\n{details}"
    for place in (folder, Path(tempfile.gettempdir())):
        try:
            written = save_new_text(place, f"offload-crash-{now:%Y%m%d-%H%M%S}-{os.getpid()}", ".txt", text)
        except OSError:
            continue
        print(f"offload: stopped on an error; the details are in {written}. Your log is saved as you go.",
              file=sys.stderr)
        break
    else:
        print(f"offload: stopped on an error (no file could be written for the details):\n{details}", file=sys.stderr)
    return app.return_code or 1


def run_demo_tui() -> int:
    """The app on a demo week in a temporary folder, removed afterwards; the user's log is never opened."""

    def leave(signum, frame):  # a closed terminal or kill: still remove the demo folder
        raise SystemExit(128 + signum)

    for sig in (signal.SIGHUP, signal.SIGTERM):
        signal.signal(sig, leave)
    folder = Path(tempfile.mkdtemp(prefix="offload-demo-"))
    try:
        # The demo lives in its own Thursday afternoon, whatever today is, so the week
        # under review is full; its clock still runs, so the timer counts live.
        svc = create_demo(folder / "demo.db", ShiftedClock(SHOT_NOW, SHOT_ZONE))
        try:
            # The details outlive the demo's folder; named by the real clock, not the demo's.
            return _run_app(OffloadApp(svc, demo=True), Path(tempfile.gettempdir()), make_clock())
        finally:
            svc.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
