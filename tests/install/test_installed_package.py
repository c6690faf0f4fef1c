"""The suite tests the copy of Offload a user installs. In CI (`CI` set, as CI services and
.ci/run set it) the run fails if `offload` came from this checkout's src/ or from an editable
install: at its start, whatever part of the suite runs (tests/conftest.py), and here again;
a contributor working editable day to day is not bothered."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

import offload
from tests.helpers.installed import where_offload_comes_from


@pytest.mark.skipif(not os.environ.get("CI"), reason="only in CI: a contributor may work on an editable install")
def test_in_ci_the_suite_runs_against_the_installed_wheel() -> None:
    problem = where_offload_comes_from()
    assert problem is None, problem
    assert "site-packages" in Path(offload.__file__).parts, offload.__file__


def test_the_console_script_beside_this_python_runs_the_same_offload() -> None:
    """The tests that start `offload` in a terminal start this one: the same package."""
    script = Path(sys.executable).parent / "offload"
    assert script.is_file(), f"no console script at {script}: install the package (README, Testing)"
    assert "offload.cli" in script.read_text(encoding="utf-8", errors="replace")
