"""Why a file could not be read, in one line a runner can understand."""

from __future__ import annotations


class BadFile(Exception):
    """A file that cannot be read as an activity. ``str()`` is a one-line reason."""


class UnsafeFile(BadFile):
    """A file refused on purpose: it looks built to exhaust memory or reach other files."""
