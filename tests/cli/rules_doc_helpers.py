"""Small JSON inputs for `hamstring-app assess`, in the format of docs/assess.md."""

from __future__ import annotations

import io
import json
from datetime import date, timedelta

from hamstring_app.assess import run_assess

TODAY = date(2026, 3, 16)
SIGNS = (
    "sharp_pain",
    "pain_increases_with_speed",
    "gait_changed",
    "pain_in_daily_activities",
    "sudden_onset_with_weakness",
    "nerve_signs",
)


def ago(n: int) -> str:
    return (TODAY - timedelta(days=n)).isoformat()


def checkin(n: int, pain: int | None = 0, **kw: object) -> dict:
    """A check-in n days ago: every warning sign answered no, pain at rest and on waking
    as given (None: not answered), settled, not run."""
    row: dict = {"date": ago(n), **dict.fromkeys(SIGNS, False), "settled_within_24h": True}
    if pain is not None:
        row["pain_rest"] = pain
        row["pain_next_morning"] = pain
    row.update(kw)
    return {k: v for k, v in row.items() if v is not None}


def run(n: int, km: float, **kw: object) -> dict:
    return {"date": ago(n), "distance_km": km, **kw}


def doc(
    checkins: list[dict] = (),
    runs: list[dict] = (),
    *,
    onset: int = 14,
    profile: dict | None = None,
    **extra: object,
) -> dict:
    return {
        "today": TODAY.isoformat(),
        "profile": {"injury_start": ago(onset), **(profile or {})},
        "checkins": list(checkins),
        "runs": list(runs),
        **extra,
    }


def assess(document: dict) -> dict:
    out, err = io.StringIO(), io.StringIO()
    code = run_assess(
        file="-", use_db=False, data_dir=None, today=None,
        stdin=io.StringIO(json.dumps(document)), stdout=out, stderr=err,
    )
    assert code == 0, err.getvalue()
    return json.loads(out.getvalue())


def rules(result: dict) -> dict[str, dict]:
    return {a["rule"]: a for a in result["advice"]}
