"""board order index: the trajectory board walks (tenant, requested_at, id) in order

The board of a centre sorted every trajectory it could see before taking a page: on SQLite
with 2,000 trajectories, 3.5 ms a page (a scan of every child, then a sort); walking this
index in order it stops after the page, 0.4 ms (docs/performance.md, "Support").

Revision ID: 3b8f2c6d1e07
Revises: a7c3e9d14f20
Create Date: 2026-12-01 01:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "3b8f2c6d1e07"
down_revision: str | None = "a7c3e9d14f20"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        "ix_support_trajectory_tenant_requested",
        "support_trajectory",
        ["tenant_id", "requested_at", "id"],
    )


def downgrade() -> None:
    op.drop_index("ix_support_trajectory_tenant_requested", table_name="support_trajectory")
