"""Registering machine clients, their secrets, and the client-credentials grant."""

import hashlib
import hmac
import secrets
import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.audit import service as audit
from kindcentraal.auth.principal import Principal
from kindcentraal.auth.tokens import issue_access_token
from kindcentraal.config import Settings
from kindcentraal.errors import Forbidden, NotFound
from kindcentraal.integration import usage
from kindcentraal.integration.models import ApiClient, ApiClientSecret
from kindcentraal.integration.schemas import (
    ApiClientCreate,
    ApiClientCreated,
    ApiClientRead,
    ApiClientSecretIssued,
    ApiClientSecretRead,
    ApiClientUpdate,
    SecretRotation,
)
from kindcentraal.organisation import service as organisation_service
from kindcentraal.organisation.models import Organisation
from kindcentraal.user.models import User

SECRET_PREFIX = "kcs_"  # noqa: S105 - a prefix, not a secret
SERVICE_ACCOUNT_DOMAIN = "api-clients.invalid"
INTEGRATION_SUFFIX = " (koppeling)"


def _new_secret() -> tuple[str, str]:
    secret = SECRET_PREFIX + secrets.token_urlsafe(32)
    return secret, _hash(secret)


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def _add_secret(session: AsyncSession, client: ApiClient) -> str:
    secret, digest = _new_secret()
    session.add(
        ApiClientSecret(
            tenant_id=client.tenant_id,
            client_id=client.id,
            secret_hash=digest,
            hint=secret[: len(SECRET_PREFIX) + 4],
        )
    )
    return secret


async def _administered_organisation(
    session: AsyncSession, principal: Principal, organisation_id: uuid.UUID
) -> Organisation:
    organisation = await organisation_service.get_organisation(
        session, principal, organisation_id=organisation_id
    )
    if not principal.administers_organisation(organisation.id):
        raise Forbidden("Only an administrator of this organisation manages its API clients.")
    return organisation


async def _client(
    session: AsyncSession, principal: Principal, organisation_id: uuid.UUID, client_id: uuid.UUID
) -> ApiClient:
    await _administered_organisation(session, principal, organisation_id)
    client = await session.scalar(
        select(ApiClient).where(
            ApiClient.id == client_id,
            ApiClient.organisation_id == organisation_id,
            ApiClient.tenant_id == principal.tenant_id,
        )
    )
    if client is None:
        raise NotFound("API client")
    return client


async def _reads(
    session: AsyncSession, principal: Principal, clients: list[ApiClient]
) -> list[ApiClientRead]:
    """The clients with their live secrets, usage and last errors: three queries in all,
    however many clients."""
    ids = [client.id for client in clients]
    now = datetime.now(UTC)
    live: dict[uuid.UUID, list[ApiClientSecretRead]] = defaultdict(list)
    secrets_rows = await session.scalars(
        select(ApiClientSecret)
        .where(
            ApiClientSecret.client_id.in_(ids),
            ApiClientSecret.tenant_id == principal.tenant_id,
            ApiClientSecret.revoked_at.is_(None),
        )
        .order_by(ApiClientSecret.created_at.desc())
    )
    for secret in secrets_rows:
        if secret.expires_at is None or secret.expires_at > now:
            live[secret.client_id].append(ApiClientSecretRead.model_validate(secret))
    days, errors = await usage.read_usage(session, tenant_id=principal.tenant_id, client_ids=ids)
    return [
        ApiClientRead(
            client_id=client.id,
            organisation_id=client.organisation_id,
            name=client.name,
            scopes=client.scopes,
            created_at=client.created_at,
            revoked_at=client.revoked_at,
            last_used_at=client.last_used_at,
            secrets=live[client.id] if client.revoked_at is None else [],
            usage=days[client.id],
            recent_errors=errors[client.id],
        )
        for client in clients
    ]


async def _read(session: AsyncSession, principal: Principal, client: ApiClient) -> ApiClientRead:
    return (await _reads(session, principal, [client]))[0]


async def list_clients(
    session: AsyncSession, principal: Principal, *, organisation_id: uuid.UUID
) -> list[ApiClientRead]:
    await _administered_organisation(session, principal, organisation_id)
    clients = await session.scalars(
        select(ApiClient)
        .where(
            ApiClient.organisation_id == organisation_id,
            ApiClient.tenant_id == principal.tenant_id,
        )
        .order_by(ApiClient.revoked_at.is_not(None), ApiClient.name, ApiClient.id)
    )
    return await _reads(session, principal, list(clients))


async def read_client(
    session: AsyncSession, principal: Principal, *, organisation_id: uuid.UUID, client_id: uuid.UUID
) -> ApiClientRead:
    return await _read(
        session, principal, await _client(session, principal, organisation_id, client_id)
    )


async def register_client(
    session: AsyncSession,
    principal: Principal,
    *,
    organisation_id: uuid.UUID,
    data: ApiClientCreate,
) -> ApiClientCreated:
    """A new client with its first secret, shown in this answer only."""
    organisation = await _administered_organisation(session, principal, organisation_id)
    client_id = uuid.uuid4()
    account = User(
        id=uuid.uuid4(),
        tenant_id=principal.tenant_id,
        email=f"{client_id}@{SERVICE_ACCOUNT_DOMAIN}",
        display_name=(organisation.name + INTEGRATION_SUFFIX)[:200],
        # No password verifies against this, and an inactive account cannot log in anyway.
        password_hash="!",  # noqa: S106 - no argon2 hash: nothing verifies
        is_active=False,
        service_account=True,
    )
    session.add(account)
    # No relationship tells the unit of work the order: the account goes in first.
    await session.flush()
    client = ApiClient(
        id=client_id,
        tenant_id=principal.tenant_id,
        organisation_id=organisation_id,
        service_user_id=account.id,
        name=data.name,
        scopes=[s.value for s in data.scopes],
        created_by_id=principal.user_id,
    )
    session.add(client)
    await session.flush()
    secret = _add_secret(session, client)
    await session.flush()
    await audit.record_write(session, principal, resource="api-client", action="create")
    read = await _read(session, principal, client)
    return ApiClientCreated(**read.model_dump(), client_secret=secret)


async def update_client(
    session: AsyncSession,
    principal: Principal,
    *,
    organisation_id: uuid.UUID,
    client_id: uuid.UUID,
    data: ApiClientUpdate,
) -> ApiClientRead:
    client = await _client(session, principal, organisation_id, client_id)
    if client.revoked_at is not None:
        raise NotFound("API client")
    if data.name is not None:
        client.name = data.name
    if data.scopes is not None:
        # Effective at once: a token's scopes count only while the client still holds them.
        client.scopes = [s.value for s in data.scopes]
    await session.flush()
    await audit.record_write(session, principal, resource="api-client", action="update")
    return await _read(session, principal, client)


async def rotate_secret(
    session: AsyncSession,
    principal: Principal,
    *,
    organisation_id: uuid.UUID,
    client_id: uuid.UUID,
    data: SecretRotation,
) -> ApiClientSecretIssued:
    """A new secret; the ones in use keep working for the overlap, so the system can switch."""
    client = await _client(session, principal, organisation_id, client_id)
    if client.revoked_at is not None:
        raise NotFound("API client")
    now = datetime.now(UTC)
    ends = now + timedelta(hours=data.overlap_hours)
    current = await session.scalars(
        select(ApiClientSecret).where(
            ApiClientSecret.client_id == client.id, ApiClientSecret.revoked_at.is_(None)
        )
    )
    for old in current:
        if old.expires_at is None or old.expires_at > ends:
            old.expires_at = ends
        if data.overlap_hours == 0:
            old.revoked_at = now
    secret = _add_secret(session, client)
    await session.flush()
    await audit.record_write(session, principal, resource="api-client", action="update")
    return ApiClientSecretIssued(
        client_id=client.id, client_secret=secret, previous_secrets_expire_at=ends
    )


async def revoke_client(
    session: AsyncSession, principal: Principal, *, organisation_id: uuid.UUID, client_id: uuid.UUID
) -> None:
    """Ends the client and every token it holds, from the next call; its record stays, so the
    access log keeps naming it."""
    client = await _client(session, principal, organisation_id, client_id)
    if client.revoked_at is not None:
        return
    now = datetime.now(UTC)
    client.revoked_at = now
    await session.execute(
        update(ApiClientSecret)
        .where(ApiClientSecret.client_id == client.id, ApiClientSecret.revoked_at.is_(None))
        .values(revoked_at=now)
    )
    await audit.record_write(session, principal, resource="api-client", action="delete")


# --- The client-credentials grant ---------------------------------------------------------


class ClientRejected(Exception):
    """The client id or secret is wrong, expired or revoked: `invalid_client`."""


class ScopeRejected(Exception):
    """A scope was asked for that the client does not hold: `invalid_scope`."""


@dataclass(frozen=True)
class ClientToken:
    access_token: str
    expires_in: int
    scope: str
    organisation_id: uuid.UUID


def _parse_client_id(value: str) -> uuid.UUID:
    try:
        return uuid.UUID(value)
    except ValueError:
        raise ClientRejected() from None


async def issue_client_token(
    session: AsyncSession,
    settings: Settings,
    *,
    client_id: str,
    client_secret: str,
    scope: str,
) -> ClientToken:
    """A short-lived token bound to the client's organisation and the scopes asked for (all
    of the client's when none are)."""
    parsed = _parse_client_id(client_id)
    now = datetime.now(UTC)
    row = (
        await session.execute(
            select(ApiClient, ApiClientSecret)
            .join(ApiClientSecret, ApiClientSecret.client_id == ApiClient.id)
            .where(
                ApiClient.id == parsed,
                ApiClient.revoked_at.is_(None),
                ApiClientSecret.secret_hash == _hash(client_secret),
                ApiClientSecret.revoked_at.is_(None),
            )
        )
    ).first()
    if row is None:
        raise ClientRejected()
    client, secret = row
    # The lookup was by hash; compare again in constant time all the same.
    if not hmac.compare_digest(secret.secret_hash, _hash(client_secret)):
        raise ClientRejected()
    if secret.expires_at is not None and secret.expires_at <= now:
        raise ClientRejected()
    held = frozenset(client.scopes)
    asked = frozenset(scope.split()) if scope.strip() else held
    if not asked <= held:
        raise ScopeRejected()
    lifetime = timedelta(minutes=settings.access_token_minutes)
    token = issue_access_token(
        secret=settings.resolved_secret_key(),
        user_id=client.service_user_id,
        tenant_id=client.tenant_id,
        session_id=secret.id,
        lifetime=lifetime,
        now=now,
        client_id=client.id,
        scopes=asked,
    )
    client.last_used_at = now
    await audit.record(
        session,
        audit.Actor(
            tenant_id=client.tenant_id,
            user_id=client.service_user_id,
            organisation_id=client.organisation_id,
            role=audit.API_CLIENT_ROLE,
        ),
        resource="api-token",
        action="create",
    )
    return ClientToken(
        access_token=token,
        expires_in=int(lifetime.total_seconds()),
        scope=" ".join(sorted(asked)),
        organisation_id=client.organisation_id,
    )
