"""Webhook subscriptions of machine clients, and the deliveries of changes to them."""

import enum
import uuid
from datetime import datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
    Uuid,
)
from sqlalchemy.orm import Mapped, mapped_column

from kindcentraal.changes.models import ChangeRecord, Sequence64
from kindcentraal.db import Base, TenantMixin, UTCDateTime, str_enum


class DeliveryStatus(enum.StrEnum):
    PENDING = "pending"
    DELIVERED = "delivered"
    FAILED = "failed"


class DisabledReason(enum.StrEnum):
    # The receiver answered 410 Gone.
    GONE = "gone"
    # Every attempt failed for 24 hours.
    FAILING = "failing"
    # Switched off through the API.
    MANUAL = "manual"


class WebhookSubscription(TenantMixin, Base):
    """Where a client wants to hear of changes, and which. The secret signs every delivery;
    it must be readable to sign, so it is encrypted at rest (a key derived from KC_SECRET_KEY),
    never hashed."""

    __tablename__ = "webhook_subscription"

    client_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("api_client.id", ondelete="CASCADE"), index=True
    )
    url: Mapped[str] = mapped_column(String(2000))
    event_types: Mapped[list[str]] = mapped_column(JSON)
    secret_encrypted: Mapped[str] = mapped_column(String(500))
    # After a rotation the old secret signs too, until then: receivers switch without a gap.
    previous_secret_encrypted: Mapped[str | None] = mapped_column(String(500))
    previous_secret_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    disabled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    disabled_reason: Mapped[DisabledReason | None] = mapped_column(
        str_enum(DisabledReason, "webhook_disabled_reason")
    )
    # The first failed attempt since the last delivered one; 24 hours later it is disabled.
    failing_since: Mapped[datetime | None] = mapped_column(UTCDateTime)

    @property
    def enabled(self) -> bool:
        return self.disabled_at is None


class WebhookDelivery(TenantMixin, Base):
    """One change for one subscription: the event (`msg_<seq>`), its state and its attempts.

    It carries what the payload says (ids, kind of change, time), so sending needs no other
    row, and stays readable after the change log is pruned."""

    __tablename__ = "webhook_delivery"
    __table_args__ = (
        UniqueConstraint("subscription_id", "change_seq"),
        # The worker picks the due deliveries of all tenants in order.
        Index("ix_webhook_delivery_status_next_attempt", "status", "next_attempt_at"),
    )

    subscription_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("webhook_subscription.id", ondelete="CASCADE")
    )
    change_seq: Mapped[int] = mapped_column(Sequence64)
    event_type: Mapped[str] = mapped_column(String(40))
    resource_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    child_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    organisation_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    change: Mapped[str] = mapped_column(String(10))
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime)
    status: Mapped[DeliveryStatus] = mapped_column(
        str_enum(DeliveryStatus, "webhook_delivery_status"), default=DeliveryStatus.PENDING
    )
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # A worker sending it holds it until then; a killed worker's claim simply lapses.
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Retries stop then (24 hours after the first try, or after a replay).
    give_up_at: Mapped[datetime] = mapped_column(UTCDateTime)
    delivered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_status_code: Mapped[int | None] = mapped_column(Integer)
    # The kind of failure only (a status, a timeout, a refused address), never a body.
    last_error: Mapped[str | None] = mapped_column(String(200))


class WebhookWatermark(Base):
    """How far the worker fanned the change log out into deliveries, in one transaction with
    the deliveries it wrote. PostgreSQL: (transaction id, seq), see webhooks/fanout.py."""

    __tablename__ = "webhook_watermark"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    tx_id: Mapped[int] = mapped_column(BigInteger, default=0)
    seq: Mapped[int] = mapped_column(BigInteger, default=0)
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


# The fan-out reads the change log in (transaction id, seq) order on PostgreSQL: one index
# condition instead of a scan. Declared here, beside the only reader that needs it.
Index("ix_change_record_tx_seq", ChangeRecord.tx_id, ChangeRecord.seq)
