import uuid
from datetime import datetime, timedelta

from sqlalchemy import ForeignKey, String, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from kindcentraal.db import Base, TenantMixin, TimestampMixin, UTCDateTime, utcnow

# A session made without a lifetime of its own (tests, seeds) lasts a working day, the shortest
# lifetime a person's session has (docs/sessions.md).
DEFAULT_SESSION_HOURS = 10


def _default_expiry() -> datetime:
    return utcnow() + timedelta(hours=DEFAULT_SESSION_HOURS)


class AuthSession(TenantMixin, Base):
    """One login on one device; its refresh tokens form a family, revoked together.

    It ends at `expires_at` whatever the activity (an absolute cap, set at login: 30 days for a
    parent, a working day for staff); `last_used_at` moves on each refresh, never per request.
    """

    __tablename__ = "auth_session"

    user_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_reason: Mapped[str | None] = mapped_column(String(40))
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime, default=_default_expiry)
    last_used_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Coarse, from the User-Agent at login: "Chrome · Android". Never the full string.
    device_label: Mapped[str | None] = mapped_column(String(60))


class RefreshToken(TenantMixin, Base):
    """An opaque refresh token, stored only as its SHA-256 hash; spent on first use."""

    __tablename__ = "refresh_token"
    __table_args__ = (UniqueConstraint("tenant_id", "token_hash"),)

    session_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("auth_session.id", ondelete="CASCADE"), index=True
    )
    token_hash: Mapped[str] = mapped_column(String(64))
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class LoginFailure(TimestampMixin, Base):
    """A failed login, keyed by a hash of the account name; feeds the lockout window.

    Not tenant-owned: it is recorded before anyone is known to belong to a tenant.
    """

    __tablename__ = "login_failure"

    account_hash: Mapped[str] = mapped_column(String(64), index=True)


class RecoveryCode(TenantMixin, Base):
    """A one-time second-factor recovery code, stored only as its hash."""

    __tablename__ = "recovery_code"

    user_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    code_hash: Mapped[str] = mapped_column(String(64))
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
