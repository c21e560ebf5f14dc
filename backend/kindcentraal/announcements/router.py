import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Path

from kindcentraal.announcements import policy
from kindcentraal.announcements import service as announcements
from kindcentraal.announcements.schemas import (
    AnnouncementCreate,
    AnnouncementRead,
    AnnouncementRecipientRead,
)
from kindcentraal.auth.dependencies import SessionDep, guard
from kindcentraal.auth.principal import Principal
from kindcentraal.common.pagination import PageParams, page_params
from kindcentraal.common.responses import problems
from kindcentraal.common.schemas import Page
from kindcentraal.policy.registry import declare

router = APIRouter(prefix="/announcements", tags=["announcements"])
AnnouncementId = Annotated[uuid.UUID, Path(alias="announcementId")]

LIST = declare(
    "announcements.list",
    resource="announcement",
    action="list",
    rows="received (while a guardian of a child it concerns), sent, or of a centre one administers",
)
CREATE = declare(
    "announcements.create",
    resource="announcement",
    action="create",
    roles=policy.SENDER_ROLES,
    rows="a group whose organisation one works for (or of a centre one administers); a whole "
    "centre: its admins",
)
READ = declare(
    "announcements.read",
    resource="announcement",
    action="read",
    rows="its recipients, its sender, the admins of its centre",
)
MARK_READ = declare(
    "announcements.read-receipt",
    resource="announcement",
    action="update",
    rows="its recipients (guardians of a child it concerns)",
)
CONFIRM = declare(
    "announcements.confirm",
    resource="announcement",
    action="update",
    rows="its recipients (guardians of a child it concerns)",
)
RECIPIENTS = declare(
    "announcements.recipients",
    resource="announcement-recipients",
    action="list",
    rows="its sender and the admins of its centre",
)


@router.get("", response_model=Page[AnnouncementRead], responses=problems(400, 401))
async def list_announcements(
    principal: Annotated[Principal, Depends(guard(LIST))],
    session: SessionDep,
    page: Annotated[PageParams, Depends(page_params)],
) -> Page[AnnouncementRead]:
    """Newest first. A family sees each announcement once, labelled with the children it
    concerns; staff see what they sent; centre admins their centres' announcements."""
    items, cursor = await announcements.list_announcements(session, principal, page=page)
    return Page[AnnouncementRead](items=items, next_cursor=cursor)


@router.post(
    "",
    status_code=201,
    response_model=AnnouncementRead,
    responses=problems(400, 401, 403),
)
async def create_announcement(
    body: AnnouncementCreate,
    principal: Annotated[Principal, Depends(guard(CREATE))],
    session: SessionDep,
) -> AnnouncementRead:
    """Send an announcement to the families of a group you work with (school class or BSO
    group), or, as its admin, of the whole centre. Each guardian is notified once."""
    return await announcements.publish(session, principal, data=body)


@router.get("/{announcementId}", response_model=AnnouncementRead, responses=problems(400, 401, 404))
async def read_announcement(
    announcement_id: AnnouncementId,
    principal: Annotated[Principal, Depends(guard(READ))],
    session: SessionDep,
) -> AnnouncementRead:
    """One announcement, for its recipients, its sender and its centre's admins."""
    return await announcements.get_announcement(session, principal, announcement_id=announcement_id)


@router.post(
    "/{announcementId}/read",
    response_model=AnnouncementRead,
    responses=problems(400, 401, 403, 404),
)
async def mark_announcement_read(
    announcement_id: AnnouncementId,
    principal: Annotated[Principal, Depends(guard(MARK_READ))],
    session: SessionDep,
) -> AnnouncementRead:
    """A family marks it read; the sender sees when."""
    return await announcements.mark_read(session, principal, announcement_id=announcement_id)


@router.post(
    "/{announcementId}/confirmation",
    response_model=AnnouncementRead,
    responses=problems(400, 401, 403, 404, 409),
)
async def confirm_announcement(
    announcement_id: AnnouncementId,
    principal: Annotated[Principal, Depends(guard(CONFIRM))],
    session: SessionDep,
) -> AnnouncementRead:
    """A family confirms they read an announcement that asks for it (409 if it does not)."""
    return await announcements.confirm(session, principal, announcement_id=announcement_id)


@router.get(
    "/{announcementId}/recipients",
    response_model=Page[AnnouncementRecipientRead],
    responses=problems(400, 401, 403, 404),
)
async def list_announcement_recipients(
    announcement_id: AnnouncementId,
    principal: Annotated[Principal, Depends(guard(RECIPIENTS))],
    session: SessionDep,
    page: Annotated[PageParams, Depends(page_params)],
) -> Page[AnnouncementRecipientRead]:
    """Who received it, for which children, and when they read and confirmed it: for the
    sender and the centre's admins. Names children, so it is in their access log."""
    items, cursor = await announcements.list_recipients(
        session, principal, announcement_id=announcement_id, page=page
    )
    return Page[AnnouncementRecipientRead](items=items, next_cursor=cursor)
