"""announcement attachments: an attachment may belong to an announcement

Revision ID: e11c0a000004
Revises: e11c0a000003
Create Date: 2026-12-01 15:04:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "e11c0a000004"
down_revision: str | None = "e11c0a000003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A batch (table copy) on SQLite is safe here: no table refers to attachment.
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.add_column(sa.Column("announcement_id", sa.Uuid(), nullable=True))
        batch_op.create_index(batch_op.f("ix_attachment_announcement_id"), ["announcement_id"])
        batch_op.create_foreign_key(
            batch_op.f("fk_attachment_announcement_id_announcement"),
            "announcement",
            ["announcement_id"],
            ["id"],
            ondelete="CASCADE",
        )


def downgrade() -> None:
    op.execute("DELETE FROM attachment WHERE announcement_id IS NOT NULL")
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_attachment_announcement_id_announcement"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_attachment_announcement_id"))
        batch_op.drop_column("announcement_id")
