"""An announcement and its recipients: one row per guardian, with the children it concerns,
taken at send time (a child moving group later does not change who received it)."""

import uuid
from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, String, Text, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from kindcentraal.db import Base, TenantMixin, UTCDateTime


class Announcement(TenantMixin, Base):
    """One announcement to a group (school class or BSO group) or to a whole centre."""

    __tablename__ = "announcement"
    __table_args__ = (
        Index("ix_announcement_tenant_centre_published", "tenant_id", "centre_id", "published_at"),
    )

    sender_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("user_account.id", ondelete="SET NULL"), index=True
    )
    centre_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("child_centre.id", ondelete="CASCADE")
    )
    # None: the whole centre.
    group_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("child_group.id", ondelete="SET NULL"), index=True
    )
    title: Mapped[str] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text)
    requires_confirmation: Mapped[bool] = mapped_column(Boolean)
    published_at: Mapped[datetime] = mapped_column(UTCDateTime)


class AnnouncementRecipient(TenantMixin, Base):
    """A guardian who received the announcement, once however many of their children it
    concerns; when they read and confirmed it."""

    __tablename__ = "announcement_recipient"
    __table_args__ = (
        UniqueConstraint("announcement_id", "user_id"),
        # The parent's feed: their rows, newest first.
        Index("ix_announcement_recipient_user", "tenant_id", "user_id", "created_at"),
    )

    announcement_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("announcement.id", ondelete="CASCADE")
    )
    user_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("user_account.id", ondelete="CASCADE")
    )
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class AnnouncementRecipientChild(TenantMixin, Base):
    """A child of the recipient the announcement concerns (the label in the parent app)."""

    __tablename__ = "announcement_recipient_child"
    __table_args__ = (UniqueConstraint("recipient_id", "child_id"),)

    recipient_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("announcement_recipient.id", ondelete="CASCADE")
    )
    child_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("child.id", ondelete="CASCADE"), index=True
    )
