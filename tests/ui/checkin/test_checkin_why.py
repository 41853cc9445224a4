"""The "Why?" details: plain phrases, the runner's units, names instead of ids."""

from __future__ import annotations

from datetime import date, timedelta

from hamstring_app.core.demo import build_demo_history
from hamstring_app.core.library import load_library
from hamstring_app.core.models import (
    KM_PER_MILE,
    Advice,
    CheckIn,
    Level,
    Profile,
    Run,
    Units,
)
from hamstring_app.core.rules import evaluate
from hamstring_app.ui.checkin.questions import red_flag_phrases
from hamstring_app.ui.checkin.verdict_panel import AdviceItem
from hamstring_app.ui.checkin.why_text import why_lines
from hamstring_app.ui.events import Changes, Kind


def _advice(why) -> Advice:
    return Advice("test.rule", Level.CAUTION, "A title", "A message.", why, "")


def test_why_speaks_plainly_in_miles(qtbot):
    library = load_library()
    item = AdviceItem(
        _advice(
            {
                "checkin_date": "2026-03-18",
                "pain_run": 4,
                "exercises": "calf_raise, hip_thrust",
                "red_flags": "sharp_pain",
                "usual_from": "profile",
                "levels_pct": "10 / 30 / 100",
                "run_km": 16.0934,
                "days_off": 3,
                "quiet_spell": 2,
            }
        ),
        Units.MILES,
    )
    qtbot.addWidget(item)
    html = item.details.text()
    for raw in ("Checkin date", "calf_raise", "hip_thrust", "sharp_pain", "Usual from",
                "Levels pct", "km", "Pain run"):
        assert raw not in html
    assert "Check-in: Wed, 18 Mar 2026" in html
    assert "Pain during the run: 4/10" in html
    assert library.exercise("calf_raise").name in html
    assert library.exercise("hip_thrust").name in html
    assert red_flag_phrases()["sharp_pain"] in html
    assert "your profile" in html
    assert "10%, 30%, 100%" in html
    assert "That run: 10 mi" in html
    assert "Days without running: 3 days" in html
    assert "Quiet spell: 2" in html  # a key without a phrase still reads tidily


def test_every_why_from_the_rules_reads_without_raw_keys():
    today = date(2026, 3, 18)
    history = build_demo_history(today, weeks=12)
    seen = 0
    for back in range(0, 84, 3):
        for advice in evaluate(history, today - timedelta(days=back)).advice:
            for line in why_lines(advice.why, Units.MILES):
                seen += 1
                _name, _, value = line.partition(": ")
                assert "_" not in line, line
                assert " km" not in value, line
    assert seen > 20


def test_the_tab_shows_why_in_the_profiles_miles(env, qtbot):
    env.repo.save_profile(
        Profile(injury_start=env.today - timedelta(days=20), units=Units.MILES)
    )
    for back in range(28, 0, -4):
        env.repo.add_run(Run(day=env.today - timedelta(days=back), distance_km=5.0))
    env.repo.add_run(Run(day=env.today, distance_km=12.0))
    env.repo.save_checkin(CheckIn(day=env.today, pain_rest=1, ran=True, pain_run=2))
    env.session.ctx.ops.announce(Changes.of(Kind.PROFILE, Kind.RUN, Kind.CHECKIN))
    env.tab.refresh_now()
    items = [i for i in env.tab.verdict.advice_items if "run_km" in i.advice.why]
    assert items, [i.advice.rule for i in env.tab.verdict.advice_items]
    html = items[0].details.text()
    miles = 12.0 / KM_PER_MILE
    assert f"That run: {miles:.1f}".rstrip("0").rstrip(".") + " mi" in html
    assert " km" not in html


def test_each_level_shows_a_drawn_icon_and_a_word(qtbot):
    words = {Level.INFO: "Tip", Level.CAUTION: "Take care", Level.WARNING: "Warning",
             Level.DANGER: "Danger"}
    for level, word in words.items():
        item = AdviceItem(Advice("test.rule", level, "A title", "A message."))
        qtbot.addWidget(item)
        pixmap = item.level_icon.pixmap()
        assert pixmap is not None and not pixmap.isNull(), level
        assert item.level_label.text() == word  # no font-dependent symbol
        assert item.level_icon.accessibleName() == word
