"""FIT activity files (Garmin, Coros, Wahoo, Suunto, Polar), read with fitdecode.

The session message gives the totals: sport and sub-sport, distance, moving or timer
time, average running cadence in strides per minute (plus its fractional part), total
descent, average heart rate and the runner's own ``workout_rpe`` (CR-10 x 10). The
activity message's ``local_timestamp`` minus its ``timestamp`` is the local UTC offset.
A file with no session (cut short) falls back on its records.
"""

from __future__ import annotations

import io
import struct
from datetime import datetime, timedelta
from typing import Any

import fitdecode
from gpxpy.geo import calculate_uphill_downhill

from hamstring_app.core.models import RunType
from hamstring_app.importer.activity import Summary
from hamstring_app.importer.errors import BadFile

FIT_SIGNATURE = b".FIT"
_INTERVAL_LAPS = {"interval", "rest", "recovery"}
_DATA = fitdecode.FIT_FRAME_DATA


def is_fit(data: bytes) -> bool:
    return len(data) >= 12 and data[8:12] == FIT_SIGNATURE


def _values(frame: Any) -> dict[str, Any]:
    return {f.name: f.value for f in frame.fields if f.value is not None}


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def read_frames(data: bytes) -> Any:
    """Every frame of the file (fitdecode's own reader, as a library user would)."""
    with fitdecode.FitReader(io.BytesIO(data), check_crc=fitdecode.CrcCheck.WARN) as reader:
        yield from reader


def parse_fit(data: bytes) -> list[Summary]:
    """One summary per session (a multi-sport file has several). BadFile when unreadable."""
    if not is_fit(data):
        raise BadFile("not a FIT file (no .FIT signature)")
    file_type: Any = None
    sessions: list[dict[str, Any]] = []
    activity: dict[str, Any] = {}
    sport_msg: dict[str, Any] = {}
    laps: list[str] = []
    records: list[Any] = []
    try:
        for frame in read_frames(data):
            if frame.frame_type != _DATA:
                continue
            name = frame.name
            if name == "record":
                records.append(frame)
            elif name == "lap":
                intensity = frame.get_value("intensity", fallback=None)
                laps.append(str(intensity) if intensity is not None else "")
            elif name == "session":
                sessions.append(_values(frame))
            elif name == "activity":
                activity = _values(frame)
            elif name == "file_id":
                file_type = frame.get_value("type", fallback=None)
            elif name == "sport" and not sport_msg:
                sport_msg = _values(frame)
    except fitdecode.FitError as exc:
        if not sessions and not records:
            raise BadFile(f"damaged FIT file ({exc})") from None
    except (struct.error, ValueError, KeyError, IndexError, TypeError) as exc:
        raise BadFile(f"damaged FIT file ({type(exc).__name__})") from None
    if file_type is not None and file_type != "activity":
        raise BadFile(f"not an activity (a FIT {file_type} file)")
    offset = _offset(activity)
    run_type = _laps_type(laps)
    if not sessions:
        if not records:
            raise BadFile("the FIT file holds no session and no records")
        return [_from_records(records, sport_msg, offset, run_type)]
    summaries = [_from_session(s, offset, run_type) for s in sessions]
    for summary in summaries:
        if summary.descent_m is None and records and len(summaries) == 1:
            summary.descent_m = _descent(records)
            summary.descent_smoothed = summary.descent_m is not None
        if summary.has_positions is None:
            summary.has_positions = any(
                r.get_value("position_lat", fallback=None) is not None for r in records[:200]
            )
    return summaries


def _offset(activity: dict[str, Any]) -> timedelta | None:
    local, utc = activity.get("local_timestamp"), activity.get("timestamp")
    if not isinstance(local, datetime) or not isinstance(utc, datetime):
        return None
    delta = local.replace(tzinfo=None) - utc.replace(tzinfo=None)
    if abs(delta) > timedelta(hours=14):
        return None
    # offsets come in quarter hours; the two stamps may differ by a second or two
    return timedelta(minutes=round(delta.total_seconds() / 900) * 15)


def _laps_type(laps: list[str]) -> RunType | None:
    """Laps marked interval/rest/recovery alternating with work laps: an interval session."""
    breaks = sum(1 for lap in laps if lap in _INTERVAL_LAPS)
    work = sum(1 for lap in laps if lap in ("active", "interval"))
    return RunType.INTERVALS if breaks >= 2 and work >= 2 else None


def _from_session(s: dict[str, Any], offset: timedelta | None, run_type: RunType | None) -> Summary:
    cadence = _number(s.get("avg_running_cadence"))
    unit = "strides/min" if cadence is not None else ""
    if cadence is None:
        cadence = _number(s.get("avg_cadence"))
    fraction = _number(s.get("avg_fractional_cadence"))
    if cadence is not None and fraction is not None and 0 <= fraction < 1:
        cadence += fraction
    rpe_raw = _number(s.get("workout_rpe"))
    rpe = round(rpe_raw / 10) if rpe_raw is not None and 0 <= rpe_raw <= 100 else None
    start = s.get("start_time")
    descent = _number(s.get("total_descent"))
    return Summary(
        sport=str(s["sport"]) if "sport" in s else None,
        sub_sport=str(s["sub_sport"]) if "sub_sport" in s else None,
        start=start if isinstance(start, datetime) else None,
        utc_offset=offset,
        distance_m=_number(s.get("total_distance")),
        moving_s=_number(s.get("total_moving_time")),
        timer_s=_number(s.get("total_timer_time")),
        elapsed_s=_number(s.get("total_elapsed_time")),
        cadence=cadence,
        cadence_unit=unit,
        descent_m=descent,
        avg_hr=_number(s.get("avg_heart_rate")),
        rpe=rpe,
        run_type=run_type,
        has_positions=True if s.get("start_position_lat") is not None else None,
    )


def _descent(records: list[Any]) -> float | None:
    elevations = [
        r.get_value("enhanced_altitude", fallback=None) or r.get_value("altitude", fallback=None)
        for r in records
    ]
    values = [float(e) for e in elevations if isinstance(e, int | float)]
    if len(values) < 2:
        return None
    return calculate_uphill_downhill(values)[1]


def _from_records(
    records: list[Any], sport_msg: dict[str, Any], offset: timedelta | None,
    run_type: RunType | None,
) -> Summary:
    """A file cut short before its session: totals from the records themselves."""
    times = [r.get_value("timestamp", fallback=None) for r in records]
    times = [t for t in times if isinstance(t, datetime)]
    distances = [_number(r.get_value("distance", fallback=None)) for r in records]
    distances = [d for d in distances if d is not None]
    hrs = [_number(r.get_value("heart_rate", fallback=None)) for r in records]
    hrs = [h for h in hrs if h]
    cads = [_number(r.get_value("cadence", fallback=None)) for r in records]
    cads = [c for c in cads if c]
    elapsed = (times[-1] - times[0]).total_seconds() if len(times) >= 2 else None
    descent = _descent(records)
    sport = sport_msg.get("sport")
    return Summary(
        sport=str(sport) if sport is not None else None,
        sub_sport=str(sport_msg["sub_sport"]) if "sub_sport" in sport_msg else None,
        start=times[0] if times else None,
        utc_offset=offset,
        distance_m=max(distances) if distances else None,
        elapsed_s=elapsed,
        cadence=sum(cads) / len(cads) if cads else None,
        descent_m=descent,
        descent_smoothed=descent is not None,
        avg_hr=sum(hrs) / len(hrs) if hrs else None,
        run_type=run_type,
        has_positions=any(r.get_value("position_lat", fallback=None) is not None for r in records),
        extra_details=["The file was cut short: totals worked out from its records."],
    )
