import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Path

from kindcentraal.audit import access_log
from kindcentraal.audit.schemas import AccessLogEntry, AccessVisit
from kindcentraal.auth.dependencies import SessionDep, guard
from kindcentraal.auth.principal import Principal
from kindcentraal.common.pagination import PageParams, page_params
from kindcentraal.common.responses import problems
from kindcentraal.common.schemas import Page
from kindcentraal.policy.registry import declare

router = APIRouter(tags=["access-log"])

READ = declare(
    "access-log.list",
    resource="access-log",
    action="list",
    rows="guardians with parental authority and the contact person of the child",
)
READ_VISITS = declare(
    "access-log.visits",
    resource="access-log",
    action="list",
    rows="guardians with parental authority and the contact person of the child",
)


@router.get(
    "/children/{childId}/access-log",
    response_model=Page[AccessLogEntry],
    responses=problems(400, 401, 403, 404),
)
async def read_access_log(
    child_id: Annotated[uuid.UUID, Path(alias="childId")],
    principal: Annotated[Principal, Depends(guard(READ))],
    session: SessionDep,
    page: Annotated[PageParams, Depends(page_params)],
) -> Page[AccessLogEntry]:
    """Who looked at or changed the child's file, from which organisation, when; newest first."""
    items, cursor = await access_log.read_access_log(
        session, principal, child_id=child_id, page=page
    )
    return Page[AccessLogEntry](items=items, next_cursor=cursor)


@router.get(
    "/children/{childId}/access-log/visits",
    response_model=Page[AccessVisit],
    responses=problems(400, 401, 403, 404),
)
async def read_access_visits(
    child_id: Annotated[uuid.UUID, Path(alias="childId")],
    principal: Annotated[Principal, Depends(guard(READ_VISITS))],
    session: SessionDep,
    page: Annotated[PageParams, Depends(page_params)],
) -> Page[AccessVisit]:
    """The access log grouped per visit: one person from one organisation, events at most 30
    minutes apart; newest first. A page holds whole visits."""
    items, cursor = await access_log.read_access_visits(
        session, principal, child_id=child_id, page=page
    )
    return Page[AccessVisit](items=items, next_cursor=cursor)
