import uuid

from sqlalchemy import Index, Integer, LargeBinary, String, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from kindcentraal.db import Base, TenantMixin


class IdempotencyKey(TenantMixin, Base):
    """One caller's Idempotency-Key: the fingerprint of the request that first used it and, once
    answered, the response (never the request body). No status code yet: still in progress."""

    __tablename__ = "idempotency_key"
    __table_args__ = (
        # Exactly one of two concurrent first uses wins the insert.
        UniqueConstraint("tenant_id", "caller_id", "key"),
        # The purge deletes by age, across tenants.
        Index("ix_idempotency_key_created_at", "created_at"),
    )

    # The access token's subject: a person's account or a machine client's service account.
    caller_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    key: Mapped[str] = mapped_column(String(255))
    # SHA-256 (hex) of method, path, query string and body.
    fingerprint: Mapped[str] = mapped_column(String(64))
    status_code: Mapped[int | None] = mapped_column(Integer)
    content_type: Mapped[str | None] = mapped_column(String(255))
    location: Mapped[str | None] = mapped_column(String(2048))
    etag: Mapped[str | None] = mapped_column(String(255))
    body: Mapped[bytes | None] = mapped_column(LargeBinary)
