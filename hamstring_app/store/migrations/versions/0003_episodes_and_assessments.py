"""Injury episodes and "assessed by a professional" records; the profile becomes episode 1.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01

The profile held one injury (its start date, side, pain site and long-standing answer).
That injury is copied into the new ``episode`` table as episode 1, still open; the profile
row itself is left as it was. The CHECKs are written out in full: a migration is a snapshot.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_DATE = "{c} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND {c} >= '1990-01-01'"


def _ck(table: str, name: str, text: str) -> sa.CheckConstraint:
    return sa.CheckConstraint(text, name=op.f(f"ck_{table}_{name}"))


def upgrade() -> None:
    op.create_table(
        "episode",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("onset", sa.String(10), nullable=False),
        sa.Column("side", sa.String(20), nullable=False),
        sa.Column("pain_site", sa.String(30), nullable=False),
        sa.Column("long_standing", sa.Boolean(), nullable=False),
        sa.Column("ended", sa.String(10), nullable=True),
        sa.Column("end_reason", sa.String(20), nullable=True),
        _ck("episode", "onset", _DATE.format(c="onset")),
        _ck("episode", "side", "side IN ('left', 'right', 'both')"),
        _ck("episode", "pain_site", "pain_site IN ('mid_thigh', 'high_near_sit_bone')"),
        _ck("episode", "long_standing", "long_standing IN (0, 1)"),
        _ck("episode", "ended", "ended IS NULL OR (" + _DATE.format(c="ended") + ")"),
        _ck("episode", "end_reason", "end_reason IS NULL OR end_reason IN ('recovered', 'closed')"),
        _ck("episode", "ended_with_reason", "(ended IS NULL) = (end_reason IS NULL)"),
        _ck("episode", "ended_after_onset", "ended IS NULL OR ended >= onset"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_episode")),
        sa.UniqueConstraint("onset", name=op.f("uq_episode_onset")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "professional_assessment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.String(10), nullable=False),
        sa.Column("outcome", sa.String(20), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        _ck("professional_assessment", "day", _DATE.format(c="day")),
        _ck(
            "professional_assessment",
            "outcome",
            "outcome IS NULL OR outcome IN ('cleared_to_run', 'rehab_only', 'no_running')",
        ),
        _ck("professional_assessment", "note", "length(note) <= 2000"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_professional_assessment")),
        sqlite_autoincrement=True,
    )
    # the one injury the profile described becomes episode 1, still current
    op.execute(
        "INSERT INTO episode (onset, side, pain_site, long_standing, ended, end_reason) "
        "SELECT injury_start, side, pain_site, long_standing, NULL, NULL FROM profile "
        "WHERE id = 1"
    )


def downgrade() -> None:
    op.drop_table("professional_assessment")
    op.drop_table("episode")
