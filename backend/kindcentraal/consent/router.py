import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query

from kindcentraal.auth.dependencies import SessionDep, guard
from kindcentraal.auth.principal import Principal
from kindcentraal.common.responses import problems
from kindcentraal.consent import service as consent_service
from kindcentraal.consent.schemas import ConsentCreate, ConsentRead
from kindcentraal.policy.registry import declare

router = APIRouter(prefix="/children/{childId}/consents", tags=["consents"])
ChildId = Annotated[uuid.UUID, Path(alias="childId")]
ConsentId = Annotated[uuid.UUID, Path(alias="consentId")]

LIST = declare(
    "consents.list",
    resource="consent",
    action="list",
    rows="guardians with parental authority and the professionals around the child",
)
GIVE = declare(
    "consents.give",
    resource="consent",
    action="create",
    rows="guardians with parental authority of the child",
)
WITHDRAW = declare(
    "consents.withdraw",
    resource="consent",
    action="update",
    rows="guardians with parental authority of the child",
)


@router.get("", response_model=list[ConsentRead], responses=problems(400, 401, 403, 404))
async def list_consents(
    child_id: ChildId,
    principal: Annotated[Principal, Depends(guard(LIST))],
    session: SessionDep,
    in_force: Annotated[
        bool | None, Query(alias="inForce", description="Only consents in force (or not).")
    ] = None,
) -> list[ConsentRead]:
    """Every consent for the child, newest first, withdrawn ones included (history is kept)."""
    return await consent_service.list_consents(
        session, principal, child_id=child_id, in_force=in_force
    )


@router.post(
    "", status_code=201, response_model=ConsentRead, responses=problems(400, 401, 403, 404)
)
async def create_consent(
    child_id: ChildId,
    body: ConsentCreate,
    principal: Annotated[Principal, Depends(guard(GIVE))],
    session: SessionDep,
) -> ConsentRead:
    """A guardian with parental authority consents; from 12 the child consents too."""
    return await consent_service.give_consent(session, principal, child_id=child_id, data=body)


@router.post(
    "/{consentId}/withdrawal",
    response_model=ConsentRead,
    responses=problems(400, 401, 403, 404, 409),
)
async def withdraw_consent(
    child_id: ChildId,
    consent_id: ConsentId,
    principal: Annotated[Principal, Depends(guard(WITHDRAW))],
    session: SessionDep,
) -> ConsentRead:
    """Withdraw a consent; the organisation loses access on its very next request."""
    return await consent_service.withdraw_consent(
        session, principal, child_id=child_id, consent_id=consent_id
    )
