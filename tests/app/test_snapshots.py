"""Snapshot tests: each screen on the demo week, fixed clock, 120x36 (the README's screenshots).

Plain sync tests, as pytest-textual-snapshot wants. Update after a deliberate change with
`pytest tests/app/test_snapshots.py --snapshot-update`, then look at the pictures.
"""

from __future__ import annotations

import pytest

from scripts.screenshots import FIXED_CWD, SIZE, VIEWS, demo_app
from scripts.screenshots import settle as still
from tests.helpers.app import press, settle


@pytest.mark.parametrize("view", VIEWS, ids=[v.name for v in VIEWS])
def test_view(view, snap_compare, tmp_path, monkeypatch):
    monkeypatch.chdir(FIXED_CWD)
    app = demo_app(tmp_path, view.theme)

    async def drive(pilot) -> None:
        await settle(pilot)  # the demo week read and shown
        await still(pilot)  # no blinking cursor
        for key in view.keys:
            await press(pilot, key)
            await settle(pilot)
            await still(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=drive)
