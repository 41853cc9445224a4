"""What a file's name says it is, how a file inside a container is named in the import's
list, and the hash that finds a file again on a second import."""

from __future__ import annotations

import hashlib

ACTIVITY_SUFFIXES = (".fit", ".gpx", ".tcx")
SEP = " › "  # between a container and what is inside it, in source names


def kind_of(name: str) -> tuple[str, bool]:
    """(".fit" | ".gpx" | ".tcx" | ".zip" | "", gzipped) from a file name."""
    lower = name.lower()
    gz = lower.endswith(".gz")
    if gz:
        lower = lower[:-3]
    for suffix in (*ACTIVITY_SUFFIXES, ".zip"):
        if lower.endswith(suffix):
            return suffix, gz
    return "", gz


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
