"""Initial schema: profile, check-ins, runs, strength sessions and sets, settings, app meta.

Revision ID: 0001
Revises:
Create Date: 2026-11-28

Every CHECK below is written out in full on purpose: a migration is a snapshot of the
schema at one moment and must not change when tables.py changes later.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_DATE = "{c} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND {c} >= '1990-01-01'"
_DATETIME = "{c} IS NULL OR {c} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T*'"
_PAIN = "{c} IS NULL OR (typeof({c}) = 'integer' AND {c} BETWEEN 0 AND 10)"
_BOOL = "{c} IS NULL OR {c} IN (0, 1)"


def _ck(table: str, name: str, text: str) -> sa.CheckConstraint:
    return sa.CheckConstraint(text, name=op.f(f"ck_{table}_{name}"))


def _fmt(template: str, column: str) -> str:
    return template.format(c=column)


CHECKIN_BOOLS = (
    "ran",
    "eased_during_run",
    "settled_within_24h",
    "sharp_pain",
    "pain_increases_with_speed",
    "gait_changed",
    "pain_in_daily_activities",
    "sudden_onset_with_weakness",
    "nerve_signs",
    "overstride_long_stride",
    "overstride_loud_landing",
    "overstride_heel_ahead",
)


def upgrade() -> None:
    op.create_table(
        "app_meta",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("schema_revision", sa.String(32), nullable=False),
        sa.Column("app_version", sa.String(64), nullable=False),
        _ck("app_meta", "single_row", "id = 1"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_app_meta")),
    )
    op.create_table(
        "profile",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("injury_start", sa.String(10), nullable=False),
        sa.Column("side", sa.String(20), nullable=False),
        sa.Column("pain_site", sa.String(30), nullable=False),
        sa.Column("long_standing", sa.Boolean(), nullable=False),
        sa.Column("usual_weekly_km", sa.Float(), nullable=True),
        sa.Column("usual_cadence_spm", sa.Integer(), nullable=True),
        sa.Column("units", sa.String(10), nullable=False),
        _ck("profile", "single_row", "id = 1"),
        _ck("profile", "injury_start", _fmt(_DATE, "injury_start")),
        _ck("profile", "side", "side IN ('left', 'right', 'both')"),
        _ck("profile", "pain_site", "pain_site IN ('mid_thigh', 'high_near_sit_bone')"),
        _ck("profile", "long_standing", "long_standing IN (0, 1)"),
        _ck(
            "profile",
            "usual_weekly_km",
            "usual_weekly_km IS NULL OR (typeof(usual_weekly_km) IN ('integer', 'real') "
            "AND usual_weekly_km >= 0 AND usual_weekly_km <= 1000)",
        ),
        _ck(
            "profile",
            "usual_cadence_spm",
            "usual_cadence_spm IS NULL OR (typeof(usual_cadence_spm) = 'integer' "
            "AND usual_cadence_spm BETWEEN 100 AND 260)",
        ),
        _ck("profile", "units", "units IN ('km', 'miles')"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_profile")),
    )
    op.create_table(
        "checkin",
        sa.Column("day", sa.String(10), nullable=False),
        sa.Column("pain_rest", sa.Integer(), nullable=True),
        sa.Column("pain_run", sa.Integer(), nullable=True),
        sa.Column("pain_next_morning", sa.Integer(), nullable=True),
        *(sa.Column(name, sa.Boolean(), nullable=True) for name in CHECKIN_BOOLS),
        sa.Column("fatigue", sa.Integer(), nullable=True),
        sa.Column("sleep_hours", sa.Float(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        _ck("checkin", "day", _fmt(_DATE, "day")),
        *(
            _ck("checkin", name, _fmt(_PAIN, name))
            for name in ("pain_rest", "pain_run", "pain_next_morning")
        ),
        *(_ck("checkin", name, _fmt(_BOOL, name)) for name in CHECKIN_BOOLS),
        _ck("checkin", "pain_run_needs_run", "NOT (ran = 0 AND pain_run IS NOT NULL)"),
        _ck("checkin", "fatigue", _fmt(_PAIN, "fatigue")),
        _ck(
            "checkin",
            "sleep_hours",
            "sleep_hours IS NULL OR (typeof(sleep_hours) IN ('integer', 'real') "
            "AND sleep_hours >= 0 AND sleep_hours <= 24)",
        ),
        _ck("checkin", "note", "length(note) <= 2000"),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_checkin")),
    )
    op.create_table(
        "run",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.String(10), nullable=False),
        sa.Column("distance_km", sa.Float(), nullable=False),
        sa.Column("duration_min", sa.Float(), nullable=True),
        sa.Column("type", sa.String(20), nullable=False),
        sa.Column("rpe", sa.Integer(), nullable=True),
        sa.Column("cadence_spm", sa.Integer(), nullable=True),
        sa.Column("descent_m", sa.Float(), nullable=True),
        sa.Column("pain", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("source", sa.String(20), nullable=False),
        _ck("run", "day", _fmt(_DATE, "day")),
        _ck(
            "run",
            "distance_km",
            "typeof(distance_km) IN ('integer', 'real') AND distance_km > 0 AND distance_km <= 400",
        ),
        _ck(
            "run",
            "duration_min",
            "duration_min IS NULL OR (typeof(duration_min) IN ('integer', 'real') "
            "AND duration_min > 0 AND duration_min <= 4320)",
        ),
        _ck(
            "run",
            "type",
            "type IN ('easy', 'long', 'tempo', 'intervals', 'hills', 'race', 'other')",
        ),
        _ck("run", "rpe", _fmt(_PAIN, "rpe")),
        _ck(
            "run",
            "cadence_spm",
            "cadence_spm IS NULL OR (typeof(cadence_spm) = 'integer' "
            "AND cadence_spm BETWEEN 100 AND 260)",
        ),
        _ck(
            "run",
            "descent_m",
            "descent_m IS NULL OR (typeof(descent_m) IN ('integer', 'real') "
            "AND descent_m >= 0 AND descent_m <= 10000)",
        ),
        _ck("run", "pain", _fmt(_PAIN, "pain")),
        _ck("run", "note", "length(note) <= 2000"),
        _ck("run", "source", "source IN ('manual', 'file')"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_run")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "strength_session",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.String(10), nullable=False),
        sa.Column("pain_next_morning", sa.Integer(), nullable=True),
        sa.Column("phase", sa.Integer(), nullable=True),
        sa.Column("programme_id", sa.String(100), nullable=True),
        sa.Column("started_at", sa.String(40), nullable=True),
        sa.Column("finished_at", sa.String(40), nullable=True),
        _ck("strength_session", "day", _fmt(_DATE, "day")),
        _ck("strength_session", "pain_next_morning", _fmt(_PAIN, "pain_next_morning")),
        _ck("strength_session", "phase", "phase IS NULL OR phase IN (1, 2, 3, 4)"),
        _ck("strength_session", "started_at", _fmt(_DATETIME, "started_at")),
        _ck("strength_session", "finished_at", _fmt(_DATETIME, "finished_at")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_strength_session")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "set_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("exercise_id", sa.String(100), nullable=False),
        sa.Column("set_number", sa.Integer(), nullable=False),
        sa.Column("reps", sa.Integer(), nullable=True),
        sa.Column("hold_s", sa.Float(), nullable=True),
        sa.Column("load_kg", sa.Float(), nullable=True),
        sa.Column("pain", sa.Integer(), nullable=True),
        sa.Column("completed", sa.Boolean(), nullable=False),
        sa.Column("started_at", sa.String(40), nullable=True),
        sa.Column("finished_at", sa.String(40), nullable=True),
        _ck("set_log", "exercise_id", "length(trim(exercise_id)) > 0"),
        _ck(
            "set_log",
            "set_number",
            "typeof(set_number) = 'integer' AND set_number BETWEEN 1 AND 50",
        ),
        _ck(
            "set_log",
            "reps",
            "reps IS NULL OR (typeof(reps) = 'integer' AND reps BETWEEN 0 AND 200)",
        ),
        _ck(
            "set_log",
            "hold_s",
            "hold_s IS NULL OR (typeof(hold_s) IN ('integer', 'real') "
            "AND hold_s >= 0 AND hold_s <= 600)",
        ),
        _ck(
            "set_log",
            "load_kg",
            "load_kg IS NULL OR (typeof(load_kg) IN ('integer', 'real') "
            "AND load_kg >= 0 AND load_kg <= 500)",
        ),
        _ck("set_log", "pain", _fmt(_PAIN, "pain")),
        _ck("set_log", "completed", "completed IN (0, 1)"),
        _ck("set_log", "started_at", _fmt(_DATETIME, "started_at")),
        _ck("set_log", "finished_at", _fmt(_DATETIME, "finished_at")),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["strength_session.id"],
            name=op.f("fk_set_log_session_id_strength_session"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_set_log")),
        sa.UniqueConstraint(
            "session_id",
            "exercise_id",
            "set_number",
            name=op.f("uq_set_log_session_id_exercise_id_set_number"),
        ),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "setting",
        sa.Column("key", sa.String(100), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        _ck("setting", "key", "length(key) > 0"),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_setting")),
    )


def downgrade() -> None:
    for table in ("setting", "set_log", "strength_session", "run", "checkin", "profile"):
        op.drop_table(table)
    op.drop_table("app_meta")
