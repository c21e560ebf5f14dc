"""Machine clients of an organisation (a childcare provider's planning or billing system)."""

import uuid
from datetime import date, datetime

from sqlalchemy import JSON, Date, ForeignKey, Index, Integer, String, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from kindcentraal.db import Base, TenantMixin, UTCDateTime


class ApiClient(TenantMixin, Base):
    """A client registered by an organisation admin. It acts through a service account (never
    able to log in), whose name is what parents see in their child's access log."""

    __tablename__ = "api_client"

    organisation_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("organisation.id", ondelete="CASCADE"), index=True
    )
    service_user_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("user_account.id", ondelete="RESTRICT"), unique=True
    )
    name: Mapped[str] = mapped_column(String(100))
    scopes: Mapped[list[str]] = mapped_column(JSON)
    created_by_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("user_account.id", ondelete="SET NULL")
    )
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class ApiClientSecret(TenantMixin, Base):
    """A client secret, stored as its SHA-256 (the secret is 256 random bits: no stretching
    needed). Rotation adds a secret and lets the old one run out after an overlap."""

    __tablename__ = "api_client_secret"

    client_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("api_client.id", ondelete="CASCADE"), index=True
    )
    secret_hash: Mapped[str] = mapped_column(String(64), unique=True)
    # The first characters, so an admin can tell which secret a system still uses.
    hint: Mapped[str] = mapped_column(String(12))
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class ApiClientUsage(TenantMixin, Base):
    """Calls and errors per client per day (Europe/Amsterdam), for the organisation admin."""

    __tablename__ = "api_client_usage"
    __table_args__ = (UniqueConstraint("client_id", "day"),)

    client_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("api_client.id", ondelete="CASCADE")
    )
    day: Mapped[date] = mapped_column(Date)
    calls: Mapped[int] = mapped_column(Integer, default=0)
    errors: Mapped[int] = mapped_column(Integer, default=0)


class ApiClientError(TenantMixin, Base):
    """One of a client's recent failed calls: the route's template and the problem code, never
    an id from the path or anything from the body."""

    __tablename__ = "api_client_error"
    __table_args__ = (Index("ix_api_client_error_client_time", "client_id", "occurred_at"),)

    client_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("api_client.id", ondelete="CASCADE")
    )
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime)
    method: Mapped[str] = mapped_column(String(10))
    route: Mapped[str] = mapped_column(String(200))
    status: Mapped[int] = mapped_column(Integer)
