"""Recovery timeline: weeks since onset, the expected window, status and pain trend."""

from __future__ import annotations

from hamstring_app.core.episodes import EpisodeEnd
from hamstring_app.core.models import Advice, Level, PainSite
from hamstring_app.core.rules import thresholds as T
from hamstring_app.core.rules.days import NONE, DayIndex
from hamstring_app.core.rules.types import PainTrend, Recovery, RecoveryStatus

EVIDENCE_WINDOW = (
    "Source article: load-related irritation usually settles in 2-6 weeks; long-standing "
    "cases, and pain high near the sit bone, in 6-12. The app follows the article. When "
    "sit-bone pain is also long-standing it allows 3-6 months, the time a full tendon "
    "programme takes in the research (Goom et al., JOSPT 2016). No improvement in the "
    "expected time is a reason to be assessed."
)
EVIDENCE_MAINTAIN = (
    "About a third of hamstring strains come back within a year (Erickson & Sherry, JSHS "
    "2017). Nordic curl gains fade within weeks of stopping (Presland et al., SJMSS 2018)."
)


def expected_window(index: DayIndex) -> tuple[int, int]:
    p = index.episode  # the current episode's pain site and long-standing answer
    if p is None:
        return T.WINDOW_MID_THIGH
    if p.pain_site is PainSite.HIGH_NEAR_SIT_BONE:
        return T.WINDOW_SIT_BONE_LONG_STANDING if p.long_standing else T.WINDOW_HIGH_NEAR_SIT_BONE
    if p.long_standing:
        return T.WINDOW_LONG_STANDING
    return T.WINDOW_MID_THIGH


def _not_yet(index: DayIndex, i: int) -> bool:
    """Something the runner is not recovered while it stands: an urgent sign not yet
    assessed, or a professional's "rehab only" or "no running" (the verdict is then stop)."""
    return index.open_urgent(i) != NONE or index.no_running_said(i) is not None


def is_recovered(index: DayIndex, i: int) -> bool:
    """Pain 0 on at least 7 days of the last 14, nothing higher, no red flag, no urgent
    sign left open (not yet assessed by a professional), however long ago, and no
    professional's "rehab only" or "no running" standing."""
    first = max(i - T.RECOVERED_WINDOW_DAYS + 1, 0)
    pains = [p for p in index.day_pain[first : i + 1] if p is not None]
    calm_days = sum(1 for p in pains if p == 0)
    return (
        calm_days >= T.RECOVERED_MIN_CHECKINS
        and all(p == 0 for p in pains)
        and index.last_red_flag[i] < first
        and not _not_yet(index, i)
    )


def trend(now: float | None, then: float | None) -> PainTrend:
    if now is None or then is None:
        return "unknown"
    if now <= then - T.TREND_MARGIN:
        return "better"
    if now >= then + T.TREND_MARGIN:
        return "worse"
    return "same"


def recovery(index: DayIndex, i: int) -> tuple[Recovery, list[Advice], list[str]]:
    today = index.day(i)
    unknowns: list[str] = []
    if index.onset is not None:
        onset = index.onset
    else:
        first_pain = next(
            (k for k, p in enumerate(index.day_pain[: i + 1]) if p is not None and p > 0), None
        )
        onset = index.day(first_pain) if first_pain is not None else today
        unknowns.append(
            "The date the pain started is not known, so the timeline counts from your first "
            "record of pain."
        )
    weeks = max((today - onset).days, 0) / 7.0
    lo, hi = expected_window(index)
    w = T.TREND_WINDOW_DAYS
    now = index.pain_mean(i - w + 1, i, T.TREND_MIN_CHECKINS)
    then = index.pain_mean(i - 3 * w + 1, i - 2 * w, T.TREND_MIN_CHECKINS)
    recent = index.day_pain[max(i - T.RECOVERED_WINDOW_DAYS + 1, 0) : i + 1]
    if all(p is None for p in recent):
        unknowns.append(
            "There are no pain answers from the last 2 weeks, so we cannot tell whether you "
            "have recovered."
        )
    episode = index.episode
    ended = episode is not None and episode.ended is not None and episode.ended <= today
    status: RecoveryStatus
    if is_recovered(index, i) or (
        ended
        and episode is not None
        and episode.end_reason is EpisodeEnd.RECOVERED
        and not _not_yet(index, i)
    ):
        status = "recovered"
    elif weeks > hi and not ended:  # an episode the runner ended is not "taking too long"
        status = "slower_than_expected"
    else:
        status = "on_track"
    # an assessment dated on a day already slower than expected answers the referral
    # "book an assessment" (the professional has seen it taking longer): the latest one
    assessed_on = None
    if status == "slower_than_expected":
        first_slow = onset.toordinal() + 7 * hi + 1
        assessed_on = next(
            (d for d in reversed(index.assessment_days) if d.toordinal() >= first_slow), None
        )
    rec = Recovery(round(weeks, 1), (lo, hi), status, now, then, trend(now, then),
                   assessed_on)

    advice: list[Advice] = []
    why = {
        "weeks_since_onset": round(weeks, 1),
        "expected_from_weeks": lo,
        "expected_to_weeks": hi,
        "onset": onset.isoformat(),
        "pain_mean_7d": round(now, 1) if now is not None else None,
    }
    if status == "slower_than_expected" and assessed_on is not None:
        advice.append(
            Advice(
                "timeline.slower_than_expected",
                Level.CAUTION,
                "Taking longer than usual",
                f"It has been {weeks:.0f} weeks, and this kind of pain usually settles in "
                f"{lo}-{hi} weeks. A professional assessed you on {assessed_on.isoformat()}: "
                "follow their plan, and go back to them if it is not getting better.",
                {**why, "assessed_on": assessed_on.isoformat()},
                EVIDENCE_WINDOW,
            )
        )
    elif status == "slower_than_expected":
        advice.append(
            Advice(
                "timeline.slower_than_expected",
                Level.WARNING,
                "Taking longer than usual",
                f"It has been {weeks:.0f} weeks, and this kind of pain usually settles in "
                f"{lo}-{hi} weeks. Please book an assessment with a qualified health "
                "professional in the coming weeks to check the plan.",
                why,
                EVIDENCE_WINDOW,
            )
        )
    elif status == "recovered":
        advice.append(
            Advice(
                "timeline.recovered",
                Level.INFO,
                "Pain-free: keep the gains",
                (
                    "No pain on any day you recorded in the last two weeks. Well done."
                    if is_recovered(index, i) or episode is None or episode.ended is None
                    else f"You marked this episode as recovered on {episode.ended.isoformat()}."
                )
                + " Keep one or two strength sessions a week so the problem is less likely to "
                "come back.",
                why,
                EVIDENCE_MAINTAIN,
            )
        )
    return rec, advice, unknowns
