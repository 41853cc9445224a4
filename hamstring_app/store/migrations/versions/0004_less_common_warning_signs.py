"""Five less common warning signs on the check-in: bruising after a sudden pain, difficulty
walking or sitting, foot weakness, night or rest pain that does not ease, feeling unwell.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02

Each is a yes/no answer that may be missing: the new columns allow NULL, and every check-in
already saved gets NULL in them ("not answered"; they were not asked then). The table is
rebuilt by copy to add the named CHECKs, which are written out in full: a migration is a
snapshot.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

COLUMNS = (
    "bruising_after_sudden_pain",
    "difficulty_walking",
    "foot_weakness",
    "night_or_rest_pain",
    "feeling_unwell",
)


def upgrade() -> None:
    with op.batch_alter_table("checkin") as batch:
        for name in COLUMNS:
            batch.add_column(sa.Column(name, sa.Boolean(), nullable=True))
        for name in COLUMNS:
            batch.create_check_constraint(
                op.f(f"ck_checkin_{name}"), f"{name} IS NULL OR {name} IN (0, 1)"
            )


def downgrade() -> None:
    with op.batch_alter_table("checkin") as batch:
        for name in COLUMNS:
            batch.drop_constraint(op.f(f"ck_checkin_{name}"), type_="check")
        for name in reversed(COLUMNS):
            batch.drop_column(name)
