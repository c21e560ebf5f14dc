"""Login, token rotation, logout and building the principal of a request."""

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.audit import service as audit
from kindcentraal.auth import two_factor
from kindcentraal.auth.models import AuthSession, LoginFailure, RefreshToken
from kindcentraal.auth.passwords import verify_password
from kindcentraal.auth.principal import Principal
from kindcentraal.auth.tokens import AccessClaims, issue_access_token
from kindcentraal.config import Settings
from kindcentraal.driver_reads import Reader
from kindcentraal.tenant import service as tenant_service
from kindcentraal.user import repository as user_repository


@dataclass(frozen=True)
class TokenPair:
    access_token: str
    refresh_token: str
    expires_in: int
    # When the session ends: the refresh cookie's Expires.
    expires_at: datetime


@dataclass(frozen=True)
class LoginLocked:
    retry_after_seconds: int


class LoginRejected:
    """Wrong account name or password; which of the two is never told."""


class SecondFactorRequired:
    """Password right; the account uses two-factor login and no code was sent."""


class SecondFactorRejected:
    """Password right; the second-factor code was wrong or already used."""


class RefreshRejected:
    """Unknown, expired, revoked or reused refresh token."""


# A spent refresh token presented again this soon, while the one that replaced it is still
# unused, is a client that lost the answer (docs/sessions.md), not a thief.
REFRESH_REUSE_GRACE = timedelta(seconds=30)


def _sha256(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


def account_hash(email: str) -> str:
    return _sha256("login:" + email.strip().lower())


async def _issue_pair(
    session: AsyncSession, settings: Settings, *, auth_session: AuthSession, now: datetime
) -> TokenPair:
    # The tenant travels in the token so that even this lookup is scoped by tenant.
    refresh = f"{auth_session.tenant_id.hex}.{secrets.token_urlsafe(32)}"
    session.add(
        RefreshToken(
            tenant_id=auth_session.tenant_id,
            session_id=auth_session.id,
            token_hash=_sha256(refresh),
            # The moment of this rotation, the clock `_lost_answer` compares with.
            created_at=now,
            # Valid until the session ends (spent on first use): the session's cap decides.
            expires_at=auth_session.expires_at,
        )
    )
    # No access token outlives its session: the request path checks revocation, not expiry.
    lifetime = min(timedelta(minutes=settings.access_token_minutes), auth_session.expires_at - now)
    access = issue_access_token(
        secret=settings.resolved_secret_key(),
        user_id=auth_session.user_id,
        tenant_id=auth_session.tenant_id,
        session_id=auth_session.id,
        lifetime=lifetime,
        now=now,
    )
    await session.flush()
    return TokenPair(
        access, refresh, max(1, int(lifetime.total_seconds())), expires_at=auth_session.expires_at
    )


async def session_lifetime(
    session: AsyncSession, settings: Settings, *, tenant_id: uuid.UUID, user_id: uuid.UUID
) -> timedelta:
    """A parent's own device: the tenant's parent_session_days (default 30). Anyone with a role
    in an organisation (staff, also when a parent too): one working day, staff_session_hours.
    Both are absolute: activity never extends a session."""
    account = await user_repository.own_account(session, tenant_id=tenant_id, user_id=user_id)
    if account is not None and account.is_guardian and not account.memberships:
        days = await tenant_service.parent_session_days(session, tenant_id=tenant_id)
        return timedelta(days=days)
    return timedelta(hours=settings.staff_session_hours)


async def login(
    session: AsyncSession,
    settings: Settings,
    *,
    email: str,
    password: str,
    totp: str | None = None,
    device: str | None = None,
    now: datetime | None = None,
) -> TokenPair | LoginLocked | LoginRejected | SecondFactorRequired | SecondFactorRejected:
    """Password login; 10 failures for one account in 15 minutes lock it for the window.

    The new session (one device) gets its absolute end now: see `session_lifetime`."""
    now = now or datetime.now(UTC)
    key = account_hash(email)
    window_start = now - timedelta(minutes=settings.login_failure_window_minutes)
    failures = (
        await session.execute(
            select(func.count(), func.min(LoginFailure.created_at)).where(
                LoginFailure.account_hash == key, LoginFailure.created_at > window_start
            )
        )
    ).one()
    if failures[0] >= settings.login_max_failures:
        oldest = failures[1]
        if oldest.tzinfo is None:
            oldest = oldest.replace(tzinfo=UTC)
        retry = oldest + timedelta(minutes=settings.login_failure_window_minutes) - now
        return LoginLocked(max(1, int(retry.total_seconds()) + 1))

    candidates = await user_repository.active_accounts_by_email(session, email)
    user: two_factor.Account | None = None
    for candidate in candidates:
        if await verify_password(candidate.password_hash, password):
            user = candidate
            break
    if not candidates:
        await verify_password(None, password)
    if user is None:
        session.add(LoginFailure(account_hash=key))
        await session.flush()
        return LoginRejected()

    if user.totp_enabled_at is not None:
        if not totp:
            return SecondFactorRequired()
        if not await two_factor.verify_second_factor(
            session, user, code=totp, secret_key=settings.resolved_secret_key()
        ):
            session.add(LoginFailure(account_hash=key))
            await session.flush()
            return SecondFactorRejected()
    await session.execute(delete(LoginFailure).where(LoginFailure.account_hash == key))
    lifetime = await session_lifetime(session, settings, tenant_id=user.tenant_id, user_id=user.id)
    auth_session = AuthSession(
        tenant_id=user.tenant_id,
        user_id=user.id,
        created_at=now,
        last_used_at=now,
        expires_at=now + lifetime,
        device_label=device,
    )
    session.add(auth_session)
    await session.flush()
    return await _issue_pair(session, settings, auth_session=auth_session, now=now)


async def revoke_session(
    session: AsyncSession, *, tenant_id: uuid.UUID, session_id: uuid.UUID, reason: str
) -> None:
    await session.execute(
        update(AuthSession)
        .where(
            AuthSession.tenant_id == tenant_id,
            AuthSession.id == session_id,
            AuthSession.revoked_at.is_(None),
        )
        .values(revoked_at=datetime.now(UTC), revoked_reason=reason)
    )


async def refresh(
    session: AsyncSession,
    settings: Settings,
    *,
    refresh_token: str,
    now: datetime | None = None,
) -> TokenPair | RefreshRejected:
    """Rotate: the token is spent; presenting a spent one revokes its whole family, unless it is
    a lost answer (`_lost_answer`). Never past the session's absolute end; each refresh marks
    the device as used."""
    now = now or datetime.now(UTC)
    tenant_hex, _, _ = refresh_token.partition(".")
    try:
        tenant_id = uuid.UUID(hex=tenant_hex)
    except ValueError:
        return RefreshRejected()
    stored = await session.scalar(
        select(RefreshToken).where(
            RefreshToken.tenant_id == tenant_id,
            RefreshToken.token_hash == _sha256(refresh_token),
        )
    )
    if stored is None:
        return RefreshRejected()
    auth_session = await session.scalar(
        select(AuthSession).where(
            AuthSession.id == stored.session_id, AuthSession.tenant_id == tenant_id
        )
    )
    if auth_session is None or auth_session.revoked_at is not None:
        return RefreshRejected()
    spend: RefreshToken | None = stored
    if stored.used_at is not None:
        # The answer that carried its successor may never have arrived (the page was closed or
        # reloaded while it was on its way): then the successor is spent unseen instead.
        spend = await _lost_answer(session, stored, now=now)
    if spend is None:
        # A spent token again, and not a lost answer: stolen. The family ends, the device in
        # the thief's hands and the owner's alike; the owner logs in again.
        await revoke_session(
            session,
            tenant_id=auth_session.tenant_id,
            session_id=auth_session.id,
            reason="refresh_reuse",
        )
        await audit.record(
            session,
            audit.Actor(tenant_id=auth_session.tenant_id, user_id=auth_session.user_id),
            resource="session",
            action="delete",
            result="denied",
            basis="refresh token reused: the session ended",
        )
        return RefreshRejected()
    if stored.expires_at <= now or auth_session.expires_at <= now:
        return RefreshRejected()
    if not await user_repository.is_active_account(
        session, tenant_id=tenant_id, user_id=auth_session.user_id
    ):
        return RefreshRejected()
    spend.used_at = now
    auth_session.last_used_at = now
    return await _issue_pair(session, settings, auth_session=auth_session, now=now)


async def _lost_answer(
    session: AsyncSession, spent: RefreshToken, *, now: datetime
) -> RefreshToken | None:
    """The token that replaced `spent`, when presenting `spent` again can only be a lost answer:
    within REFRESH_REUSE_GRACE of its rotation, and its successor never used since."""
    assert spent.used_at is not None
    if now - spent.used_at > REFRESH_REUSE_GRACE:
        return None
    successor = await session.scalar(
        select(RefreshToken)
        .where(
            RefreshToken.tenant_id == spent.tenant_id,
            RefreshToken.session_id == spent.session_id,
            RefreshToken.created_at >= spent.used_at,
        )
        .order_by(RefreshToken.created_at)
        .limit(1)
    )
    if successor is None or successor.used_at is not None:
        return None
    return successor


async def load_principal(
    source: AsyncSession | Reader, *, claims: AccessClaims
) -> Principal | None:
    """The caller behind a valid token, or None when its session or account is gone.

    One query per request and no cache across requests: a logout, password change, role
    change or disabled account holds from the very next request."""
    caller = await user_repository.load_caller(
        source, tenant_id=claims.tenant_id, user_id=claims.user_id, session_id=claims.session_id
    )
    if caller is None:
        return None
    roles = {m.role.value for m in caller.memberships}
    two_factor_mandatory = not roles.isdisjoint(caller.mandatory_two_factor_roles)
    return Principal(
        user_id=claims.user_id,
        tenant_id=claims.tenant_id,
        session_id=claims.session_id,
        memberships=caller.memberships,
        admin_centre_ids=caller.admin_centre_ids,
        coordinator_centre_ids=caller.coordinator_centre_ids,
        centre_admin_organisation_ids=caller.centre_admin_organisation_ids,
        two_factor_enabled=caller.two_factor_enabled,
        two_factor_mandatory=two_factor_mandatory,
        two_factor_enrolment_required=two_factor_mandatory and not caller.two_factor_enabled,
    )


async def revoke_user_sessions(
    session: AsyncSession, *, tenant_id: uuid.UUID, user_id: uuid.UUID, reason: str
) -> None:
    """Every login of the user ends at once: their tokens fail on the next request."""
    await session.execute(
        update(AuthSession)
        .where(
            AuthSession.tenant_id == tenant_id,
            AuthSession.user_id == user_id,
            AuthSession.revoked_at.is_(None),
        )
        .values(revoked_at=datetime.now(UTC), revoked_reason=reason)
    )
