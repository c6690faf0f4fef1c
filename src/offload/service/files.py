"""Files the user asks Offload to write (export, brief, screenshot): one writer, one set of rules."""

from __future__ import annotations

import os
from pathlib import Path

from offload.domain.errors import StorageError
from offload.service.context import Context
from offload.store import files


class FileService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def write_text(self, path: str | Path, text: str, force: bool = False) -> Path:
        """Write `text` to the file the user named; AlreadyExists unless `force`; never the
        database, its journals or its backups, whatever `force` says. Returns the full path."""
        return files.write_text(path, text, self.ctx.store.path, force)

    def screenshot_folder(self) -> Path:
        """Where the app saves a screenshot: the current folder, or the database's folder when
        the current one cannot be written (the app was started from / or a read-only place), is
        gone (removed since the app started) or is the backups folder."""
        beside = self.ctx.store.path.absolute().parent
        try:
            here = Path.cwd()
        except OSError:
            return beside
        if os.access(here, os.W_OK | os.X_OK) and not files.holds_offloads_own(here, self.ctx.store.path):
            return here
        return beside

    def save_screenshot(self, svg: str) -> Path:
        """A new SVG file named after the moment, never over another; returns where it went."""
        stamp = self.ctx.now().strftime("%Y%m%d-%H%M%S")
        folder = self.screenshot_folder()
        try:
            return files.write_unique(folder, f"offload-screenshot-{stamp}", ".svg", files.text_filler(svg))
        except OSError as exc:
            raise StorageError(f"Cannot save the screenshot in {folder}: {exc.strerror or exc}.") from exc


def save_new_text(folder: Path, stem: str, suffix: str, text: str) -> Path:
    """A new owner-only file in `folder` named `stem + suffix` (or `stem-2 + suffix`...), never
    over another (a crash report); OSError if it cannot be written there."""
    return files.write_unique(folder, stem, suffix, files.text_filler(text))
