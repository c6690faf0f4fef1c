"""Where the `offload` the tests import comes from: the installed wheel, or not."""

from __future__ import annotations

import json
from importlib import metadata
from pathlib import Path

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
