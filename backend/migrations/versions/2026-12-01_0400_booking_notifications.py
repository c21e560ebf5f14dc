"""booking notifications: a notification may be about a room booking instead of a child
(booking_id; child_id nullable), and three booking kinds

Revision ID: 5d2e8a91c4b7
Revises: 21c1fa539de9
Create Date: 2026-12-01 04:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "5d2e8a91c4b7"
down_revision: str | None = "21c1fa539de9"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OLD_KINDS = ("team_member_joined", "signal_assigned", "consent_needed", "status_changed", "guardian_note")
NEW_KINDS = (*OLD_KINDS, "booking_requested", "booking_confirmed", "booking_declined")


def _kinds(kinds: tuple[str, ...]) -> str:
    return "kind IN (" + ", ".join(f"'{kind}'" for kind in kinds) + ")"


def upgrade() -> None:
    # Autogenerate sees neither a changed CHECK nor its name: written by hand.
    with op.batch_alter_table("notification", schema=None) as batch_op:
        batch_op.alter_column("child_id", existing_type=sa.Uuid(), nullable=True)
        batch_op.add_column(sa.Column("booking_id", sa.Uuid(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_notification_booking_id_booking"),
            "booking",
            ["booking_id"],
            ["id"],
            ondelete="CASCADE",
        )
        batch_op.drop_constraint(op.f("ck_notification_notification_kind"), type_="check")
        batch_op.create_check_constraint("notification_kind", _kinds(NEW_KINDS))


def downgrade() -> None:
    op.execute("DELETE FROM notification WHERE child_id IS NULL")
    with op.batch_alter_table("notification", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_notification_notification_kind"), type_="check")
        batch_op.create_check_constraint("notification_kind", _kinds(OLD_KINDS))
        batch_op.drop_constraint(batch_op.f("fk_notification_booking_id_booking"), type_="foreignkey")
        batch_op.drop_column("booking_id")
        batch_op.alter_column("child_id", existing_type=sa.Uuid(), nullable=False)
