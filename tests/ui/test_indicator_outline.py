"""On the dark palette an unticked check box and an unchosen radio button have an edge
that shows: 3:1 against the window at least (Fusion's own was about 1.1:1)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QCheckBox, QRadioButton, QStyleFactory

from hamstring_app.ui.indicators import IndicatorStyle
from hamstring_app.ui.palette import build_palette


def _luminance(colour) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _best_contrast(widget) -> float:
    """The strongest contrast with the window among the pixels of the indicator (left of
    the text, which is empty here)."""
    widget.setPalette(build_palette(dark=True))
    widget.resize(widget.sizeHint())
    image = widget.grab().toImage()
    window = _luminance(widget.palette().color(widget.backgroundRole()))
    best = 1.0
    for y in range(image.height()):
        for x in range(min(image.width(), 24)):
            pixel = _luminance(image.pixelColor(x, y))
            high, low = max(pixel, window), min(pixel, window)
            best = max(best, (high + 0.05) / (low + 0.05))
    return best


@pytest.mark.parametrize("kind", [QCheckBox, QRadioButton])
def test_the_indicator_edge_shows_on_the_dark_palette(qtbot, kind):
    fusion = QStyleFactory.create("fusion")
    plain = kind("")
    qtbot.addWidget(plain)
    plain.setStyle(fusion)
    assert _best_contrast(plain) < 3  # the case this is for
    outlined = kind("")
    qtbot.addWidget(outlined)
    style = IndicatorStyle(QStyleFactory.create("fusion"))
    outlined.setStyle(style)
    assert _best_contrast(outlined) >= 3
