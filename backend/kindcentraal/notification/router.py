import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query

from kindcentraal.auth.dependencies import SessionDep, guard
from kindcentraal.auth.principal import Principal
from kindcentraal.common.pagination import PageParams, page_params
from kindcentraal.common.responses import problems
from kindcentraal.notification import service
from kindcentraal.notification.schemas import NotificationPage, NotificationRead, NotificationUpdate
from kindcentraal.policy.registry import declare

router = APIRouter(prefix="/notifications", tags=["notifications"])

LIST = declare(
    "notifications.list", resource="notification", action="list", rows="the caller's own"
)
UPDATE = declare(
    "notifications.update", resource="notification", action="update", rows="the caller's own"
)


@router.get("", response_model=NotificationPage, responses=problems(400, 401))
async def list_notifications(
    principal: Annotated[Principal, Depends(guard(LIST))],
    session: SessionDep,
    page: Annotated[PageParams, Depends(page_params)],
    unread: Annotated[bool, Query(description="Only the unread ones.")] = False,
) -> NotificationPage:
    """Your notifications, newest first: what happened and for which child, never care content."""
    items, cursor = await service.list_notifications(
        session, principal, unread_only=unread, page=page
    )
    return NotificationPage(
        items=items,
        next_cursor=cursor,
        unread_count=await service.unread_count(session, principal),
    )


@router.patch(
    "/{notificationId}", response_model=NotificationRead, responses=problems(400, 401, 404)
)
async def update_notification(
    notification_id: Annotated[uuid.UUID, Path(alias="notificationId")],
    body: NotificationUpdate,
    principal: Annotated[Principal, Depends(guard(UPDATE))],
    session: SessionDep,
) -> NotificationRead:
    """Mark one of your notifications read (or unread again)."""
    return await service.update_notification(
        session, principal, notification_id=notification_id, data=body
    )
