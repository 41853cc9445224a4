"""The week cards never clip their text: at 1280x800, 1024x700 and with a 150% font, every
card is wide and tall enough for its lines, the cards are one width, and the verdict column
needs no sideways scrolling."""

from __future__ import annotations

import pytest

from hamstring_app.core.rules.jsonio import parse_document
from hamstring_app.store import operations as op
from hamstring_app.ui.checkin.week_strip import BORDER, PADDING, TOP_EDGE


def _modify_day(env):
    """The documented example: modify, an easy run capped in km today ("Today Easy")."""
    import json
    from pathlib import Path

    doc = json.loads(Path("docs/examples/two-weeks-in.json").read_text())
    history, _day = parse_document(doc, cli_today=None, system_today=env.today)
    assert env.session.ctx.ops.run(op.import_history, history)
    return history


@pytest.mark.parametrize("font_scale", [1.0, 1.5], indirect=True)
@pytest.mark.parametrize("size", [(1280, 800), (1024, 700)])
def test_no_week_card_clips_its_text(env, qtbot, size, font_scale):
    env.clock.set_wall(env.clock.now().replace(day=16))  # the example's day
    _modify_day(env)
    window = env.session.window
    window.resize(*size)
    env.tab.refresh_now()
    qtbot.wait(50)
    strip = env.tab.plan.strip
    cards = [b for b in strip.buttons if not b.isHidden()]
    assert len(cards) == 7
    assert cards[0].text().startswith("Today\nEasy\n")
    for card in cards:
        fm = card.fontMetrics()
        lines = card.text().split("\n")
        need_w = max(fm.horizontalAdvance(line) for line in lines) + 2 * (BORDER + PADDING)
        need_h = fm.lineSpacing() * len(lines) + TOP_EDGE + BORDER + PADDING
        assert card.width() >= need_w, (card.text(), card.width(), need_w)
        assert card.height() >= need_h, (card.text(), card.height(), need_h)
    widths = [c.width() for c in cards]
    assert max(widths) - min(widths) <= 1  # one width (the layout shares out spare pixels)
    assert not env.tab.verdict_scroll.horizontalScrollBar().isVisible()
    assert strip.width() <= env.tab.verdict_scroll.viewport().width()
