"""Hamstring Coach: self-management for runners with hamstring pain."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("hamstring-coach")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0+source"

APP_NAME = "Hamstring Coach"
APP_ID = "hamstring-coach"
ORG_NAME = "HamstringCoach"
