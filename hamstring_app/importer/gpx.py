"""GPX tracks, read with gpxpy after defusedxml has checked the prolog.

GPX has no totals: distance is the track's length, duration its moving time, descent
gpxpy's smoothed downhill. Heart rate and cadence live in Garmin's
``TrackPointExtension`` (``hr``, ``cad``); the sport, if any, in the track's free-text
``<type>`` (``running``, ``Run``, Strava's ``9``).
"""

from __future__ import annotations

from typing import Any

import gpxpy
from gpxpy.gpx import GPXException

from hamstring_app.importer.activity import Summary
from hamstring_app.importer.errors import BadFile
from hamstring_app.importer.xmlsafe import check_xml


def _extension_values(point: Any) -> tuple[float | None, float | None]:
    hr = cad = None
    for ext in point.extensions:
        for child in (ext, *ext):
            tag = child.tag.rsplit("}", 1)[-1]
            if tag in ("hr", "heartrate") and child.text:
                hr = _float(child.text)
            elif tag in ("cad", "cadence", "RunCadence") and child.text:
                cad = _float(child.text)
    return hr, cad


def _float(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def parse_gpx(data: bytes) -> Summary:
    check_xml(data)
    try:
        gpx = gpxpy.parse(data)
    except (GPXException, ValueError, UnicodeDecodeError) as exc:
        raise BadFile(f"not a readable GPX file ({str(exc).splitlines()[0][:120]})") from None
    sport = next((t.type for t in gpx.tracks if t.type), None)
    points = [p for t in gpx.tracks for s in t.segments for p in s.points]
    if not points:
        raise BadFile("the GPX file has no track points")
    start = next((p.time for p in points if p.time is not None), None)
    moving = gpx.get_moving_data()
    hrs: list[float] = []
    cads: list[float] = []
    for point in points:
        if point.extensions:
            hr, cad = _extension_values(point)
            if hr:
                hrs.append(hr)
            if cad:
                cads.append(cad)
    elevations = any(p.elevation is not None for p in points)
    return Summary(
        sport=sport,
        start=start,
        distance_m=gpx.length_2d() or None,
        moving_s=moving.moving_time if moving and moving.moving_time else None,
        elapsed_s=gpx.get_duration() or None,
        cadence=sum(cads) / len(cads) if cads else None,
        descent_m=gpx.get_uphill_downhill().downhill if elevations else None,
        descent_smoothed=elevations,
        avg_hr=sum(hrs) / len(hrs) if hrs else None,
        has_positions=True,
    )
