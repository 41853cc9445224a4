"""Thresholds at their exact edges: moving a number (0.5 to 1.0) or a comparison (>= to >)
makes one of these fail."""

from __future__ import annotations

import pytest
from rules_helpers import TODAY, ago, checkin, history

from hamstring_app.core.rules import evaluate
from hamstring_app.core.rules import thresholds as T
from hamstring_app.core.rules.days import DayIndex
from hamstring_app.core.rules.pain import pain_rising
from hamstring_app.core.rules.timeline import trend


def test_the_numbers_these_tests_are_built_on():
    assert T.RISING_STEP == 0.5
    assert T.TREND_MARGIN == 0.5
    assert T.TREND_WINDOW_DAYS == 7 and T.TREND_MIN_CHECKINS <= 4


# ------------------------------------------------------------------ TREND_MARGIN


@pytest.mark.parametrize(
    ("now", "then", "expected"),
    [
        (2.5, 3.0, "better"),  # exactly the margin lower
        (2.6, 3.0, "same"),  # just short of it
        (3.5, 3.0, "worse"),  # exactly the margin higher
        (3.4, 3.0, "same"),
        (3.0, 3.0, "same"),
        (None, 3.0, "unknown"),
        (3.0, None, "unknown"),
    ],
)
def test_trend_margin_is_inclusive_at_half_a_point(now, then, expected):
    assert trend(now, then) == expected


def test_trend_margin_through_evaluate():
    """7-day means of 2.5 now against 3.0 two weeks earlier: better, by the margin."""
    cs = [checkin(ago(k), pain_rest=p) for k, p in zip(range(4), (2, 3, 2, 3), strict=True)]
    cs += [checkin(ago(k), pain_rest=3) for k in range(14, 18)]
    assert evaluate(history(cs), TODAY).recovery.pain_trend == "better"


# ------------------------------------------------------------------ RISING_STEP


def _three_weeks(a: tuple[int, ...], b: tuple[int, ...], c: tuple[int, ...]):
    """Check-ins whose 7-day mean pains two weeks ago, one week ago and today come from
    ``a``, ``b`` and ``c`` (four check-ins in each window)."""
    cs = []
    for start, pains in ((14, a), (7, b), (0, c)):
        cs += [checkin(ago(start + k), pain_rest=p) for k, p in enumerate(pains)]
    index = DayIndex(history(sorted(cs, key=lambda x: x.day)), TODAY)
    return pain_rising(index, index.index(TODAY)), index


def test_two_rises_of_exactly_the_step_are_rising():
    rising, _ = _three_weeks((1, 1, 1, 1), (1, 2, 1, 2), (2, 2, 2, 2))  # 1.0, 1.5, 2.0
    assert rising == (1.0, 1.5, 2.0)


@pytest.mark.parametrize(
    ("a", "b", "c"),
    [
        ((1, 1, 1, 1), (1, 2, 1, 2), (2, 2, 1, 2)),  # 1.0, 1.5, 1.75: second rise too small
        ((1, 1, 1, 2), (1, 2, 1, 2), (2, 2, 2, 2)),  # 1.25, 1.5, 2.0: first rise too small
        ((2, 2, 2, 2), (1, 2, 1, 2), (2, 2, 2, 2)),  # down, then up
    ],
)
def test_a_rise_short_of_the_step_is_not_rising(a, b, c):
    rising, _ = _three_weeks(a, b, c)
    assert rising is None


def test_rising_pain_raises_continue_to_modify_through_evaluate():
    cs = [checkin(ago(start + k), pain_rest=p)
          for start, pains in ((14, (1, 1, 1, 1)), (7, (1, 2, 1, 2)), (0, (2, 2, 2, 2)))
          for k, p in enumerate(pains)]
    rules = {a.rule for a in evaluate(history(sorted(cs, key=lambda x: x.day)), TODAY).advice}
    assert "pain.rising" in rules


def test_the_set_pain_limit_is_declared_once():
    from hamstring_app.core.session import DEFAULT_PAIN_THRESHOLD
    from hamstring_app.core.settings import Settings

    assert T.SET_PAIN_THRESHOLD_DEFAULT == T.PAIN_HOLD_MAX  # the top of "acceptable"
    assert Settings().set_pain_threshold == DEFAULT_PAIN_THRESHOLD == T.SET_PAIN_THRESHOLD_DEFAULT
