"""The rules engine: pure Python that turns a history into today's advice.

Public entry points::

    evaluate(history, today) -> Assessment
    daily_verdicts(history, start, end), load_events(history),
    acwr_series(history, start, end), weekly_pain_means(history, start, end),
    weekly_distance(history, start, end)

"Today" is always a parameter; nothing here reads the clock.
"""

from hamstring_app.core.rules.assessment import evaluate
from hamstring_app.core.rules.series import (
    acwr_series,
    daily_verdicts,
    load_events,
    weekly_distance,
    weekly_pain_means,
)
from hamstring_app.core.rules.types import (
    Assessment,
    DayVerdict,
    LoadEvent,
    LoadMetrics,
    Recovery,
    StrengthDecision,
    Trigger,
)

__all__ = [
    "Assessment",
    "DayVerdict",
    "LoadEvent",
    "LoadMetrics",
    "Recovery",
    "StrengthDecision",
    "Trigger",
    "acwr_series",
    "daily_verdicts",
    "evaluate",
    "load_events",
    "weekly_distance",
    "weekly_pain_means",
]
