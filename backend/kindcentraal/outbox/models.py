import enum
import uuid
from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from kindcentraal.db import Base, TenantMixin, UTCDateTime, str_enum


class MailStatus(enum.StrEnum):
    PENDING = "pending"
    SENT = "sent"
    FAILED = "failed"


class OutboxMail(TenantMixin, Base):
    """One e-mail, written in the same transaction as the event it tells about. The text says
    what happened and for which child's first name, never the content of a message or note."""

    __tablename__ = "outbox_mail"
    __table_args__ = (
        # Delivery picks the due mails of all tenants in order.
        Index("ix_outbox_mail_status_next_attempt", "status", "next_attempt_at"),
        # A mail that must go once (a weekly digest) carries a key the second write collides on.
        UniqueConstraint("tenant_id", "dedupe_key"),
    )

    user_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("user_account.id", ondelete="CASCADE")
    )
    to_address: Mapped[str] = mapped_column(String(320))
    template: Mapped[str] = mapped_column(String(40))
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    # An iCalendar invitation (text/calendar) sent along, e.g. for a booked talk.
    calendar: Mapped[str | None] = mapped_column(Text)
    dedupe_key: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[MailStatus] = mapped_column(
        str_enum(MailStatus, "mail_status"), default=MailStatus.PENDING
    )
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # A worker that claims a mail holds it until then; a killed worker's claim simply lapses.
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The SMTP reply code and class only: never an address or a text.
    last_error: Mapped[str | None] = mapped_column(String(200))


class NotificationSetting(TenantMixin, Base):
    """Which notifications a person wants by e-mail; without a row, all of them."""

    __tablename__ = "notification_setting"
    __table_args__ = (UniqueConstraint("tenant_id", "user_id"),)

    user_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("user_account.id", ondelete="CASCADE")
    )
    email_messages: Mapped[bool] = mapped_column(Boolean, default=True)
    email_announcements: Mapped[bool] = mapped_column(Boolean, default=True)
    email_consents: Mapped[bool] = mapped_column(Boolean, default=True)
    email_talks: Mapped[bool] = mapped_column(Boolean, default=True)
    email_activities: Mapped[bool] = mapped_column(Boolean, default=True)
    email_contact_person: Mapped[bool] = mapped_column(Boolean, default=True)
    weekly_digest: Mapped[bool] = mapped_column(Boolean, default=True)
