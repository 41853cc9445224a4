"""Shared by the export/import tests."""

from datetime import date

TODAY = date(2026, 3, 16)
