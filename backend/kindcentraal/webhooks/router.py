import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Response

from kindcentraal.auth.dependencies import SessionDep, SettingsDep, guard
from kindcentraal.auth.principal import Principal
from kindcentraal.common.pagination import PageParams, page_params
from kindcentraal.common.responses import problems
from kindcentraal.common.schemas import Page
from kindcentraal.common.scopes import ApiScope
from kindcentraal.organisation.models import Role
from kindcentraal.policy.registry import declare
from kindcentraal.webhooks import service as webhook_service
from kindcentraal.webhooks.models import DeliveryStatus
from kindcentraal.webhooks.schemas import (
    WebhookDeliveryRead,
    WebhookSecretRead,
    WebhookSubscriptionCreate,
    WebhookSubscriptionRead,
    WebhookSubscriptionUpdate,
    WebhookSubscriptionWithSecret,
)

router = APIRouter(tags=["webhooks"])
SubscriptionId = Annotated[uuid.UUID, Path(alias="subscriptionId")]
DeliveryId = Annotated[uuid.UUID, Path(alias="deliveryId")]

# Who may list and create; on a single subscription the rows decide (anyone else's answers
# 404, another municipality's too, whatever the caller's role).
ADMINS = frozenset({Role.ORG_ADMIN, Role.CENTRE_ADMIN})
ROWS = "a client's own subscriptions; those of the clients of organisations the caller administers"


LIST_SUBSCRIPTIONS = declare(
    "webhooks.list",
    resource="webhook-subscription",
    action="list",
    roles=ADMINS,
    rows=ROWS,
    client_scope=ApiScope.WEBHOOKS_MANAGE,
)
CREATE_SUBSCRIPTION = declare(
    "webhooks.create",
    resource="webhook-subscription",
    action="create",
    roles=ADMINS,
    rows="the calling client; a client of an organisation the caller administers",
    client_scope=ApiScope.WEBHOOKS_MANAGE,
)
READ_SUBSCRIPTION = declare(
    "webhooks.read",
    resource="webhook-subscription",
    action="read",
    rows=ROWS,
    client_scope=ApiScope.WEBHOOKS_MANAGE,
)
UPDATE_SUBSCRIPTION = declare(
    "webhooks.update",
    resource="webhook-subscription",
    action="update",
    rows=ROWS,
    client_scope=ApiScope.WEBHOOKS_MANAGE,
)
DELETE_SUBSCRIPTION = declare(
    "webhooks.delete",
    resource="webhook-subscription",
    action="delete",
    rows=ROWS,
    client_scope=ApiScope.WEBHOOKS_MANAGE,
)
ROTATE_SECRET = declare(
    "webhooks.rotate_secret",
    resource="webhook-subscription",
    action="update",
    rows=ROWS,
    client_scope=ApiScope.WEBHOOKS_MANAGE,
)
LIST_DELIVERIES = declare(
    "webhooks.list_deliveries",
    resource="webhook-delivery",
    action="list",
    rows="deliveries of the subscriptions the caller sees",
    client_scope=ApiScope.WEBHOOKS_MANAGE,
)
REPLAY_DELIVERY = declare(
    "webhooks.replay_delivery",
    resource="webhook-delivery",
    action="update",
    rows="deliveries of the subscriptions the caller sees",
    client_scope=ApiScope.WEBHOOKS_MANAGE,
)


@router.get(
    "/webhook-subscriptions",
    response_model=Page[WebhookSubscriptionRead],
    responses=problems(400, 401, 403),
)
async def list_webhook_subscriptions(
    principal: Annotated[Principal, Depends(guard(LIST_SUBSCRIPTIONS))],
    session: SessionDep,
    page: Annotated[PageParams, Depends(page_params)],
    client_id: Annotated[uuid.UUID | None, Query(alias="clientId")] = None,
) -> Page[WebhookSubscriptionRead]:
    """A client's own subscriptions; an organisation admin's: those of its clients."""
    items, cursor = await webhook_service.list_subscriptions(
        session, principal, client_id=client_id, page=page
    )
    return Page[WebhookSubscriptionRead](
        items=[WebhookSubscriptionRead.model_validate(s) for s in items], next_cursor=cursor
    )


@router.post(
    "/webhook-subscriptions",
    status_code=201,
    response_model=WebhookSubscriptionWithSecret,
    responses=problems(400, 401, 403, 409),
)
async def create_webhook_subscription(
    body: WebhookSubscriptionCreate,
    principal: Annotated[Principal, Depends(guard(CREATE_SUBSCRIPTION))],
    session: SessionDep,
    settings: SettingsDep,
) -> WebhookSubscriptionWithSecret:
    """Subscribe a client to change events (Standard Webhooks); the secret is shown once."""
    subscription, secret = await webhook_service.create_subscription(
        session, principal, data=body, settings=settings
    )
    read = WebhookSubscriptionRead.model_validate(subscription)
    return WebhookSubscriptionWithSecret(**read.model_dump(by_alias=False), secret=secret)


@router.get(
    "/webhook-subscriptions/{subscriptionId}",
    response_model=WebhookSubscriptionRead,
    responses=problems(400, 401, 403, 404),
)
async def read_webhook_subscription(
    subscription_id: SubscriptionId,
    principal: Annotated[Principal, Depends(guard(READ_SUBSCRIPTION))],
    session: SessionDep,
) -> WebhookSubscriptionRead:
    """One subscription (never its secret)."""
    subscription = await webhook_service.get_subscription(
        session, principal, subscription_id=subscription_id
    )
    return WebhookSubscriptionRead.model_validate(subscription)


@router.patch(
    "/webhook-subscriptions/{subscriptionId}",
    response_model=WebhookSubscriptionRead,
    responses=problems(400, 401, 403, 404),
)
async def update_webhook_subscription(
    subscription_id: SubscriptionId,
    body: WebhookSubscriptionUpdate,
    principal: Annotated[Principal, Depends(guard(UPDATE_SUBSCRIPTION))],
    session: SessionDep,
    settings: SettingsDep,
) -> WebhookSubscriptionRead:
    """Change the URL or event types, or switch a subscription on again (or off)."""
    subscription = await webhook_service.update_subscription(
        session, principal, subscription_id=subscription_id, data=body, settings=settings
    )
    return WebhookSubscriptionRead.model_validate(subscription)


@router.delete(
    "/webhook-subscriptions/{subscriptionId}",
    status_code=204,
    responses=problems(400, 401, 403, 404),
)
async def delete_webhook_subscription(
    subscription_id: SubscriptionId,
    principal: Annotated[Principal, Depends(guard(DELETE_SUBSCRIPTION))],
    session: SessionDep,
) -> Response:
    """Unsubscribe; the subscription's deliveries are removed with it."""
    await webhook_service.delete_subscription(session, principal, subscription_id=subscription_id)
    return Response(status_code=204)


@router.post(
    "/webhook-subscriptions/{subscriptionId}/secret-rotation",
    response_model=WebhookSecretRead,
    responses=problems(400, 401, 403, 404),
)
async def rotate_webhook_secret(
    subscription_id: SubscriptionId,
    principal: Annotated[Principal, Depends(guard(ROTATE_SECRET))],
    session: SessionDep,
    settings: SettingsDep,
) -> WebhookSecretRead:
    """A new signing secret, shown once; the old one keeps signing for 24 hours."""
    secret, until = await webhook_service.rotate_secret(
        session, principal, subscription_id=subscription_id, settings=settings
    )
    return WebhookSecretRead(secret=secret, previous_secret_until=until)


@router.get(
    "/webhook-subscriptions/{subscriptionId}/deliveries",
    response_model=Page[WebhookDeliveryRead],
    responses=problems(400, 401, 403, 404),
)
async def list_webhook_deliveries(
    subscription_id: SubscriptionId,
    principal: Annotated[Principal, Depends(guard(LIST_DELIVERIES))],
    session: SessionDep,
    page: Annotated[PageParams, Depends(page_params)],
    status: Annotated[DeliveryStatus | None, Query()] = None,
) -> Page[WebhookDeliveryRead]:
    """The subscription's delivery attempts, newest change first: status, attempts, the
    receiver's last answer."""
    items, cursor = await webhook_service.list_deliveries(
        session, principal, subscription_id=subscription_id, status=status, page=page
    )
    return Page[WebhookDeliveryRead](items=items, next_cursor=cursor)


@router.post(
    "/webhook-deliveries/{deliveryId}/replay",
    status_code=202,
    response_model=WebhookDeliveryRead,
    responses=problems(400, 401, 403, 404, 409),
)
async def replay_webhook_delivery(
    delivery_id: DeliveryId,
    principal: Annotated[Principal, Depends(guard(REPLAY_DELIVERY))],
    session: SessionDep,
) -> WebhookDeliveryRead:
    """Queue a delivery again, due now, with the same webhook-id."""
    return await webhook_service.replay_delivery(session, principal, delivery_id=delivery_id)
