import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Response

from kindcentraal.auth.dependencies import SessionDep, guard
from kindcentraal.auth.principal import Principal
from kindcentraal.careteam import service as team_service
from kindcentraal.careteam.schemas import (
    CareTeamMemberCreate,
    CareTeamMemberRead,
    CareTeamMemberUpdate,
)
from kindcentraal.common.responses import problems
from kindcentraal.policy.registry import declare

router = APIRouter(prefix="/children/{childId}/care-team", tags=["care-team"])
ChildId = Annotated[uuid.UUID, Path(alias="childId")]
MemberId = Annotated[uuid.UUID, Path(alias="memberId")]

LIST = declare(
    "care-team.list",
    resource="care-team",
    action="list",
    rows="professionals around the child and guardians with parental authority",
)
MANAGE = declare(
    "care-team.manage",
    resource="care-team",
    action="write",
    rows="the contact person, care coordinators and centre admins of the centre, admins of a "
    "placing organisation",
)
Reader = Annotated[Principal, Depends(guard(LIST))]
Manager = Annotated[Principal, Depends(guard(MANAGE))]


@router.get("", response_model=list[CareTeamMemberRead], responses=problems(400, 401, 403, 404))
async def list_care_team(
    child_id: ChildId, principal: Reader, session: SessionDep
) -> list[CareTeamMemberRead]:
    """Who works with this child, for which organisation, and whether consent is in force."""
    return await team_service.list_team(session, principal, child_id=child_id)


@router.post(
    "",
    status_code=201,
    response_model=CareTeamMemberRead,
    responses=problems(400, 401, 403, 404, 409),
)
async def create_care_team_member(
    child_id: ChildId, body: CareTeamMemberCreate, principal: Manager, session: SessionDep
) -> CareTeamMemberRead:
    """Add a professional; they see the child once a guardian consents for their organisation."""
    return await team_service.add_member(session, principal, child_id=child_id, data=body)


@router.patch(
    "/{memberId}", response_model=CareTeamMemberRead, responses=problems(400, 401, 403, 404)
)
async def update_care_team_member(
    child_id: ChildId,
    member_id: MemberId,
    body: CareTeamMemberUpdate,
    principal: Manager,
    session: SessionDep,
) -> CareTeamMemberRead:
    """Change a member's role or end date."""
    return await team_service.update_member(
        session, principal, child_id=child_id, member_id=member_id, data=body
    )


@router.delete("/{memberId}", status_code=204, responses=problems(400, 401, 403, 404))
async def delete_care_team_member(
    child_id: ChildId, member_id: MemberId, principal: Manager, session: SessionDep
) -> Response:
    """Remove a member entered by mistake; to end one, set the end date."""
    await team_service.remove_member(session, principal, child_id=child_id, member_id=member_id)
    return Response(status_code=204)
