"""Activity files written by the tests themselves: FIT (with fit-tool), GPX, TCX, zips.

Every file describes one steady run: ``minutes`` long, ``km`` far, one point every
``step_s`` seconds, elevation going up and down by ``hill_m`` over each kilometre.
"""

from __future__ import annotations

import gzip
import io
import math
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

FIT_EPOCH_S = 631065600  # 1989-12-31T00:00:00Z, where FIT counts seconds from


@dataclass(frozen=True)
class RunSpec:
    start: datetime = datetime(2026, 11, 29, 19, 0, tzinfo=UTC)
    km: float = 10.0
    minutes: float = 50.0
    cadence: float | None = 84.0  # as written in the file (per leg for running)
    heart_rate: int | None = 142
    hill_m: float = 0.0  # rise and fall over each kilometre
    step_s: int = 10
    gps: bool = True
    lat: float = 51.5
    lon: float = -0.12

    def points(self) -> list[tuple[datetime, float, float, float, float]]:
        """(time, metres so far, lat, lon, elevation) for every point."""
        total_s = self.minutes * 60
        n = max(2, int(total_s // self.step_s) + 1)
        out = []
        metres_per_deg = 111_320.0
        for i in range(n):
            t = min(i * self.step_s, total_s)
            metres = self.km * 1000 * t / total_s
            lat = self.lat + metres / metres_per_deg
            ele = 50 + self.hill_m * abs(math.sin(math.pi * metres / 1000))
            out.append((self.start + timedelta(seconds=t), metres, lat, self.lon, ele))
        return out


# --------------------------------------------------------------------------------- FIT


def fit_bytes(
    spec: RunSpec = RunSpec(),
    *,
    sport: str = "RUNNING",
    sub_sport: str = "GENERIC",
    local_offset: timedelta | None = None,
    rpe: int | None = None,
    total_descent: float | None = None,
    session: bool = True,
    fractional: float | None = None,
    interval_laps: bool = False,
    file_type: str = "ACTIVITY",
) -> bytes:
    from fit_tool.fit_file_builder import FitFileBuilder
    from fit_tool.profile.messages.activity_message import ActivityMessage
    from fit_tool.profile.messages.file_id_message import FileIdMessage
    from fit_tool.profile.messages.lap_message import LapMessage
    from fit_tool.profile.messages.record_message import RecordMessage
    from fit_tool.profile.messages.session_message import SessionMessage
    from fit_tool.profile.profile_type import FileType, Intensity, Manufacturer, Sport, SubSport

    ms = int(spec.start.timestamp() * 1000)
    end_ms = ms + int(spec.minutes * 60_000)
    builder = FitFileBuilder(auto_define=True, min_string_size=50)
    file_id = FileIdMessage()
    file_id.type = getattr(FileType, file_type)
    file_id.manufacturer = Manufacturer.DEVELOPMENT.value
    file_id.product = 0
    file_id.time_created = ms
    file_id.serial_number = 1234
    builder.add(file_id)
    records = []
    for when, metres, lat, lon, ele in spec.points():
        record = RecordMessage()
        record.timestamp = int(when.timestamp() * 1000)
        record.distance = metres
        if spec.gps:
            record.position_lat = lat
            record.position_long = lon
        record.altitude = ele
        if spec.heart_rate:
            record.heart_rate = spec.heart_rate
        if spec.cadence:
            record.cadence = int(spec.cadence)
        records.append(record)
    builder.add_all(records)
    if interval_laps:
        for i, intensity in enumerate(
            [Intensity.WARMUP, Intensity.ACTIVE, Intensity.REST, Intensity.ACTIVE,
             Intensity.REST, Intensity.ACTIVE, Intensity.COOLDOWN]
        ):
            lap = LapMessage()
            lap.timestamp = ms + (i + 1) * 60_000
            lap.start_time = ms + i * 60_000
            lap.intensity = intensity
            builder.add(lap)
    if session:
        s = SessionMessage()
        s.timestamp = end_ms
        s.start_time = ms
        s.sport = getattr(Sport, sport)
        s.sub_sport = getattr(SubSport, sub_sport)
        s.total_elapsed_time = spec.minutes * 60 + 30
        s.total_timer_time = spec.minutes * 60
        s.total_distance = spec.km * 1000
        if spec.heart_rate:
            s.avg_heart_rate = spec.heart_rate
        if spec.cadence:
            s.avg_running_cadence = int(spec.cadence)
        if fractional is not None:
            s.avg_fractional_cadence = fractional
        if total_descent is not None:
            s.total_descent = int(total_descent)
        if rpe is not None:
            s.workout_rpe = rpe * 10
        if spec.gps:
            s.start_position_lat = spec.lat
            s.start_position_long = spec.lon
        builder.add(s)
        activity = ActivityMessage()
        activity.timestamp = end_ms
        activity.total_timer_time = spec.minutes * 60
        activity.num_sessions = 1
        if local_offset is not None:
            local_s = end_ms // 1000 + int(local_offset.total_seconds())
            activity.local_timestamp = local_s - FIT_EPOCH_S
        builder.add(activity)
    return builder.build().to_bytes()


# --------------------------------------------------------------------------------- GPX


def _iso(moment: datetime, offset: timedelta | None) -> str:
    if offset is None:
        return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    from datetime import timezone

    return moment.astimezone(timezone(offset)).isoformat()


def gpx_bytes(
    spec: RunSpec = RunSpec(), *, sport: str | None = "running", offset: timedelta | None = None
) -> bytes:
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<gpx version="1.1" creator="hamstring-tests" xmlns="http://www.topografix.com/GPX/1/1"'
        ' xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">'
        "<trk><name>Test run</name>"
    ]
    if sport is not None:
        parts.append(f"<type>{sport}</type>")
    parts.append("<trkseg>")
    for when, _metres, lat, lon, ele in spec.points():
        ext = ""
        if spec.heart_rate or spec.cadence:
            ext = "<extensions><gpxtpx:TrackPointExtension>"
            if spec.heart_rate:
                ext += f"<gpxtpx:hr>{spec.heart_rate}</gpxtpx:hr>"
            if spec.cadence:
                ext += f"<gpxtpx:cad>{spec.cadence:.0f}</gpxtpx:cad>"
            ext += "</gpxtpx:TrackPointExtension></extensions>"
        parts.append(
            f'<trkpt lat="{lat:.7f}" lon="{lon:.7f}"><ele>{ele:.1f}</ele>'
            f"<time>{_iso(when, offset)}</time>{ext}</trkpt>"
        )
    parts.append("</trkseg></trk></gpx>\n")
    return "".join(parts).encode()


# --------------------------------------------------------------------------------- TCX


def tcx_bytes(
    spec: RunSpec = RunSpec(), *, sport: str = "Running", intervals: bool = False
) -> bytes:
    head = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"'
        ' xmlns:ns3="http://www.garmin.com/xmlschemas/ActivityExtension/v2">'
        f'<Activities><Activity Sport="{sport}"><Id>{_iso(spec.start, None)}</Id>'
    )
    points = spec.points()
    laps = 4 if intervals else 1
    per = math.ceil(len(points) / laps)
    body = []
    for lap in range(laps):
        chunk = points[lap * per : (lap + 1) * per]
        if not chunk:
            continue
        seconds = (chunk[-1][0] - chunk[0][0]).total_seconds()
        metres = chunk[-1][1] - chunk[0][1]
        intensity = "Resting" if intervals and lap % 2 else "Active"
        body.append(
            f'<Lap StartTime="{_iso(chunk[0][0], None)}"><TotalTimeSeconds>{seconds:.0f}'
            f"</TotalTimeSeconds><DistanceMeters>{metres:.1f}</DistanceMeters>"
            f"<Intensity>{intensity}</Intensity><Track>"
        )
        for when, m, lat, lon, ele in chunk:
            pos = (
                f"<Position><LatitudeDegrees>{lat:.7f}</LatitudeDegrees><LongitudeDegrees>"
                f"{lon:.7f}</LongitudeDegrees></Position>"
                if spec.gps
                else ""
            )
            hr = (
                f"<HeartRateBpm><Value>{spec.heart_rate}</Value></HeartRateBpm>"
                if spec.heart_rate
                else ""
            )
            cad = (
                f"<Extensions><ns3:TPX><ns3:RunCadence>{spec.cadence:.0f}</ns3:RunCadence>"
                "</ns3:TPX></Extensions>"
                if spec.cadence
                else ""
            )
            body.append(
                f"<Trackpoint><Time>{_iso(when, None)}</Time>{pos}"
                f"<AltitudeMeters>{ele:.1f}</AltitudeMeters><DistanceMeters>{m:.1f}"
                f"</DistanceMeters>{hr}{cad}</Trackpoint>"
            )
        body.append("</Track></Lap>")
    tail = "</Activity></Activities></TrainingCenterDatabase>\n"
    return (head + "".join(body) + tail).encode()


# --------------------------------------------------------------------------------- zips


def gz(data: bytes) -> bytes:
    return gzip.compress(data, mtime=0)


def zip_bytes(members: dict[str, bytes], *, stored: bool = False) -> bytes:
    out = io.BytesIO()
    method = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(out, "w", compression=method) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


STRAVA_HEADER_EN = [
    "Activity ID", "Activity Date", "Activity Name", "Activity Type", "Activity Description",
    "Elapsed Time", "Distance", "Max Heart Rate", "Relative Effort", "Commute",
    "Activity Private Note", "Activity Gear", "Filename", "Athlete Weight", "Bike Weight",
    "Elapsed Time", "Moving Time", "Distance", "Max Speed", "Average Speed", "Elevation Gain",
    "Elevation Loss", "Average Cadence", "Average Heart Rate", "Perceived Exertion",
]  # fmt: skip
STRAVA_HEADER_DE = [
    "Aktivitäts-ID", "Datum der Aktivität", "Name der Aktivität", "Aktivitätsart",
    "Beschreibung der Aktivität", "Verstrichene Zeit", "Distanz", "Maximale Herzfrequenz",
    "Relative Leistung", "Pendeln", "Private Notiz zur Aktivität", "Ausrüstung", "Dateiname",
    "Gewicht", "Fahrradgewicht", "Verstrichene Zeit", "Bewegungszeit", "Distanz",
    "Maximale Geschwindigkeit", "Durchschnittsgeschwindigkeit", "Höhenzunahme", "Höhenverlust",
    "Durchschnittliche Trittfrequenz", "Durchschnittliche Herzfrequenz",
    "Empfundene Anstrengung",
]  # fmt: skip


@dataclass(frozen=True)
class StravaRow:
    activity_id: str
    date: str  # as Strava writes it: "Nov 29, 2026, 7:00:00 PM"
    sport: str
    filename: str
    km: float = 10.0
    seconds: float = 3000.0
    descent: str = ""
    cadence: str = ""
    rpe: str = ""
    note: str = ""


def strava_csv(rows: list[StravaRow], header: list[str] = STRAVA_HEADER_EN) -> bytes:
    import csv

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    for r in rows:
        decimal = (lambda v: f"{v:.2f}".replace(".", ",")) if header is STRAVA_HEADER_DE else (
            lambda v: f"{v:.2f}"
        )
        writer.writerow([
            r.activity_id, r.date, "Morning Run", r.sport, "", f"{r.seconds:.0f}",
            decimal(r.km), "170", "40", "false", r.note, "", r.filename, "", "",
            f"{r.seconds + 60:.1f}", f"{r.seconds:.1f}", f"{r.km * 1000:.1f}", "4.0", "3.3",
            "40", r.descent, r.cadence, "140", r.rpe,
        ])  # fmt: skip
    return out.getvalue().encode("utf-8-sig")
