"""Strava's bulk export: ``activities.csv`` beside ``activities/<id>.fit.gz|.gpx|.tcx...``.

The CSV's headers follow the account's language, have been renamed and reordered between
versions, and some appear twice (``Distance`` in km and again in metres, ``Elapsed Time``
twice). So columns are found by alias, after folding case and accents, and duplicated
columns are reconciled by their values. The CSV is trusted for what only Strava knows
(the activity type the runner chose, Perceived Exertion, the private note, the workout
type); the activity file, when there is one, for everything it measured.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import UTC, datetime

from hamstring_app.core.models import MAX_RUN_KM, RunType
from hamstring_app.importer.activity import Summary
from hamstring_app.importer.errors import BadFile
from hamstring_app.importer.sport import fold

CSV_NAME = "activities.csv"
MAX_CSV_ROWS = 200_000

_ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("Activity ID", "Aktivitäts-ID", "ID der Aktivität", "ID de l'activité",
           "ID de la actividad", "ID attività", "Activiteit-ID", "ID da atividade"),
    "date": ("Activity Date", "Aktivitätsdatum", "Datum der Aktivität", "Date de l'activité",
             "Fecha de la actividad", "Data attività", "Data dell'attività", "Activiteitsdatum",
             "Datum activiteit", "Data da atividade"),
    "type": ("Activity Type", "Aktivitätsart", "Aktivitätstyp", "Sportart", "Type d'activité",
             "Tipo de actividad", "Tipo di attività", "Tipo attività", "Activiteittype",
             "Type activiteit", "Tipo de atividade"),
    "elapsed": ("Elapsed Time", "Verstrichene Zeit", "Gesamtzeit", "Temps écoulé",
                "Tiempo transcurrido", "Tempo trascorso", "Verstreken tijd",
                "Tempo decorrido"),
    "moving": ("Moving Time", "Bewegungszeit", "Zeit in Bewegung", "Temps de déplacement",
               "Temps en mouvement", "Tiempo en movimiento", "Tempo in movimento",
               "Beweegtijd", "Tempo em movimento"),
    "distance": ("Distance", "Distanz", "Strecke", "Entfernung", "Distancia", "Distanza",
                 "Afstand", "Distância"),
    "filename": ("Filename", "File Name", "Dateiname", "Nom du fichier", "Nom de fichier",
                 "Nombre del archivo", "Nombre de archivo", "Nome file", "Nome del file",
                 "Bestandsnaam", "Nome do arquivo"),
    "descent": ("Elevation Loss", "Höhenverlust", "Abstieg", "Perte d'altitude",
                "Perte d'élévation", "Dénivelé négatif", "Pérdida de elevación",
                "Desnivel negativo", "Perdita di elevazione", "Dislivello negativo",
                "Hoogteverlies", "Perda de elevação"),
    "cadence": ("Average Cadence", "Durchschnittliche Trittfrequenz",
                "Durchschnittliche Schrittfrequenz", "Ø Trittfrequenz", "Cadence moyenne",
                "Cadencia media", "Cadencia promedio", "Cadenza media", "Gemiddelde cadans",
                "Cadência média"),
    "hr": ("Average Heart Rate", "Durchschnittliche Herzfrequenz", "Ø Herzfrequenz",
           "Fréquence cardiaque moyenne", "Frecuencia cardiaca media",
           "Frecuencia cardíaca promedio", "Frequenza cardiaca media", "Gemiddelde hartslag",
           "Frequência cardíaca média"),
    "rpe": ("Perceived Exertion", "Empfundene Anstrengung", "Wahrgenommene Anstrengung",
            "Effort perçu", "Esfuerzo percibido", "Sforzo percepito", "Waargenomen inspanning",
            "Ervaren inspanning", "Esforço percebido"),
    "note": ("Activity Private Note", "Private Notiz zur Aktivität", "Private Notiz",
             "Note privée de l'activité", "Note privée", "Nota privada de la actividad",
             "Nota privada", "Nota privata attività", "Nota privata",
             "Privénotitie activiteit", "Privénotitie", "Nota privada da atividade"),
    "workout": ("Workout Type", "Trainingstyp", "Art des Trainings", "Type d'entraînement",
                "Tipo de entrenamiento", "Tipo di allenamento", "Type training",
                "Tipo de treino"),
}  # fmt: skip
_LOOKUP = {fold(alias): key for key, aliases in _ALIASES.items() for alias in aliases}

# Strava's workout types for runs (numbers in older exports, words in newer ones).
_WORKOUT = {
    "1": RunType.RACE, "race": RunType.RACE, "wettkampf": RunType.RACE, "course": RunType.RACE,
    "carrera": RunType.RACE, "gara": RunType.RACE, "wedstrijd": RunType.RACE,
    "corrida": RunType.RACE,
    "2": RunType.LONG, "long run": RunType.LONG, "langer lauf": RunType.LONG,
    "sortie longue": RunType.LONG, "tirada larga": RunType.LONG, "lungo": RunType.LONG,
    "corsa lunga": RunType.LONG, "duurloop": RunType.LONG, "longao": RunType.LONG,
    "3": RunType.INTERVALS, "workout": RunType.INTERVALS, "training": RunType.INTERVALS,
    "entrainement": RunType.INTERVALS, "entrenamiento": RunType.INTERVALS,
    "allenamento": RunType.INTERVALS, "treino": RunType.INTERVALS,
}  # fmt: skip

_MONTHS = {
    m: i + 1
    for names in (
        "jan feb mar apr may jun jul aug sep oct nov dec",
        "jan feb mar apr mai jun jul aug sep okt nov dez",
        "janv fevr mars avr mai juin juil aout sept oct nov dec",
        "ene feb mar abr may jun jul ago sept oct nov dic",
        "gen feb mar apr mag giu lug ago set ott nov dic",
        "jan feb mrt apr mei jun jul aug sep okt nov dec",
        "jan fev mar abr mai jun jul ago set out nov dez",
    )
    for i, m in enumerate(names.split())
}
_MONTHS.update({"sep": 9, "sept": 9, "mrz": 3, "maerz": 3, "marz": 3})


@dataclass(frozen=True, slots=True)
class StravaRow:
    activity_id: str
    filename: str  # as written in the CSV, e.g. "activities/123.fit.gz"; "" for none
    sport: str
    date: datetime | None  # Strava writes UTC
    distance_m: float | None
    moving_s: float | None
    elapsed_s: float | None
    descent_m: float | None
    cadence: float | None
    avg_hr: float | None
    rpe: int | None
    note: str
    run_type: RunType | None

    def summary(self) -> Summary:
        """For an activity with no file (entered by hand on Strava)."""
        return Summary(
            sport=self.sport,
            start=self.date,
            distance_m=self.distance_m,
            moving_s=self.moving_s,
            elapsed_s=self.elapsed_s,
            cadence=self.cadence,
            descent_m=self.descent_m,
            avg_hr=self.avg_hr,
            rpe=self.rpe,
            run_type=self.run_type,
            note=self.note,
        )


def number(text: str) -> float | None:
    """A number as any locale writes it: 10.5, 10,5, 1,234.5, 1.234,5, 1 234,5."""
    value = text.strip().replace("\u00a0", "").replace(" ", "")
    if not value:
        return None
    if "," in value and "." in value:
        if value.rfind(",") > value.rfind("."):
            value = value.replace(".", "").replace(",", ".")
        else:
            value = value.replace(",", "")
    elif "," in value:
        head, _, tail = value.rpartition(",")
        value = value.replace(",", "") if len(tail) == 3 and head.isdigit() else value.replace(
            ",", "."
        )
    try:
        result = float(value)
    except ValueError:
        return None
    return result if result == result and abs(result) != float("inf") else None


def seconds(text: str) -> float | None:
    if ":" in text:
        parts = text.strip().split(":")
        try:
            total = 0.0
            for part in parts:
                total = total * 60 + float(part)
            return total
        except ValueError:
            return None
    return number(text)


def parse_date(text: str) -> datetime | None:
    """Strava's "Nov 30, 2026, 6:00:00 AM" and its localized cousins, read as UTC."""
    raw = text.strip()
    if not raw:
        return None
    try:
        moment = datetime.fromisoformat(raw.replace("Z", "+00:00"))
        return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    except ValueError:
        pass
    folded = fold(raw)
    pm = bool(re.search(r"\b(pm|p m)\b", folded))
    am = bool(re.search(r"\b(am|a m)\b", folded))
    month = next((_MONTHS[w] for w in re.findall(r"[a-z]+", folded) if w in _MONTHS), None)
    digits = [int(d) for d in re.findall(r"\d+", raw)]
    try:
        if month is not None and len(digits) >= 2:
            # "Nov 30, 2026, 6:00:00 AM" or "30 nov. 2026, 06:00:00"
            first, second = digits[0], digits[1]
            day, year = (second, first) if first > 31 else (first, second)
            clock = digits[2:]
        elif len(digits) >= 3:
            # "30.11.2026, 06:00:00", "11/30/2026 6:00", "2026/11/30"
            a, b, c = digits[:3]
            if a > 31:
                year, month, day = a, b, c
            elif b > 12:
                month, day, year = a, b, c
            else:
                day, month, year = a, b, c
            clock = digits[3:]
        else:
            return None
        hour, minute, second_ = [*clock, 0, 0, 0][:3]
        if pm and hour < 12:
            hour += 12
        if am and hour == 12:
            hour = 0
        return datetime(year, month, day, hour, minute, second_, tzinfo=UTC)
    except ValueError:
        return None


def _pick_distance(values: list[float]) -> float | None:
    """Metres from one or two Distance columns (one in km, one in metres)."""
    found = [v for v in values if v is not None and v > 0]
    if not found:
        return None
    if len(found) >= 2:
        return max(found)  # the metres column
    value = found[0]
    return value if value > MAX_RUN_KM else value * 1000.0


def read_activities_csv(data: bytes) -> dict[str, StravaRow]:
    """Rows by file name as written in the CSV (or ``#<id>`` for rows with no file)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        raise BadFile("activities.csv is empty") from None
    columns: dict[str, list[int]] = {}
    for index, name in enumerate(header):
        key = _LOOKUP.get(fold(name))
        if key is not None:
            columns.setdefault(key, []).append(index)
    if "type" not in columns or ("filename" not in columns and "date" not in columns):
        raise BadFile("activities.csv has no Activity Type and Filename columns")
    rows: dict[str, StravaRow] = {}
    try:
        for count, cells in enumerate(reader):
            if count >= MAX_CSV_ROWS:
                break
            row = _row(cells, columns)
            if row is not None:
                rows[row.filename or f"#{row.activity_id}"] = row
    except csv.Error as exc:
        raise BadFile(f"activities.csv is damaged ({exc})") from None
    return rows


def _row(cells: list[str], columns: dict[str, list[int]]) -> StravaRow | None:
    def all_(key: str) -> list[str]:
        return [cells[i] for i in columns.get(key, ()) if i < len(cells)]

    def first(key: str) -> str:
        return next((v for v in all_(key) if v.strip()), "")

    sport = first("type")
    if not sport and not first("filename"):
        return None
    rpe_value = number(first("rpe"))
    rpe = round(rpe_value) if rpe_value is not None and 0 <= rpe_value <= 10 else None
    times = [t for t in (seconds(v) for v in all_("elapsed")) if t]
    return StravaRow(
        activity_id=first("id").strip(),
        filename=first("filename").strip(),
        sport=sport.strip(),
        date=parse_date(first("date")),
        distance_m=_pick_distance([number(v) for v in all_("distance")]),
        moving_s=seconds(first("moving")),
        elapsed_s=max(times) if times else None,
        descent_m=number(first("descent")),
        cadence=number(first("cadence")),
        avg_hr=number(first("hr")),
        rpe=rpe,
        note=first("note").strip()[:2000],
        run_type=_WORKOUT.get(fold(first("workout"))),
    )
