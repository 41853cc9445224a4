"""Value types of the guided session: states, events for the view, the tempo beat."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from hamstring_app.core.library_model import PlannedExercise


class State(StrEnum):
    GET_READY = "get_ready"
    WORK = "work"
    SET_DONE = "set_done"
    REST = "rest"
    SUMMARY = "summary"


class EventKind(StrEnum):
    STATE_CHANGED = "state_changed"
    CUE_GET_READY = "cue_get_ready"  # sound: get_ready
    CUE_TICK = "cue_tick"  # sound: tick (3-2-1 before go, and tempo beats)
    CUE_GO = "cue_go"  # sound: go
    CUE_HALF_WAY = "cue_half_way"  # sound: half_way
    CUE_LAST_THREE = "cue_last_three"  # sound: last_three (3 s before a hold or rest ends)
    CUE_DONE = "cue_done"  # sound: done
    CUE_REST_OVER = "cue_rest_over"  # sound: rest_over
    SET_LOGGED = "set_logged"
    OFFER_STOP_OR_EASIER = "offer_stop_or_easier"
    SESSION_FINISHED = "session_finished"


@dataclass(frozen=True, slots=True)
class Event:
    kind: EventKind
    state: State  # the state after the event
    exercise_index: int
    set_number: int
    at: float  # monotonic time the event was due
    late: bool = False  # due more than LATE_AFTER_S before it was reported
    detail: str = ""  # e.g. "lower 2/4" for a tempo beat


@dataclass(frozen=True, slots=True)
class TempoPhase:
    """Where the runner is within a slow rep: ``lower`` beat 2 of 4, then ``lift``."""

    name: str  # "lower" or "lift"
    beat: int  # 1-based
    beats: int
    rep: int  # 1-based rep the beat belongs to

    def __str__(self) -> str:
        return f"{self.name} {self.beat}"



def tempo_at(item: PlannedExercise, elapsed: float) -> TempoPhase:
    """The tempo beat ``elapsed`` seconds into rep work (1-second beats)."""
    down = item.tempo_down_s or 1
    up = item.tempo_up_s or 1
    cycle = down + up
    rep = int(elapsed // cycle) + 1
    t = elapsed - (rep - 1) * cycle
    if t < down:
        return TempoPhase("lower", int(t) + 1, down, rep)
    return TempoPhase("lift", int(t - down) + 1, up, rep)
