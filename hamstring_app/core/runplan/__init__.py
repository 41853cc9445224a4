"""From verdict to plan: today's run, the return-to-run ladder and the week ahead.

Pure Python, like the rules engine it builds on; "today" is always a parameter.

    prescribe(history, today, assessment) -> Prescription
"""

from hamstring_app.core.runplan.plan import prescribe, prescribe_at
from hamstring_app.core.runplan.types import (
    Clearance,
    Ladder,
    LadderStep,
    PlanDay,
    Prescription,
    TodayRun,
)
from hamstring_app.core.runplan.week import Move, apply_moves, move_problem

__all__ = [
    "Clearance",
    "Ladder",
    "LadderStep",
    "Move",
    "PlanDay",
    "Prescription",
    "TodayRun",
    "apply_moves",
    "move_problem",
    "prescribe",
    "prescribe_at",
]
