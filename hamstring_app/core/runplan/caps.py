"""The distance caps every run in the plan respects: the single-run guard and the week's room."""

from __future__ import annotations

import math
from dataclasses import dataclass

from hamstring_app.core.models import KM_PER_MILE, Units
from hamstring_app.core.rules import thresholds as T
from hamstring_app.core.rules.days import DayIndex
from hamstring_app.core.rules.load import on_record


def floor_step(km: float, step: float = T.RUN_CAP_STEP_KM) -> float:
    """``km`` rounded down to ``step`` (a tiny tolerance keeps 11.0 from becoming 10.9)."""
    return math.floor(km / step + 1e-9) * step


def cap_text(km: float, units: Units) -> str:
    """A cap in the runner's units, rounded down so the words never allow more than the cap."""
    if units is Units.MILES:
        return f"{floor_step(km / KM_PER_MILE):.1f} mi"
    return f"{floor_step(km):.1f} km"


@dataclass(frozen=True, slots=True)
class Caps:
    """Caps for a run on the assessed day."""

    longest_30d_km: float  # longest run of the 30 days before the day (0: none)
    guard_km: float | None  # at most 10% longer than that; None without a run to compare
    week_base_km: float | None  # mean week of the 3 weeks before the last 7 days
    week_cap_km: float | None  # 30% above that
    week_used_km: float  # km in the 6 days before the day

    @property
    def week_room_km(self) -> float | None:
        if self.week_cap_km is None:
            return None
        return max(0.0, self.week_cap_km - self.week_used_km)

    @property
    def week_full(self) -> bool:
        room = self.week_room_km
        return room is not None and room < T.RUN_WEEK_FULL_KM

    def distance_cap(self, fraction: float | None = None) -> float | None:
        """The tightest of the guard and the week's room. With ``fraction``, the guard is
        replaced by that fraction of the longest run of the last 30 days (always less)."""
        caps = []
        if self.guard_km is not None:
            caps.append(
                self.guard_km if fraction is None else floor_step(self.longest_30d_km * fraction)
            )
        room = self.week_room_km
        if room is not None:
            caps.append(floor_step(room))
        return min(caps) if caps else None

    def why(self) -> dict[str, float | None]:
        return {
            "longest_previous_30d_km": round(self.longest_30d_km, 1),
            "guard_pct": T.RUN_GUARD_PCT,
            "guard_km": round(self.guard_km, 1) if self.guard_km is not None else None,
            "average_previous_3_weeks_km": (
                round(self.week_base_km, 1) if self.week_base_km is not None else None
            ),
            "weekly_cap_pct": T.RUN_WEEKLY_CAP_PCT,
            "weekly_cap_km": round(self.week_cap_km, 1) if self.week_cap_km is not None else None,
            "km_last_6_days": round(self.week_used_km, 1),
        }


def caps_for(index: DayIndex, i: int) -> Caps:
    ref = index.prev_max_at(i) if 0 <= i < index.n else 0.0
    guard = floor_step(ref * (1.0 + T.RUN_GUARD_PCT / 100.0)) if ref > 0 else None
    w = T.WEEK_DAYS
    weeks = T.WEEKLY_BASELINE_WEEKS
    first = i - w * (weeks + 1) + 1
    before = index.km_between(first, i - w)
    base = cap = None
    if before > 0 and on_record(index, first):
        base = before / weeks
        cap = base * (1.0 + T.RUN_WEEKLY_CAP_PCT / 100.0)
    used = index.km_between(i - w + 1, i - 1)
    return Caps(ref, guard, base, cap, used)
