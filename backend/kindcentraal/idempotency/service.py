"""Idempotency keys: the first request with a key claims it, its response is kept, a retry gets
that response again.

What is stored: the key, the caller (tenant and token subject), a SHA-256 fingerprint of the
request, and the response's status, content type, Location, ETag and body. Never the request
body. The response body may hold personal data, but only what the caller itself already
received, and only that caller can have it replayed; it is deleted with the key after 24 hours.
"""

import enum
import hashlib
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import CursorResult, delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.db import utcnow
from kindcentraal.idempotency.models import IdempotencyKey

KEY_LIFETIME = timedelta(hours=24)
# A request runs for seconds; a key in progress for longer than this belongs to a request
# that died (a killed worker) and is free to be taken over by a retry.
ABANDONED_AFTER = timedelta(minutes=5)


class ClaimState(enum.StrEnum):
    NEW = "new"  # this request holds the key: run it, then keep or release its response
    REPLAY = "replay"  # answered before: send the stored response
    IN_PROGRESS = "in_progress"  # the first request with this key still runs
    REUSED = "reused"  # the key was used for a different request
    UNAVAILABLE = "unavailable"  # the key cannot be stored (the tenant is gone): no idempotency


@dataclass(frozen=True)
class StoredResponse:
    status_code: int
    content_type: str | None
    location: str | None
    etag: str | None
    body: bytes


@dataclass(frozen=True)
class Claim:
    state: ClaimState
    record_id: uuid.UUID | None = None
    response: StoredResponse | None = None


def fingerprint_request(*, method: str, path: str, query: bytes, body: bytes) -> str:
    """What makes two requests the same one: method, path, query string and body."""
    digest = hashlib.sha256()
    for part in (method.encode(), path.encode(), query):
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    digest.update(body)
    return digest.hexdigest()


async def claim_key(
    session: AsyncSession,
    *,
    tenant_id: uuid.UUID,
    caller_id: uuid.UUID,
    key: str,
    fingerprint: str,
    now: datetime | None = None,
) -> Claim:
    """A key is one request's for 24 hours: the first use claims it; a later use with the same
    fingerprint gets the stored response, or waits while the first still runs; a different
    request with the key is refused. Expired keys and abandoned claims count as absent."""
    now = now or utcnow()
    for _ in range(2):
        row = await session.scalar(
            select(IdempotencyKey)
            .where(
                IdempotencyKey.tenant_id == tenant_id,
                IdempotencyKey.caller_id == caller_id,
                IdempotencyKey.key == key,
            )
            .with_for_update()
        )
        if row is not None:
            if row.created_at > now - KEY_LIFETIME:
                if row.fingerprint != fingerprint:
                    return Claim(ClaimState.REUSED)
                if row.status_code is not None:
                    return Claim(ClaimState.REPLAY, response=_stored(row))
                if row.created_at > now - ABANDONED_AFTER:
                    return Claim(ClaimState.IN_PROGRESS)
            # Expired, or abandoned in progress: a new row (a new id), so that a late answer
            # of the abandoned request cannot overwrite the new claim.
            await session.delete(row)
            await session.flush()
        record = IdempotencyKey(
            tenant_id=tenant_id,
            caller_id=caller_id,
            key=key,
            fingerprint=fingerprint,
            created_at=now,
            updated_at=now,
        )
        try:
            async with session.begin_nested():
                session.add(record)
                await session.flush()
        except IntegrityError:
            # A concurrent first use inserted it just now (or the tenant is gone): read again.
            continue
        return Claim(ClaimState.NEW, record_id=record.id)
    return Claim(ClaimState.UNAVAILABLE)


async def keep_response(
    session: AsyncSession, *, record_id: uuid.UUID, response: StoredResponse
) -> bool:
    """Store the response of the request that holds the claim; false if it lost the claim."""
    result = await session.execute(
        update(IdempotencyKey)
        .where(IdempotencyKey.id == record_id, IdempotencyKey.status_code.is_(None))
        .values(
            status_code=response.status_code,
            content_type=response.content_type,
            location=response.location,
            etag=response.etag,
            body=response.body,
            updated_at=utcnow(),
        )
    )
    return cast(CursorResult[Any], result).rowcount == 1


async def release_key(session: AsyncSession, *, record_id: uuid.UUID) -> None:
    """Forget a claim whose response is not kept, so that the client can retry."""
    await session.execute(
        delete(IdempotencyKey).where(
            IdempotencyKey.id == record_id, IdempotencyKey.status_code.is_(None)
        )
    )


async def purge_expired_keys(session: AsyncSession, *, now: datetime | None = None) -> int:
    """Delete keys older than 24 hours (they no longer count); returns how many went."""
    cutoff = (now or utcnow()) - KEY_LIFETIME
    result = await session.execute(
        delete(IdempotencyKey).where(IdempotencyKey.created_at <= cutoff)
    )
    return cast(CursorResult[Any], result).rowcount


def _stored(row: IdempotencyKey) -> StoredResponse:
    assert row.status_code is not None
    return StoredResponse(
        status_code=row.status_code,
        content_type=row.content_type,
        location=row.location,
        etag=row.etag,
        body=row.body or b"",
    )
