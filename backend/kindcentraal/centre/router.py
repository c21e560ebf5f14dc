import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Response

from kindcentraal.auth.dependencies import SessionDep, guard
from kindcentraal.auth.principal import Principal
from kindcentraal.centre import service as centre_service
from kindcentraal.centre.schemas import ChildCentreCreate, ChildCentreRead, ChildCentreUpdate
from kindcentraal.common.pagination import PageParams, page_params
from kindcentraal.common.responses import problems
from kindcentraal.common.schemas import Page
from kindcentraal.organisation.models import Role
from kindcentraal.policy.registry import declare

router = APIRouter(prefix="/child-centres", tags=["child-centres"])
CentreId = Annotated[uuid.UUID, Path(alias="centreId")]

LIST_CHILD_CENTRES = declare(
    "child-centres.list",
    resource="child-centre",
    action="list",
    rows="the caller's municipality",
)
CREATE_CHILD_CENTRE = declare(
    "child-centres.create",
    resource="child-centre",
    action="create",
    roles=frozenset({Role.CENTRE_ADMIN}),
    rows="the caller's municipality",
)
READ_CHILD_CENTRE = declare(
    "child-centres.read",
    resource="child-centre",
    action="read",
    rows="the caller's municipality",
)
UPDATE_CHILD_CENTRE = declare(
    "child-centres.update",
    resource="child-centre",
    action="update",
    rows="centres the caller administers",
)
DELETE_CHILD_CENTRE = declare(
    "child-centres.delete",
    resource="child-centre",
    action="delete",
    rows="centres the caller administers, without children",
)


@router.get("", response_model=Page[ChildCentreRead], responses=problems(400, 401))
async def list_child_centres(
    principal: Annotated[Principal, Depends(guard(LIST_CHILD_CENTRES))],
    session: SessionDep,
    page: Annotated[PageParams, Depends(page_params)],
    q: Annotated[str | None, Query(max_length=100, description="Part of the name.")] = None,
) -> Page[ChildCentreRead]:
    """The centres of the caller's municipality, by name."""
    items, cursor = await centre_service.list_centres(session, principal, q=q, page=page)
    return Page[ChildCentreRead](
        items=[ChildCentreRead.model_validate(c) for c in items], next_cursor=cursor
    )


@router.post(
    "", status_code=201, response_model=ChildCentreRead, responses=problems(400, 401, 403, 409)
)
async def create_child_centre(
    body: ChildCentreCreate,
    principal: Annotated[Principal, Depends(guard(CREATE_CHILD_CENTRE))],
    session: SessionDep,
) -> ChildCentreRead:
    """Centre administrators register a centre."""
    centre = await centre_service.create_centre(session, principal, data=body)
    return ChildCentreRead.model_validate(centre)


@router.get("/{centreId}", response_model=ChildCentreRead, responses=problems(400, 401, 404))
async def read_child_centre(
    centre_id: CentreId,
    principal: Annotated[Principal, Depends(guard(READ_CHILD_CENTRE))],
    session: SessionDep,
) -> ChildCentreRead:
    """One centre of the caller's municipality."""
    centre = await centre_service.get_centre(session, principal, centre_id=centre_id)
    return ChildCentreRead.model_validate(centre)


@router.patch(
    "/{centreId}", response_model=ChildCentreRead, responses=problems(400, 401, 403, 404, 409)
)
async def update_child_centre(
    centre_id: CentreId,
    body: ChildCentreUpdate,
    principal: Annotated[Principal, Depends(guard(UPDATE_CHILD_CENTRE))],
    session: SessionDep,
) -> ChildCentreRead:
    """Administrators of the centre change its name or address."""
    centre = await centre_service.update_centre(session, principal, centre_id=centre_id, data=body)
    return ChildCentreRead.model_validate(centre)


@router.delete("/{centreId}", status_code=204, responses=problems(400, 401, 403, 404, 409))
async def delete_child_centre(
    centre_id: CentreId,
    principal: Annotated[Principal, Depends(guard(DELETE_CHILD_CENTRE))],
    session: SessionDep,
) -> Response:
    """Administrators of the centre delete it once no child belongs to it."""
    await centre_service.delete_centre(session, principal, centre_id=centre_id)
    return Response(status_code=204)
