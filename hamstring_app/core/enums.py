"""The app's kinds of things: sides, pain sites, units, run types and sources, and the
ordered verdict, referral and advice levels. Re-exported by :mod:`hamstring_app.core.models`,
where the records that use them live.
"""

from __future__ import annotations

from enum import StrEnum


class Side(StrEnum):
    LEFT = "left"
    RIGHT = "right"
    BOTH = "both"


class PainSite(StrEnum):
    MID_THIGH = "mid_thigh"
    HIGH_NEAR_SIT_BONE = "high_near_sit_bone"


class Units(StrEnum):
    KM = "km"
    MILES = "miles"


KM_PER_MILE = 1.609344


class RunType(StrEnum):
    EASY = "easy"
    LONG = "long"
    TEMPO = "tempo"
    INTERVALS = "intervals"
    HILLS = "hills"
    RACE = "race"
    OTHER = "other"

    @property
    def is_intensity(self) -> bool:
        return self in INTENSITY_RUN_TYPES


# A run is hard from this session effort (CR-10 RPE) up, or when its type is an intensity
# type (source article: back-to-back hard sessions; the cut-off is the app's reading of
# "hard" on the CR-10 scale). The rules engine uses this same constant (thresholds.HARD_RPE).
HARD_RPE = 7

# A set with pain above this in a guided session offers the easier version or to stop the
# exercise, unless the runner sets another limit: the top of the pain-monitoring model's
# "acceptable" band (docs/evidence.md, section 6). Declared here for the settings and the
# session; the rules engine uses the same constant (thresholds.SET_PAIN_THRESHOLD_DEFAULT).
SET_PAIN_THRESHOLD_DEFAULT = 5

INTENSITY_RUN_TYPES = frozenset({RunType.TEMPO, RunType.INTERVALS, RunType.HILLS, RunType.RACE})


class RunSource(StrEnum):
    MANUAL = "manual"
    FILE = "file"


class Verdict(StrEnum):
    """Today's running verdict. Ordered: continue < modify < hold < stop."""

    CONTINUE = "continue"
    MODIFY = "modify"
    HOLD = "hold"
    STOP = "stop"

    @property
    def rank(self) -> int:
        return _VERDICT_ORDER.index(self)

    def __lt__(self, other: object) -> bool:  # type: ignore[override]
        if not isinstance(other, Verdict):
            return NotImplemented
        return self.rank < other.rank

    def __le__(self, other: object) -> bool:  # type: ignore[override]
        if not isinstance(other, Verdict):
            return NotImplemented
        return self.rank <= other.rank

    def __gt__(self, other: object) -> bool:  # type: ignore[override]
        if not isinstance(other, Verdict):
            return NotImplemented
        return self.rank > other.rank

    def __ge__(self, other: object) -> bool:  # type: ignore[override]
        if not isinstance(other, Verdict):
            return NotImplemented
        return self.rank >= other.rank


_VERDICT_ORDER = (Verdict.CONTINUE, Verdict.MODIFY, Verdict.HOLD, Verdict.STOP)


class Referral(StrEnum):
    """Whether to see a professional, and how soon. Ordered: none < routine < urgent."""

    NONE = "none"
    ROUTINE = "routine"
    URGENT = "urgent"

    @property
    def rank(self) -> int:
        return _REFERRAL_ORDER.index(self)


_REFERRAL_ORDER = (Referral.NONE, Referral.ROUTINE, Referral.URGENT)


class Level(StrEnum):
    """How loudly a piece of advice speaks. Ordered: info < caution < warning < danger."""

    INFO = "info"
    CAUTION = "caution"
    WARNING = "warning"
    DANGER = "danger"

    @property
    def rank(self) -> int:
        return _LEVEL_ORDER.index(self)


_LEVEL_ORDER = (Level.INFO, Level.CAUTION, Level.WARNING, Level.DANGER)
