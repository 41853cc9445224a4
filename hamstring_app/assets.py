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
