"""announcements and talk slots: announcements with their recipients (one row per guardian,
with the children it concerns); talk plannings, their offered children, slots and bookings
(a slot booked once, a child once per planning: unique constraints)

Revision ID: e11c0a000003
Revises: e11c0a000002
Create Date: 2026-12-01 15:03:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import kindcentraal.db

revision: str = "e11c0a000003"
down_revision: str | None = "e11c0a000002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "announcement",
        sa.Column("sender_id", sa.Uuid(), nullable=True),
        sa.Column("centre_id", sa.Uuid(), nullable=False),
        sa.Column("group_id", sa.Uuid(), nullable=True),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("requires_confirmation", sa.Boolean(), nullable=False),
        sa.Column("published_at", kindcentraal.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", kindcentraal.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", kindcentraal.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["centre_id"],
            ["child_centre.id"],
            name=op.f("fk_announcement_centre_id_child_centre"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["child_group.id"],
            name=op.f("fk_announcement_group_id_child_group"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["sender_id"],
            ["user_account.id"],
            name=op.f("fk_announcement_sender_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["tenant.id"],
            name=op.f("fk_announcement_tenant_id_tenant"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_announcement")),
    )
    op.create_index(op.f("ix_announcement_group_id"), "announcement", ["group_id"], unique=False)
    op.create_index(op.f("ix_announcement_sender_id"), "announcement", ["sender_id"], unique=False)
    op.create_index(
        "ix_announcement_tenant_centre_published",
        "announcement",
        ["tenant_id", "centre_id", "published_at"],
        unique=False,
    )
    op.create_index(op.f("ix_announcement_tenant_id"), "announcement", ["tenant_id"], unique=False)
    op.create_table(
        "talk_round",
        sa.Column("publisher_id", sa.Uuid(), nullable=True),
        sa.Column("organisation_id", sa.Uuid(), nullable=True),
        sa.Column("centre_id", sa.Uuid(), nullable=False),
        sa.Column("group_id", sa.Uuid(), nullable=True),
        sa.Column("cancel_before_hours", sa.Integer(), nullable=False),
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", kindcentraal.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", kindcentraal.db.UTCDateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "cancel_before_hours >= 0 AND cancel_before_hours <= 336",
            name=op.f("ck_talk_round_cancel_before_range"),
        ),
        sa.ForeignKeyConstraint(
            ["centre_id"],
            ["child_centre.id"],
            name=op.f("fk_talk_round_centre_id_child_centre"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["child_group.id"],
            name=op.f("fk_talk_round_group_id_child_group"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_talk_round_organisation_id_organisation"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["publisher_id"],
            ["user_account.id"],
            name=op.f("fk_talk_round_publisher_id_user_account"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["tenant.id"],
            name=op.f("fk_talk_round_tenant_id_tenant"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_talk_round")),
    )
    op.create_index(op.f("ix_talk_round_group_id"), "talk_round", ["group_id"], unique=False)
    op.create_index(
        op.f("ix_talk_round_publisher_id"), "talk_round", ["publisher_id"], unique=False
    )
    op.create_index(op.f("ix_talk_round_tenant_id"), "talk_round", ["tenant_id"], unique=False)
    op.create_table(
        "announcement_recipient",
        sa.Column("announcement_id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("read_at", kindcentraal.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("confirmed_at", kindcentraal.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", kindcentraal.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", kindcentraal.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["announcement_id"],
            ["announcement.id"],
            name=op.f("fk_announcement_recipient_announcement_id_announcement"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["tenant.id"],
            name=op.f("fk_announcement_recipient_tenant_id_tenant"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["user_account.id"],
            name=op.f("fk_announcement_recipient_user_id_user_account"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_announcement_recipient")),
        sa.UniqueConstraint(
            "announcement_id",
            "user_id",
            name=op.f("uq_announcement_recipient_announcement_id_user_id"),
        ),
    )
    op.create_index(
        op.f("ix_announcement_recipient_tenant_id"),
        "announcement_recipient",
        ["tenant_id"],
        unique=False,
    )
    op.create_index(
        "ix_announcement_recipient_user",
        "announcement_recipient",
        ["tenant_id", "user_id", "created_at"],
        unique=False,
    )
    op.create_table(
        "talk_round_child",
        sa.Column("round_id", sa.Uuid(), nullable=False),
        sa.Column("child_id", sa.Uuid(), nullable=False),
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", kindcentraal.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", kindcentraal.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["child_id"],
            ["child.id"],
            name=op.f("fk_talk_round_child_child_id_child"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["talk_round.id"],
            name=op.f("fk_talk_round_child_round_id_talk_round"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["tenant.id"],
            name=op.f("fk_talk_round_child_tenant_id_tenant"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_talk_round_child")),
        sa.UniqueConstraint(
            "round_id", "child_id", name=op.f("uq_talk_round_child_round_id_child_id")
        ),
    )
    op.create_index(
        op.f("ix_talk_round_child_child_id"), "talk_round_child", ["child_id"], unique=False
    )
    op.create_index(
        op.f("ix_talk_round_child_tenant_id"), "talk_round_child", ["tenant_id"], unique=False
    )
    op.create_table(
        "announcement_recipient_child",
        sa.Column("recipient_id", sa.Uuid(), nullable=False),
        sa.Column("child_id", sa.Uuid(), nullable=False),
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", kindcentraal.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", kindcentraal.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["child_id"],
            ["child.id"],
            name=op.f("fk_announcement_recipient_child_child_id_child"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["recipient_id"],
            ["announcement_recipient.id"],
            name=op.f("fk_announcement_recipient_child_recipient_id_announcement_recipient"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["tenant.id"],
            name=op.f("fk_announcement_recipient_child_tenant_id_tenant"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_announcement_recipient_child")),
        sa.UniqueConstraint(
            "recipient_id",
            "child_id",
            name=op.f("uq_announcement_recipient_child_recipient_id_child_id"),
        ),
    )
    op.create_index(
        op.f("ix_announcement_recipient_child_child_id"),
        "announcement_recipient_child",
        ["child_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_announcement_recipient_child_tenant_id"),
        "announcement_recipient_child",
        ["tenant_id"],
        unique=False,
    )
    op.create_table(
        "talk_slot",
        sa.Column("round_id", sa.Uuid(), nullable=False),
        sa.Column("starts_at", kindcentraal.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("ends_at", kindcentraal.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("room_id", sa.Uuid(), nullable=True),
        sa.Column("room_booking_id", sa.Uuid(), nullable=True),
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", kindcentraal.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", kindcentraal.db.UTCDateTime(timezone=True), nullable=False),
        sa.CheckConstraint("ends_at > starts_at", name=op.f("ck_talk_slot_ends_after_start")),
        sa.ForeignKeyConstraint(
            ["room_booking_id"],
            ["booking.id"],
            name=op.f("fk_talk_slot_room_booking_id_booking"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["room_id"], ["room.id"], name=op.f("fk_talk_slot_room_id_room"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["talk_round.id"],
            name=op.f("fk_talk_slot_round_id_talk_round"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["tenant.id"],
            name=op.f("fk_talk_slot_tenant_id_tenant"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_talk_slot")),
    )
    op.create_index(
        "ix_talk_slot_round_starts", "talk_slot", ["round_id", "starts_at"], unique=False
    )
    op.create_index(op.f("ix_talk_slot_tenant_id"), "talk_slot", ["tenant_id"], unique=False)
    op.create_table(
        "talk_booking",
        sa.Column("slot_id", sa.Uuid(), nullable=False),
        sa.Column("round_id", sa.Uuid(), nullable=False),
        sa.Column("child_id", sa.Uuid(), nullable=False),
        sa.Column("booked_by_id", sa.Uuid(), nullable=True),
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", kindcentraal.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", kindcentraal.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["booked_by_id"],
            ["user_account.id"],
            name=op.f("fk_talk_booking_booked_by_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["child_id"],
            ["child.id"],
            name=op.f("fk_talk_booking_child_id_child"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["talk_round.id"],
            name=op.f("fk_talk_booking_round_id_talk_round"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["slot_id"],
            ["talk_slot.id"],
            name=op.f("fk_talk_booking_slot_id_talk_slot"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["tenant.id"],
            name=op.f("fk_talk_booking_tenant_id_tenant"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_talk_booking")),
        sa.UniqueConstraint("round_id", "child_id", name=op.f("uq_talk_booking_round_id_child_id")),
        sa.UniqueConstraint("slot_id", name=op.f("uq_talk_booking_slot_id")),
    )
    op.create_index(op.f("ix_talk_booking_child_id"), "talk_booking", ["child_id"], unique=False)
    op.create_index(op.f("ix_talk_booking_tenant_id"), "talk_booking", ["tenant_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_talk_booking_tenant_id"), table_name="talk_booking")
    op.drop_index(op.f("ix_talk_booking_child_id"), table_name="talk_booking")
    op.drop_table("talk_booking")
    op.drop_index(op.f("ix_talk_slot_tenant_id"), table_name="talk_slot")
    op.drop_index("ix_talk_slot_round_starts", table_name="talk_slot")
    op.drop_table("talk_slot")
    op.drop_index(
        op.f("ix_announcement_recipient_child_tenant_id"), table_name="announcement_recipient_child"
    )
    op.drop_index(
        op.f("ix_announcement_recipient_child_child_id"), table_name="announcement_recipient_child"
    )
    op.drop_table("announcement_recipient_child")
    op.drop_index(op.f("ix_talk_round_child_tenant_id"), table_name="talk_round_child")
    op.drop_index(op.f("ix_talk_round_child_child_id"), table_name="talk_round_child")
    op.drop_table("talk_round_child")
    op.drop_index("ix_announcement_recipient_user", table_name="announcement_recipient")
    op.drop_index(op.f("ix_announcement_recipient_tenant_id"), table_name="announcement_recipient")
    op.drop_table("announcement_recipient")
    op.drop_index(op.f("ix_talk_round_tenant_id"), table_name="talk_round")
    op.drop_index(op.f("ix_talk_round_publisher_id"), table_name="talk_round")
    op.drop_index(op.f("ix_talk_round_group_id"), table_name="talk_round")
    op.drop_table("talk_round")
    op.drop_index(op.f("ix_announcement_tenant_id"), table_name="announcement")
    op.drop_index("ix_announcement_tenant_centre_published", table_name="announcement")
    op.drop_index(op.f("ix_announcement_sender_id"), table_name="announcement")
    op.drop_index(op.f("ix_announcement_group_id"), table_name="announcement")
    op.drop_table("announcement")
