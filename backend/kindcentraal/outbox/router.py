from typing import Annotated

from fastapi import APIRouter, Depends

from kindcentraal.auth.dependencies import SessionDep, guard
from kindcentraal.auth.principal import Principal
from kindcentraal.common.responses import problems
from kindcentraal.outbox import settings as mail_settings
from kindcentraal.outbox.schemas import NotificationSettings
from kindcentraal.policy.registry import declare

router = APIRouter(tags=["notifications"])

READ_SETTINGS = declare(
    "notification-settings.read",
    resource="me",
    action="read",
    rows="the caller's own settings",
)
UPDATE_SETTINGS = declare(
    "notification-settings.update",
    resource="me",
    action="update",
    rows="the caller's own settings",
)


@router.get(
    "/me/notification-settings", response_model=NotificationSettings, responses=problems(401)
)
async def read_notification_settings(
    principal: Annotated[Principal, Depends(guard(READ_SETTINGS))], session: SessionDep
) -> NotificationSettings:
    """Which notifications you also get by e-mail (all, until you choose)."""
    return await mail_settings.read_settings(session, principal)


@router.put(
    "/me/notification-settings",
    response_model=NotificationSettings,
    responses=problems(400, 401),
)
async def update_notification_settings(
    body: NotificationSettings,
    principal: Annotated[Principal, Depends(guard(UPDATE_SETTINGS))],
    session: SessionDep,
) -> NotificationSettings:
    """Choose which notifications you also get by e-mail. A mail says only what happened and
    for which child, never the content."""
    return await mail_settings.update_settings(session, principal, body)
