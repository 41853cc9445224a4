"""What the waiting ladder says must agree with the warning-sign rules: an urgent sign
(sudden pain with weakness, nerve signs) stays open until a professional has checked it,
however long ago it was; only a routine sign ends with its 14-day window."""

from __future__ import annotations

import pytest
from plan_helpers import LadderStory

from hamstring_app.core.models import Referral, Verdict
from hamstring_app.core.rules import evaluate
from hamstring_app.core.rules import thresholds as T
from hamstring_app.core.rules.days import DayIndex
from hamstring_app.core.runplan.ladder import ladder_today


def _waiting_words(s: LadderStory, n: int) -> str:
    index = DayIndex(s.history(), s.day(n))
    ladder, _walk = ladder_today(index, index.index(s.day(n)), since=s.profile.injury_start)
    assert ladder is not None and (ladder.status, ladder.reason) == ("waiting", "warning_sign")
    return ladder.next_when


@pytest.mark.parametrize("sign", T.URGENT_RED_FLAGS)
@pytest.mark.parametrize("days_later", [0, 5, T.RECENT_RED_FLAG_DAYS, 60])
def test_an_urgent_sign_never_promises_the_ladder_after_its_window(sign, days_later):
    s = LadderStory()
    s.ladder_run(1, 2, 1, **{sign: True})
    s.fill(1 + days_later)
    a = evaluate(s.history(), s.day(1 + days_later))
    assert (a.verdict, a.referral) == (Verdict.STOP, Referral.URGENT)
    words = _waiting_words(s, 1 + days_later)
    assert "professional" in words
    assert f"{T.RECENT_RED_FLAG_DAYS} days" not in words
    assert "gone" not in words


def test_a_routine_sign_still_names_its_window():
    s = LadderStory()
    s.ladder_run(1, 2, 1, sharp_pain=True)
    s.fill(5)
    words = _waiting_words(s, 5)
    assert "professional" in words and f"{T.RECENT_RED_FLAG_DAYS} days" in words
