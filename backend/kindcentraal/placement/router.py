import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Response

from kindcentraal.auth.dependencies import CurrentPrincipal, SessionDep
from kindcentraal.common.pagination import PageParams, page_params
from kindcentraal.common.responses import problems
from kindcentraal.common.schemas import IsoDate, Page
from kindcentraal.placement import service as placement_service
from kindcentraal.placement.schemas import PlacementCreate, PlacementRead, PlacementUpdate

router = APIRouter(prefix="/placements", tags=["placements"])
PlacementId = Annotated[uuid.UUID, Path(alias="placementId")]


@router.get("", response_model=Page[PlacementRead], responses=problems(400, 401))
async def list_placements(
    principal: CurrentPrincipal,
    session: SessionDep,
    page: Annotated[PageParams, Depends(page_params)],
    child_id: Annotated[uuid.UUID | None, Query(alias="childId")] = None,
    organisation_id: Annotated[uuid.UUID | None, Query(alias="organisationId")] = None,
    active_on: Annotated[
        IsoDate | None, Query(alias="activeOn", description="Placements running on this date.")
    ] = None,
) -> Page[PlacementRead]:
    """Placements of the children the caller may see."""
    items, cursor = await placement_service.list_placements(
        session,
        principal,
        child_id=child_id,
        organisation_id=organisation_id,
        active_on=active_on,
        page=page,
    )
    return Page[PlacementRead](
        items=[PlacementRead.model_validate(p) for p in items], next_cursor=cursor
    )


@router.post("", status_code=201, response_model=PlacementRead, responses=problems(400, 401, 403))
async def create_placement(
    body: PlacementCreate, principal: CurrentPrincipal, session: SessionDep
) -> PlacementRead:
    """Place a visible child at an organisation: centre admins anywhere, staff at their own."""
    placement = await placement_service.create_placement(session, principal, data=body)
    return PlacementRead.model_validate(placement)


@router.get("/{placementId}", response_model=PlacementRead, responses=problems(400, 401, 404))
async def read_placement(
    placement_id: PlacementId, principal: CurrentPrincipal, session: SessionDep
) -> PlacementRead:
    """One placement of a child the caller may see."""
    placement = await placement_service.get_placement(session, principal, placement_id=placement_id)
    return PlacementRead.model_validate(placement)


@router.patch(
    "/{placementId}", response_model=PlacementRead, responses=problems(400, 401, 403, 404)
)
async def update_placement(
    placement_id: PlacementId,
    body: PlacementUpdate,
    principal: CurrentPrincipal,
    session: SessionDep,
) -> PlacementRead:
    """Change dates or days; the end date never lies before the start."""
    placement = await placement_service.update_placement(
        session, principal, placement_id=placement_id, data=body
    )
    return PlacementRead.model_validate(placement)


@router.delete("/{placementId}", status_code=204, responses=problems(400, 401, 403, 404))
async def delete_placement(
    placement_id: PlacementId, principal: CurrentPrincipal, session: SessionDep
) -> Response:
    """Remove a placement entered by mistake; to end one, set its end date."""
    await placement_service.delete_placement(session, principal, placement_id=placement_id)
    return Response(status_code=204)
