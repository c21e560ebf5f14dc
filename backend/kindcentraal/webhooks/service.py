"""Webhook subscriptions: a machine client's own, or those of the clients of organisations the
caller administers. Anyone else's answer 404."""

import base64
import secrets
import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import ColumnElement, and_, false, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.audit import service as audit
from kindcentraal.auth import two_factor
from kindcentraal.auth.principal import Principal
from kindcentraal.changes.service import EVENT_RESOURCES, SCOPES_FOR_RESOURCE, ChangedResource
from kindcentraal.common.pagination import PageParams, SortKey, paginate
from kindcentraal.common.roles import Role
from kindcentraal.config import Settings
from kindcentraal.errors import Conflict, InvalidInput, NotFound
from kindcentraal.integration.models import ApiClient
from kindcentraal.webhooks.addresses import Resolver, UnsafeUrl
from kindcentraal.webhooks.models import (
    DeliveryStatus,
    DisabledReason,
    WebhookDelivery,
    WebhookSubscription,
)
from kindcentraal.webhooks.schemas import (
    EventType,
    WebhookDeliveryRead,
    WebhookSubscriptionCreate,
    WebhookSubscriptionUpdate,
)

SECRET_PREFIX = "whsec_"  # noqa: S105 - the format's prefix, not a secret
SECRET_BYTES = 32
# After a rotation the old secret signs alongside the new one for this long.
ROTATION_OVERLAP = timedelta(hours=24)
# Retries of one delivery stop this long after its first try (or its replay).
RETRY_WINDOW = timedelta(hours=24)
MAX_SUBSCRIPTIONS_PER_CLIENT = 20


# --- Secrets ------------------------------------------------------------------------------
def new_secret() -> str:
    """A Standard Webhooks secret: `whsec_` and the base64 of 256 random bits."""
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(SECRET_BYTES)).decode()


def _key(settings: Settings) -> str:
    # The TOTP helper with a key of its own: a webhook secret and a TOTP secret never share one.
    return "kindcentraal-webhooks:" + settings.resolved_secret_key()


def encrypt_secret(settings: Settings, secret: str) -> str:
    return two_factor.encrypt(_key(settings), secret)


def decrypt_secret(settings: Settings, encrypted: str) -> str | None:
    return two_factor.decrypt(_key(settings), encrypted)


# --- Which rows the caller reaches ---------------------------------------------------------
def administered_organisations(principal: Principal) -> frozenset[uuid.UUID]:
    if principal.client is not None:
        return frozenset()
    return (
        principal.organisation_ids(frozenset({Role.ORG_ADMIN}))
        | principal.centre_admin_organisation_ids
    )


def _visible_clients(principal: Principal) -> ColumnElement[bool]:
    """The clients whose subscriptions the caller sees: itself, or its organisations'."""
    if principal.client is not None:
        return and_(
            ApiClient.id == principal.client.client_id,
            ApiClient.tenant_id == principal.tenant_id,
        )
    organisations = administered_organisations(principal)
    if not organisations:
        return false()
    return and_(
        ApiClient.tenant_id == principal.tenant_id,
        ApiClient.organisation_id.in_(sorted(organisations, key=str)),
    )


def _visible_subscriptions(principal: Principal) -> ColumnElement[bool]:
    return and_(
        WebhookSubscription.tenant_id == principal.tenant_id,
        WebhookSubscription.client_id.in_(select(ApiClient.id).where(_visible_clients(principal))),
    )


async def get_subscription(
    session: AsyncSession, principal: Principal, *, subscription_id: uuid.UUID
) -> WebhookSubscription:
    subscription = await session.scalar(
        select(WebhookSubscription).where(
            WebhookSubscription.id == subscription_id, _visible_subscriptions(principal)
        )
    )
    if subscription is None:
        raise NotFound("webhook subscription")
    return subscription


async def list_subscriptions(
    session: AsyncSession,
    principal: Principal,
    *,
    client_id: uuid.UUID | None,
    page: PageParams,
) -> tuple[list[WebhookSubscription], str | None]:
    """A client's own subscriptions; an admin's: those of its organisations' clients."""
    statement = select(WebhookSubscription).where(_visible_subscriptions(principal))
    if client_id is not None:
        statement = statement.where(WebhookSubscription.client_id == client_id)
    return await paginate(
        session,
        statement,
        sort=SortKey(WebhookSubscription.created_at),
        id_column=WebhookSubscription.id,
        params=page,
    )


# --- Rules on what is subscribed -----------------------------------------------------------
async def _client_for(
    session: AsyncSession, principal: Principal, client_id: uuid.UUID | None
) -> ApiClient:
    """The client a new subscription is for: the caller itself, or one of the clients of an
    organisation the caller administers (named in the body)."""
    if principal.client is not None and client_id is None:
        client_id = principal.client.client_id
    if client_id is None:
        raise InvalidInput.field("clientId", "missing", "Name the API client to subscribe.")
    client = await session.scalar(
        select(ApiClient).where(ApiClient.id == client_id, _visible_clients(principal))
    )
    if client is None or client.revoked_at is not None:
        raise InvalidInput.field(
            "clientId", "unknown_reference", "No such API client, or not one you manage."
        )
    return client


def _ensure_scopes(client: ApiClient, event_types: list[EventType]) -> None:
    scopes = frozenset(client.scopes)
    for index, event_type in enumerate(event_types):
        needed = SCOPES_FOR_RESOURCE[ChangedResource(EVENT_RESOURCES[event_type.value])]
        if needed.isdisjoint(scopes):
            raise InvalidInput.field(
                f"eventTypes/{index}",
                "scope_missing",
                f"The client holds no scope that sees {event_type.value} "
                f"(one of: {', '.join(sorted(needed))}).",
            )


async def check_url(settings: Settings, url: str) -> None:
    """The registration check: https in production, and an address a webhook may reach."""
    resolver = Resolver(allow_private=settings.webhooks_allow_private_networks, ttl=0)
    try:
        await resolver.target(url, https_only=settings.env == "production")
    except UnsafeUrl as exc:
        raise InvalidInput.field("url", exc.code, exc.detail) from None


async def _client_of(session: AsyncSession, subscription: WebhookSubscription) -> ApiClient:
    client = await session.scalar(
        select(ApiClient).where(
            ApiClient.id == subscription.client_id, ApiClient.tenant_id == subscription.tenant_id
        )
    )
    if client is None:  # pragma: no cover - the foreign key keeps it
        raise NotFound("API client")
    return client


# --- Writes ---------------------------------------------------------------------------------
async def create_subscription(
    session: AsyncSession,
    principal: Principal,
    *,
    data: WebhookSubscriptionCreate,
    settings: Settings,
) -> tuple[WebhookSubscription, str]:
    """Subscribe a client to event types it has the scopes to see; the secret is returned
    once, here, and kept only encrypted."""
    client = await _client_for(session, principal, data.client_id)
    _ensure_scopes(client, data.event_types)
    await check_url(settings, data.url)
    count = await session.scalar(
        select(func.count())
        .select_from(WebhookSubscription)
        .where(
            WebhookSubscription.tenant_id == principal.tenant_id,
            WebhookSubscription.client_id == client.id,
        )
    )
    if (count or 0) >= MAX_SUBSCRIPTIONS_PER_CLIENT:
        raise Conflict(f"A client has at most {MAX_SUBSCRIPTIONS_PER_CLIENT} subscriptions.")
    secret = new_secret()
    subscription = WebhookSubscription(
        tenant_id=principal.tenant_id,
        client_id=client.id,
        url=data.url,
        event_types=[event.value for event in data.event_types],
        secret_encrypted=encrypt_secret(settings, secret),
    )
    session.add(subscription)
    await session.flush()
    await audit.record_write(session, principal, resource="webhook-subscription", action="create")
    return subscription, secret


async def update_subscription(
    session: AsyncSession,
    principal: Principal,
    *,
    subscription_id: uuid.UUID,
    data: WebhookSubscriptionUpdate,
    settings: Settings,
) -> WebhookSubscription:
    """Change the URL or the event types, or switch the subscription on or off."""
    subscription = await get_subscription(session, principal, subscription_id=subscription_id)
    if data.event_types is not None:
        _ensure_scopes(await _client_of(session, subscription), data.event_types)
        subscription.event_types = [event.value for event in data.event_types]
    if data.url is not None:
        await check_url(settings, data.url)
        subscription.url = data.url
    now = datetime.now(UTC)
    if data.enabled is True and subscription.disabled_at is not None:
        subscription.disabled_at = None
        subscription.disabled_reason = None
        subscription.failing_since = None
    elif data.enabled is False and subscription.disabled_at is None:
        await disable_subscription(session, subscription, reason=DisabledReason.MANUAL, now=now)
    await session.flush()
    await audit.record_write(session, principal, resource="webhook-subscription", action="update")
    return subscription


async def delete_subscription(
    session: AsyncSession, principal: Principal, *, subscription_id: uuid.UUID
) -> None:
    """Unsubscribe; its deliveries go with it."""
    subscription = await get_subscription(session, principal, subscription_id=subscription_id)
    await session.delete(subscription)
    await session.flush()
    await audit.record_write(session, principal, resource="webhook-subscription", action="delete")


async def rotate_secret(
    session: AsyncSession,
    principal: Principal,
    *,
    subscription_id: uuid.UUID,
    settings: Settings,
) -> tuple[str, datetime]:
    """A new secret, returned once; the old one signs alongside it for 24 hours."""
    subscription = await get_subscription(session, principal, subscription_id=subscription_id)
    secret = new_secret()
    until = datetime.now(UTC) + ROTATION_OVERLAP
    subscription.previous_secret_encrypted = subscription.secret_encrypted
    subscription.previous_secret_until = until
    subscription.secret_encrypted = encrypt_secret(settings, secret)
    await session.flush()
    await audit.record_write(
        session, principal, resource="webhook-subscription-secret", action="update"
    )
    return secret, until


async def disable_subscription(
    session: AsyncSession,
    subscription: WebhookSubscription,
    *,
    reason: DisabledReason,
    now: datetime,
) -> None:
    """Off: no more deliveries; those still waiting fail (replay them after switching it on
    again, or resync through the changes feed)."""
    subscription.disabled_at = now
    subscription.disabled_reason = reason
    await session.execute(
        update(WebhookDelivery)
        .where(
            WebhookDelivery.tenant_id == subscription.tenant_id,
            WebhookDelivery.subscription_id == subscription.id,
            WebhookDelivery.status == DeliveryStatus.PENDING,
        )
        .values(status=DeliveryStatus.FAILED, locked_until=None, last_error="endpoint disabled")
    )


# --- Deliveries -----------------------------------------------------------------------------
def event_id(change_seq: int) -> str:
    """The `webhook-id` of a change: the same for every attempt and every replay."""
    return f"msg_{change_seq}"


def delivery_read(delivery: WebhookDelivery) -> WebhookDeliveryRead:
    return WebhookDeliveryRead(
        id=delivery.id,
        event_id=event_id(delivery.change_seq),
        event_type=EventType(delivery.event_type),
        status=delivery.status,
        attempts=delivery.attempts,
        last_status_code=delivery.last_status_code,
        last_error=delivery.last_error,
        next_attempt_at=(
            delivery.next_attempt_at if delivery.status == DeliveryStatus.PENDING else None
        ),
        delivered_at=delivery.delivered_at,
        created_at=delivery.created_at,
    )


async def list_deliveries(
    session: AsyncSession,
    principal: Principal,
    *,
    subscription_id: uuid.UUID,
    status: DeliveryStatus | None,
    page: PageParams,
) -> tuple[list[WebhookDeliveryRead], str | None]:
    """The subscription's deliveries, newest change first."""
    subscription = await get_subscription(session, principal, subscription_id=subscription_id)
    statement = select(WebhookDelivery).where(
        WebhookDelivery.tenant_id == subscription.tenant_id,
        WebhookDelivery.subscription_id == subscription.id,
    )
    if status is not None:
        statement = statement.where(WebhookDelivery.status == status)
    rows, cursor = await paginate(
        session,
        statement,
        sort=SortKey(WebhookDelivery.change_seq, descending=True),
        id_column=WebhookDelivery.id,
        params=page,
    )
    return [delivery_read(row) for row in rows], cursor


async def replay_delivery(
    session: AsyncSession, principal: Principal, *, delivery_id: uuid.UUID
) -> WebhookDeliveryRead:
    """Send a delivery again, now, with the same id; retried for 24 hours from now."""
    row = (
        await session.execute(
            select(WebhookDelivery, WebhookSubscription)
            .join(WebhookSubscription, WebhookSubscription.id == WebhookDelivery.subscription_id)
            .where(WebhookDelivery.id == delivery_id, _visible_subscriptions(principal))
        )
    ).first()
    if row is None:
        raise NotFound("webhook delivery")
    delivery, subscription = row
    if subscription.disabled_at is not None:
        raise Conflict("The subscription is switched off; switch it on before replaying.")
    now = datetime.now(UTC)
    delivery.status = DeliveryStatus.PENDING
    delivery.next_attempt_at = now
    delivery.locked_until = None
    delivery.give_up_at = now + RETRY_WINDOW
    await session.flush()
    await audit.record_write(session, principal, resource="webhook-delivery", action="replay")
    return delivery_read(delivery)
