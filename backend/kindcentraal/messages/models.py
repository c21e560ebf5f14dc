import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from kindcentraal.db import Base, TenantMixin, UTCDateTime


class MessageThread(TenantMixin, Base):
    """A conversation about one child; nothing in it is ever deleted."""

    __tablename__ = "message_thread"
    __table_args__ = (Index("ix_message_thread_child", "tenant_id", "child_id"),)

    child_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("child.id", ondelete="CASCADE"))
    subject: Mapped[str] = mapped_column(String(200))
    created_by_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("user_account.id", ondelete="SET NULL")
    )
    last_message_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # Open threads move to a new contact person; a closed one stays as it was.
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class ThreadParticipant(TenantMixin, Base):
    """Who takes part in a thread; leaving stamps `left_at` (the row and its messages stay)."""

    __tablename__ = "thread_participant"
    __table_args__ = (
        UniqueConstraint("thread_id", "user_id"),
        Index("ix_thread_participant_user", "tenant_id", "user_id"),
    )

    thread_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("message_thread.id", ondelete="CASCADE")
    )
    user_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("user_account.id", ondelete="CASCADE")
    )
    added_by_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("user_account.id", ondelete="SET NULL")
    )
    joined_at: Mapped[datetime] = mapped_column(UTCDateTime)
    left_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Everything up to here is read: the unread count compares against it.
    last_read_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Message(TenantMixin, Base):
    """One message; a withdrawal keeps the text stored and shows a stub."""

    __tablename__ = "message"
    __table_args__ = (Index("ix_message_thread_created", "thread_id", "created_at"),)

    thread_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("message_thread.id", ondelete="CASCADE")
    )
    author_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("user_account.id", ondelete="SET NULL")
    )
    text: Mapped[str] = mapped_column(Text)
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class MessageReceipt(TenantMixin, Base):
    """When a participant first read a message (a read receipt)."""

    __tablename__ = "message_receipt"
    __table_args__ = (UniqueConstraint("message_id", "user_id"),)

    message_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("message.id", ondelete="CASCADE")
    )
    user_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("user_account.id", ondelete="CASCADE")
    )
    read_at: Mapped[datetime] = mapped_column(UTCDateTime)
