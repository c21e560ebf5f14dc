import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from kindcentraal.db import Base, TenantMixin, TimestampMixin, UTCDateTime


class AuthSession(TenantMixin, Base):
    """One login; its refresh tokens form a family, revoked together."""

    __tablename__ = "auth_session"

    user_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_reason: Mapped[str | None] = mapped_column(String(40))


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
