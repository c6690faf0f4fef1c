"""Reading SQLite's failures: the error behind a guarded one, damage, and what a message means."""

from __future__ import annotations

from offload.domain.errors import StorageError


def root(exc: BaseException) -> BaseException:
    """SQLite's own error behind a guarded failure."""
    return exc.__cause__ if isinstance(exc, StorageError) and exc.__cause__ is not None else exc


def damaged(exc: BaseException) -> bool:
    text = str(exc).lower()
    return "malformed" in text or "not a database" in text or "corrupt" in text


def why(exc: BaseException) -> str:
    """SQLite's reason, with what it usually means for someone at a terminal."""
    text = str(exc)
    lowered = text.lower()
    if "readonly" in lowered or "read-only" in lowered:
        return text + " (the file or its folder cannot be written: check its permissions)"
    if "disk i/o error" in lowered or "disk is full" in lowered:
        return text + " (is the disk full, or a file-size limit reached?)"
    if "unable to open" in lowered:
        return text + " (check the permissions of the file and its folder)"
    return text
