"""The access log: events appended without a lock, sealed into hash-linked batches later.

See docs/access-log.md for the design and its tamper-evidence window.
"""

import uuid
from datetime import datetime

from sqlalchemy import JSON, BigInteger, ForeignKey, Index, Integer, String, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from kindcentraal.db import Base, UTCDateTime


class AuditEvent(Base):
    """Who read or changed what, when, why (NEN 7513). Append-only; `hash` covers its content.

    No foreign key to the child or the user: the trace must outlive both.
    """

    __tablename__ = "audit_event"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    tenant_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("tenant.id", ondelete="RESTRICT"), index=True
    )
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor_user_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    actor_organisation_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    actor_role: Mapped[str | None] = mapped_column(String(40))
    on_behalf_of: Mapped[str | None] = mapped_column(String(200))
    child_ids: Mapped[list[str]] = mapped_column(JSON)
    resource: Mapped[str] = mapped_column(String(60))
    action: Mapped[str] = mapped_column(String(20))
    # The parts of the child's file one request read together (`?expand=`), or None.
    parts: Mapped[list[str] | None] = mapped_column(JSON)
    result: Mapped[str] = mapped_column(String(10))
    basis: Mapped[str | None] = mapped_column(String(200))
    origin_ip: Mapped[str | None] = mapped_column(String(45))
    hash: Mapped[str] = mapped_column(String(64))


class AuditEventChild(Base):
    """Index of events by child and time, for the access log that guardians read."""

    __tablename__ = "audit_event_child"
    __table_args__ = (
        Index("ix_audit_event_child_tenant_child_time", "tenant_id", "child_id", "occurred_at"),
    )

    event_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("audit_event.id", ondelete="RESTRICT"), primary_key=True
    )
    child_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    tenant_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime)


class AuditPending(Base):
    """The sealing queue: events committed but not yet in a seal. Not the log itself."""

    __tablename__ = "audit_pending"

    event_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("audit_event.id", ondelete="RESTRICT"), primary_key=True
    )
    tenant_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)


class AuditSeal(Base):
    """A batch of events in commit order, linked to the tenant's previous seal by its hash."""

    __tablename__ = "audit_seal"
    __table_args__ = (UniqueConstraint("tenant_id", "number"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    tenant_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("tenant.id", ondelete="RESTRICT"), index=True
    )
    number: Mapped[int] = mapped_column(BigInteger)
    sealed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    event_count: Mapped[int] = mapped_column(Integer)
    events_hash: Mapped[str] = mapped_column(String(64))
    previous_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditSealEvent(Base):
    """Which events a seal holds, and their order in it."""

    __tablename__ = "audit_seal_event"
    __table_args__ = (Index("ix_audit_seal_event_seal_ordinal", "seal_id", "ordinal"),)

    event_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("audit_event.id", ondelete="RESTRICT"), primary_key=True
    )
    seal_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("audit_seal.id", ondelete="RESTRICT")
    )
    tenant_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    ordinal: Mapped[int] = mapped_column(Integer)


class AuditSealHead(Base):
    """The tenant's last seal; only the sealer locks it, never a request."""

    __tablename__ = "audit_seal_head"

    tenant_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("tenant.id", ondelete="RESTRICT"), primary_key=True
    )
    number: Mapped[int] = mapped_column(BigInteger)
    last_hash: Mapped[str] = mapped_column(String(64))
