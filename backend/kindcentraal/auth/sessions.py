"""The caller's own devices: the sessions open in their name, ending one, ending them all."""

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import ColumnElement, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.audit import service as audit
from kindcentraal.auth.models import AuthSession
from kindcentraal.auth.principal import Principal
from kindcentraal.errors import NotFound


@dataclass(frozen=True)
class Device:
    id: uuid.UUID
    device_label: str | None
    created_at: datetime
    last_used_at: datetime
    expires_at: datetime
    current: bool


def _open(principal: Principal, now: datetime) -> tuple[ColumnElement[bool], ...]:
    return (
        AuthSession.tenant_id == principal.tenant_id,
        AuthSession.user_id == principal.user_id,
        AuthSession.revoked_at.is_(None),
        AuthSession.expires_at > now,
    )


async def list_devices(
    session: AsyncSession, principal: Principal, *, now: datetime | None = None
) -> list[Device]:
    """Sessions of the caller that are neither ended nor past their end, last used first."""
    now = now or datetime.now(UTC)
    rows = await session.execute(
        select(
            AuthSession.id,
            AuthSession.device_label,
            AuthSession.created_at,
            AuthSession.last_used_at,
            AuthSession.expires_at,
        )
        .where(*_open(principal, now))
        .order_by(AuthSession.last_used_at.desc(), AuthSession.id)
    )
    return [
        Device(
            id=row.id,
            device_label=row.device_label,
            created_at=row.created_at,
            last_used_at=row.last_used_at,
            expires_at=row.expires_at,
            current=row.id == principal.session_id,
        )
        for row in rows.all()
    ]


async def end_device_session(
    session: AsyncSession, principal: Principal, *, session_id: uuid.UUID
) -> None:
    """Sign one device out: its tokens stop working at once. Another person's session, or one
    already ended, is not found (404), whoever asks."""
    now = datetime.now(UTC)
    ended = await session.execute(
        update(AuthSession)
        .where(AuthSession.id == session_id, *_open(principal, now))
        .values(revoked_at=now, revoked_reason="signed_out_device")
    )
    if ended.rowcount == 0:  # type: ignore[attr-defined]
        raise NotFound("session")
    await audit.record_write(session, principal, resource="session", action="delete")


async def end_all_sessions(session: AsyncSession, principal: Principal) -> None:
    """Sign out everywhere: every session of the caller ends, this one too."""
    now = datetime.now(UTC)
    await session.execute(
        update(AuthSession)
        .where(
            AuthSession.tenant_id == principal.tenant_id,
            AuthSession.user_id == principal.user_id,
            AuthSession.revoked_at.is_(None),
        )
        .values(revoked_at=now, revoked_reason="signed_out_everywhere")
    )
    await audit.record_write(session, principal, resource="session", action="delete")
