"""The week strip's cards: each top edge in its day's colour, from one style sheet; a
redraw of the same week restyles no card; a card's size is worked out once per text and
font (after an import the strip is redrawn in a turn of the event loop with little time)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QVBoxLayout, QWidget

from hamstring_app.core.models import Units, Verdict
from hamstring_app.core.runplan.types import PlanDay
from hamstring_app.ui.checkin.week_strip import WeekStrip
from hamstring_app.ui.theme import verdict_colour

KINDS = ["run", "easy", "rest", "short_easy", "no_run", "run", "rest"]
WEEK = [PlanDay(date(2026, 11, 30) + timedelta(days=i), KINDS[i], max_distance_km=6.0)
        for i in range(7)]


class Restyles(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.Polish):
            self.count += 1
        return False


def shown_strip(qtbot) -> tuple[QWidget, WeekStrip]:
    page = QWidget()
    qtbot.addWidget(page)
    strip = WeekStrip()
    QVBoxLayout(page).addWidget(strip)
    page.resize(900, 200)
    page.show()
    qtbot.waitExposed(page)
    strip.show_week(WEEK, Units.KM)
    qtbot.wait(10)
    return page, strip  # the page is kept by the caller: the strip lives in it


def near(a: QColor, b: QColor) -> bool:
    return max(abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue())) < 40


def test_each_card_has_its_days_colour_on_top(qtbot) -> None:
    _page, strip = shown_strip(qtbot)
    for button, day in zip(strip.buttons, WEEK, strict=True):
        picture = button.grab().toImage()
        top = QColor(picture.pixel(picture.width() // 2, 1))
        if day.running:
            verdict = {"run": Verdict.CONTINUE, "easy": Verdict.MODIFY,
                       "short_easy": Verdict.HOLD}[day.run_kind]
            assert near(top, verdict_colour(verdict)), (day.run_kind, top.name())
        else:
            mid = button.palette().color(QPalette.ColorRole.Mid)
            assert near(top, mid), (day.run_kind, top.name())


def test_the_same_week_again_restyles_no_card(qtbot) -> None:
    _page, strip = shown_strip(qtbot)
    spy = Restyles()
    for button in strip.buttons:
        button.installEventFilter(spy)
    strip.show_week(WEEK, Units.KM)
    qtbot.wait(10)
    assert spy.count == 0
    changed = [WEEK[0], *[PlanDay(d.day, "rest") for d in WEEK[1:]]]
    strip.show_week(changed, Units.KM)  # a card whose day changed takes its new colour
    qtbot.wait(10)
    picture = strip.buttons[1].grab().toImage()
    top = QColor(picture.pixel(picture.width() // 2, 1))
    assert near(top, strip.buttons[1].palette().color(QPalette.ColorRole.Mid)), top.name()


def test_a_cards_size_is_kept_yet_follows_its_text_and_font(qtbot) -> None:
    _page, strip = shown_strip(qtbot)
    card = strip.buttons[0]
    size = card.card_size()
    assert card.card_size() == size
    card.setText(card.text() + "\nanother, much longer line")
    longer = card.card_size()
    assert longer.width() > size.width() and longer.height() > size.height()
    font = card.font()
    font.setPointSizeF(font.pointSizeF() * 2)
    card.setFont(font)
    assert card.card_size().width() > longer.width()
