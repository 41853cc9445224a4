"""TCX (Garmin Training Center) files, read with tcxreader after defusedxml has checked
the prolog.

tcxreader gives the sport, distance, heart rate and trackpoints (running cadence stays in
each point's ``RunCadence`` extension). ``only_gps=False`` keeps a treadmill's points.
Lap ``TotalTimeSeconds`` (timer time) and ``Intensity`` come from the same parsed tree.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from typing import Any

from gpxpy.geo import calculate_uphill_downhill
from tcxreader.tcxreader import GARMIN_XML_SCHEMA, TCXReader

from hamstring_app.core.models import RunType
from hamstring_app.importer.activity import Summary
from hamstring_app.importer.errors import BadFile
from hamstring_app.importer.xmlsafe import check_xml

_NS = GARMIN_XML_SCHEMA


class _Reader(TCXReader):
    """tcxreader, keeping the tree it parsed (tcxreader 0.4 parses through this method)."""

    root: ET.Element | None = None

    def _TCXReader__parse_tcx_file(self, source: Any) -> tuple[ET.ElementTree, ET.Element]:
        tree = ET.parse(source)
        self.root = tree.getroot()
        return tree, self.root


def _aware(moment: datetime | None) -> datetime | None:
    if moment is None:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _lap_totals(root: ET.Element | None) -> tuple[float | None, RunType | None, str | None]:
    """Timer seconds summed over laps, intervals when Resting laps alternate, the Id."""
    if root is None:
        return None, None, None
    seconds = 0.0
    found = False
    resting = active = 0
    first_id = None
    for activity in root.iter(_NS + "Activity"):
        if first_id is None:
            first_id = activity.findtext(_NS + "Id")
        for lap in activity.iter(_NS + "Lap"):
            text = lap.findtext(_NS + "TotalTimeSeconds")
            if text:
                try:
                    seconds += float(text)
                    found = True
                except ValueError:
                    pass
            intensity = (lap.findtext(_NS + "Intensity") or "").strip()
            resting += intensity == "Resting"
            active += intensity == "Active"
    run_type = RunType.INTERVALS if resting >= 2 and active >= 2 else None
    return (seconds if found else None), run_type, first_id


def parse_tcx(data: bytes) -> Summary:
    check_xml(data)
    reader = _Reader()
    try:
        exercise = reader.read(io.BytesIO(data), only_gps=False)
    except (ET.ParseError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise BadFile(f"not a readable TCX file ({str(exc).splitlines()[0][:120]})") from None
    timer_s, run_type, first_id = _lap_totals(reader.root)
    points = exercise.trackpoints or []
    start = _aware(exercise.start_time)
    if start is None:
        start = _aware(next((p.time for p in points if p.time is not None), None))
    if start is None and first_id:
        try:
            start = _aware(datetime.fromisoformat(first_id.strip().replace("Z", "+00:00")))
        except ValueError:
            start = None
    cads = [
        float(c)
        for c in (p.tpx_ext.get("RunCadence", p.cadence) for p in points)
        if isinstance(c, int | float) and c > 0
    ]
    elevations = [p.elevation for p in points if p.elevation is not None]
    descent = calculate_uphill_downhill(elevations)[1] if len(elevations) >= 2 else None
    distance = exercise.distance or None
    if not distance:
        marks = [p.distance for p in points if p.distance]
        distance = max(marks) if marks else None
    return Summary(
        sport=exercise.activity_type,
        start=start,
        distance_m=distance,
        timer_s=timer_s,
        elapsed_s=exercise.duration,
        cadence=sum(cads) / len(cads) if cads else None,
        descent_m=descent,
        descent_smoothed=descent is not None,
        avg_hr=exercise.hr_avg,
        run_type=run_type,
        has_positions=any(p.latitude is not None for p in points),
    )
