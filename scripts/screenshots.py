"""Screenshots of every screen on the demo week, with the fixed clock, at 120x36.

    python scripts/screenshots.py          # writes screenshots/*.svg
    python scripts/screenshots.py --png    # and a PNG of each (needs rsvg-convert)

The snapshot tests (tests/app/test_snapshots.py) drive the same VIEWS, so the README's
pictures and the tests show the same thing.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from offload.domain.clock import FrozenClock  # noqa: E402
from offload.domain.demo import SHOT_NOW, SHOT_ZONE  # noqa: E402

SIZE = (120, 36)
OUT = ROOT / "screenshots"
FIXED_CWD = "/tmp"


@dataclass(frozen=True)
class View:
    name: str
    keys: tuple[str, ...]
    theme: str = "textual-dark"
    about: str = ""


# The demo's "now" is two weeks after its audit week (the week after it, two skill sets were
# handed over); its audit period is saved, so the Review, Grouping and brief open on it.
AUDIT_WEEK: tuple[str, ...] = ()

VIEWS = [
    # Escape first: the Log starts in its task field, where number keys are typed, not obeyed.
    View("log", ("escape",), about="The Log screen with a timer running"),
    View("review", ("escape", "2", *AUDIT_WEEK), about="The Review screen: the week per task, highlights marked"),
    View("review-by-day", ("escape", "2", *AUDIT_WEEK, "d"), about="The Review's by-day view"),
    View("review-timeline", ("escape", "2", *AUDIT_WEEK, "w"), about="The Review's timeline: the week at a glance"),
    View("grouping", ("escape", "2", *AUDIT_WEEK, "3"), about="The Grouping screen with suggestions"),
    View("brief", ("escape", "2", *AUDIT_WEEK, "3", "b"), about="The brief preview"),
    View("help", ("escape", "2", *AUDIT_WEEK, "question_mark"), about="The help screen (?) over the Review"),
    View("review-light", ("escape", "2", *AUDIT_WEEK), theme="textual-light", about="The Review in a light theme"),
    View("compare", ("escape", "4"), about="The Compare screen: did handing over pay off?"),
]


def demo_app(folder: Path, theme: str = "textual-dark"):
    """The app on a fresh demo database in `folder`, its clock frozen at the screenshot instant."""
    from offload.service.demo import create_demo
    from offload.tui.app import OffloadApp

    svc = create_demo(folder / "demo.db", FrozenClock(SHOT_NOW, SHOT_ZONE))
    svc.settings.set("theme", theme)
    # A tick far away: nothing moves while the picture is taken. The app opens its own connection.
    app = OffloadApp(svc, tick_seconds=3600, demo=True)
    svc.close()
    return app


async def settle(pilot) -> None:
    """Still pictures: what the app was asked to read is shown, no blinking cursor, no pending refresh."""
    from textual.widgets import Input

    await pilot.app.data.idle()  # the app reads off the UI thread: wait for its answers
    await pilot.pause()
    for screen in pilot.app.screen_stack:
        for field in screen.query(Input):
            field.cursor_blink = False
    await pilot.pause()


async def shoot(view: View, folder: Path) -> str:
    app = demo_app(folder, view.theme)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for key in view.keys:
            await pilot.press(key)
            await settle(pilot)
        svg = app.export_screenshot(title=f"Offload: {view.about or view.name}")
    return svg


async def main(png: bool) -> None:
    OUT.mkdir(exist_ok=True)
    # The brief dialog offers to save into the current folder: a fixed one keeps pictures stable.
    os.chdir(FIXED_CWD)
    for view in VIEWS:
        folder = Path(tempfile.mkdtemp(prefix="offload-shot-"))
        try:
            svg = await shoot(view, folder)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        target = OUT / f"{view.name}.svg"
        target.write_text(svg, encoding="utf-8", newline="\n")
        print(target.relative_to(ROOT))
        if png:
            subprocess.run(["rsvg-convert", "-o", str(target.with_suffix(".png")), str(target)], check=True)


if __name__ == "__main__":
    asyncio.run(main("--png" in sys.argv))
