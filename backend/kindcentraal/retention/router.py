import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Response

from kindcentraal.auth.dependencies import SessionDep, guard
from kindcentraal.auth.principal import Principal
from kindcentraal.common.responses import problems
from kindcentraal.organisation.models import Role
from kindcentraal.policy.registry import declare
from kindcentraal.retention import service
from kindcentraal.retention.schemas import (
    LegalHoldRead,
    LegalHoldSet,
    RetentionSchedule,
    RetentionScheduleUpdate,
)

router = APIRouter(tags=["retention"])

ChildId = Annotated[uuid.UUID, Path(alias="childId")]

READ_SCHEDULE = declare(
    "retention-schedule.read",
    resource="retention-schedule",
    action="read",
    roles={Role.CENTRE_ADMIN},
    rows="the caller's municipality",
)
UPDATE_SCHEDULE = declare(
    "retention-schedule.update",
    resource="retention-schedule",
    action="update",
    roles={Role.CENTRE_ADMIN},
    rows="the caller's municipality",
)
READ_HOLD = declare(
    "legal-hold.read",
    resource="legal-hold",
    action="read",
    rows="children of centres the caller administers (others who see the child: 403)",
)
SET_HOLD = declare(
    "legal-hold.update",
    resource="legal-hold",
    action="update",
    rows="children of centres the caller administers (others who see the child: 403)",
)
RELEASE_HOLD = declare(
    "legal-hold.delete",
    resource="legal-hold",
    action="delete",
    rows="children of centres the caller administers (others who see the child: 403)",
)


@router.get("/retention-schedule", response_model=RetentionSchedule, responses=problems(401, 403))
async def read_retention_schedule(
    principal: Annotated[Principal, Depends(guard(READ_SCHEDULE))], session: SessionDep
) -> RetentionSchedule:
    """How long each category of data is kept, from when, and on which legal basis."""
    return RetentionSchedule(items=await service.read_schedule(session, principal))


@router.put(
    "/retention-schedule", response_model=RetentionSchedule, responses=problems(400, 401, 403)
)
async def update_retention_schedule(
    body: RetentionScheduleUpdate,
    principal: Annotated[Principal, Depends(guard(UPDATE_SCHEDULE))],
    session: SessionDep,
) -> RetentionSchedule:
    """Set the municipality's own terms; never below a legal minimum. Categories left out go
    back to their default."""
    items = await service.update_schedule(session, principal, items=body.items)
    return RetentionSchedule(items=items)


@router.get(
    "/children/{childId}/legal-hold",
    response_model=LegalHoldRead,
    responses=problems(400, 401, 403, 404),
)
async def read_legal_hold(
    child_id: ChildId,
    principal: Annotated[Principal, Depends(guard(READ_HOLD))],
    session: SessionDep,
) -> LegalHoldRead:
    """Whether a legal hold keeps the child's data from the purge."""
    return await service.read_legal_hold(session, principal, child_id=child_id)


@router.put(
    "/children/{childId}/legal-hold",
    response_model=LegalHoldRead,
    responses=problems(400, 401, 403, 404),
)
async def set_legal_hold(
    child_id: ChildId,
    body: LegalHoldSet,
    principal: Annotated[Principal, Depends(guard(SET_HOLD))],
    session: SessionDep,
) -> LegalHoldRead:
    """Keep the child's data from the purge, with a reason; audited without the reason."""
    return await service.set_legal_hold(session, principal, child_id=child_id, reason=body.reason)


@router.delete(
    "/children/{childId}/legal-hold", status_code=204, responses=problems(400, 401, 403, 404)
)
async def release_legal_hold(
    child_id: ChildId,
    principal: Annotated[Principal, Depends(guard(RELEASE_HOLD))],
    session: SessionDep,
) -> Response:
    """Lift the legal hold; the schedule applies to the child's data again."""
    await service.release_legal_hold(session, principal, child_id=child_id)
    return Response(status_code=204)
