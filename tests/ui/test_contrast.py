"""Every text and background pair drawn with the app's own colours meets WCAG AA, in the
light palette and the dark one: 4.5:1 for text, 3:1 for large text and for the focus ring."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette

from hamstring_app.core.models import Verdict
from hamstring_app.ui.palette import apply_colours, build_palette, resolve
from hamstring_app.ui.theme import error_colour, is_dark, verdict_colour, verdict_fill

Role = QPalette.ColorRole
TEXT, LARGE = 4.5, 3.0


def luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: QColor, b: QColor) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_formula_matches_known_values():
    assert contrast(QColor("black"), QColor("white")) == pytest.approx(21.0)
    assert contrast(QColor("#767676"), QColor("white")) == pytest.approx(4.54, abs=0.01)


@pytest.fixture(params=["light", "dark"])
def scheme(request, qapp):
    before = qapp.palette()
    assert apply_colours(qapp, request.param) is (request.param == "dark")
    yield request.param
    qapp.setPalette(before)


def _pairs(palette: QPalette) -> list[tuple[str, QColor, QColor, float]]:
    c = palette.color
    pairs = [
        ("text on base", c(Role.Text), c(Role.Base), TEXT),
        ("text on alternate rows", c(Role.Text), c(Role.AlternateBase), TEXT),
        ("window text", c(Role.WindowText), c(Role.Window), TEXT),
        ("text on alternate base boxes", c(Role.WindowText), c(Role.AlternateBase), TEXT),
        ("button text", c(Role.ButtonText), c(Role.Button), TEXT),
        ("selected text", c(Role.HighlightedText), c(Role.Highlight), TEXT),
        ("links", c(Role.Link), c(Role.Base), TEXT),
        ("links on the window", c(Role.Link), c(Role.Window), TEXT),
        ("hint text", c(Role.PlaceholderText), c(Role.Base), TEXT),
        ("hint text on the window", c(Role.PlaceholderText), c(Role.Window), TEXT),
        ("tooltips", c(Role.ToolTipText), c(Role.ToolTipBase), TEXT),
        ("the focus ring", c(Role.Highlight), c(Role.Window), LARGE),
        ("the focus ring on a field", c(Role.Highlight), c(Role.Base), LARGE),
        ("the session's big 'Go'", c(Role.Highlight), c(Role.Window), LARGE),
        (
            "disabled text",
            c(QPalette.ColorGroup.Disabled, Role.WindowText),
            c(Role.Window),
            LARGE,
        ),
    ]
    for verdict in Verdict:
        for where in (Role.Window, Role.Base, Role.AlternateBase):
            pairs.append((f"{verdict.value} words on {where.name}", verdict_colour(verdict),
                          c(where), TEXT))
        pairs.append((f"white on the {verdict.value} fill", QColor("white"),
                      verdict_fill(verdict), TEXT))
    for where in (Role.Window, Role.Base):
        pairs.append((f"error text on {where.name}", error_colour(), c(where), TEXT))
    return pairs


def test_every_pair_meets_wcag_aa(scheme, qapp):
    assert is_dark() is (scheme == "dark")
    failures = [
        f"{name}: {fg.name()} on {bg.name()} is {contrast(fg, bg):.2f}:1, needs {need}:1"
        for name, fg, bg, need in _pairs(qapp.palette())
        if contrast(fg, bg) < need
    ]
    assert failures == []


def test_the_two_palettes_differ_and_follow_the_system_choice(qapp, monkeypatch):
    light, dark = build_palette(False), build_palette(True)
    assert luminance(light.color(Role.Window)) > 0.8 > 0.05 > luminance(dark.color(Role.Window))
    assert resolve("dark") and not resolve("light")
    from hamstring_app.ui import palette

    monkeypatch.setattr(palette, "system_wants_dark", lambda: True)
    assert resolve("system")


def test_view_colours_switches_and_remembers(session_factory, qtbot, home, qapp):
    before = qapp.palette()
    try:
        session = session_factory()
        window = session.window
        window.colour_actions["dark"].trigger()
        assert is_dark()
        assert window._settings.value("view/colours") == "dark"
        today = window.tabs.widget(0)
        today.refresh_now()
        window.colour_actions["light"].trigger()
        assert not is_dark()
    finally:
        qapp.setPalette(before)
