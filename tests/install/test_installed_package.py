"""The suite tests the copy of Offload a user installs. In CI (`CI` set, as CI services and
.ci/run set it) the run fails if `offload` came from this checkout's src/ or from an editable
install; a contributor working editable day to day is not bothered."""

from __future__ import annotations

import json
import os
import sys
from importlib import metadata
from pathlib import Path

import pytest

import offload

ROOT = Path(__file__).resolve().parents[2]


def where_offload_comes_from() -> str | None:
    """Why this is not the installed package, or None when it is."""
    package = Path(offload.__file__).resolve().parent
    if (ROOT / "src") in package.parents:
        return f"offload was imported from this checkout's src/ ({package})"
    try:
        direct = metadata.distribution("offload").read_text("direct_url.json")
    except metadata.PackageNotFoundError:
        return f"offload at {package} is not an installed distribution"
    if direct and json.loads(direct).get("dir_info", {}).get("editable"):
        return f"offload is an editable install ({package})"
    return None


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
