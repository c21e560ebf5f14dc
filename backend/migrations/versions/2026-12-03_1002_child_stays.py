"""child stays: first and last day of a child's placements (and of its school placements) on
the child row, for the outcome reports' rolls

Revision ID: e13c0a000002
Revises: e13c0a000001
Create Date: 2026-12-03 10:02:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = 'e13c0a000002'
down_revision: str | None = 'e13c0a000001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NO_END = "9999-12-31"


def upgrade() -> None:
    for name in ("stay_from", "stay_until", "school_from", "school_until"):
        op.add_column("child", sa.Column(name, sa.Date(), nullable=True))
    school = (
        "p.kind = 'school' AND p.organisation_id IN "
        "(SELECT o.id FROM organisation o WHERE o.type = 'school')"
    )
    op.execute(
        f"""
        UPDATE child SET
          stay_from = (SELECT min(p.start_date) FROM placement p WHERE p.child_id = child.id),
          stay_until = (SELECT max(coalesce(p.end_date, '{NO_END}')) FROM placement p
                        WHERE p.child_id = child.id),
          school_from = (SELECT min(p.start_date) FROM placement p
                         WHERE p.child_id = child.id AND {school}),
          school_until = (SELECT max(coalesce(p.end_date, '{NO_END}')) FROM placement p
                          WHERE p.child_id = child.id AND {school})
        """
    )


def downgrade() -> None:
    for name in ("school_until", "school_from", "stay_until", "stay_from"):
        op.drop_column("child", name)
