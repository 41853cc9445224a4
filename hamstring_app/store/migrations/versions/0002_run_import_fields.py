"""Runs read from watch files: start time, heart rate, file name and hash, details, review.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01

``content_hash`` is unique (the same file is never saved twice); ``started_at`` is
indexed for matching the same run read from two different files. Existing runs get
empty values: they were typed in by hand.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_CHECKS = (
    (
        "started_at",
        "started_at IS NULL OR started_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T*'",
    ),
    (
        "avg_hr_bpm",
        "avg_hr_bpm IS NULL OR (typeof(avg_hr_bpm) = 'integer' AND avg_hr_bpm BETWEEN 20 AND 250)",
    ),
    ("source_file", "length(source_file) <= 255"),
    ("content_hash", "content_hash IS NULL OR length(content_hash) <= 80"),
    ("details", "length(details) <= 2000"),
    ("needs_review", "needs_review IN (0, 1)"),
)


def _sequence() -> int | None:
    return op.get_bind().exec_driver_sql(
        "SELECT seq FROM sqlite_sequence WHERE name = 'run'"
    ).scalar()


def _restore_sequence(seq: int | None) -> None:
    """The table is rebuilt by copy: keep AUTOINCREMENT's record, so the id of a run
    deleted before the upgrade is still never handed out again (undo relies on it)."""
    if seq is None:
        return
    bind = op.get_bind()
    bind.exec_driver_sql("DELETE FROM sqlite_sequence WHERE name = 'run'")
    bind.exec_driver_sql("INSERT INTO sqlite_sequence (name, seq) VALUES ('run', ?)", (seq,))


_TABLE = {"sqlite_autoincrement": True}


def upgrade() -> None:
    seq = _sequence()
    with op.batch_alter_table("run", table_kwargs=_TABLE) as batch:
        batch.add_column(sa.Column("started_at", sa.String(40), nullable=True))
        batch.add_column(sa.Column("avg_hr_bpm", sa.Integer(), nullable=True))
        batch.add_column(
            sa.Column("source_file", sa.String(255), nullable=False, server_default="")
        )
        batch.add_column(sa.Column("content_hash", sa.String(80), nullable=True))
        batch.add_column(sa.Column("details", sa.Text(), nullable=False, server_default=""))
        batch.add_column(
            sa.Column("needs_review", sa.Boolean(), nullable=False, server_default="0")
        )
        for name, text in _CHECKS:
            batch.create_check_constraint(op.f(f"ck_run_{name}"), text)
        batch.create_index("ix_run_content_hash", ["content_hash"], unique=True)
        batch.create_index("ix_run_started_at", ["started_at"])
    _restore_sequence(seq)


def downgrade() -> None:
    seq = _sequence()
    with op.batch_alter_table("run", table_kwargs=_TABLE) as batch:
        batch.drop_index("ix_run_started_at")
        batch.drop_index("ix_run_content_hash")
        for name, _ in _CHECKS:
            batch.drop_constraint(op.f(f"ck_run_{name}"), type_="check")
        for column in (
            "needs_review", "details", "content_hash", "source_file", "avg_hr_bpm", "started_at"
        ):
            batch.drop_column(column)
    _restore_sequence(seq)
