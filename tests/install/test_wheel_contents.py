"""The wheel a user installs holds every file the code loads: each style sheet a screen, dialog
or widget names (CSS_PATH, or a path beside its module), and every other non-Python file
kept in the package's folders. The installed app once crashed at its first dialog because the
dialogs' style sheets were not in the wheel, while the suite, reading src/, never saw it."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path, PurePosixPath

import pytest

import offload

ROOT = Path(__file__).resolve().parents[2]
# A data file's name as the code writes it: "dialogs.tcss", Path(__file__).parent / "x.tcss".
DATA_SUFFIXES = (".tcss", ".css", ".json", ".txt", ".md", ".csv", ".toml", ".sql", ".ics")

pytestmark = pytest.mark.skipif(not (ROOT / "pyproject.toml").is_file() or not (ROOT / "src" / "offload").is_dir(),
                                reason="needs the source checkout to build the wheel from")


@pytest.fixture(scope="module")
def wheel_names(tmp_path_factory) -> set[str]:
    """The files in the wheel built from this checkout as pip builds it for `pip install .`:
    the sdist first, then the wheel from the sdist (so a file the sdist drops is missed too)."""
    # From a clean copy of the files git keeps: a build's leftovers in the checkout (an old
    # offload.egg-info lists files too) would hide a file the rules leave out.
    tree = tmp_path_factory.mktemp("checkout")
    for path in tracked_files(""):
        (tree / path.relative_to(ROOT)).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, tree / path.relative_to(ROOT))
    out = tmp_path_factory.mktemp("dist")
    proc = subprocess.run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(tree)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    (wheel,) = out.glob("offload-*.whl")
    with zipfile.ZipFile(wheel) as zf:
        return set(zf.namelist())


def tracked_files(folder: str) -> list[Path]:
    """The files under `folder` as git keeps them, with their changes not yet committed (not
    caches or files a build left behind); new files count once git is told of them."""
    proc = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "--", folder or "."],
                          cwd=ROOT, capture_output=True, text=True)
    if proc.returncode != 0:  # a source tree without git: every file but caches and builds
        skip = {"__pycache__", ".git", ".venv", "build", "dist"}
        return [p for p in (ROOT / folder).rglob("*")
                if p.is_file() and not skip & set(p.relative_to(ROOT).parts) and ".egg-info" not in str(p)]
    return [ROOT / line for line in proc.stdout.splitlines() if (ROOT / line).is_file()]


def source_files() -> list[Path]:
    return tracked_files("src/offload")


def in_wheel(path: Path) -> str:
    return str(PurePosixPath(*path.relative_to(ROOT / "src").parts))


def test_every_file_of_the_package_is_in_the_wheel(wheel_names: set[str]) -> None:
    files = source_files()
    assert any(p.suffix == ".tcss" for p in files)
    missing = sorted(in_wheel(p) for p in files if in_wheel(p) not in wheel_names)
    assert not missing, f"in src/ but not in the wheel: {missing}"


def _named_data_files(path: Path) -> set[Path]:
    """Every data file a module names by a string constant, resolved beside the module."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.endswith(DATA_SUFFIXES) \
                and "/" not in node.value.strip("./") and " " not in node.value and node.value[:1] not in ".*":
            names.add(path.parent / node.value)
    return names


def test_every_data_file_the_code_names_is_in_the_wheel(wheel_names: set[str]) -> None:
    named = set()
    for path in (ROOT / "src" / "offload").rglob("*.py"):
        named |= _named_data_files(path)
    named = {p for p in named if p.exists() or p.suffix == ".tcss"}  # a style sheet named must exist
    assert any(p.name == "dialogs.tcss" for p in named), "the search for named files found the dialogs' sheet"
    missing = sorted(in_wheel(p) for p in named if in_wheel(p) not in wheel_names)
    assert not missing, f"named in the code but not in the wheel: {missing}"


def _css_paths() -> set[Path]:
    """Every CSS_PATH of every class in the app, resolved as Textual resolves it: a relative
    path is beside the module that defines the class."""
    import offload.tui

    found = set()
    for info in pkgutil.walk_packages(offload.tui.__path__, "offload.tui."):
        module = importlib.import_module(info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ != module.__name__ or not getattr(cls, "CSS_PATH", None):
                continue
            paths = cls.CSS_PATH if isinstance(cls.CSS_PATH, list) else [cls.CSS_PATH]
            for css in paths:
                css = Path(css)
                found.add(css if css.is_absolute() else Path(inspect.getfile(cls)).parent / css)
    return found


def test_every_css_path_is_in_the_wheel(wheel_names: set[str]) -> None:
    package = Path(offload.__file__).resolve().parent
    paths = _css_paths()
    assert len(paths) >= 7, paths  # the app's, each screen's and the one all dialogs share
    missing = []
    for path in paths:
        name = str(PurePosixPath("offload", *path.resolve().relative_to(package).parts))
        if name not in wheel_names:
            missing.append(name)
    assert not missing, f"style sheets the app loads but the wheel lacks: {sorted(missing)}"
