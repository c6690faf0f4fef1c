"""Driving the real command palette (ctrl+p) in Pilot tests: what it lists for what is typed."""

from __future__ import annotations

from textual.command import CommandList
from tests.helpers.app import press, settle, type_into


async def palette_lists(pilot, typed: str) -> list[str]:
    """Open the palette, type `typed`, and read the names of the commands it lists."""
    await press(pilot, "ctrl+p")
    if typed:
        await type_into(pilot, None, typed)
    await pilot.app.workers.wait_for_complete()
    await settle(pilot)
    found = pilot.app.screen.query_one(CommandList)
    return [found.get_option_at_index(i).prompt.plain.split("\n")[0] for i in range(found.option_count)]


async def run_from_palette(pilot, name: str) -> None:
    """Open the palette, find the command `name` by typing it, and choose it with Enter."""
    names = await palette_lists(pilot, name)
    assert name in names, names
    pilot.app.screen.query_one(CommandList).highlighted = names.index(name)
    await press(pilot, "enter")
    await settle(pilot)
