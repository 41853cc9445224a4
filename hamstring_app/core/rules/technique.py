"""Technique rules: cadence target, long descents while sore, overstriding signs."""

from __future__ import annotations

import itertools
import math
import statistics
from bisect import bisect_left
from datetime import date

from hamstring_app.core.models import Advice, CheckIn, Level, Run
from hamstring_app.core.rules import thresholds as T
from hamstring_app.core.rules.days import DayIndex

EVIDENCE_CADENCE = (
    "A 5-10% higher step rate cuts braking and hip and knee loading (Heiderscheit et al., "
    "MSSE 2011). But hamstring force in late swing was not lower at +10% (Lenhart et al., "
    "JOSPT 2014; Chumanov et al., 2012). Use it to stop overstriding; the evidence that it "
    "eases the hamstring itself is mixed."
)
EVIDENCE_DOWNHILL = (
    "The hamstrings work hard to slow the leg, and more so downhill (source article; "
    "Chumanov et al., MSSE 2011). Avoiding long descents early is expert advice. The 200 m "
    "cut-off is an app default."
)
EVIDENCE_OVERSTRIDE = (
    "Overstriding signs and cues from the source article: shorter steps, landing under the "
    "body, running tall. Expert advice; watch data cannot measure overstriding."
)


def _day_of(run: Run) -> int:
    return run.day.toordinal()


def symptomatic(index: DayIndex, i: int) -> bool:
    """Any pain above 0 recorded in the last SYMPTOM_WINDOW_DAYS days."""
    first = max(i - T.SYMPTOM_WINDOW_DAYS + 1, 0)
    return any((p or 0) > 0 for p in index.day_pain[first : i + 1])


def usual_cadence(index: DayIndex, i: int) -> tuple[int | None, str]:
    """The runner's usual cadence for this episode and where it came from.

    The profile's usual cadence if set; else the median of the runs in the 4 weeks before
    the episode's onset; else the median of the first 4 weeks of runs with cadence from the
    onset (from the first such run when no onset is known). Each needs at least 3 runs.
    Both windows lie in the past once the episode is 4 weeks old, so the baseline is frozen
    for the episode: a runner who follows the advice does not get a higher target again.
    """
    if index.profile is not None and index.profile.usual_cadence_spm is not None:
        return index.profile.usual_cadence_spm, "profile"
    days = T.CADENCE_BASELINE_DAYS
    runs = index.runs  # oldest first: each window is found by day, not by a scan
    onset = index.onset
    first_at = 0
    if onset is not None:
        lo = bisect_left(runs, onset.toordinal() - days, key=_day_of)
        first_at = bisect_left(runs, onset.toordinal(), key=_day_of)
        before = [r.cadence_spm for r in runs[lo:first_at] if r.cadence_spm is not None]
        if len(before) >= T.CADENCE_BASELINE_MIN_RUNS:
            return round(statistics.median(before)), "runs before the injury"
    first: list[int] = []
    start: date | None = None
    for r in itertools.islice(runs, first_at, None):
        if r.cadence_spm is None:
            continue
        if start is None:
            start = r.day
        elif (r.day - start).days >= days:
            break
        first.append(r.cadence_spm)
    if len(first) >= T.CADENCE_BASELINE_MIN_RUNS:
        return round(statistics.median(first)), "first 4 weeks of runs"
    return None, ""


def technique_advice(
    index: DayIndex, i: int, current: CheckIn | None
) -> tuple[list[Advice], list[str]]:
    out: list[Advice] = []
    unknowns: list[str] = []
    sore = symptomatic(index, i)
    day = index.day(i)

    usual, source = usual_cadence(index, i)
    recent_from = bisect_left(
        index.runs, day.toordinal() - T.CADENCE_RECENT_DAYS + 1, key=_day_of
    )
    recent = [r.cadence_spm for r in index.runs[recent_from:] if r.cadence_spm is not None]
    recent_mean = statistics.fmean(recent) if recent else None
    if usual is None:
        if sore:
            unknowns.append(
                "Your usual cadence (steps per minute) is not known, so there is no cadence "
                "target yet."
            )
    elif sore:
        low = math.ceil(usual * T.CADENCE_TARGET_LOW - 1e-9)
        high = math.floor(usual * T.CADENCE_TARGET_HIGH + 1e-9)
        reached = recent_mean is not None and recent_mean >= usual * T.CADENCE_TARGET_LOW
        if reached:
            msg = (
                f"You have reached the target: your recent runs average {recent_mean:.0f} steps "
                f"a minute, 5% or more above your usual {usual} (target {low}-{high}). Keep it "
                "there."
            )
        else:
            msg = (
                f"Try {low}-{high} steps a minute, 5-10% above your usual {usual}. Quicker, "
                "shorter steps help you land under your body. Build up over a few weeks."
            )
        out.append(
            Advice(
                "technique.cadence",
                Level.INFO,
                "A slightly quicker step",
                msg,
                {
                    "usual_cadence_spm": usual,
                    "usual_from": source,
                    "recent_mean_cadence_spm": round(recent_mean, 1) if recent_mean else None,
                    "target_low_spm": low,
                    "target_high_spm": high,
                    "target_reached": reached,
                },
                EVIDENCE_CADENCE,
            )
        )

    first = i - T.DOWNHILL_WINDOW_DAYS + 1
    descents = [
        r
        for k in range(max(first, 0), i + 1)
        for r in index.runs_by_day.get(k, ())
        if r.descent_m is not None and r.descent_m >= T.DOWNHILL_DESCENT_M
    ]
    if descents and sore:
        big = max(descents, key=lambda r: r.descent_m or 0.0)
        out.append(
            Advice(
                "technique.downhill",
                Level.CAUTION,
                "Go easy on long downhills",
                f"On {big.day} your run had {big.descent_m:.0f} m of descent while your "
                "hamstring is sore. Downhills make it work hard. Pick flatter routes for now, "
                "and take descents slowly with short steps.",
                {
                    "run_date": big.day.isoformat(),
                    "descent_m": round(big.descent_m or 0.0),
                    "long_descent_from_m": T.DOWNHILL_DESCENT_M,
                    "runs_with_long_descent_14d": len(descents),
                },
                EVIDENCE_DOWNHILL,
            )
        )

    if current is not None and current.overstride_signs:
        signs = {
            "overstride_long_stride": "long strides",
            "overstride_loud_landing": "loud or heavy landings",
            "overstride_heel_ahead": "your heel landing far ahead of you",
        }
        noticed = [signs[s] for s in current.overstride_signs]
        out.append(
            Advice(
                "technique.overstriding",
                Level.CAUTION,
                "Signs of overstriding",
                f"You noticed {', '.join(noticed)}. Take shorter, quicker steps, land with "
                "your foot under your body, and run tall. Shorten your stride more when tired.",
                {"signs": ", ".join(current.overstride_signs)},
                EVIDENCE_OVERSTRIDE,
            )
        )
    return out, unknowns
