import enum
import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, Index, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from kindcentraal.db import Base, TenantMixin, UTCDateTime, str_enum


class NotificationKind(enum.StrEnum):
    TEAM_MEMBER_JOINED = "team_member_joined"
    SIGNAL_ASSIGNED = "signal_assigned"
    CONSENT_NEEDED = "consent_needed"
    STATUS_CHANGED = "status_changed"
    GUARDIAN_NOTE = "guardian_note"
    BOOKING_REQUESTED = "booking_requested"
    BOOKING_CONFIRMED = "booking_confirmed"
    BOOKING_DECLINED = "booking_declined"
    WAITLIST_MOVED_UP = "waitlist_moved_up"
    MESSAGE_RECEIVED = "message_received"
    ANNOUNCEMENT_PUBLISHED = "announcement_published"
    TALK_SLOTS_PUBLISHED = "talk_slots_published"
    TALK_BOOKED = "talk_booked"
    TALK_CANCELLED = "talk_cancelled"
    CONTACT_PERSON_CHANGED = "contact_person_changed"
    HANDOVER_RECEIVED = "handover_received"
    WEBHOOK_DISABLED = "webhook_disabled"


class Notification(TenantMixin, Base):
    """That something happened, for which child (or which room booking); never the care
    content itself."""

    __tablename__ = "notification"
    __table_args__ = (
        Index("ix_notification_tenant_user_created", "tenant_id", "user_id", "created_at"),
    )

    user_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("user_account.id", ondelete="CASCADE")
    )
    kind: Mapped[NotificationKind] = mapped_column(str_enum(NotificationKind, "notification_kind"))
    child_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("child.id", ondelete="CASCADE")
    )
    trajectory_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("support_trajectory.id", ondelete="CASCADE")
    )
    signal_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("signal.id", ondelete="CASCADE")
    )
    booking_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("booking.id", ondelete="CASCADE")
    )
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
