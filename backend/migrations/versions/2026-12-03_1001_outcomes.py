"""outcomes: stored working days to intake and to start on support trajectories (backfilled in
local time), and the tenant's small-cell threshold for the outcome reports

Revision ID: e13c0a000001
Revises: e12c0a000003
Create Date: 2026-12-03 10:01:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from kindcentraal.support.waiting import days_between

revision: str = 'e13c0a000001'
down_revision: str | None = 'e12c0a000003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

trajectory = sa.table(
    "support_trajectory",
    sa.column("id", sa.Uuid()),
    sa.column("requested_at", sa.DateTime(timezone=True)),
    sa.column("intake_at", sa.DateTime(timezone=True)),
    sa.column("started_at", sa.DateTime(timezone=True)),
    sa.column("intake_working_days", sa.Integer()),
    sa.column("start_working_days", sa.Integer()),
)


def _aware(value):  # SQLite hands back naive UTC
    from datetime import UTC

    return value.replace(tzinfo=UTC) if value is not None and value.tzinfo is None else value


def upgrade() -> None:
    op.add_column("support_trajectory", sa.Column("intake_working_days", sa.Integer(), nullable=True))
    op.add_column("support_trajectory", sa.Column("start_working_days", sa.Integer(), nullable=True))
    op.add_column(
        "tenant",
        sa.Column("small_cell_threshold", sa.Integer(), nullable=False, server_default="10"),
    )
    connection = op.get_bind()
    rows = connection.execute(
        sa.select(
            trajectory.c.id, trajectory.c.requested_at, trajectory.c.intake_at, trajectory.c.started_at
        ).where(sa.or_(trajectory.c.intake_at.is_not(None), trajectory.c.started_at.is_not(None)))
    ).all()
    for row in rows:
        requested = _aware(row.requested_at)
        connection.execute(
            trajectory.update()
            .where(trajectory.c.id == row.id)
            .values(
                intake_working_days=days_between(requested, _aware(row.intake_at)),
                start_working_days=days_between(requested, _aware(row.started_at)),
            )
        )


def downgrade() -> None:
    op.drop_column("tenant", "small_cell_threshold")
    op.drop_column("support_trajectory", "start_working_days")
    op.drop_column("support_trajectory", "intake_working_days")
