"""Dates as this computer's locale writes them: one format for every tab and dialog."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QDate, QLocale


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(qd: QDate) -> date:
    return date(qd.year(), qd.month(), qd.day())


def _numeric(fmt: str) -> str:
    """The locale's short date as numbers only: two-digit day and month, four-digit year,
    no weekday, so a date is typed section by section the way the locale writes it."""
    fmt = re.sub(r"d{3,}[,.]?\s*", "", fmt)  # a weekday name
    fmt = re.sub(r"y+", "yyyy", fmt)
    fmt = re.sub(r"M+", "MM", fmt)
    fmt = re.sub(r"(?<!d)d(?!d)", "dd", fmt)
    return fmt.strip()


def edit_format(locale: QLocale | None = None) -> str:
    """The display format for a date box (QDateEdit): e.g. dd/MM/yyyy or MM/dd/yyyy."""
    fmt = _numeric((locale or QLocale()).dateFormat(QLocale.FormatType.ShortFormat))
    sections = sum(1 for letter in "dMy" if letter in fmt)
    return fmt if sections == 3 else "yyyy-MM-dd"
