"""TOTP second factor: enrolment, verification with replay protection, recovery codes."""

import base64
import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol

import pyotp
from cryptography.fernet import Fernet, InvalidToken
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.auth.models import RecoveryCode

ISSUER_NAME = "KindCentraal"
RECOVERY_CODE_COUNT = 10
VALID_WINDOW = 1  # one 30-second step either side, for clock drift


class Account(Protocol):
    """The login account as auth sees it: the user domain's row fits without auth importing it."""

    @property
    def id(self) -> uuid.UUID: ...
    @property
    def tenant_id(self) -> uuid.UUID: ...
    @property
    def email(self) -> str: ...

    password_hash: str
    totp_secret: str | None
    totp_pending_secret: str | None
    totp_enabled_at: datetime | None
    totp_last_step: int | None


def _fernet(secret_key: str) -> Fernet:
    # The TOTP secret must be readable to verify codes, so it is encrypted, not hashed.
    key = hashlib.sha256(b"kindcentraal-totp:" + secret_key.encode()).digest()
    return Fernet(base64.urlsafe_b64encode(key))


def encrypt(secret_key: str, value: str) -> str:
    return _fernet(secret_key).encrypt(value.encode()).decode()


def decrypt(secret_key: str, value: str) -> str | None:
    try:
        return _fernet(secret_key).decrypt(value.encode()).decode()
    except InvalidToken:
        return None


def _hash_code(code: str) -> str:
    return hashlib.sha256(
        ("recovery:" + code.strip().lower().replace("-", "")).encode()
    ).hexdigest()


@dataclass(frozen=True)
class Enrolment:
    secret: str
    otpauth_uri: str


def start_enrolment(user: Account, *, secret_key: str) -> Enrolment:
    """A new secret, pending until the first code confirms it."""
    secret = pyotp.random_base32()
    user.totp_pending_secret = encrypt(secret_key, secret)
    uri = pyotp.TOTP(secret).provisioning_uri(name=user.email, issuer_name=ISSUER_NAME)
    return Enrolment(secret=secret, otpauth_uri=uri)


def _matching_step(secret: str, code: str, at: datetime) -> int | None:
    totp = pyotp.TOTP(secret)
    digits = code.strip().replace(" ", "")
    if not digits.isdigit() or len(digits) != totp.digits:
        return None
    step = totp.timecode(at)
    for offset in range(-VALID_WINDOW, VALID_WINDOW + 1):
        if secrets.compare_digest(totp.generate_otp(step + offset), digits):
            return step + offset
    return None


async def confirm_enrolment(
    session: AsyncSession, user: Account, *, code: str, secret_key: str
) -> list[str] | None:
    """Turn two-factor on when the code matches the pending secret; returns recovery codes."""
    if user.totp_pending_secret is None:
        return None
    secret = decrypt(secret_key, user.totp_pending_secret)
    if secret is None:
        return None
    step = _matching_step(secret, code, datetime.now(UTC))
    if step is None:
        return None
    user.totp_secret = user.totp_pending_secret
    user.totp_pending_secret = None
    user.totp_enabled_at = datetime.now(UTC)
    user.totp_last_step = step
    return await _new_recovery_codes(session, user)


async def _new_recovery_codes(session: AsyncSession, user: Account) -> list[str]:
    await session.execute(
        update(RecoveryCode)
        .where(
            RecoveryCode.tenant_id == user.tenant_id,
            RecoveryCode.user_id == user.id,
            RecoveryCode.used_at.is_(None),
        )
        .values(used_at=datetime.now(UTC))
    )
    codes = ["-".join(secrets.token_hex(2) for _ in range(3)) for _ in range(RECOVERY_CODE_COUNT)]
    session.add_all(
        RecoveryCode(tenant_id=user.tenant_id, user_id=user.id, code_hash=_hash_code(code))
        for code in codes
    )
    await session.flush()
    return codes


async def verify_second_factor(
    session: AsyncSession, user: Account, *, code: str, secret_key: str
) -> bool:
    """A current TOTP code (each step usable once) or an unused recovery code."""
    if user.totp_secret is None:
        return False
    secret = decrypt(secret_key, user.totp_secret)
    if secret is not None:
        step = _matching_step(secret, code, datetime.now(UTC))
        if step is not None and (user.totp_last_step is None or step > user.totp_last_step):
            user.totp_last_step = step
            return True
    recovery = await session.scalar(
        select(RecoveryCode).where(
            RecoveryCode.user_id == user.id,
            RecoveryCode.tenant_id == user.tenant_id,
            RecoveryCode.code_hash == _hash_code(code),
            RecoveryCode.used_at.is_(None),
        )
    )
    if recovery is None:
        return False
    recovery.used_at = datetime.now(UTC)
    return True


async def recovery_codes_left(
    session: AsyncSession, *, tenant_id: uuid.UUID, user_id: uuid.UUID
) -> int:
    count = await session.scalar(
        select(func.count())
        .select_from(RecoveryCode)
        .where(
            RecoveryCode.tenant_id == tenant_id,
            RecoveryCode.user_id == user_id,
            RecoveryCode.used_at.is_(None),
        )
    )
    return int(count or 0)


async def disable(session: AsyncSession, user: Account) -> None:
    user.totp_secret = None
    user.totp_pending_secret = None
    user.totp_enabled_at = None
    user.totp_last_step = None
    await session.execute(
        update(RecoveryCode)
        .where(
            RecoveryCode.tenant_id == user.tenant_id,
            RecoveryCode.user_id == user.id,
            RecoveryCode.used_at.is_(None),
        )
        .values(used_at=datetime.now(UTC))
    )
