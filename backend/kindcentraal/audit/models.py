import uuid
from datetime import datetime

from sqlalchemy import JSON, BigInteger, ForeignKey, Index, String, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from kindcentraal.db import Base, UTCDateTime


class AuditEvent(Base):
    """Who read or changed what, when, why (NEN 7513). Append-only and hash-chained per tenant.

    No foreign key to the child or the user: the trace must outlive both.
    """

    __tablename__ = "audit_event"
    __table_args__ = (UniqueConstraint("tenant_id", "sequence"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    tenant_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("tenant.id", ondelete="RESTRICT"), index=True
    )
    sequence: Mapped[int] = mapped_column(BigInteger)
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor_user_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    actor_organisation_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    actor_role: Mapped[str | None] = mapped_column(String(40))
    on_behalf_of: Mapped[str | None] = mapped_column(String(200))
    child_ids: Mapped[list[str]] = mapped_column(JSON)
    resource: Mapped[str] = mapped_column(String(60))
    action: Mapped[str] = mapped_column(String(20))
    result: Mapped[str] = mapped_column(String(10))
    basis: Mapped[str | None] = mapped_column(String(200))
    origin_ip: Mapped[str | None] = mapped_column(String(45))
    previous_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditEventChild(Base):
    """Index of events by child, for the access log that guardians read."""

    __tablename__ = "audit_event_child"
    __table_args__ = (Index("ix_audit_event_child_tenant_child", "tenant_id", "child_id"),)

    event_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("audit_event.id", ondelete="RESTRICT"), primary_key=True
    )
    child_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    tenant_id: Mapped[uuid.UUID] = mapped_column(Uuid)


class AuditChainHead(Base):
    """The last link of a tenant's chain; locked while appending so the chain never forks."""

    __tablename__ = "audit_chain_head"

    tenant_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("tenant.id", ondelete="RESTRICT"), primary_key=True
    )
    sequence: Mapped[int] = mapped_column(BigInteger)
    last_hash: Mapped[str] = mapped_column(String(64))
