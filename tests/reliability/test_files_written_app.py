"""In the app: the brief's Save asks before replacing a file; the palette's screenshot is saved
owner-only where the user can find it, and says where."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Static

from offload.tui.app import OffloadApp
from offload.tui.dialogs.brief import BriefPreview
from offload.tui.dialogs.questions import ConfirmDialog
from tests.helpers.weeks import log_week
from tests.helpers.app import press, settle

SIZE = (120, 36)


async def _brief_preview(app: OffloadApp, pilot) -> BriefPreview:
    await app.switch_mode("grouping")
    await settle(pilot)
    app.screen.query_one("#sets", DataTable).focus()
    await press(pilot, "b")
    await settle(pilot)
    assert isinstance(app.screen, BriefPreview)
    return app.screen


async def test_saving_the_brief_over_a_file_asks_first(service, tmp_path: Path) -> None:
    log_week(service)
    service.grouping.assign("Invoices", "Bookkeeping and accounts")
    target = tmp_path / "notes.md"
    target.write_text("my notes\n")
    app = OffloadApp(service, tick_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        preview = await _brief_preview(app, pilot)
        preview.query_one("#path", Input).value = str(target)
        await press(pilot, "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        assert str(target) in app.screen.question
        await press(pilot, "n")
        await settle(pilot)
        assert app.screen is preview
        assert target.read_text() == "my notes\n"
        await press(pilot, "ctrl+s")
        await settle(pilot)
        await press(pilot, "y")
        await settle(pilot)
        assert app.screen is preview
        assert target.read_text() == preview.markdown
        assert str(preview.query_one("#saved", Static).content) == f"Saved to {target}"


async def test_the_brief_is_never_saved_over_the_database(service, tmp_path: Path) -> None:
    log_week(service)
    service.grouping.assign("Invoices", "Bookkeeping and accounts")
    app = OffloadApp(service, tick_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        preview = await _brief_preview(app, pilot)
        preview.query_one("#path", Input).value = str(service.path)
        await press(pilot, "ctrl+s")
        await settle(pilot)
        assert app.screen is preview  # no question: the answer could only be no
        error = preview.query_one("#error", Static)
        assert error.display and "Offload's database" in str(error.content)
    assert service.log.today() is not None  # the database is still a database


async def test_the_screenshot_goes_to_the_current_folder_owner_only(service, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"
    home.mkdir()  # no Downloads folder in it
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_DOWNLOAD_DIR", raising=False)
    monkeypatch.chdir(here)
    app = OffloadApp(service, tick_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        app.deliver_screenshot()
        await settle(pilot)
        saved = list(here.glob("*.svg"))
        assert len(saved) == 1
        assert stat.S_IMODE(saved[0].stat().st_mode) == 0o600
        assert saved[0].read_text().startswith("<svg")
        said = [n.message for n in app._notifications]
        assert any(str(saved[0]) in m for m in said), said
        app.deliver_screenshot()  # a second in the same second: a new file, not over the first
        await settle(pilot)
        assert len(list(here.glob("*.svg"))) == 2


def test_a_screenshot_from_a_deleted_folder_goes_beside_the_database(service, tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """The app started in a folder removed since: the screenshot crashed the app."""
    gone = tmp_path / "gone"
    gone.mkdir()
    monkeypatch.chdir(gone)
    gone.rmdir()
    saved = service.files.save_screenshot("<svg/>")
    assert saved.parent == service.path.absolute().parent and saved.read_text() == "<svg/>"


def test_a_screenshot_is_never_put_in_the_backups_folder(service, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Started from inside backups/: that folder holds the database's copies and nothing else."""
    service.backups.backup()
    monkeypatch.chdir(service.path.absolute().parent / "backups")
    saved = service.files.save_screenshot("<svg/>")
    assert saved.parent == service.path.absolute().parent
