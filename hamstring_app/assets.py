"""Files shipped with the app (resources/ in the source tree, inside the wheel)."""

from __future__ import annotations

from importlib.resources import as_file, files
from importlib.resources.abc import Traversable
from pathlib import Path


def resource(*parts: str) -> Traversable:
    """A shipped resource, e.g. ``resource("exercises.toml")``."""
    node = files("hamstring_app.resources")
    for part in parts:
        node = node / part
    return node


def resource_path(*parts: str) -> Path:
    """A real filesystem path for APIs that need one (Qt loaders)."""
    with as_file(resource(*parts)) as p:
        return Path(p)


def doc_path(name: str) -> Path:
    """A page of the user documentation (docs/NAME). It is package data
    (``hamstring_app.docs``, mapped from docs/ in pyproject.toml), so a plain wheel install
    has it; the bundle keeps it in ``docs/`` beside the package (see
    packaging/hamstring-coach.spec), and a source tree that is not installed in docs/."""
    try:
        node = files("hamstring_app.docs") / name
        if node.is_file():
            with as_file(node) as p:
                return Path(p)
    except (ModuleNotFoundError, OSError):
        pass
    package = Path(__file__).resolve().parent
    for folder in (package / "docs", package.parent / "docs"):
        if (folder / name).is_file():
            return folder / name
    return package.parent / "docs" / name
