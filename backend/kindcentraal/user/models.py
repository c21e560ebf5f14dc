from datetime import datetime

from sqlalchemy import BigInteger, Boolean, Index, String, UniqueConstraint, false, func, text
from sqlalchemy.orm import Mapped, mapped_column

from kindcentraal.db import Base, TenantMixin, UTCDateTime


class User(TenantMixin, Base):
    """A person who logs in: staff, professional, guardian or analyst."""

    __tablename__ = "user_account"
    __table_args__ = (
        UniqueConstraint("tenant_id", "email"),
        # Login looks accounts up by address in any case: lower(email) = ...
        Index("ix_user_account_lower_email", func.lower(text("email"))),
    )

    email: Mapped[str] = mapped_column(String(320))
    display_name: Mapped[str] = mapped_column(String(200))
    password_hash: Mapped[str] = mapped_column(String(255))
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    # An API client's account: never logs in, never listed; it names the client in the log.
    service_account: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # Second factor (TOTP): the secret is encrypted with a key derived from KC_SECRET_KEY.
    totp_secret: Mapped[str | None] = mapped_column(String(255))
    totp_pending_secret: Mapped[str | None] = mapped_column(String(255))
    totp_enabled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    totp_last_step: Mapped[int | None] = mapped_column(BigInteger)
    # The language the account chose in the app (nl, en, ar, tr, pl, uk); none: the browser's.
    language: Mapped[str | None] = mapped_column(String(2))
    # A work phone number that parents see for their child's contact person.
    phone: Mapped[str | None] = mapped_column(String(40))
    # Set when the mail server refused the address for good: no more mail until it changes.
    email_undeliverable_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
