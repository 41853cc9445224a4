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


# --- after a stop day (pain above 5), a day with no pain answer is not a day with pain 5 or
# less: a missing answer is never read as good news (docs/rules.md, section 7)


def _stop_then(n_days_without_pain: int, *, today_checkin: bool) -> LadderStory:
    s = LadderStory()  # day 0: pain 7
    last = n_days_without_pain
    if today_checkin:
        # today's check-in answers everything but the pain numbers
        from plan_helpers import answered

        s.checkins[s.day(last)] = answered(
            s.day(last), pain_rest=None, pain_next_morning=None
        )
    return s


@pytest.mark.parametrize("today_checkin", [False, True])
def test_the_ladder_does_not_start_on_days_without_a_pain_answer(today_checkin):
    s = _stop_then(2, today_checkin=today_checkin)
    index = DayIndex(s.history(), s.day(2))
    ladder, _walk = ladder_today(index, index.index(s.day(2)), since=s.profile.injury_start)
    assert ladder is not None
    assert (ladder.status, ladder.reason, ladder.step) == ("waiting", "stop", 1)
    a = evaluate(s.history(), s.day(2))
    assert a.prescription is not None
    today = a.prescription.today
    assert not today.running and today.kind == "rest"
    assert "professional" not in today.summary
    assert "5 or less" in today.summary


def test_the_ladder_starts_on_the_first_day_the_pain_is_answered_at_5_or_less():
    s = _stop_then(2, today_checkin=False)
    s.calm(3)
    index = DayIndex(s.history(), s.day(3))
    ladder, _walk = ladder_today(index, index.index(s.day(3)), since=s.profile.injury_start)
    assert ladder is not None and (ladder.status, ladder.step) == ("active", 1)
