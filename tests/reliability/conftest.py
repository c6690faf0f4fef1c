"""Fixtures for the reliability tests."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest


@pytest.fixture
def fast_dir(tmp_path: Path):
    """A folder in memory (/dev/shm) where there is one: the concurrency tests commit hundreds
    of times and are about locking, not about how long the disk takes to sync."""
    shm = Path("/dev/shm")
    if shm.is_dir():
        try:
            folder = Path(tempfile.mkdtemp(prefix="offload-rel-", dir=shm))
        except OSError:
            folder = None
        if folder is not None:
            yield folder
            shutil.rmtree(folder, ignore_errors=True)
            return
    yield tmp_path
