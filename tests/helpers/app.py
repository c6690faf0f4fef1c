"""Pilot helpers for tests of the Offload app.

The app never waits on its database: its reads and changes run in workers (`app.data`). Textual's
own `pilot.pause()` waits for pending messages and a refresh, not for those workers. A test that
needs what a key asked for to be done and shown calls `settle(pilot)` or `press(pilot, ...)`.
"""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static

SIZE = (120, 36)


async def data_idle(pilot: Pilot) -> None:
    """Until the app's data object has no read or change under way (an app without one: at once)."""
    from offload.tui.data import Data

    data = getattr(pilot.app, "data", None)
    if isinstance(data, Data):  # the Offload app (a test's own small app may have none)
        await data.idle()


async def settle(pilot: Pilot) -> None:
    """Until what the app was asked to read or change is done and shown on screen."""
    await data_idle(pilot)
    await pilot.pause()
    await data_idle(pilot)
    await pilot.pause()


async def press(pilot: Pilot, *keys: str) -> None:
    """Each key once the app has answered the one before, as a person would see it answer."""
    for key in keys:
        await pilot.press(key)
        await data_idle(pilot)


async def type_into(pilot: Pilot, selector: str | None, text: str) -> Input:
    """`text` entered in the field `selector` (None: the focused field) at once, as a paste would:
    over the selection or at the cursor, the cursor after it; then `settle`. For tests that are
    not about typing key by key. The field must have the focus, as it would for a person typing."""
    screen = pilot.app.screen
    field = screen.focused if selector is None else screen.query_one(selector, Input)
    if isinstance(field, Input) and not field.has_focus:
        await pilot.pause()  # a focus() just asked for is applied with the next messages, as a key would wait
    assert isinstance(field, Input), f"no text field to type into: {field!r}"
    assert field.has_focus, f"{selector or field!r} does not have the focus: typing would go elsewhere"
    if field.selection.is_empty:
        field.insert_text_at_cursor(text)
    else:
        field.replace(text, *field.selection)
    await settle(pilot)
    return field


def text(screen, selector: str) -> str:
    """What the Static `selector` says."""
    return str(screen.query_one(selector, Static).content)


def rows(table: DataTable) -> list[list[str]]:
    """A table's cells, row by row, as text."""
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


def app_for(service):
    """The app on `service`, with a long tick: the tests drive the clock and call tick() themselves."""
    from offload.tui.app import OffloadApp

    return OffloadApp(service, tick_seconds=3600)


async def open_review(app, pilot: Pilot):
    """From the Log's task field to the Review (Esc, then 2); the Review screen, shown."""
    from offload.tui.screens.review import ReviewScreen

    await press(pilot, "escape", "2")
    await settle(pilot)
    assert isinstance(app.screen, ReviewScreen)
    return app.screen
