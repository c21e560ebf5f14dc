"""the parent app: language and phone per account, data exports

Revision ID: c3f1a2b4d5e6
Revises: a9c1e7d4b2f0
Create Date: 2026-12-01 12:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import kindcentraal.db

revision: str = "c3f1a2b4d5e6"
down_revision: str | None = "a9c1e7d4b2f0"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ADD/DROP COLUMN: a batch (table copy) on SQLite would lose the lower(email) index.
    op.add_column("user_account", sa.Column("language", sa.String(length=2), nullable=True))
    op.add_column("user_account", sa.Column("phone", sa.String(length=40), nullable=True))
    op.create_table(
        "data_export",
        sa.Column("child_id", sa.Uuid(), nullable=False),
        sa.Column("requested_by_id", sa.Uuid(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "queued",
                "running",
                "ready",
                "failed",
                "expired",
                name="export_status",
                native_enum=False,
                length=40,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("progress", sa.Integer(), nullable=False),
        sa.Column("care_data_included", sa.Boolean(), nullable=False),
        sa.Column("content", sa.Text(), nullable=True),
        sa.Column("ready_at", kindcentraal.db.UTCDateTime(), nullable=True),
        sa.Column("expires_at", kindcentraal.db.UTCDateTime(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", kindcentraal.db.UTCDateTime(), nullable=False),
        sa.Column("updated_at", kindcentraal.db.UTCDateTime(), nullable=False),
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(["child_id"], ["child.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["requested_by_id"], ["user_account.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["tenant_id"], ["tenant.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_data_export_tenant_requester", "data_export", ["tenant_id", "requested_by_id"]
    )
    op.create_index(op.f("ix_data_export_tenant_id"), "data_export", ["tenant_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_data_export_tenant_id"), table_name="data_export")
    op.drop_index("ix_data_export_tenant_requester", table_name="data_export")
    op.drop_table("data_export")
    op.drop_column("user_account", "phone")
    op.drop_column("user_account", "language")
