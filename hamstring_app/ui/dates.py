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


ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def date_pattern(locale: QLocale | None = None) -> str:
    """The one way the app writes a date: the locale's long date with short names, e.g.
    "Tue, 3 Mar 2026" (en_GB) or "Tue, Mar 3, 2026" (en_US)."""
    fmt = (locale or QLocale()).dateFormat(QLocale.FormatType.LongFormat)
    fmt = re.sub(r"d{4,}", "ddd", fmt)
    return re.sub(r"M{4,}", "MMM", fmt)


def day_text(day: date, locale: QLocale | None = None) -> str:
    """A date the way every tab, dialog and graph shows it."""
    locale = locale or QLocale()
    return locale.toString(to_qdate(day), date_pattern(locale))


def day_month_text(day: date, locale: QLocale | None = None) -> str:
    """The same format without the year, where the year is plain from the context."""
    locale = locale or QLocale()
    return locale.toString(to_qdate(day), _without_year(date_pattern(locale)))


def _without_year(fmt: str) -> str:
    return re.sub(r"[,.]?\s*y+[年.]?\s*", " ", fmt).strip(" ,")


def axis_text(day: date, step: str, with_year: bool = False, locale: QLocale | None = None) -> str:
    """A graph's tick label in the same format, cut to what the step needs: "day" (weekday
    and day), "week" (day and month), "month" (month, with the year if asked)."""
    locale = locale or QLocale()
    qd = to_qdate(day)
    if step == "day":
        return locale.toString(qd, "ddd d")
    if step == "week":
        fmt = re.sub(r"d{3}[,.]?\s*", "", _without_year(date_pattern(locale))).strip(" ,")
        return locale.toString(qd, fmt)
    return locale.toString(qd, "MMM yyyy" if with_year else "MMM")


def localise_dates(text: str, locale: QLocale | None = None) -> str:
    """Text from the rules writes dates as YYYY-MM-DD (it knows no locale): show them in
    the app's one format."""

    def local(match: re.Match[str]) -> str:
        try:
            day = date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return match[0]
        return day_text(day, locale)

    return ISO_DATE.sub(local, text)
