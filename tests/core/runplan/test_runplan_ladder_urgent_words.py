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


# --- after a stop for pain above 5: the verdict decides whether today is a running day, and
# the ladder's words say what starts it without promising more than the code does


def test_today_s_run_agrees_with_the_verdict_after_days_without_a_pain_answer():
    s = LadderStory()  # day 0: pain 7; days 1-2: no check-in (outside the carry window)
    a = evaluate(s.history(), s.day(2))
    assert a.verdict is Verdict.MODIFY  # the missing answer, docs/rules.md section 1
    assert a.prescription is not None
    today = a.prescription.today
    assert today.running and today.kind == "ladder"  # a running day, as the verdict says
    assert a.prescription.ladder is not None and a.prescription.ladder.step == 1


def test_the_waiting_words_on_a_stop_day_name_what_starts_the_ladder():
    s = LadderStory()
    index = DayIndex(s.history(), s.day(0))
    ladder, _walk = ladder_today(index, index.index(s.day(0)), since=s.profile.injury_start)
    assert ladder is not None and (ladder.status, ladder.reason) == ("waiting", "stop")
    assert "check-in shows" not in ladder.next_when
    assert "first day your pain is no longer above 5" in ladder.next_when
